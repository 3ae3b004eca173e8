// A FileSystem decorator for tests (as LevelDB's FaultInjectionTestEnv): it
// forwards every call to a real FileSystem (the POSIX one by default) and can
// make the Nth call of an operation fail, so a test can walk a piece of code
// through a failure at every I/O step it takes. An injected Append failure is
// a torn write: half of the data reaches the file before the error.
// Thread-safe; files it opens must not outlive it.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/env.h"

namespace flexpipe::testing {

enum class FsOp : uint8_t {
  kOpenSequential,
  kRead,
  kOpenWritable,
  kAppend,
  kSync,
  kClose,
  kStat,
  kListDirectory,
  kCreateDirectories,
  kRename,
  kRemoveFile,
  kSyncDirectory,
  kOpenRandomAccess,
  kReadAt,
  kCreateScratchFile,
};
inline constexpr size_t kFsOpCount = static_cast<size_t>(FsOp::kCreateScratchFile) + 1;

inline std::string_view FsOpName(FsOp op) {
  static constexpr std::array<std::string_view, kFsOpCount> kNames = {"OpenSequential",
                                                                      "Read",
                                                                      "OpenWritable",
                                                                      "Append",
                                                                      "Sync",
                                                                      "Close",
                                                                      "Stat",
                                                                      "ListDirectory",
                                                                      "CreateDirectories",
                                                                      "Rename",
                                                                      "RemoveFile",
                                                                      "SyncDirectory",
                                                                      "OpenRandomAccess",
                                                                      "ReadAt",
                                                                      "CreateScratchFile"};
  return kNames[static_cast<size_t>(op)];
}

inline std::vector<FsOp> AllFsOps() {
  std::vector<FsOp> ops;
  for (size_t i = 0; i < kFsOpCount; ++i) ops.push_back(static_cast<FsOp>(i));
  return ops;
}

class FaultInjectionFileSystem final : public FileSystem {
 public:
  explicit FaultInjectionFileSystem(FileSystem* base = DefaultFileSystem()) : base_(base) {}

  // Makes the nth call of `op` (1-based, counting calls made from now on)
  // fail with `code`. n = 0 clears the fault for `op`.
  void FailNth(FsOp op, uint64_t n, ErrorCode code = ErrorCode::kIoError) {
    std::lock_guard lock(mu_);
    OpState& s = ops_[static_cast<size_t>(op)];
    s.fail_at = n == 0 ? 0 : s.calls + n;
    s.code = code;
  }
  // Makes every call of `op` from now on fail.
  void FailAlways(FsOp op, ErrorCode code = ErrorCode::kIoError) {
    std::lock_guard lock(mu_);
    ops_[static_cast<size_t>(op)].fail_always = true;
    ops_[static_cast<size_t>(op)].code = code;
  }
  void ClearFaults() {
    std::lock_guard lock(mu_);
    for (OpState& s : ops_) {
      s.fail_at = 0;
      s.fail_always = false;
    }
  }
  // Calls of `op` so far, failed ones included.
  uint64_t Calls(FsOp op) const {
    std::lock_guard lock(mu_);
    return ops_[static_cast<size_t>(op)].calls;
  }
  // Faults injected so far.
  uint64_t Injected() const {
    std::lock_guard lock(mu_);
    return injected_;
  }

  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kOpenSequential, path));
    FP_ASSIGN_OR_RETURN(auto file, base_->OpenSequential(path));
    return std::unique_ptr<SequentialFile>(new FaultySequentialFile(this, path, std::move(file)));
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kOpenRandomAccess, path));
    FP_ASSIGN_OR_RETURN(auto file, base_->OpenRandomAccess(path));
    return std::unique_ptr<RandomAccessFile>(new FaultyRandomAccessFile(this, path, std::move(file)));
  }
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kOpenWritable, path));
    FP_ASSIGN_OR_RETURN(auto file, base_->OpenWritable(path));
    return std::unique_ptr<WritableFile>(new FaultyWritableFile(this, path, std::move(file)));
  }
  Result<FileStat> Stat(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kStat, path));
    return base_->Stat(path);
  }
  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kListDirectory, path));
    return base_->ListDirectory(path);
  }
  Status CreateDirectories(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kCreateDirectories, path));
    return base_->CreateDirectories(path);
  }
  Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kRename, to));
    return base_->Rename(from, to);
  }
  Status RemoveFile(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kRemoveFile, path));
    return base_->RemoveFile(path);
  }
  Status SyncDirectory(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kSyncDirectory, path));
    return base_->SyncDirectory(path);
  }
  // Its Append and ReadAt count as kAppend and kReadAt.
  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& dir) override {
    FP_RETURN_IF_ERROR(Check(FsOp::kCreateScratchFile, dir));
    FP_ASSIGN_OR_RETURN(auto file, base_->CreateScratchFile(dir));
    return std::unique_ptr<ScratchFile>(new FaultyScratchFile(this, dir, std::move(file)));
  }

 private:
  struct OpState {
    uint64_t calls = 0;
    uint64_t fail_at = 0;  // the call number that fails; 0 = none
    bool fail_always = false;
    ErrorCode code = ErrorCode::kIoError;
  };

  class FaultySequentialFile final : public SequentialFile {
   public:
    FaultySequentialFile(FaultInjectionFileSystem* fs, std::filesystem::path path,
                         std::unique_ptr<SequentialFile> base)
        : fs_(fs), path_(std::move(path)), base_(std::move(base)) {}
    Result<size_t> Read(char* buf, size_t n) override {
      FP_RETURN_IF_ERROR(fs_->Check(FsOp::kRead, path_));
      return base_->Read(buf, n);
    }

   private:
    FaultInjectionFileSystem* fs_;
    std::filesystem::path path_;
    std::unique_ptr<SequentialFile> base_;
  };

  class FaultyRandomAccessFile final : public RandomAccessFile {
   public:
    FaultyRandomAccessFile(FaultInjectionFileSystem* fs, std::filesystem::path path,
                           std::unique_ptr<RandomAccessFile> base)
        : fs_(fs), path_(std::move(path)), base_(std::move(base)) {}
    Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
      FP_RETURN_IF_ERROR(fs_->Check(FsOp::kReadAt, path_));
      return base_->ReadAt(offset, buf, n);
    }
    uint64_t size() const override { return base_->size(); }

   private:
    FaultInjectionFileSystem* fs_;
    std::filesystem::path path_;
    std::unique_ptr<RandomAccessFile> base_;
  };

  class FaultyWritableFile final : public WritableFile {
   public:
    FaultyWritableFile(FaultInjectionFileSystem* fs, std::filesystem::path path,
                       std::unique_ptr<WritableFile> base)
        : fs_(fs), path_(std::move(path)), base_(std::move(base)) {}
    Status Append(std::string_view data) override {
      Status s = fs_->Check(FsOp::kAppend, path_);
      if (!s.ok()) {
        (void)base_->Append(data.substr(0, data.size() / 2));  // torn write
        return s;
      }
      return base_->Append(data);
    }
    Status Sync() override {
      FP_RETURN_IF_ERROR(fs_->Check(FsOp::kSync, path_));
      return base_->Sync();
    }
    Status Close() override {
      Status s = fs_->Check(FsOp::kClose, path_);
      Status closed = base_->Close();  // the descriptor is released either way, as with close(2)
      return s.ok() ? closed : s;
    }

   private:
    FaultInjectionFileSystem* fs_;
    std::filesystem::path path_;
    std::unique_ptr<WritableFile> base_;
  };

  class FaultyScratchFile final : public ScratchFile {
   public:
    FaultyScratchFile(FaultInjectionFileSystem* fs, std::filesystem::path dir,
                      std::unique_ptr<ScratchFile> base)
        : fs_(fs), dir_(std::move(dir)), base_(std::move(base)) {}
    Status Append(std::string_view data) override {
      FP_RETURN_IF_ERROR(fs_->Check(FsOp::kAppend, dir_));
      return base_->Append(data);
    }
    Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) const override {
      FP_RETURN_IF_ERROR(fs_->Check(FsOp::kReadAt, dir_));
      return base_->ReadAt(offset, buf, n);
    }

   private:
    FaultInjectionFileSystem* fs_;
    std::filesystem::path dir_;
    std::unique_ptr<ScratchFile> base_;
  };

  Status Check(FsOp op, const std::filesystem::path& path) {
    std::lock_guard lock(mu_);
    OpState& s = ops_[static_cast<size_t>(op)];
    ++s.calls;
    if (!s.fail_always && s.calls != s.fail_at) return Status::Ok();
    ++injected_;
    return Status(s.code, "injected fault in " + std::string(FsOpName(op)),
                  Location{path.string(), {}, 0, {}});
  }

  FileSystem* base_;
  mutable std::mutex mu_;
  std::array<OpState, kFsOpCount> ops_{};
  uint64_t injected_ = 0;
};

}  // namespace flexpipe::testing
