// The store's part in one run (docs/store.md, "Resume and reuse"): records
// the run, commits each file's outcome in its own transaction as the file
// finishes, and, for a file whose bytes and settings match a committed one,
// loads the stored outcome instead of reading the file. A run killed at any
// point therefore resumes by running again: committed files are reused, the
// file in hand is read again.
//
// Commits run on a writer thread of the session's own, so workers go on
// reading while the store writes (SQLite has one writer at a time anyway).
// A pending commit refers to the outcome's candidate set, which the run
// keeps for the merge; AwaitCommits must return before any outcome is
// destroyed.
//
// Thread-safety: ProcessOrReuse may be called from several workers at once;
// the other methods from the run's thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "aggregate/merge.h"
#include "flexpipe/pipeline.h"
#include "pipeline/file_task.h"
#include "store/run_store.h"

namespace flexpipe {

struct StoreSessionOptions {
  std::string path;         // the database
  bool reuse = true;        // false: read every file (`--full`), still storing what is read
  std::string config_json;  // the effective configuration
  // Everything that changes a file's outcome (SettingsFingerprint).
  std::string settings_fingerprint;
  bool deduplicate = true;
  SpillOptions spill;  // for the candidates of files reused from the store
};

class StoreSession {
 public:
  // Opens (creating and migrating) the store and records a running run.
  // kDatabaseError / kDatabaseIncompatible when the store cannot be used.
  static Result<std::unique_ptr<StoreSession>> Start(const StoreSessionOptions& options, const Scorer& scorer,
                                                     const std::string& started_at, FileSystem* fs,
                                                     Clock* clock);
  // A session destroyed unfinished marks its run failed.
  ~StoreSession();
  StoreSession(const StoreSession&) = delete;
  StoreSession& operator=(const StoreSession&) = delete;

  // The outcome of `unit`: loaded from the store when a committed copy
  // matches (and reuse is on), else read by ProcessFile and committed. A
  // file stopped by cancellation is not committed. Store errors do not fail
  // the file: the first one is kept and returned by Finish.
  FileOutcome ProcessOrReuse(const InputUnit& unit, uint32_t ordinal, const FileTaskContext& task);

  // Returns once every file ProcessOrReuse read has been committed (or its
  // commit failed).
  void AwaitCommits();

  // Marks the run finished with `status`; for a completed run also records
  // its figures, summary and ranking (`merged` refers to the outcomes
  // ProcessOrReuse gave, by ordinal), after AwaitCommits. Returns the first
  // store error of the run, if any (the run is then recorded as failed).
  Status Finish(RunStatus status, const RunSummary* summary = nullptr, const MergeResult* merged = nullptr);

  int64_t run_id() const { return run_id_; }
  uint64_t files_reused() const { return reused_.load(); }
  // Time spent hashing, loading and committing, summed over workers.
  double seconds() const;

 private:
  StoreSession(std::unique_ptr<RunStore> store, const StoreSessionOptions& options, const Scorer& scorer,
               FileSystem* fs, Clock* clock);
  // A read file waiting for the writer. The outcome itself may move; its
  // candidate set stays where it is.
  struct CommitJob {
    FileKey key;
    FileReport report;
    FieldCounts counts;
    const CandidateSet* candidates = nullptr;
    int64_t reused_file_id = 0;  // not 0: only record that the run used this stored file
  };

  void Fail(const Status& status);
  std::optional<StoredFile> FindReusable(const FileKey& key, uint32_t ordinal);
  void WriterLoop();
  void Commit(const CommitJob& job);

  std::unique_ptr<RunStore> store_;
  StoreSessionOptions options_;
  ScoreColumns columns_;
  FileSystem* fs_;
  Clock* clock_;
  int64_t run_id_ = 0;
  bool finished_ = false;
  std::atomic<uint64_t> reused_{0};

  mutable std::mutex mu_;
  Status error_;                         // first store error
  double seconds_ = 0;                   // time in the store
  std::vector<int64_t> first_property_;  // per ordinal: id of its first stored candidate (0 = none)
  std::deque<CommitJob> jobs_;           // waiting for the writer
  bool writing_ = false;                 // the writer holds a job
  bool stopping_ = false;
  std::condition_variable work_;  // jobs_ or stopping_ changed
  std::condition_variable idle_;  // the writer finished a job
  std::thread writer_;
};

// SHA-256 of everything that changes a file's outcome: flexpipe's version,
// the model and its profile, as_of, min_flex_score, de-duplication and its
// key, the column mapping, the sheet selection, strict_rows and the rejects
// listed per file. Outcomes stored under
// another fingerprint are never reused. `summary` supplies the resolved
// model, as_of and key fields.
std::string SettingsFingerprint(const PipelineOptions& options, const RunSummary& summary,
                                std::string_view profile_text);

// The run's store session, or null (and OK) when options.store is empty.
// `summary` is the run's summary so far (start time, resolved settings).
Result<std::unique_ptr<StoreSession>> StartStoreSession(const PipelineOptions& options,
                                                        const RunContext& context, const Scorer& scorer,
                                                        const RunSummary& summary,
                                                        const FileTaskContext& task, FileSystem* fs,
                                                        Clock* clock);

}  // namespace flexpipe
