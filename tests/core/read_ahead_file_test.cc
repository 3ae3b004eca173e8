#include "core/read_ahead_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace flexpipe {
namespace read_ahead_file_test {
namespace {

// A source that hands out `data` in reads of at most `step` bytes, then
// optionally fails instead of reporting the end.
class ScriptedFile final : public SequentialFile {
 public:
  ScriptedFile(std::string data, size_t step, bool fail_at_end = false)
      : data_(std::move(data)), step_(step), fail_at_end_(fail_at_end) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ == data_.size() && fail_at_end_) return Status(ErrorCode::kIoError, "EIO at the end");
    const size_t count = std::min({n, step_, data_.size() - pos_});
    std::memcpy(buf, data_.data() + pos_, count);
    pos_ += count;
    return count;
  }

 private:
  std::string data_;
  size_t step_;
  bool fail_at_end_;
  size_t pos_ = 0;
};

// An endless source: only destruction stops the reading thread.
class EndlessFile final : public SequentialFile {
 public:
  Result<size_t> Read(char* buf, size_t n) override {
    std::memset(buf, 'x', n);
    return n;
  }
};

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return s;
}

// Reads everything with reads of varying size; returns the bytes, or the error text.
std::string Drain(SequentialFile* file, std::string* error = nullptr) {
  std::string out;
  std::string buf(70000, '\0');
  for (size_t round = 0;; ++round) {
    const size_t want = 1 + (round * 7919) % buf.size();
    Result<size_t> n = file->Read(buf.data(), want);
    if (!n.ok()) {
      if (error != nullptr) *error = n.status().message();
      return out;
    }
    if (*n == 0) return out;
    EXPECT_LE(*n, want);
    out.append(buf.data(), *n);
  }
}

TEST(ReadAheadFile, DeliversEveryByteInOrder) {
  const std::string data = Pattern(5'000'017);
  ReadAheadFile file(std::make_unique<ScriptedFile>(data, 123'457), ReadAheadOptions{65536, 2});
  EXPECT_EQ(Drain(&file), data);
  char c = 0;
  EXPECT_EQ(*file.Read(&c, 1), 0u);  // stays at the end
}

TEST(ReadAheadFile, ChunkBoundaryAtTheEndAndEmptySource) {
  const std::string data = Pattern(4 * 4096);
  ReadAheadFile exact(std::make_unique<ScriptedFile>(data, 4096), ReadAheadOptions{4096, 3});
  EXPECT_EQ(Drain(&exact), data);
  ReadAheadFile empty(std::make_unique<ScriptedFile>("", 10));
  EXPECT_EQ(Drain(&empty), "");
}

TEST(ReadAheadFile, ErrorComesAfterTheBytesReadBeforeItAndStays) {
  const std::string data = Pattern(300'001);
  ReadAheadFile file(std::make_unique<ScriptedFile>(data, 9999, /*fail_at_end=*/true),
                     ReadAheadOptions{32768, 2});
  std::string error;
  EXPECT_EQ(Drain(&file, &error), data);
  EXPECT_EQ(error, "EIO at the end");
  char c = 0;
  Result<size_t> again = file.Read(&c, 1);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kIoError);
}

TEST(ReadAheadFile, DestroyingEarlyStopsTheReader) {
  auto file = std::make_unique<ReadAheadFile>(std::make_unique<EndlessFile>(), ReadAheadOptions{1024, 2});
  char buf[100];
  ASSERT_EQ(*file->Read(buf, sizeof buf), sizeof buf);
  EXPECT_EQ(buf[0], 'x');
  file.reset();  // must return: the thread waits for room and sees the stop
  SUCCEED();
}

}  // namespace
}  // namespace read_ahead_file_test
}  // namespace flexpipe
