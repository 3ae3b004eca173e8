// The store's write and reuse paths for `flexpipe run` (docs/store.md):
// a run row, then one transaction per file holding the file's row, its
// candidates and its rejects, so a file lands whole or not at all; at the
// end the run's de-duplicated ranking. A committed file can be found again
// by what identifies its content and settings, and loaded back as the same
// FileOutcome (candidates byte for byte), to take part in a later run's
// merge instead of being read again.
//
// Thread-safety: every method may be called from any thread. Writes are
// serialised by one mutex (a file's commit holds it for the length of its
// transaction); lookups and loads use a second connection under a second
// mutex, so they never wait for a commit (in WAL mode readers and the
// writer do not block each other).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "pipeline/file_task.h"
#include "store/database.h"
#include "store/run_liveness.h"

namespace flexpipe {

// What makes a stored file reusable: the same bytes at the same place, read
// with the same settings.
struct FileKey {
  std::string path;   // as discovered
  std::string sheet;  // worksheet name; "" for CSV
  uint64_t size_bytes = 0;
  int64_t mtime_ns = 0;
  std::string content_hash;          // HashFileContent
  std::string settings_fingerprint;  // everything that changes a file's results (model, profile, as_of, ...)
};

// The names the scorer gives its component scores and flags.
struct ScoreColumns {
  std::span<const std::string> components;
  std::span<const std::string> flags;
};

struct RunStart {
  std::string started_at;  // UTC ISO time
  std::string flexpipe_version;
  std::string settings_fingerprint;
  std::string config_json;  // the effective configuration
};

enum class RunStatus : uint8_t { kRunning, kCompleted, kFailed, kInterrupted };
std::string_view RunStatusName(RunStatus status);  // "running", "completed", ...

struct RunFinish {
  RunStatus status = RunStatus::kCompleted;
  const RunSummary* summary = nullptr;  // figures; may be null (a failed run)
  std::string summary_json;             // "" = none
  uint64_t files_reused = 0;
  std::vector<int64_t> ranked_property_ids;  // best first
};

// Where a file's candidates are: property ids are consecutive, in the
// order of the set's candidate indices (candidate i has first_property_id + i).
struct StoredFileRef {
  int64_t file_id = 0;
  int64_t first_property_id = 0;
  uint64_t candidates = 0;
};

struct StoredFile {
  StoredFileRef ref;
  FileOutcome outcome;
};

class RunStore {
 public:
  // Opens (creating it and its folder) and migrates the database.
  static Result<std::unique_ptr<RunStore>> Open(const std::string& path, FileSystem* fs, Clock* clock,
                                                const DatabaseOptions& options = {});
  // `reader` (may be null) is a second connection for lookups and loads.
  RunStore(std::unique_ptr<Database> db, std::unique_ptr<Database> reader, Clock* clock)
      : db_(std::move(db)), reader_(std::move(reader)), clock_(clock) {}
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  // Records a run with status "running" and holds its liveness lock
  // (store/run_liveness.h) until FinishRun or destruction; returns its id.
  // In the same transaction, runs left 'running' by a process that is gone
  // are marked 'interrupted'.
  Result<int64_t> BeginRun(const RunStart& start);

  // One transaction: the file's row, its candidates (a failed file has none)
  // and its row problems as rejects, and its place in run `run_id` at
  // report.ordinal. Nothing is left behind when it fails.
  Result<StoredFileRef> CommitFile(int64_t run_id, const FileKey& key, const FileReport& report,
                                   const FieldCounts& counts, const CandidateSet* candidates,
                                   const ScoreColumns& columns);
  Result<StoredFileRef> CommitFile(int64_t run_id, const FileKey& key, const FileOutcome& outcome,
                                   const ScoreColumns& columns) {
    return CommitFile(run_id, key, outcome.report, outcome.counts, outcome.candidates.get(), columns);
  }

  // The most recent successfully read file with exactly this key, if any.
  Result<std::optional<StoredFileRef>> FindCommittedFile(const FileKey& key);

  // Where LoadFile takes candidates from: the binary snapshot (falling back
  // to the rows when a file has none in a format this build reads), or the
  // relational rows.
  enum class LoadPath : uint8_t { kSnapshot, kRows };

  // Loads a committed file back as the FileOutcome it was stored from, its
  // rows now identified as file `ordinal` (a file's place can change from run
  // to run). `deduplicate` is the run's setting. Both paths give the same
  // candidates, byte for byte. The candidates spill as `spill` says.
  Result<StoredFile> LoadFile(int64_t file_id, uint32_t ordinal, bool deduplicate,
                              const ScoreColumns& columns, LoadPath path = LoadPath::kSnapshot,
                              const SpillOptions& spill = {});

  // Records that run `run_id` used the stored file `file_id` at `ordinal`
  // without reading it.
  Status RecordReusedFile(int64_t run_id, uint32_t ordinal, int64_t file_id);

  // Sets the run's status, finish time, figures and (in the same
  // transaction) its ranking; then releases its liveness lock.
  Status FinishRun(int64_t run_id, const RunFinish& finish);

  // For read paths (status, queries in tests). Not synchronised.
  Database* database() { return db_.get(); }

 private:
  Result<StoredFileRef> CommitFileLocked(int64_t run_id, const FileKey& key, const FileReport& report,
                                         const FieldCounts& counts, const CandidateSet* candidates,
                                         const ScoreColumns& columns);
  Status InsertCandidatesAndSnapshot(int64_t run_id, int64_t file_id, int64_t first_id,
                                     const CandidateSet& set, const ScoreColumns& columns);
  // Adds the file's snapshot to *set; false when it has none this build reads.
  Result<bool> LoadSnapshot(Database* db, int64_t file_id, uint32_t ordinal, size_t components,
                            CandidateSet* set);
  Status LoadRows(Database* db, int64_t file_id, uint32_t ordinal, const ScoreColumns& columns,
                  CandidateSet* set, int64_t* first_id);
  // The lock and connection for reads.
  std::unique_lock<std::mutex> LockReader(Database** db);

  std::mutex mu_;  // db_
  std::unique_ptr<Database> db_;
  std::mutex read_mu_;  // reader_
  std::unique_ptr<Database> reader_;
  Clock* clock_;
  std::optional<Statement> insert_property_;  // cached: the hot statement
  std::unique_ptr<RunLiveness> liveness_;     // opened by the first BeginRun
};

}  // namespace flexpipe
