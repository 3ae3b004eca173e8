#include "write/xlsx/parallel_deflate.h"

#include <isa-l/crc.h>
#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/deflate.h"

namespace flexpipe {
namespace {

constexpr size_t kWindowBytes = 32 * 1024;  // DEFLATE's window: the dictionary handed on

// One chunk of the stream on its way through a worker.
struct Slot {
  enum class State : uint8_t { kFilling, kQueued, kDone };
  State state = State::kFilling;
  bool last = false;
  std::string in;    // the chunk
  std::string dict;  // the previous chunk's last kWindowBytes
  std::string out;   // its compressed bytes
  uint32_t crc = 0;
  Status error;
};

}  // namespace

class ParallelDeflate::Impl {
 public:
  Impl(const ParallelDeflateOptions& options, Sink sink)
      : level_(options.level),
        chunk_bytes_(std::max<size_t>(options.chunk_bytes, kWindowBytes)),
        sink_(std::move(sink)) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const auto threads =
        static_cast<size_t>(options.threads > 0 ? static_cast<unsigned>(options.threads) : cores);
    slots_.resize(2 * threads + 1);
    slots_[0].in.reserve(chunk_bytes_);
    workers_.reserve(threads);
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }

  ~Impl() {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  Status Write(std::string_view data) {
    if (!error_.ok()) return error_;
    while (!data.empty()) {
      Slot& slot = slots_[filling_];
      const size_t n = std::min(data.size(), chunk_bytes_ - slot.in.size());
      slot.in.append(data.data(), n);
      data.remove_prefix(n);
      if (slot.in.size() == chunk_bytes_) FP_RETURN_IF_ERROR(Submit(/*last=*/false));
    }
    return Status::Ok();
  }

  Result<DeflateTotals> Finish() {
    if (!error_.ok()) return error_;
    FP_RETURN_IF_ERROR(Submit(/*last=*/true));
    while (outstanding_ > 0) FP_RETURN_IF_ERROR(RetireOldest());
    DeflateTotals totals = totals_;
    totals_ = {};
    slots_[filling_].dict.clear();  // a new stream starts without history
    return totals;
  }

 private:
  // Queues the chunk being filled and moves on to the next slot, first
  // retiring it when it is still in use.
  Status Submit(bool last) {
    const size_t next = (filling_ + 1) % slots_.size();
    // Slots are used in ring order: every other slot is queued exactly when
    // the ring is full, and then `next` is the oldest. (Only this thread
    // touches the counters; a slot's state belongs to the lock.)
    if (outstanding_ + 1 == slots_.size()) FP_RETURN_IF_ERROR(RetireOldest());
    Slot& slot = slots_[filling_];
    Slot& following = slots_[next];
    following.in.clear();
    following.in.reserve(chunk_bytes_);
    following.dict.clear();
    if (!last) {
      const size_t keep = std::min(kWindowBytes, slot.in.size());
      following.dict.assign(slot.in, slot.in.size() - keep, keep);
    }
    {
      std::lock_guard lock(mu_);
      slot.last = last;
      slot.state = Slot::State::kQueued;
      queue_.push_back(&slot);
    }
    work_ready_.notify_one();
    ++outstanding_;
    filling_ = next;
    return Status::Ok();
  }

  // Waits for the oldest queued chunk and hands its bytes to the sink.
  Status RetireOldest() {
    Slot& slot = slots_[retiring_];
    {
      std::unique_lock lock(mu_);
      chunk_done_.wait(lock, [&] { return slot.state == Slot::State::kDone; });
      slot.state = Slot::State::kFilling;
    }
    retiring_ = (retiring_ + 1) % slots_.size();
    --outstanding_;
    if (!slot.error.ok()) return error_ = std::exchange(slot.error, Status::Ok());
    // The CRC of nothing is 0, so the first chunk needs no case of its own.
    totals_.crc32 =
        static_cast<uint32_t>(crc32_combine(totals_.crc32, slot.crc, static_cast<z_off_t>(slot.in.size())));
    totals_.in_bytes += slot.in.size();
    totals_.out_bytes += slot.out.size();
    if (Status s = sink_(slot.out); !s.ok()) return error_ = s;
    return Status::Ok();
  }

  void WorkerLoop() {
    DeflateScratch scratch;
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(mu_);
        work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) break;
        slot = queue_.front();
        queue_.pop_front();
      }
      slot->error = DeflateRaw(slot->in, DeflateCall{level_, slot->dict, slot->last}, &scratch, &slot->out);
      if (slot->error.ok()) {
        slot->crc =
            crc32_gzip_refl(0, reinterpret_cast<const unsigned char*>(slot->in.data()), slot->in.size());
      }
      {
        std::lock_guard lock(mu_);
        slot->state = Slot::State::kDone;
      }
      chunk_done_.notify_all();
    }
  }

  const int level_;
  const size_t chunk_bytes_;
  Sink sink_;
  std::vector<Slot> slots_;
  size_t filling_ = 0;      // the slot Write() fills
  size_t retiring_ = 0;     // the oldest queued slot
  size_t outstanding_ = 0;  // slots queued and not yet retired
  DeflateTotals totals_;
  Status error_;

  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable chunk_done_;
  std::deque<Slot*> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

ParallelDeflate::ParallelDeflate(const ParallelDeflateOptions& options, Sink sink)
    : impl_(std::make_unique<Impl>(options, std::move(sink))) {}
ParallelDeflate::~ParallelDeflate() = default;
Status ParallelDeflate::Write(std::string_view data) { return impl_->Write(data); }
Result<DeflateTotals> ParallelDeflate::Finish() { return impl_->Finish(); }

}  // namespace flexpipe
