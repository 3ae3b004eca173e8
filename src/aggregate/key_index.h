// An index from de-duplication keys to positions (in a candidate list): an
// open-addressing table of 16-byte slots {hash, position}, probed linearly,
// kept at most 70 % full. The keys themselves stay where they are (in the
// candidates' records); on a hash match the caller compares the key stored
// with that position. About 23 to 46 bytes per key, one
// allocation for the whole table — a node-based std::unordered_map took ~56
// bytes and one allocation per key, and its inserts were most of merging.
// One thread at a time.
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

  // The hash of a key (never 0, so 0 can stand for "no key").
  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key) | 1; }

  // For a key of hash `hash` (Hash(key)): the position stored for an equal
  // key and false; or, when the key is new, stores `position` and returns it
  // with true. `same_key(p)` says whether the key stored with position p
  // equals the new key; it is asked only when the hashes match.
  template <typename SameKey>
  std::pair<uint32_t, bool> FindOrInsert(uint64_t hash, uint32_t position, const SameKey& same_key) {
    if ((size_ + 1) * 10 > slots_.size() * 7) Grow(size_ + 1);
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (!slot.used) {
        slot = Slot{hash, position, 1};
        ++size_;
        return {position, true};
      }
      if (slot.hash == hash && same_key(slot.position)) return {slot.position, false};
    }
  }

  size_t size() const { return size_; }
  size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t position = 0;
    uint32_t used = 0;
  };
  // Re-inserts every slot into a table with room for `keys` keys.
  void Grow(size_t keys);

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace flexpipe
