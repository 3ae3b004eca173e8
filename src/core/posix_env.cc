// POSIX implementations of FileSystem and Clock.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <thread>

#include <fmt/format.h>

#include "core/env.h"

namespace flexpipe {
namespace {

Status ErrnoStatus(const std::filesystem::path& path, std::string_view what, int err) {
  ErrorCode code = ErrorCode::kIoError;
  if (err == ENOENT || err == ENOTDIR) code = ErrorCode::kNotFound;
  if (err == EACCES || err == EPERM) code = ErrorCode::kPermissionDenied;
  if (err == EAGAIN || err == EWOULDBLOCK || err == EBUSY || err == ETXTBSY || err == ENOLCK) {
    code = ErrorCode::kBusy;
  }
  const std::string reason =
      err == ELOOP ? fmt::format("symbolic link loop ({})", std::strerror(err)) : std::strerror(err);
  return Status(code, fmt::format("{}: {}", what, reason), Location{path.string(), {}, 0, {}});
}

// What a file that is neither regular nor a folder is, for messages.
std::string_view SpecialFileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

// Opens `path` for reading if it is a regular file. O_NONBLOCK keeps open()
// from waiting for a writer when the path is (or was swapped for) a FIFO;
// fstat() then refuses anything but a regular file before a byte is read.
Result<int> OpenRegularFile(const std::filesystem::path& path, struct stat* st) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) return ErrnoStatus(path, "cannot open", errno);
  if (::fstat(fd, st) != 0) {
    const int err = errno;
    ::close(fd);
    return ErrnoStatus(path, "cannot stat", err);
  }
  if (S_ISDIR(st->st_mode)) {
    ::close(fd);
    return ErrnoStatus(path, "cannot open", EISDIR);
  }
  if (!S_ISREG(st->st_mode)) {
    ::close(fd);
    return Status(ErrorCode::kUnsupportedFormat,
                  fmt::format("not read: {} is {}, not a regular file", path.filename().string(),
                              SpecialFileKind(st->st_mode)),
                  Location{path.string(), {}, 0, {}});
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

// pread until n bytes or the end of the file: pread may return less than
// asked before the end.
Result<size_t> ReadFully(const std::filesystem::path& path, int fd, uint64_t offset, char* buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd, buf + done, n - done, static_cast<off_t>(offset + done));
    if (got == 0) break;
    if (got > 0) {
      done += static_cast<size_t>(got);
      continue;
    }
    if (errno == EINTR) continue;
    return ErrnoStatus(path, "read failed", errno);
  }
  return done;
}

Status WriteFully(const std::filesystem::path& path, int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t put = ::write(fd, data.data(), data.size());
    if (put < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus(path, "write failed", errno);
    }
    data.remove_prefix(static_cast<size_t>(put));
  }
  return Status::Ok();
}

class PosixSequentialFile final : public SequentialFile {
 public:
  PosixSequentialFile(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixSequentialFile() override { ::close(fd_); }
  PosixSequentialFile(const PosixSequentialFile&) = delete;
  PosixSequentialFile& operator=(const PosixSequentialFile&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    while (true) {
      const ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno == EINTR) continue;
      return ErrnoStatus(path_, "read failed", errno);
    }
  }

 private:
  std::filesystem::path path_;
  int fd_;
};

class PosixRandomAccessFile final : public RandomAccessFile {
 public:
  PosixRandomAccessFile(std::filesystem::path path, int fd, uint64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  ~PosixRandomAccessFile() override { ::close(fd_); }
  PosixRandomAccessFile(const PosixRandomAccessFile&) = delete;
  PosixRandomAccessFile& operator=(const PosixRandomAccessFile&) = delete;

  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
    return ReadFully(path_, fd_, offset, buf, n);
  }
  uint64_t size() const override { return size_; }

 private:
  std::filesystem::path path_;
  int fd_;
  uint64_t size_;
};

class PosixWritableFile final : public WritableFile {
 public:
  PosixWritableFile(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~PosixWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
  }
  PosixWritableFile(const PosixWritableFile&) = delete;
  PosixWritableFile& operator=(const PosixWritableFile&) = delete;

  Status Append(std::string_view data) override { return WriteFully(path_, fd_, data); }
  Status Sync() override {
    if (::fsync(fd_) != 0) return ErrnoStatus(path_, "fsync failed", errno);
    return Status::Ok();
  }
  Status Close() override {
    const int fd = fd_;
    fd_ = -1;
    if (fd >= 0 && ::close(fd) != 0) return ErrnoStatus(path_, "close failed", errno);
    return Status::Ok();
  }

 private:
  std::filesystem::path path_;
  int fd_;
};

class PosixScratchFile final : public ScratchFile {
 public:
  PosixScratchFile(std::filesystem::path dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
  ~PosixScratchFile() override { ::close(fd_); }
  PosixScratchFile(const PosixScratchFile&) = delete;
  PosixScratchFile& operator=(const PosixScratchFile&) = delete;

  Status Append(std::string_view data) override { return WriteFully(dir_, fd_, data); }
  Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) const override {
    return ReadFully(dir_, fd_, offset, buf, n);
  }

 private:
  std::filesystem::path dir_;  // for messages: the file has no name
  int fd_;
};

class PosixFileSystem final : public FileSystem {
 public:
  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    struct stat st {};
    FP_ASSIGN_OR_RETURN(const int fd, OpenRegularFile(path, &st));
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return std::unique_ptr<SequentialFile>(new PosixSequentialFile(path, fd));
  }

  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) override {
    struct stat st {};
    FP_ASSIGN_OR_RETURN(const int fd, OpenRegularFile(path, &st));
    return std::unique_ptr<RandomAccessFile>(
        new PosixRandomAccessFile(path, fd, static_cast<uint64_t>(st.st_size)));
  }

  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& path) override {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return ErrnoStatus(path, "cannot create", errno);
    return std::unique_ptr<WritableFile>(new PosixWritableFile(path, fd));
  }

  Result<FileStat> Stat(const std::filesystem::path& path) override {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return ErrnoStatus(path, "cannot stat", errno);
    FileStat out;
    out.size = static_cast<uint64_t>(st.st_size);
    out.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out.is_directory = S_ISDIR(st.st_mode);
    out.is_regular = S_ISREG(st.st_mode);
    if (!out.is_directory && !out.is_regular) out.special = SpecialFileKind(st.st_mode);
    out.device = static_cast<uint64_t>(st.st_dev);
    out.inode = static_cast<uint64_t>(st.st_ino);
    return out;
  }

  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& path) override {
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) return ErrnoStatus(path, "cannot list folder", errno);
    std::vector<DirEntry> entries;
    while (struct dirent* e = ::readdir(dir)) {
      const std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      bool is_link = e->d_type == DT_LNK;
      if (e->d_type == DT_UNKNOWN) {
        struct stat st {};
        if (::lstat((path / name).c_str(), &st) == 0) is_link = S_ISLNK(st.st_mode);
      }
      entries.push_back(DirEntry{std::string(name), is_link});
    }
    ::closedir(dir);
    return entries;
  }

  Status CreateDirectories(const std::filesystem::path& path) override {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return ErrnoStatus(path, "cannot create folder", ec.value());
    return Status::Ok();
  }

  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    if (::rename(from.c_str(), to.c_str()) != 0) return ErrnoStatus(to, "cannot rename into place", errno);
    return Status::Ok();
  }

  Status RemoveFile(const std::filesystem::path& path) override {
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return ErrnoStatus(path, "cannot remove", errno);
    return Status::Ok();
  }

  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& dir) override {
    const std::filesystem::path where = dir.empty() ? "." : dir;
    // O_TMPFILE: a file with no name at all. Where the file system cannot
    // make one, a named file removed at once.
    int fd = ::open(where.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
      std::string name = (where / ".flexpipe-scratch-XXXXXX").string();
      fd = ::mkostemp(name.data(), O_CLOEXEC);
      if (fd >= 0) ::unlink(name.c_str());
    }
    if (fd < 0) return ErrnoStatus(where, "cannot create a scratch file", errno);
    return std::unique_ptr<ScratchFile>(new PosixScratchFile(where, fd));
  }

  Status SyncDirectory(const std::filesystem::path& path) override {
    const int fd = ::open(path.empty() ? "." : path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return ErrnoStatus(path, "cannot open folder", errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0 && err != EINVAL) return ErrnoStatus(path, "cannot sync folder", err);
    return Status::Ok();
  }
};

class SystemClock final : public Clock {
 public:
  double MonotonicSeconds() override {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  Date Today() override {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return FromCivil(local.tm_year + 1900, static_cast<uint32_t>(local.tm_mon + 1),
                     static_cast<uint32_t>(local.tm_mday));
  }
  std::string NowUtcIso() override {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
  }
};

}  // namespace

FileSystem* DefaultFileSystem() {
  static auto* fs = new PosixFileSystem();
  return fs;
}

void Clock::Sleep(double seconds) {
  if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

Clock* DefaultClock() {
  static auto* clock = new SystemClock();
  return clock;
}

Result<std::string> ReadSmallFile(FileSystem* fs, const std::filesystem::path& path, size_t max_bytes) {
  FP_ASSIGN_OR_RETURN(auto file, fs->OpenSequential(path));
  std::string out;
  char buf[65536];
  while (true) {
    FP_ASSIGN_OR_RETURN(size_t n, file->Read(buf, sizeof buf));
    if (n == 0) break;
    out.append(buf, n);
    if (out.size() > max_bytes) {
      return Status(ErrorCode::kResourceLimit, fmt::format("file is larger than {} bytes", max_bytes),
                    Location{path.string(), {}, 0, {}});
    }
  }
  return out;
}

}  // namespace flexpipe
