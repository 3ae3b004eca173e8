// Every file-system operation of a whole run, failed in turn (as SQLite and
// LevelDB test): each failure ends in a clear error — a failed input file in
// the summary, or a failed run — and never in a crash, a partial output or a
// temporary file left behind; when the run fails, the previous outputs are
// exactly as they were.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "flexpipe/pipeline.h"
#include "pipeline/pipeline_test_util.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace pipeline_fault_loop_test {
namespace {

using testing::AllFsOps;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::FsOpName;
using testing::ReadFileToString;
using testing::TempDir;

constexpr const char* kCsv =
    "address,city,state,zoning,acres,building_sqft,sale_date\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000,2025-01-01\n"
    "200 Commerce Way,Miami,FL,IL,TBD,12000,2025-01-01\n";

std::map<std::string, std::string> Folder(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    files[e.path().filename().string()] = ReadFileToString(e.path());
  }
  return files;
}

void Restore(const std::filesystem::path& dir, const std::map<std::string, std::string>& files) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [name, bytes] : files) std::ofstream(dir / name, std::ios::binary) << bytes;
}

TEST(PipelineFaultLoop, EveryFailedOperationEndsCleanly) {
  TempDir dir;
  dir.Write("in/a.csv", kCsv);
  dir.Write("in/b.csv", kCsv);
  dir.Write("in/c.xlsx", ReadFileToString(testing::TestDataPath("pbc_flex_sample_50.xlsx")));
  PipelineOptions o = testing::ScratchRunOptions(dir);
  const auto out = dir.path() / "out";
  o.output.enable_xlsx_export = true;
  o.output.enable_html = true;
  o.output.existing = "replace";
  o.filtering.min_flex_score = 4;
  o.processing.retry_backoff_seconds = 0;

  FaultInjectionFileSystem counting;
  ASSERT_TRUE(RunPipeline(o, RunContext{nullptr, &counting}).ok());
  const auto baseline = Folder(out);
  ASSERT_EQ(baseline.size(), 5u);  // master CSV and workbook, rejects, HTML, JSON

  int runs = 0, failed_runs = 0, failed_files = 0;
  for (const FsOp op : AllFsOps()) {
    const uint64_t calls = counting.Calls(op);
    for (uint64_t n = 1; n <= calls; ++n) {
      Restore(out, baseline);
      FaultInjectionFileSystem fs;
      fs.FailNth(op, n);
      auto summary = RunPipeline(o, RunContext{nullptr, &fs});
      ++runs;
      const auto now = Folder(out);
      for (const auto& [name, bytes] : now) {
        EXPECT_EQ(name.find(".tmp-"), std::string::npos) << FsOpName(op) << " #" << n << " left " << name;
      }
      if (!summary.ok()) {
        ++failed_runs;
        EXPECT_FALSE(summary.status().message().empty());
        EXPECT_TRUE(now == baseline) << FsOpName(op) << " #" << n << ": " << summary.status().ToString()
                                     << ": the previous outputs changed";
        continue;
      }
      EXPECT_EQ(now.size(), baseline.size()) << FsOpName(op) << " #" << n;
      for (const FileReport& f : summary->files) {
        if (f.succeeded) continue;
        ++failed_files;
        EXPECT_FALSE(f.error_code.empty());
        EXPECT_NE(f.error_message.find("injected fault"), std::string::npos) << f.error_message;
      }
    }
  }
  EXPECT_GT(runs, 50);
  EXPECT_GT(failed_runs, 0);   // output faults fail the run
  EXPECT_GT(failed_files, 0);  // input faults fail one file
}

}  // namespace
}  // namespace pipeline_fault_loop_test
}  // namespace flexpipe
