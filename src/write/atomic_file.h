// An output file that appears whole or not at all. Bytes go to a temporary
// file in the destination's folder (`.<name>.tmp-<pid>-<counter>`); Commit()
// flushes, fsyncs and closes it, renames it over the destination and fsyncs
// the folder. An AtomicFile destroyed or Abandon()ed before a successful
// Commit() removes its temporary file, so an existing destination is never
// replaced by a partial one. All I/O goes through the given FileSystem.
//
// Errors are sticky: after the first failure every later call returns it and
// Commit() abandons the temporary file. One thread at a time.
//
// A writer that can only write by file name (libxlsxwriter) may write
// temp_path() itself, without Append(), and then call Commit(): the sync goes
// through this object's descriptor of the same file, which flushes whatever
// was written to it through any descriptor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

// Removes the temporary files a writer killed outright (SIGKILL, a power cut)
// left beside `destination` (`.<name>.tmp-<pid>-<n>`): those of a process
// that no longer exists on this host, untouched for `min_age_seconds` (a
// writer on another host sharing the folder keeps its file fresh while it
// writes). Best effort: what cannot be listed or removed stays. Called by
// Create() for its destination.
void RemoveAbandonedTemporaries(FileSystem* fs, const std::filesystem::path& destination,
                                double min_age_seconds = 600);

// Where OutputStaging::Commit() moves a file it is about to replace, to bring
// it back if the commit fails: `.<name>.prev-<pid>` beside it.
std::filesystem::path AsidePathFor(const std::filesystem::path& destination);

// Removes the `.<name>.prev-<pid>` files beside `destination` of processes that
// no longer exist on this host: earlier outputs that a run killed outright
// during its commit had moved aside. Called once a new output is in place at
// `destination`, which supersedes them. Best effort, like the above.
void RemoveSupersededAsides(FileSystem* fs, const std::filesystem::path& destination);

class AtomicFile {
 public:
  static constexpr size_t kDefaultBufferBytes = size_t{1} << 20;

  // Creates the destination's missing parent folders and opens the temporary
  // file. Fails (kOutputError) when the destination is an existing folder.
  // `fs` must outlive the AtomicFile.
  static Result<std::unique_ptr<AtomicFile>> Create(FileSystem* fs, const std::filesystem::path& destination,
                                                    size_t buffer_bytes = kDefaultBufferBytes);

  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Buffers `data`, writing the buffer out whenever it fills. Data at least
  // as large as the buffer is written through without a copy.
  Status Append(std::string_view data);

  // Makes the written bytes the destination's contents. On failure before the
  // rename the temporary file is removed and the destination is untouched. If
  // only the final folder fsync fails, the new contents are in place (whole)
  // but their durability is not guaranteed; the error is still returned.
  Status Commit();

  // Makes Commit() keep a file already at the destination instead of
  // replacing it: just before the new file is renamed into place, the old one
  // is renamed to FreeBackupPath(destination, stamp) (write/existing_output.h:
  // <stem>.<stamp><ext>). If the new file's rename then fails, the old one is
  // renamed back. Between the two renames (microseconds) the destination does
  // not exist. Call before Commit().
  void KeepExistingAsBackup(std::string stamp) { backup_stamp_ = std::move(stamp); }
  // Where Commit() moved the previous file; empty when it moved none.
  const std::filesystem::path& backup_path() const { return backup_path_; }

  // Discards everything written; the destination is untouched. Idempotent;
  // does nothing after a successful Commit().
  void Abandon();

  const std::filesystem::path& destination() const { return destination_; }
  const std::filesystem::path& temp_path() const { return temp_path_; }
  // Bytes accepted by Append() so far.
  uint64_t size() const { return size_; }
  bool committed() const { return state_ == State::kCommitted; }

 private:
  enum class State : uint8_t { kOpen, kCommitted, kAbandoned };  // kAbandoned also after a failure

  AtomicFile(FileSystem* fs, std::filesystem::path destination, std::filesystem::path temp_path,
             std::unique_ptr<WritableFile> file, size_t buffer_bytes);

  Status Flush();
  // Renames the temporary file over the destination, first moving an existing
  // destination aside when KeepExistingAsBackup() was called.
  Status RenameIntoPlace();
  // Records `s` (annotated with the destination) as the sticky error and
  // abandons the temporary file.
  Status Fail(const Status& s, std::string_view doing);

  FileSystem* fs_;
  std::filesystem::path destination_;
  std::filesystem::path temp_path_;
  std::unique_ptr<WritableFile> file_;
  std::string buffer_;
  size_t buffer_bytes_;
  uint64_t size_ = 0;
  std::string backup_stamp_;
  std::filesystem::path backup_path_;
  State state_ = State::kOpen;
  Status error_;
};

}  // namespace flexpipe
