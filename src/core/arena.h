// A bump allocator for bytes: strings copied in stay at a stable address
// until the arena is destroyed. Used to keep a file's candidate rows compact
// (one allocation per block, not one per cell).
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace flexpipe {

class Arena {
 public:
  explicit Arena(size_t block_bytes = 256 * 1024) : block_bytes_(block_bytes) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  // Copies `bytes` into the arena and returns a view of the copy.
  std::string_view Copy(std::string_view bytes) {
    if (bytes.empty()) return {};
    char* dst = Allocate(bytes.size());
    std::memcpy(dst, bytes.data(), bytes.size());
    return {dst, bytes.size()};
  }

  char* Allocate(size_t n) {
    used_ += n;
    if (n > block_bytes_ / 4) {
      // Large values get a block of their own; the current block stays in use.
      blocks_.push_back(std::make_unique<char[]>(n));
      reserved_ += n;
      return blocks_.back().get();
    }
    if (n > remaining_) {
      blocks_.push_back(std::make_unique<char[]>(block_bytes_));
      reserved_ += block_bytes_;
      cursor_ = blocks_.back().get();
      remaining_ = block_bytes_;
    }
    char* p = cursor_;
    cursor_ += n;
    remaining_ -= n;
    return p;
  }

  size_t bytes_used() const { return used_; }
  size_t bytes_reserved() const { return reserved_; }

 private:
  size_t block_bytes_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  size_t remaining_ = 0;
  size_t used_ = 0;
  size_t reserved_ = 0;
};

}  // namespace flexpipe
