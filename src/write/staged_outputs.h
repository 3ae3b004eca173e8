// A run's outputs as one set: all of them replace their predecessors, or none
// does. Each output is already written whole or not at all (atomic_file.h:
// temporary file, fsync, rename); this makes the set atomic too, so a failure
// while writing the fifth output does not leave four new files next to an old
// summary that describes another run.
//
// OutputStaging is a FileSystem decorator for the writers: files are created
// and written through to the real file system, but the renames that would put
// them into place (and the folder syncs after them) are only recorded. Commit()
// then performs the renames in the order they were asked for — moving each
// file about to be replaced aside first (".<name>.prev-<pid>") — syncs each
// folder once, and on any failure undoes the renames already done (in reverse
// order) and removes the new files, so the previous outputs are as they were;
// on success the files moved aside are removed, and so are those a run killed
// outright during its own commit left beside the same outputs.
// Destroyed without Commit(), it removes the files it created.
//
// Renames recorded include AtomicFile's "keep the old file as a backup" moves
// (output.existing: backup), which are undone the same way.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/env.h"

namespace flexpipe {

class OutputStaging final : public FileSystem {
 public:
  explicit OutputStaging(FileSystem* base) : base_(base) {}
  ~OutputStaging() override;
  OutputStaging(const OutputStaging&) = delete;
  OutputStaging& operator=(const OutputStaging&) = delete;

  // Puts every staged output into place, or none (see above).
  Status Commit();

  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    return base_->OpenSequential(path);
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) override {
    return base_->OpenRandomAccess(path);
  }
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& path) override;
  Result<FileStat> Stat(const std::filesystem::path& path) override;
  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& path) override {
    return base_->ListDirectory(path);
  }
  Status CreateDirectories(const std::filesystem::path& path) override {
    return base_->CreateDirectories(path);
  }
  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  Status RemoveFile(const std::filesystem::path& path) override;
  Status SyncDirectory(const std::filesystem::path& path) override;
  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& dir) override {
    return base_->CreateScratchFile(dir);
  }

 private:
  struct Move {
    std::filesystem::path from, to;
  };
  // Removes the files created (after any renames made were undone).
  void RollBack();

  FileSystem* base_;
  std::vector<Move> moves_;
  std::set<std::filesystem::path> created_;  // files made through OpenWritable, still there
  std::set<std::filesystem::path> folders_;  // to sync at Commit()
  bool committed_ = false;
};

}  // namespace flexpipe
