#include "core/read_ahead_file.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace flexpipe {

ReadAheadFile::ReadAheadFile(std::unique_ptr<SequentialFile> source, const ReadAheadOptions& options)
    : source_(std::move(source)), ring_(static_cast<size_t>(std::max(2, options.chunks))) {
  for (Chunk& chunk : ring_) chunk.data.resize(std::max<size_t>(1, options.chunk_bytes));
  thread_ = std::thread([this] { Produce(); });
}

ReadAheadFile::~ReadAheadFile() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void ReadAheadFile::Produce() {
  const size_t ring_size = ring_.size();
  for (size_t index = 0;; ++index) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return stop_ || index - consumed_ < ring_size; });
      if (stop_) return;
    }
    // The chunk is ours until filled_ passes it: the consumer does not look at it.
    Chunk& chunk = ring_[index % ring_size];
    chunk.size = 0;
    chunk.status = Status::Ok();
    chunk.last = false;
    while (chunk.size < chunk.data.size()) {
      Result<size_t> n = source_->Read(chunk.data.data() + chunk.size, chunk.data.size() - chunk.size);
      if (!n.ok()) {
        chunk.status = n.status();
        chunk.last = true;
        break;
      }
      if (*n == 0) {
        chunk.last = true;
        break;
      }
      chunk.size += *n;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      filled_ = index + 1;
    }
    cv_.notify_all();
    if (chunk.last) return;
  }
}

Result<size_t> ReadAheadFile::Read(char* buf, size_t n) {
  const size_t ring_size = ring_.size();
  size_t copied = 0;
  while (copied < n && !finished_) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return filled_ > consumed_; });
    }
    Chunk& chunk = ring_[consumed_ % ring_size];
    const size_t take = std::min(n - copied, chunk.size - offset_);
    std::memcpy(buf + copied, chunk.data.data() + offset_, take);
    copied += take;
    offset_ += take;
    if (offset_ < chunk.size) break;  // n bytes delivered
    if (chunk.last) {
      // The bytes before an error first, then the error on this and every later call.
      if (!chunk.status.ok() && copied == 0) return chunk.status;
      finished_ = chunk.status.ok();
      break;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++consumed_;
      offset_ = 0;
    }
    cv_.notify_all();
    if (copied > 0) break;  // hand over what is here rather than wait for the next chunk
  }
  return copied;
}

}  // namespace flexpipe
