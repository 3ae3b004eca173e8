// A SequentialFile over bytes already in memory, for benchmarks that time a
// reader without the disk: reads copy from the string, as a page-cache read would.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>

#include "core/env.h"

namespace flexpipe::bench {

class MemoryFile final : public SequentialFile {
 public:
  explicit MemoryFile(const std::string& data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override {
    const size_t count = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  const std::string& data_;
  size_t pos_ = 0;
};

}  // namespace flexpipe::bench
