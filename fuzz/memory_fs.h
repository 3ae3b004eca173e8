// A FileSystem over one file held in memory, for the fuzz targets: the
// readers open the fuzzer's bytes through the same FileSystem interface the
// pipeline gives them (env.h), with no disk I/O per input. Only reading is
// supported; every other operation fails with kIoError.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "core/env.h"

namespace flexpipe::fuzz {

class MemoryFileSystem final : public FileSystem {
 public:
  // `data` must outlive the file system and the files opened from it.
  MemoryFileSystem(std::filesystem::path path, std::string_view data) : path_(std::move(path)), data_(data) {}

  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(path));
    return std::unique_ptr<SequentialFile>(new Sequential(data_));
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(path));
    return std::unique_ptr<RandomAccessFile>(new RandomAccess(data_));
  }
  Result<FileStat> Stat(const std::filesystem::path& path) override {
    FP_RETURN_IF_ERROR(Check(path));
    FileStat stat;
    stat.size = data_.size();
    stat.is_regular = true;
    return stat;
  }
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& /*path*/) override {
    return ReadOnly();
  }
  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& /*path*/) override {
    return ReadOnly();
  }
  Status CreateDirectories(const std::filesystem::path& /*path*/) override { return ReadOnly(); }
  Status Rename(const std::filesystem::path& /*from*/, const std::filesystem::path& /*to*/) override {
    return ReadOnly();
  }
  Status RemoveFile(const std::filesystem::path& /*path*/) override { return ReadOnly(); }
  Status SyncDirectory(const std::filesystem::path& /*path*/) override { return ReadOnly(); }
  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& /*dir*/) override {
    return ReadOnly();
  }

 private:
  class Sequential final : public SequentialFile {
   public:
    explicit Sequential(std::string_view data) : data_(data) {}
    Result<size_t> Read(char* buf, size_t n) override {
      n = std::min(n, data_.size() - pos_);
      if (n > 0) std::memcpy(buf, data_.data() + pos_, n);
      pos_ += n;
      return n;
    }

   private:
    std::string_view data_;
    size_t pos_ = 0;
  };

  class RandomAccess final : public RandomAccessFile {
   public:
    explicit RandomAccess(std::string_view data) : data_(data) {}
    Result<size_t> ReadAt(uint64_t offset, char* buf, size_t n) override {
      if (offset >= data_.size()) return size_t{0};
      n = std::min<uint64_t>(n, data_.size() - offset);
      if (n > 0) std::memcpy(buf, data_.data() + offset, n);
      return n;
    }
    uint64_t size() const override { return data_.size(); }

   private:
    std::string_view data_;
  };

  Status Check(const std::filesystem::path& path) const {
    if (path != path_) return Status(ErrorCode::kNotFound, "no such file: " + path.string());
    return Status::Ok();
  }
  static Status ReadOnly() { return Status(ErrorCode::kIoError, "the fuzzing file system is read-only"); }

  std::filesystem::path path_;
  std::string_view data_;
};

}  // namespace flexpipe::fuzz
