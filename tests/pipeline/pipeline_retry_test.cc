// Transient failures are tried again with backoff; permanent ones are not. A
// file that changes while it is read (still being copied) is read again once
// it holds still. A file over the time or memory limit fails alone.
#include <gtest/gtest.h>

#include <fstream>
#include <mutex>

#include "flexpipe/pipeline.h"
#include "pipeline/pipeline_test_util.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace pipeline_retry_test {
namespace {

using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::TempDir;

constexpr const char* kCsv =
    "address,city,state,zoning,acres,building_sqft\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000\n"
    "200 Commerce Way,Miami,FL,IL,1.3,12000\n";

// Time stands still unless someone sleeps (or `tick` moves it on every look).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(double tick = 0) : tick_(tick) {}
  double MonotonicSeconds() override {
    std::lock_guard lock(mu_);
    now_ += tick_;
    return now_;
  }
  Date Today() override { return FromCivil(2025, 6, 30); }
  std::string NowUtcIso() override { return "2025-06-30T12:34:56Z"; }
  void Sleep(double seconds) override {
    std::lock_guard lock(mu_);
    now_ += seconds;
    slept_ += seconds;
  }
  double slept() {
    std::lock_guard lock(mu_);
    return slept_;
  }

 private:
  std::mutex mu_;
  double tick_;
  double now_ = 0;
  double slept_ = 0;
};

PipelineOptions Options(const TempDir& dir) { return testing::ScratchRunOptions(dir); }

TEST(PipelineRetry, ABusyFileIsReadAgainAfterABackoff) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  FaultInjectionFileSystem fs;
  fs.FailNth(FsOp::kOpenSequential, 1, ErrorCode::kBusy);  // locked by another program, once
  FakeClock clock;
  auto summary = RunPipeline(Options(dir), RunContext{nullptr, &fs, &clock});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->files.size(), 1u);
  EXPECT_TRUE(summary->files[0].succeeded) << summary->files[0].error_message;
  EXPECT_EQ(summary->files[0].attempts, 2u);
  EXPECT_EQ(summary->rows_read, 2u);
  EXPECT_GE(clock.slept(), 0.75);  // 1 s ± 25 %
  EXPECT_LE(clock.slept(), 1.25);
}

TEST(PipelineRetry, AFileThatStaysBusyFailsAfterTheLastAttemptWithDoublingWaits) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  dir.Write("in/b.csv", kCsv);
  FaultInjectionFileSystem fs;
  FakeClock clock;
  PipelineOptions o = Options(dir);
  o.processing.retry_attempts = 3;
  o.processing.retry_backoff_seconds = 2;
  fs.FailNth(FsOp::kOpenSequential, 1, ErrorCode::kBusy);
  auto first = RunPipeline(o, RunContext{nullptr, &fs, &clock});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->files[0].attempts, 2u);  // one fault: the second try worked

  FaultInjectionFileSystem always;
  always.FailAlways(FsOp::kOpenSequential, ErrorCode::kBusy);
  FakeClock clock2;
  o.output.existing = "replace";
  auto summary = RunPipeline(o, RunContext{nullptr, &always, &clock2});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->files.size(), 2u);
  for (const FileReport& f : summary->files) {
    EXPECT_FALSE(f.succeeded);
    EXPECT_EQ(f.error_code, "BUSY");
    EXPECT_EQ(f.attempts, 3u);
  }
  // Per file: 2 s then 4 s, each ± 25 %.
  EXPECT_GE(clock2.slept(), 2 * 6 * 0.75);
  EXPECT_LE(clock2.slept(), 2 * 6 * 1.25);
}

TEST(PipelineRetry, PermanentFailuresAreNotRetried) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  FaultInjectionFileSystem fs;
  fs.FailAlways(FsOp::kOpenSequential, ErrorCode::kPermissionDenied);
  FakeClock clock;
  auto summary = RunPipeline(Options(dir), RunContext{nullptr, &fs, &clock});
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->files[0].error_code, "PERMISSION_DENIED");
  EXPECT_EQ(summary->files[0].attempts, 1u);
  EXPECT_EQ(clock.slept(), 0);
  EXPECT_EQ(fs.Calls(FsOp::kOpenSequential), 1u);
}

// A copy in progress: the first time the file is opened, more rows arrive.
class GrowingFileSystem final : public FileSystem {
 public:
  GrowingFileSystem(std::filesystem::path grows, std::string more)
      : grows_(std::move(grows)), more_(std::move(more)) {}
  Result<std::unique_ptr<SequentialFile>> OpenSequential(const std::filesystem::path& path) override {
    auto file = base_->OpenSequential(path);
    if (path == grows_ && !grown_) {
      grown_ = true;
      std::ofstream(path, std::ios::app) << more_;
    }
    return file;
  }
  Result<std::unique_ptr<RandomAccessFile>> OpenRandomAccess(const std::filesystem::path& p) override {
    return base_->OpenRandomAccess(p);
  }
  Result<std::unique_ptr<WritableFile>> OpenWritable(const std::filesystem::path& p) override {
    return base_->OpenWritable(p);
  }
  Result<FileStat> Stat(const std::filesystem::path& p) override { return base_->Stat(p); }
  Result<std::vector<DirEntry>> ListDirectory(const std::filesystem::path& p) override {
    return base_->ListDirectory(p);
  }
  Status CreateDirectories(const std::filesystem::path& p) override { return base_->CreateDirectories(p); }
  Status Rename(const std::filesystem::path& a, const std::filesystem::path& b) override {
    return base_->Rename(a, b);
  }
  Status RemoveFile(const std::filesystem::path& p) override { return base_->RemoveFile(p); }
  Status SyncDirectory(const std::filesystem::path& p) override { return base_->SyncDirectory(p); }
  Result<std::unique_ptr<ScratchFile>> CreateScratchFile(const std::filesystem::path& d) override {
    return base_->CreateScratchFile(d);
  }

 private:
  FileSystem* base_ = DefaultFileSystem();
  std::filesystem::path grows_;
  std::string more_;
  bool grown_ = false;
};

TEST(PipelineRetry, AFileStillBeingCopiedIsReadAgainWhenItHoldsStill) {
  TempDir dir;
  const auto path = dir.Write("in/a.csv", kCsv);
  GrowingFileSystem fs(path, "300 Flex Pkwy,Jupiter,FL,IL,3,20000\n");
  FakeClock clock;
  auto summary = RunPipeline(Options(dir), RunContext{nullptr, &fs, &clock});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(summary->files[0].succeeded) << summary->files[0].error_message;
  EXPECT_EQ(summary->files[0].attempts, 2u);
  EXPECT_EQ(summary->rows_read, 3u);  // the whole file, as it ended up
  EXPECT_NE(ReadFileToString(dir.path() / "out" / "master.csv").find("300 Flex Pkwy"), std::string::npos);
}

TEST(PipelineRetry, AFileThatKeepsChangingFailsWithFileChanged) {
  TempDir dir;
  const auto path = dir.Write("in/a.csv", kCsv);
  GrowingFileSystem fs(path, "300 Flex Pkwy,Jupiter,FL,IL,3,20000\n");
  FakeClock clock;
  PipelineOptions o = Options(dir);
  o.processing.retry_attempts = 1;
  auto summary = RunPipeline(o, RunContext{nullptr, &fs, &clock});
  ASSERT_TRUE(summary.ok());
  EXPECT_FALSE(summary->files[0].succeeded);
  EXPECT_EQ(summary->files[0].error_code, "FILE_CHANGED");
  EXPECT_NE(summary->files[0].error_message.find("still being copied"), std::string::npos);
  EXPECT_EQ(summary->candidates_unique, 0u);  // nothing of a half-read file lands
}

TEST(PipelineRetry, AFileOverTheTimeLimitFailsAndTheOthersGoOn) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.processing.timeout_minutes = 0.5;  // 30 s
  FakeClock clock(/*tick=*/40);        // every look at the clock: 40 s later
  auto summary = RunPipeline(o, RunContext{nullptr, nullptr, &clock});
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files[0].error_code, "TIMED_OUT");
  EXPECT_NE(summary->files[0].error_message.find("processing.timeout_minutes (0.5 min)"), std::string::npos);
  EXPECT_EQ(summary->files[0].attempts, 1u);  // not transient
}

TEST(PipelineRetry, AFileReadWhileMemoryIsOverTheLimitFails) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.processing.memory_limit_gb = 0.001;  // 1 MB: any process is over it
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files[0].error_code, "RESOURCE_LIMIT");
  EXPECT_NE(summary->files[0].error_message.find("MB is over processing.memory_limit_gb (0.001 GB = 1.0 MB)"),
            std::string::npos);
}

}  // namespace
}  // namespace pipeline_retry_test
}  // namespace flexpipe
