#include "store/run_liveness.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace flexpipe {
namespace {

bool IsFile(const std::string& database_path) {
  return !database_path.empty() && database_path != ":memory:" && !database_path.starts_with("file:");
}

int OpenLockFile(const std::string& path) {
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

#ifdef F_OFD_SETLK
struct flock ByteOf(int64_t run_id, short type) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = static_cast<off_t>(run_id);
  lock.l_len = 1;
  lock.l_pid = 0;  // required for OFD locks
  return lock;
}
#endif

}  // namespace

std::string RunLiveness::LockPath(const std::string& database_path) { return database_path + "-runs.lock"; }

Result<std::unique_ptr<RunLiveness>> RunLiveness::Open(const std::string& database_path) {
  if (!IsFile(database_path)) return std::unique_ptr<RunLiveness>(new RunLiveness(-1, -1));
  const std::string path = LockPath(database_path);
  const int hold = OpenLockFile(path);
  const int probe = hold < 0 ? -1 : OpenLockFile(path);
  if (probe < 0) {
    const int error = errno;
    if (hold >= 0) ::close(hold);
    return Status(ErrorCode::kDatabaseError,
                  fmt::format("cannot open the run lock file {}: {}", path, std::strerror(error)));
  }
  return std::unique_ptr<RunLiveness>(new RunLiveness(hold, probe));
}

RunLiveness::~RunLiveness() {
  if (hold_fd_ >= 0) ::close(hold_fd_);
  if (probe_fd_ >= 0) ::close(probe_fd_);
}

Status RunLiveness::Hold(int64_t run_id) {
#ifdef F_OFD_SETLK
  if (hold_fd_ < 0) return Status::Ok();
  struct flock lock = ByteOf(run_id, F_WRLCK);
  if (::fcntl(hold_fd_, F_OFD_SETLK, &lock) != 0) {
    return Status(ErrorCode::kDatabaseError,
                  fmt::format("cannot lock run {} in its lock file: {}", run_id, std::strerror(errno)));
  }
#else
  (void)run_id;
#endif
  return Status::Ok();
}

void RunLiveness::Release(int64_t run_id) {
#ifdef F_OFD_SETLK
  if (hold_fd_ < 0) return;
  struct flock lock = ByteOf(run_id, F_UNLCK);
  (void)::fcntl(hold_fd_, F_OFD_SETLK, &lock);
#else
  (void)run_id;
#endif
}

bool RunLiveness::IsHeld(int64_t run_id) const {
#ifdef F_OFD_GETLK
  if (probe_fd_ < 0) return true;
  struct flock lock = ByteOf(run_id, F_WRLCK);
  if (::fcntl(probe_fd_, F_OFD_GETLK, &lock) != 0) return true;
  return lock.l_type != F_UNLCK;
#else
  (void)run_id;
  return true;
#endif
}

Result<std::vector<int64_t>> MarkAbandonedRuns(Database* db, const RunLiveness& liveness) {
  std::vector<int64_t> abandoned;
  {
    FP_ASSIGN_OR_RETURN(Statement running, db->Prepare("SELECT id FROM runs WHERE status = 'running'"));
    while (true) {
      FP_ASSIGN_OR_RETURN(const bool row, running.Step());
      if (!row) break;
      const int64_t id = running.column_int(0);
      if (!liveness.IsHeld(id)) abandoned.push_back(id);
    }
  }
  if (abandoned.empty()) return abandoned;
  FP_ASSIGN_OR_RETURN(
      Statement mark,
      db->Prepare("UPDATE runs SET status = 'interrupted' WHERE id = ?1 AND status = 'running'"));
  for (const int64_t id : abandoned) {
    mark.Bind(1, id);
    FP_RETURN_IF_ERROR(mark.Run());
  }
  return abandoned;
}

Result<std::vector<int64_t>> MarkAbandonedRuns(const std::string& path) {
  DatabaseOptions options;
  options.create = false;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, options));
  FP_ASSIGN_OR_RETURN(const bool has_runs, db->HasTable("runs"));
  if (!has_runs) return std::vector<int64_t>();
  FP_ASSIGN_OR_RETURN(const std::unique_ptr<RunLiveness> liveness, RunLiveness::Open(path));
  FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db.get()));
  FP_ASSIGN_OR_RETURN(std::vector<int64_t> abandoned, MarkAbandonedRuns(db.get(), *liveness));
  FP_RETURN_IF_ERROR(tx.Commit());
  return abandoned;
}

}  // namespace flexpipe
