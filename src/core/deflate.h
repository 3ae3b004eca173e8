// Raw DEFLATE (RFC 1951) in one call each way: compressed with Intel's
// ISA-L (igzip, the fastest DEFLATE compressor Debian packages: ~900 MB/s
// per core at level 1 on flexpipe's data), inflated with zlib. Used for the
// master workbook's chunks (write/xlsx/parallel_deflate.h) and the store's
// candidate snapshots (store/snapshot.h). Thread-safe: each call has its
// own state; the scratch buffer belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"

namespace flexpipe {

// ISA-L's working memory for levels above 0; reuse one per thread.
class DeflateScratch {
 public:
  DeflateScratch();
  uint8_t* data() { return buffer_.data(); }
  size_t size() const { return buffer_.size(); }

 private:
  std::vector<uint8_t> buffer_;
};

struct DeflateCall {
  int level = 1;                // ISA-L level, 0 (fastest) to 3 (smallest). Default: 1.
  std::string_view dictionary;  // the bytes before `in` in the stream (at most 32 KiB are used)
  bool final = true;            // false: end with a sync flush, so more blocks may follow
};

// Replaces *out with `in` compressed. kInternal when ISA-L fails.
Status DeflateRaw(std::string_view in, const DeflateCall& call, DeflateScratch* scratch, std::string* out);

// Replaces *out with the inflated stream; kCorruptFile when `in` is not one
// whole raw DEFLATE stream or inflates past `max_bytes`.
Status InflateRaw(std::string_view in, size_t max_bytes, std::string* out);

}  // namespace flexpipe
