// A heap buffer holding a window of unconsumed bytes followed by spare room,
// the building block of the streaming readers: bytes are appended into the
// spare room (Commit) and taken from the front (Consume). Memory is
// uninitialised until written; the buffer grows only when asked and never
// shrinks. Compact() and EnsureSpare() move the bytes and so invalidate
// pointers into the buffer.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <span>

namespace flexpipe {

class ByteBuffer {
 public:
  explicit ByteBuffer(size_t capacity = 0)
      : data_(capacity > 0 ? new char[capacity] : nullptr), capacity_(capacity) {}
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  // The unconsumed bytes.
  char* data() { return data_.get() + begin_; }
  size_t size() const { return end_ - begin_; }
  std::span<char> unconsumed() { return {data(), size()}; }
  size_t capacity() const { return capacity_; }
  void Consume(size_t n) { begin_ += n; }

  // Room after the unconsumed bytes; Commit(n) appends the n bytes written there.
  char* spare() { return data_.get() + end_; }
  size_t spare_size() const { return capacity_ - end_; }
  void Commit(size_t n) { end_ += n; }

  // Moves the unconsumed bytes to the front, so all free room is spare.
  void Compact() {
    if (begin_ == 0) return;
    if (end_ > begin_) std::memmove(data_.get(), data_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }

  // Makes spare_size() >= n: compacts, and grows to size() + n if still short.
  void EnsureSpare(size_t n) {
    if (spare_size() >= n) return;
    Compact();
    if (spare_size() >= n) return;
    const size_t capacity = end_ + n;
    std::unique_ptr<char[]> grown(new char[capacity]);
    if (end_ > 0) std::memcpy(grown.get(), data_.get(), end_);
    data_ = std::move(grown);
    capacity_ = capacity;
  }

  // For one construct longer than the whole buffer: doubles the capacity, at
  // most to `limit`. false when it is already there (the caller reports the
  // construct as too long).
  bool Grow(size_t limit) {
    const size_t capacity = capacity_;
    if (capacity >= limit) return false;
    EnsureSpare(std::min(capacity, limit - capacity));
    return true;
  }

 private:
  std::unique_ptr<char[]> data_;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace flexpipe
