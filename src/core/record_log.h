// An append-only log of variable-length records, addressed by offset, kept in
// memory while a shared MemoryBudget allows and spilled to a scratch file
// (core/env.h) when it does not. Each record is stored as <varint length>
// <bytes>; the offsets are positions in that byte stream, the same in memory
// and in the file. In memory the stream lives in fixed 1 MiB chunks (growing
// never copies it); once spilled, only a 1 MiB write buffer stays in memory
// and records are read back with pread.
//
// This is what keeps a run's memory proportional to the number of candidate
// rows it holds rather than to their size: a candidate set keeps 36 bytes per
// candidate in memory and its cells here (aggregate/candidate_set.h).
//
// Appends from one thread. Reads from the appending thread while appending;
// from any number of threads at once after appending has stopped.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.h"
#include "core/memory_budget.h"
#include "flexpipe/status.h"

namespace flexpipe {

// Where a log may spill. With no budget, the log stays in memory whatever
// its size.
struct SpillOptions {
  FileSystem* fs = nullptr;
  std::filesystem::path dir;       // created when the first log spills
  MemoryBudget* budget = nullptr;  // shared by the logs of a run; null = never spill
};

// A run's memory for candidate rows: `megabytes` shared by the logs given
// options(), which spill into `dir` beyond it; 0 = no budget, nothing spills.
// Must outlive those logs.
class SpillBudget {
 public:
  SpillBudget(FileSystem* fs, std::filesystem::path dir, int megabytes);
  const SpillOptions& options() const { return options_; }

 private:
  std::unique_ptr<MemoryBudget> budget_;
  SpillOptions options_;
};

class RecordLog {
 public:
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  explicit RecordLog(SpillOptions spill = {});
  ~RecordLog();
  RecordLog(const RecordLog&) = delete;
  RecordLog& operator=(const RecordLog&) = delete;

  // Appends a record; its offset, or why the scratch file could not take it.
  Result<uint64_t> Append(std::string_view record);

  // The record at `offset` (an offset Append returned). It is a view into the
  // log when the record sits in one chunk in memory; otherwise it is copied
  // into `scratch`. Valid until the next Append or the next use of `scratch`.
  Status Read(uint64_t offset, std::string* scratch, std::string_view* record) const;

  // Starts loading the record at `offset` into the cache when it is in memory.
  void Prefetch(uint64_t offset) const;

  bool spilled() const { return file_ != nullptr; }
  uint64_t size() const { return size_; }  // bytes appended (lengths included)
  size_t memory_bytes() const { return chunks_.size() * kChunkBytes; }

 private:
  // Copies n bytes of the stream at `offset` (they must exist) into `dst`.
  Status CopyOut(uint64_t offset, size_t n, char* dst) const;
  // Room for at least one more byte at the end of the stream.
  Status MakeRoom();
  // Moves the stream into a scratch file and gives its chunks' memory back.
  Status Spill();

  SpillOptions spill_;
  std::vector<std::unique_ptr<char[]>> chunks_;  // chunk k holds [base_ + k·kChunkBytes, …)
  uint64_t base_ = 0;                            // bytes already in the scratch file
  uint64_t size_ = 0;
  uint64_t reserved_ = 0;  // bytes taken from the budget
  std::unique_ptr<ScratchFile> file_;
};

}  // namespace flexpipe
