// The shape every parallel stage of flexpipe has: items made one at a time
// in order, worked on by every thread of the current oneTBB arena (the
// --workers threads), then taken one at a time in the order they were made,
// so results never depend on the number of threads. Item objects are
// recycled, so a long run allocates only as many as are in flight (at most
// 2 × threads + 1).
//
//   make(Item*) -> bool   fills a recycled (or new) item; false = no more
//   work(Item*)           any thread, any number at once
//   take(Item*)           in order, one at a time
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

namespace flexpipe {

template <typename Item, typename Make, typename Work, typename Take>
void RunOrderedPipeline(Make make, Work work, Take take) {
  std::vector<std::unique_ptr<Item>> spare;
  std::mutex spare_mu;
  const size_t tokens = 2 * static_cast<size_t>(tbb::this_task_arena::max_concurrency()) + 1;
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& flow) -> Item* {
        std::unique_ptr<Item> item;
        {
          std::lock_guard lock(spare_mu);
          if (!spare.empty()) {
            item = std::move(spare.back());
            spare.pop_back();
          }
        }
        if (!item) item = std::make_unique<Item>();
        if (!make(item.get())) {
          flow.stop();
          return nullptr;
        }
        return item.release();
      }) & tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel, [&](Item* item) {
        work(item);
        return item;
      }) & tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, [&](Item* item) {
        take(item);
        std::lock_guard lock(spare_mu);
        spare.emplace_back(item);
      }));
}

// RunOrderedPipeline over [0, count) in blocks of `block_size`: Block has
// size_t members `begin` and `end`, set before work(); `go_on()` is asked
// before each block (false stops early, e.g. after a failure).
template <typename Block, typename GoOn, typename Work, typename Take>
void RunOrderedBlocks(size_t count, size_t block_size, GoOn go_on, Work work, Take take) {
  size_t next = 0;
  RunOrderedPipeline<Block>(
      [&](Block* block) {
        if (next >= count || !go_on()) return false;
        block->begin = next;
        block->end = next = std::min(count, next + block_size);
        return true;
      },
      work, take);
}

}  // namespace flexpipe
