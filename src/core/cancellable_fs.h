// A FileSystem that passes everything through to another, except that the
// files it opens for writing refuse to take more data once a flag is set
// (kCancelled): a run interrupted while it writes its outputs stops within
// one buffer of each output, and its staged outputs are discarded as after
// any failed write (write/staged_outputs.h). Thread-safe as the inner one is.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/env.h"

namespace flexpipe {

class CancellableFileSystem final : public FileSystem {
 public:
  // Both must outlive it; `cancel` may be null (never cancelled).
  CancellableFileSystem(FileSystem* inner, const std::atomic<bool>* cancel)
      : inner_(inner), cancel_(cancel) {}

  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    return inner_->OpenSequential(path);
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) override {
    return inner_->OpenRandomAccess(path);
  }
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& path) override;
  Result<FileStat> Stat(const std::filesystem::path& path) override { return inner_->Stat(path); }
  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& path) override {
    return inner_->ListDirectory(path);
  }
  Status CreateDirectories(const std::filesystem::path& path) override {
    return inner_->CreateDirectories(path);
  }
  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    return inner_->Rename(from, to);
  }
  Status RemoveFile(const std::filesystem::path& path) override { return inner_->RemoveFile(path); }
  Status SyncDirectory(const std::filesystem::path& path) override { return inner_->SyncDirectory(path); }
  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& dir) override {
    return inner_->CreateScratchFile(dir);
  }

 private:
  FileSystem* inner_;
  const std::atomic<bool>* cancel_;
};

}  // namespace flexpipe
