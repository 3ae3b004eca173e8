// One raw DEFLATE stream (RFC 1951, as a ZIP entry holds it) compressed on
// several threads, pigz's way: the input is cut into fixed-size chunks, each
// chunk is compressed on a worker thread, primed with the last 32 KiB of the
// chunk before it (so the ratio is that of one stream), and ended with a sync
// flush (an empty stored block) so the pieces join into one valid stream; the
// last chunk ends the stream. CRC-32s are computed per chunk and combined.
// The compressed bytes go to the sink in order, from the thread that calls
// Write() and Finish().
//
// The compressor is Intel's ISA-L (igzip): on sheet XML its level 1 runs at
// ~900 MB/s per core with a smaller output than zlib's level 1 at ~200 MB/s
// (measured on the bench's sheet, bench/RESULTS.md).
//
// The output depends only on the bytes, the level and the chunk size — never
// on the number of threads or their timing. (ISA-L picks code for the CPU it
// runs on; the stream inflates to the same bytes everywhere.)
//
// Memory: (2 × threads + 1) chunks of input, each with its compressed copy,
// and ISA-L's working buffer per thread (~1 MiB).
//
// Errors are values: a failing sink or zlib error is returned by the Write()
// or Finish() that meets it, and every later call returns it too. One
// producer thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "flexpipe/status.h"

namespace flexpipe {

struct ParallelDeflateOptions {
  // ISA-L level, 0 (fastest) to 3 (smallest). Default: 1 — on sheet XML as
  // fast as level 0 with a 15 % smaller output; level 3 is 2.5× slower for 4 %.
  int level = 1;
  // Bytes of input per chunk. Default: 1 MiB.
  size_t chunk_bytes = size_t{1} << 20;
  // Threads compressing; 0 = one per core. With 1 the chunks are compressed
  // on a single worker, still overlapping the producer. Default: 0.
  int threads = 0;
};

struct DeflateTotals {
  uint32_t crc32 = 0;      // of the input
  uint64_t in_bytes = 0;   // bytes given to Write()
  uint64_t out_bytes = 0;  // compressed bytes given to the sink
};

class ParallelDeflate {
 public:
  using Sink = std::function<Status(std::string_view compressed)>;

  ParallelDeflate(const ParallelDeflateOptions& options, Sink sink);
  ~ParallelDeflate();  // stops the workers; an unfinished stream is dropped
  ParallelDeflate(const ParallelDeflate&) = delete;
  ParallelDeflate& operator=(const ParallelDeflate&) = delete;

  // Adds bytes to the stream.
  Status Write(std::string_view data);
  // Ends the stream: compresses what is left, hands every byte to the sink
  // and returns the totals. Afterwards the object may start a new stream.
  Result<DeflateTotals> Finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace flexpipe
