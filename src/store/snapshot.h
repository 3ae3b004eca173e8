// A file's candidates as a compact binary snapshot, stored beside the
// relational rows (table candidate_snapshots, in chunks of about 1 MiB) so
// a reused file loads at memory speed instead of row by row through SQL.
// The rows stay the queryable form; the snapshot is the fast path back into
// a CandidateSet, byte for byte.
//
// Format 1, per candidate, in candidates() order (numbers little-endian):
//   varint sheet, varint row, f64 score, u8 n, n × f64 components,
//   varint flags, u8 classification, varint key length, key bytes,
//   varint cells length, packed cells (CellPacker's encoding).
// A chunk holds whole candidates.
// Format 2 (what flexpipe writes): a format-1 chunk as one raw DEFLATE stream
// (core/deflate.h) — less than half the bytes, so a quarter less for the
// store to write through its WAL and into the database. Both formats are
// read; a reader that meets another format falls back to the rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

// Adds every candidate of one format-1 chunk to *set as file `ordinal`; returns how
// many. kDatabaseError when the bytes are not a format-1 chunk for
// `components` components.
Result<uint64_t> ReadSnapshot(std::string_view chunk, uint32_t ordinal, size_t components, CandidateSet* set);

}  // namespace flexpipe
