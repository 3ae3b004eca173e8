// Every file-system and clock access goes through these interfaces (as
// LevelDB's Env), so tests can inject failures at the Nth operation and fix
// "today". Implementations must be thread-safe; file objects are used by one
// thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "flexpipe/status.h"

namespace flexpipe {

// A file read front to back.
class SequentialFile {
 public:
  virtual ~SequentialFile() = default;
  // Reads up to n bytes into buf; returns the count, 0 at end of file.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// A file read at arbitrary offsets (the ZIP reader's view of a workbook).
// Unlike the other file objects, ReadAt() may be called from several threads
// at once (it keeps no position).
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  // Reads up to n bytes at `offset` into buf; returns the count, which is
  // less than n only at the end of the file (0 at or past it).
  virtual Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) = 0;
  // The file's size when it was opened.
  virtual uint64_t size() const = 0;
};

// A file written front to back. Close() must be called; a file destroyed
// without Close() is closed and its errors are lost.
class WritableFile {
 public:
  virtual ~WritableFile() = default;
  virtual Status Append(std::string_view data) = 0;
  virtual Status Sync() = 0;  // fsync
  virtual Status Close() = 0;
};

// A nameless file of the process's own, for data spilled out of memory: it
// disappears when closed, or when the process dies, and is never seen in a
// folder listing. Append() from one thread; once appending has stopped,
// ReadAt() from any number of threads at once.
class ScratchFile {
 public:
  virtual ~ScratchFile() = default;
  virtual Status Append(std::string_view data) = 0;
  // Reads up to n bytes at `offset`; fewer only at the end of the data.
  virtual Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) const = 0;
};

struct FileStat {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool is_directory = false;
  bool is_regular = false;
  // Neither regular nor a folder: what it is ("a named pipe (FIFO)", "a
  // device", "a socket"), for the message that says it was not read.
  std::string_view special;
  uint64_t device = 0;  // with inode: identifies a directory for loop detection
  uint64_t inode = 0;
};

struct DirEntry {
  std::string name;  // file name only
  bool is_symlink = false;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) = 0;
  virtual Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) = 0;
  // Creates or truncates.
  virtual Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& path) = 0;
  // Follows symlinks.
  virtual Result<FileStat> Stat(const std::filesystem::path& path) = 0;
  virtual Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& path) = 0;
  virtual Status CreateDirectories(const std::filesystem::path& path) = 0;
  virtual Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  virtual Status RemoveFile(const std::filesystem::path& path) = 0;
  virtual Status SyncDirectory(const std::filesystem::path& path) = 0;
  // A scratch file in the folder `dir` (which must exist).
  virtual Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& dir) = 0;
};

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds on a monotonic clock (for durations).
  virtual double MonotonicSeconds() = 0;
  // The local calendar date today (the default `as_of`).
  virtual Date Today() = 0;
  // Wall-clock time as "YYYY-MM-DDTHH:MM:SSZ" (for run records).
  virtual std::string NowUtcIso() = 0;
  // Waits (retry backoff). Test clocks may advance their own time instead.
  virtual void Sleep(double seconds);
};

// Process-wide POSIX implementations; never null, never destroyed.
FileSystem* DefaultFileSystem();
Clock* DefaultClock();

// Reads a whole (small) file: configuration and profile files only.
Result<std::string> ReadSmallFile(FileSystem* fs, const std::filesystem::path& path,
                                  size_t max_bytes = 16 << 20);

}  // namespace flexpipe
