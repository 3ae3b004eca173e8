// An index from de-duplication keys to positions (in a candidate list): an
// open-addressing table of 8-byte slots {32 bits of the key's hash,
// position}, probed linearly, kept at most 70 % full. The keys themselves stay
// where they are (in the candidates' records); when the 32 bits match, the
// caller compares the key stored with that position. 11 to 23 bytes per key
// and one allocation for the whole table — a node-based std::unordered_map
// took ~56 bytes and one allocation per key, and its inserts were most of
// merging. One thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace flexpipe {

class KeyIndex {
 public:
  // Room for `keys` keys without growing.
  void Reserve(size_t keys);

  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

  // For a key of hash `hash` (Hash(key)): the position stored for an equal
  // key and false; or, when the key is new, stores `position` (less than
  // 2^32 - 1) and returns it with true. `same_key(p)` says whether the key
  // stored with position p equals the new key; it is asked only when 32 bits
  // of the hashes match.
  template <typename SameKey>
  std::pair<uint32_t, bool> FindOrInsert(uint64_t hash, uint32_t position, const SameKey& same_key) {
    if ((size_ + 1) * 10 > slots_.size() * 7) Grow(size_ + 1);
    const auto tag = static_cast<uint32_t>(hash >> 32);
    for (size_t i = tag & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.position == kEmpty) {
        slot = Slot{tag, position};
        ++size_;
        return {position, true};
      }
      if (slot.tag == tag && same_key(slot.position)) return {slot.position, false};
    }
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t tag = 0;  // the high 32 bits of the hash; the slot's home is tag & mask_
    uint32_t position = kEmpty;
  };
  // Re-inserts every slot into a table with room for `keys` keys.
  void Grow(size_t keys);

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace flexpipe
