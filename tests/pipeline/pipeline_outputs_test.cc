// What a run writes: the master workbook beside the master CSV, and what
// happens to outputs that are already there (output.existing).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/env.h"
#include "flexpipe/pipeline.h"
#include "test_util.h"
#include "write/xlsx_test_util.h"

namespace flexpipe {
namespace pipeline_outputs_test {
namespace {

using testing::Entries;
using testing::Quoted;
using testing::ReadFileToString;
using testing::TempDir;
using testing::XlsxCheck;

constexpr const char* kBrokerCsv =
    "Parcel ID,Property Address,City,State,Zip,Zoning,Lot Size Acres,Building SqFt,Year Built,Improvement "
    "Value,Sale Date,Near Highway,Notes\n"
    "00424701000000010,100 Industrial Street,Boca "
    "Raton,FL,33431,IL,2.5,25000,1998,\"$1,200,000\",2025-01-01,Y,"
    "first\n"
    "8434605080000130,200 Commerce Way,Miami,FL,33101-1234,CG,1.3,,,300000,03/14/2025,no,=cmd\n"
    "1,300 Nowhere Rd,Orlando,FL,32801,RS,0.1,,,,,,low\n"
    "2,555 Flex Pkwy,Jupiter,FL,33458,M-1,3,20000,2001,900000,,yes,\"-5, dock\"\n";

// A clock that always says the same: runs start at 2025-06-30T12:34:56Z.
class FixedClock final : public Clock {
 public:
  double MonotonicSeconds() override { return 0; }
  Date Today() override { return FromCivil(2025, 6, 30); }
  std::string NowUtcIso() override { return "2025-06-30T12:34:56Z"; }
};

PipelineOptions Options(const TempDir& dir) {
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / "out" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "out" / "summary.json").string();
  o.store = (dir.path() / "flexpipe.db").string();  // docs/store.md
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  o.processing.max_workers = 1;
  return o;
}

// The master outputs and JSON summaries in `folder` (other outputs, such as
// the HTML report, are not this file's subject).
std::set<std::string> Outputs(const std::filesystem::path& folder) {
  std::set<std::string> names;
  for (const std::string& name : Entries(folder)) {
    if (name.starts_with("master") || name.starts_with("summary")) names.insert(name);
  }
  return names;
}

Result<RunSummary> RunAt(const PipelineOptions& o) {
  static FixedClock clock;
  RunContext context;
  context.clock = &clock;
  return RunPipeline(o, context);
}

TEST(PipelineOutputs, TheMasterWorkbookHoldsTheMasterCsv) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  auto summary = RunAt(Options(dir));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->master_xlsx, (dir.path() / "out" / "master.xlsx").string());
  EXPECT_EQ(summary->master_csv, (dir.path() / "out" / "master.csv").string());
  int status = 0;
  const std::string out = XlsxCheck("compare " + Quoted(dir.path() / "out" / "master.csv") + " " +
                                        Quoted(dir.path() / "out" / "master.xlsx"),
                                    &status);
  EXPECT_EQ(status, 0) << out;
  const auto book = testing::DumpWorkbook(dir.path() / "out" / "master.xlsx");
  ASSERT_FALSE(book.is_null());
  EXPECT_EQ(book["sheets"].size(), 3u);
  // The JSON summary names the workbook.
  EXPECT_NE(ReadFileToString(dir.path() / "out" / "summary.json").find("master.xlsx"), std::string::npos);
}

TEST(PipelineOutputs, TheWorkbookIsByteIdenticalFromRunToRun) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  o.output.existing = "replace";
  ASSERT_TRUE(RunPipeline(o).ok());  // the real clock
  const std::string first = ReadFileToString(dir.path() / "out" / "master.xlsx");
  o.processing.max_workers = 3;
  ASSERT_TRUE(RunPipeline(o).ok());
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.xlsx"), first);
}

TEST(PipelineOutputs, NoXlsxExportWritesNoWorkbook) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  o.output.enable_xlsx_export = false;
  auto summary = RunAt(o);
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->master_xlsx.empty());
  EXPECT_EQ(Outputs(dir.path() / "out"),
            (std::set<std::string>{"master.csv", "master_rejects.csv", "summary.json"}));
}

TEST(PipelineOutputs, BackupKeepsTheEarlierOutputsUnderTheRunsStartTime) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  ASSERT_EQ(o.output.existing, "backup");  // the default
  ASSERT_TRUE(RunAt(o).ok());
  EXPECT_EQ(Outputs(dir.path() / "out"),
            (std::set<std::string>{"master.csv", "master.xlsx", "master_rejects.csv", "summary.json"}));
  const std::string first_csv = ReadFileToString(dir.path() / "out" / "master.csv");
  const std::string first_xlsx = ReadFileToString(dir.path() / "out" / "master.xlsx");
  o.filtering.min_flex_score = 0;  // a different result
  ASSERT_TRUE(RunAt(o).ok());
  EXPECT_EQ(Outputs(dir.path() / "out"),
            (std::set<std::string>{"master.csv", "master.xlsx", "master_rejects.csv", "summary.json",
                                   "master.20250630-123456.csv", "master.20250630-123456.xlsx",
                                   "master_rejects.20250630-123456.csv", "summary.20250630-123456.json"}));
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.20250630-123456.csv"), first_csv);
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.20250630-123456.xlsx"), first_xlsx);
  EXPECT_NE(ReadFileToString(dir.path() / "out" / "master.csv"), first_csv);
}

TEST(PipelineOutputs, VersionWritesNewNamesAndLeavesEarlierOutputsAlone) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  o.output.existing = "version";
  auto first = RunAt(o);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->master_xlsx, (dir.path() / "out" / "master.xlsx").string());
  const std::string first_csv = ReadFileToString(dir.path() / "out" / "master.csv");
  auto second = RunAt(o);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->master_xlsx, (dir.path() / "out" / "master_v2.xlsx").string());
  EXPECT_EQ(second->master_csv, (dir.path() / "out" / "master_v2.csv").string());
  EXPECT_EQ(second->report_file, (dir.path() / "out" / "summary_v2.json").string());
  auto third = RunAt(o);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->master_csv, (dir.path() / "out" / "master_v3.csv").string());
  EXPECT_EQ(
      Outputs(dir.path() / "out"),
      (std::set<std::string>{"master.csv", "master.xlsx", "master_rejects.csv", "summary.json",
                             "master_v2.csv", "master_v2.xlsx", "master_rejects_v2.csv", "summary_v2.json",
                             "master_v3.csv", "master_v3.xlsx", "master_rejects_v3.csv", "summary_v3.json"}));
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.csv"), first_csv);
  EXPECT_NE(ReadFileToString(dir.path() / "out" / "summary_v3.json").find("master_v3.xlsx"),
            std::string::npos);
}

TEST(PipelineOutputs, ReplaceLeavesOnlyTheNewOutputs) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  o.output.existing = "replace";
  ASSERT_TRUE(RunAt(o).ok());
  ASSERT_TRUE(RunAt(o).ok());
  EXPECT_EQ(Outputs(dir.path() / "out"),
            (std::set<std::string>{"master.csv", "master.xlsx", "master_rejects.csv", "summary.json"}));
}

TEST(PipelineOutputs, AnUnknownPolicyIsAConfigurationError) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  PipelineOptions o = Options(dir);
  o.output.existing = "overwrite";
  auto summary = RunAt(o);
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), ErrorCode::kConfigError);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
}

}  // namespace
}  // namespace pipeline_outputs_test
}  // namespace flexpipe
