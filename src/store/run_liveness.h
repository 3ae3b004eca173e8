// Which runs recorded as 'running' still have a process running them
// (docs/store.md, "Runs that were killed"). A run killed outright (kill -9,
// power loss) cannot mark itself: its row stays 'running'. So while a run
// is in progress its process holds a lock the kernel drops when the process
// ends, however it ends: an open-file-description (OFD) write lock on byte
// `run id` of `<database>-runs.lock`, the file beside the database. A
// 'running' run whose byte nobody holds was abandoned; MarkAbandonedRuns
// marks it 'interrupted'.
//
// The check and the update happen inside one write transaction, and a run
// takes its lock inside the transaction that inserts its row; since SQLite
// has one writer at a time, a run is never seen unlocked between the two.
// OFD locks belong to an open file, not to a process, so a check sees a lock
// this very process holds through another RunLiveness. They are released
// when the holder is closed or its process exits; the file is opened
// O_CLOEXEC so a child that execs does not keep a run alive.
//
// Where OFD locks do not exist (not Linux), nothing is ever found abandoned.
// A database that is not a file (":memory:", "") has no lock file: its runs
// are all taken as alive. Thread-safety: one thread at a time per object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "flexpipe/status.h"
#include "store/database.h"

namespace flexpipe {

class RunLiveness {
 public:
  // Opens (creating) `<database_path>-runs.lock`. kDatabaseError when it
  // cannot be created (the database's folder is not writable).
  static Result<std::unique_ptr<RunLiveness>> Open(const std::string& database_path);
  ~RunLiveness();
  RunLiveness(const RunLiveness&) = delete;
  RunLiveness& operator=(const RunLiveness&) = delete;

  // "<database>-runs.lock".
  static std::string LockPath(const std::string& database_path);

  // Holds run `run_id`'s lock until Release or destruction. kDatabaseError
  // when another open file holds it.
  Status Hold(int64_t run_id);
  void Release(int64_t run_id);
  // Whether any open file holds run `run_id`'s lock: another process's, or
  // this process's (this object's Hold included). True when it cannot be
  // told, so that a live run is never taken for abandoned.
  bool IsHeld(int64_t run_id) const;

 private:
  RunLiveness(int hold_fd, int probe_fd) : hold_fd_(hold_fd), probe_fd_(probe_fd) {}
  int hold_fd_;   // the locks this object holds; -1 = no lock file
  int probe_fd_;  // a second open file, to see the locks held through hold_fd_ too
};

// In a write transaction of `db` (the caller's BEGIN IMMEDIATE): every run
// with status 'running' whose lock is not held is set to 'interrupted'
// (finished_at stays NULL: when it stopped is not known). Returns their ids.
Result<std::vector<int64_t>> MarkAbandonedRuns(Database* db, const RunLiveness& liveness);

// The same in a transaction of its own on the database at `path` (for
// `flexpipe runs`). The database must exist.
Result<std::vector<int64_t>> MarkAbandonedRuns(const std::string& path);

}  // namespace flexpipe
