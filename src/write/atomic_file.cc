#include "write/atomic_file.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include <algorithm>
#include <atomic>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "write/existing_output.h"

namespace flexpipe {
namespace {

std::filesystem::path FolderOf(const std::filesystem::path& p) {
  return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

// `.<name>.tmp-<pid>-<counter>`: unique among concurrent writers in this
// process and across processes on the host, hidden from globs like `*.csv`.
std::filesystem::path TempPathFor(const std::filesystem::path& destination) {
  static std::atomic<uint64_t> counter{0};
  const uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
  const std::string name =
      fmt::format(".{}.tmp-{}-{}", destination.filename().string(), static_cast<long>(::getpid()), n);
  return destination.has_parent_path() ? destination.parent_path() / name : std::filesystem::path(name);
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The pid in the name of a file a writer of `name` leaves beside it while it
// works: `.<name>.<tag>-<pid>-<n>` (with_counter) or `.<name>.<tag>-<pid>`; 0
// for any other name.
long LeftoverPid(std::string_view entry, std::string_view name, std::string_view tag, bool with_counter) {
  const std::string prefix = fmt::format(".{}.{}-", name, tag);
  if (entry.substr(0, prefix.size()) != prefix) return 0;
  entry.remove_prefix(prefix.size());
  if (with_counter) {
    const size_t dash = entry.find('-');
    if (dash == std::string_view::npos || !AllDigits(entry.substr(dash + 1))) return 0;
    entry = entry.substr(0, dash);
  }
  if (!AllDigits(entry) || entry.size() > 9) return 0;
  return std::stol(std::string(entry));
}

bool ProcessExists(long pid) { return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH; }

Status OutputError(const std::filesystem::path& destination, std::string message) {
  return Status(ErrorCode::kOutputError, std::move(message), Location{destination.string(), {}, 0, {}});
}

}  // namespace

Result<std::unique_ptr<AtomicFile>> AtomicFile::Create(FileSystem* fs,
                                                       const std::filesystem::path& destination,
                                                       size_t buffer_bytes) {
  if (!destination.has_filename()) {
    return OutputError(destination, "output path names no file");
  }
  if (destination.has_parent_path()) {
    Status s = fs->CreateDirectories(destination.parent_path());
    if (!s.ok()) return OutputError(destination, fmt::format("cannot create output folder: {}", s.message()));
  }
  if (auto st = fs->Stat(destination); st.ok() && st->is_directory) {
    return OutputError(destination, "output path is a folder");
  }
  RemoveAbandonedTemporaries(fs, destination);
  std::filesystem::path temp = TempPathFor(destination);
  auto file = fs->OpenWritable(temp);
  if (!file.ok()) {
    return OutputError(destination, fmt::format("cannot create a file in {}: {}",
                                                FolderOf(destination).string(), file.status().message()));
  }
  return std::unique_ptr<AtomicFile>(new AtomicFile(fs, destination, std::move(temp), std::move(file).value(),
                                                    buffer_bytes == 0 ? 1 : buffer_bytes));
}

namespace {

// Removes the leftovers (see LeftoverPid) of `destination`'s writers that no
// longer exist on this host, untouched for `min_age_seconds`.
void RemoveLeftovers(FileSystem* fs, const std::filesystem::path& destination, std::string_view tag,
                     bool with_counter, double min_age_seconds) {
  const std::filesystem::path folder = FolderOf(destination);
  auto entries = fs->ListDirectory(folder);
  if (!entries.ok()) return;
  const std::string name = destination.filename().string();
  const auto now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  for (const DirEntry& e : *entries) {
    const long pid = LeftoverPid(e.name, name, tag, with_counter);
    if (pid <= 0 || pid == static_cast<long>(::getpid()) || ProcessExists(pid)) continue;
    const std::filesystem::path path = folder / e.name;
    auto st = fs->Stat(path);
    if (!st.ok() || !st->is_regular) continue;
    if (static_cast<double>(now_ns - st->mtime_ns) < min_age_seconds * 1e9) continue;
    (void)fs->RemoveFile(path);
  }
}

}  // namespace

void RemoveAbandonedTemporaries(FileSystem* fs, const std::filesystem::path& destination,
                                double min_age_seconds) {
  RemoveLeftovers(fs, destination, "tmp", /*with_counter=*/true, min_age_seconds);
}

std::filesystem::path AsidePathFor(const std::filesystem::path& destination) {
  std::filesystem::path aside = destination;
  aside.replace_filename(
      fmt::format(".{}.prev-{}", destination.filename().string(), static_cast<long>(::getpid())));
  return aside;
}

void RemoveSupersededAsides(FileSystem* fs, const std::filesystem::path& destination) {
  RemoveLeftovers(fs, destination, "prev", /*with_counter=*/false, /*min_age_seconds=*/0);
}

AtomicFile::AtomicFile(FileSystem* fs, std::filesystem::path destination, std::filesystem::path temp_path,
                       std::unique_ptr<WritableFile> file, size_t buffer_bytes)
    : fs_(fs),
      destination_(std::move(destination)),
      temp_path_(std::move(temp_path)),
      file_(std::move(file)),
      buffer_bytes_(buffer_bytes) {
  buffer_.reserve(buffer_bytes_);
}

AtomicFile::~AtomicFile() { Abandon(); }

Status AtomicFile::Append(std::string_view data) {
  if (state_ != State::kOpen) return error_.ok() ? OutputError(destination_, "append after commit") : error_;
  size_ += data.size();
  if (buffer_.size() + data.size() < buffer_bytes_) {
    buffer_.append(data);
    return Status::Ok();
  }
  FP_RETURN_IF_ERROR(Flush());
  if (data.size() >= buffer_bytes_) {
    Status s = file_->Append(data);
    if (!s.ok()) return Fail(s, "cannot write temporary file");
    return Status::Ok();
  }
  buffer_.append(data);
  return Status::Ok();
}

Status AtomicFile::Flush() {
  if (buffer_.empty()) return Status::Ok();
  Status s = file_->Append(buffer_);
  buffer_.clear();
  if (!s.ok()) return Fail(s, "cannot write temporary file");
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (state_ != State::kOpen) return error_.ok() ? OutputError(destination_, "commit after commit") : error_;
  FP_RETURN_IF_ERROR(Flush());
  if (Status s = file_->Sync(); !s.ok()) return Fail(s, "cannot sync temporary file");
  Status closed = file_->Close();
  file_.reset();
  if (!closed.ok()) return Fail(closed, "cannot close temporary file");
  FP_RETURN_IF_ERROR(RenameIntoPlace());
  state_ = State::kCommitted;
  buffer_ = std::string();  // give the memory back
  if (Status s = fs_->SyncDirectory(FolderOf(destination_)); !s.ok()) {
    error_ = OutputError(destination_, fmt::format("written, but cannot sync its folder: {}", s.message()));
    return error_;
  }
  return Status::Ok();
}

Status AtomicFile::RenameIntoPlace() {
  std::filesystem::path backup;
  if (!backup_stamp_.empty()) {
    auto exists = PathExists(fs_, destination_);
    if (!exists.ok()) return Fail(exists.status(), "cannot keep the existing file");
    if (*exists) {
      auto free = FreeBackupPath(fs_, destination_, backup_stamp_);
      if (!free.ok()) return Fail(free.status(), "cannot keep the existing file");
      if (Status s = fs_->Rename(destination_, *free); !s.ok())
        return Fail(s, "cannot keep the existing file");
      backup = std::move(free).value();
    }
  }
  if (Status s = fs_->Rename(temp_path_, destination_); !s.ok()) {
    if (!backup.empty() && !fs_->Rename(backup, destination_).ok()) {  // put the old file back
      return Fail(s, fmt::format("cannot rename into place (the previous file is now {})", backup.string()));
    }
    return Fail(s, "cannot rename into place");
  }
  backup_path_ = std::move(backup);
  return Status::Ok();
}

void AtomicFile::Abandon() {
  if (state_ == State::kCommitted || state_ == State::kAbandoned) return;
  if (file_ != nullptr) {
    (void)file_->Close();
    file_.reset();
  }
  (void)fs_->RemoveFile(temp_path_);
  buffer_ = std::string();
  if (state_ == State::kOpen) error_ = OutputError(destination_, "abandoned before commit");
  state_ = State::kAbandoned;
}

Status AtomicFile::Fail(const Status& s, std::string_view doing) {
  const Status error = OutputError(destination_, fmt::format("{}: {}", doing, s.message()));
  Abandon();
  error_ = error;
  return error_;
}

}  // namespace flexpipe
