// A SequentialFile that reads its source on a background thread, a few chunks
// ahead of the consumer: the inflate of a worksheet (zlib, inside libzip) runs
// on one core while the sheet scanner runs on another, so reading a sheet costs
// about max(inflate, scan) instead of their sum.
//
// Memory: `chunks` buffers of `chunk_bytes` each (default 3 x 1 MiB), never
// more. The source is read only by the background thread from construction
// until destruction, so it must not be touched by anyone else meanwhile (the
// ZIP archive it came from may still be used by the owner for other entries
// only if those are independent objects; see zip_archive.h).
//
// Errors: a failed source read is returned by Read() after every byte read
// before it has been delivered, exactly as the source would have returned it.
// Destroying the file early stops the thread after its current source read.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/env.h"

namespace flexpipe {

struct ReadAheadOptions {
  // Size of one chunk handed from the reading thread to the consumer.
  // Default: 1 MiB.
  size_t chunk_bytes = size_t{1} << 20;
  // Chunks in flight (at least 2). Default: 3.
  int chunks = 3;
};

class ReadAheadFile final : public SequentialFile {
 public:
  ReadAheadFile(std::unique_ptr<SequentialFile> source, const ReadAheadOptions& options = {});
  ~ReadAheadFile() override;
  ReadAheadFile(const ReadAheadFile&) = delete;
  ReadAheadFile& operator=(const ReadAheadFile&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;

 private:
  struct Chunk {
    std::vector<char> data;
    size_t size = 0;
    Status status;      // set on the last chunk when the source failed
    bool last = false;  // end of file or error after this chunk
  };
  void Produce();

  std::unique_ptr<SequentialFile> source_;
  std::vector<Chunk> ring_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t filled_ = 0;    // chunks produced so far (ring index = filled_ % size)
  size_t consumed_ = 0;  // chunks fully consumed so far
  bool stop_ = false;
  size_t offset_ = 0;  // consumer's position inside ring_[consumed_ % size]
  bool finished_ = false;
  std::thread thread_;  // last: started after everything above exists
};

}  // namespace flexpipe
