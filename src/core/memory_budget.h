// A number of bytes of memory shared by several holders (the candidate sets
// of a run, filled on different threads): each reserves before it grows and
// releases what it gives up. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>

namespace flexpipe {

class MemoryBudget {
 public:
  explicit MemoryBudget(uint64_t bytes) : left_(static_cast<int64_t>(bytes)) {}
  MemoryBudget(const MemoryBudget&) = delete;
  MemoryBudget& operator=(const MemoryBudget&) = delete;

  // Takes `bytes` from the budget; false (and nothing taken) when fewer are left.
  bool TryReserve(uint64_t bytes) {
    const auto n = static_cast<int64_t>(bytes);
    if (left_.fetch_sub(n, std::memory_order_relaxed) >= n) return true;
    left_.fetch_add(n, std::memory_order_relaxed);
    return false;
  }
  void Release(uint64_t bytes) { left_.fetch_add(static_cast<int64_t>(bytes), std::memory_order_relaxed); }
  int64_t left() const { return left_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> left_;
};

}  // namespace flexpipe
