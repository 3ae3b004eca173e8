// A file's candidates as a compact binary snapshot, stored beside the
// relational rows (table candidate_snapshots, in chunks of about 1 MiB) so
// a reused file loads at memory speed instead of row by row through SQL.
// The rows stay the queryable form; the snapshot is the fast path back into
// a CandidateSet, byte for byte.
//
// Format 1, per candidate, in index order (numbers little-endian):
//   varint sheet, varint row, f64 score, u8 n, n × f64 components,
//   varint flags, u8 classification, varint key length, key bytes,
//   varint cells length, packed cells (CellPacker's encoding).
// A chunk holds whole candidates.
// Format 2 (what flexpipe writes): a format-1 chunk as one raw DEFLATE stream
// (core/deflate.h) — less than half the bytes, so a quarter less for the
// store to write through its WAL and into the database. Both formats are
// read; a reader that meets another format falls back to the rows.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "aggregate/candidate_set.h"
#include "flexpipe/status.h"

namespace flexpipe {

inline constexpr int kSnapshotFormatPlain = 1;
inline constexpr int kSnapshotFormat = 2;  // what is written: deflated
inline constexpr size_t kSnapshotChunkBytes = 1 << 20;

// Appends one candidate (its first `components` component scores).
void AppendSnapshot(const Candidate& candidate, size_t components, std::string* out);

// A format-1 chunk as format 2, and back (kDatabaseError when damaged).
Result<std::string> DeflateSnapshotChunk(std::string_view plain);
Result<std::string> InflateSnapshotChunk(std::string_view deflated);

// A set's snapshot as deflated chunks, built on a thread of its own a few
// chunks ahead of the caller, so the store inserts a chunk's property rows
// while the next chunk is encoded and compressed. The set must not change
// and must outlive this object. Memory: at most kAhead chunks.
class SnapshotChunks {
 public:
  struct Chunk {
    size_t begin = 0, end = 0;  // candidate indices it holds
    std::string bytes;          // format 2
    Status status;              // a failure to compress
  };
  static constexpr size_t kAhead = 4;

  SnapshotChunks(const CandidateSet& set, size_t components);
  ~SnapshotChunks();  // stops the thread, even before the last chunk
  SnapshotChunks(const SnapshotChunks&) = delete;
  SnapshotChunks& operator=(const SnapshotChunks&) = delete;

  // The next chunk in order; false after the last.
  bool Next(Chunk* chunk);

 private:
  void Build();

  const CandidateSet& set_;
  const size_t components_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Chunk> ready_;
  bool done_ = false;      // the builder has queued its last chunk
  bool stopping_ = false;  // the consumer has gone
  std::thread builder_;
};

// Adds every candidate of one format-1 chunk to *set as file `ordinal`; returns how
// many. kDatabaseError when the bytes are not a format-1 chunk for
// `components` components.
Result<uint64_t> ReadSnapshot(std::string_view chunk, uint32_t ordinal, size_t components, CandidateSet* set);

}  // namespace flexpipe
