// Row-level problems: every value that does not parse and every row with a
// wrong cell count is listed in the rejects file; the row is scored on what
// did parse, or set aside with strict_rows. Every row is accounted for.
#include <gtest/gtest.h>

#include "flexpipe/pipeline.h"
#include "pipeline/pipeline_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace pipeline_rejects_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

// Row 3: acreage "TBD"; row 4: one cell too many; row 5: a bad sale date and
// a bad building size; row 6 is clean.
constexpr const char* kCsv =
    "Property Address,City,State,Zoning,Lot Size Acres,Building SqFt,Sale Date\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000,2025-01-01\n"
    "200 Commerce Way,Miami,FL,IL,TBD,20000,2025-01-01\n"
    "300 Flex Pkwy,Jupiter,FL,IL,3,20000,2025-01-01,extra\n"
    "400 Warehouse Rd,Tampa,FL,IL,2,\"=1+1\",31/02/2025\n"
    "500 Depot Ave,Orlando,FL,IL,4,30000,2025-02-01\n";

PipelineOptions Options(const TempDir& dir) { return testing::ScratchRunOptions(dir); }

const char* const kExpectedRejects =
    "source_file,sheet,row,column,raw_value,code,reason\n"
    "{f},,3,Lot Size Acres,TBD,BAD_VALUE,'TBD' is not a valid acres value\n"
    "{f},,4,,,RAGGED_ROW,\"row has 8 cells, header has 7\"\n"
    "{f},,5,Building SqFt,'=1+1,BAD_VALUE,'=1+1' is not a valid building_sqft value\n"
    "{f},,5,Sale Date,31/02/2025,BAD_VALUE,'31/02/2025' is not a valid sale_date value\n";

std::string Expected(const std::string& file) {
  std::string s = kExpectedRejects;
  for (size_t at; (at = s.find("{f}")) != std::string::npos;) s.replace(at, 3, file);
  return s;
}

TEST(PipelineRejects, ScoresWhatParsedAndListsEveryProblem) {
  TempDir dir;
  const auto input = dir.Write("in/broker.csv", kCsv);
  auto summary = RunPipeline(Options(dir));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->rows_read, 5u);
  EXPECT_EQ(summary->rows_scored, 5u);
  EXPECT_EQ(summary->rows_set_aside, 0u);
  EXPECT_EQ(summary->rejects, 4u);
  EXPECT_EQ(summary->candidates_unique, 5u);
  const auto rejects = dir.path() / "out" / "master_rejects.csv";
  EXPECT_EQ(summary->rejects_file, rejects.string());
  EXPECT_EQ(ReadFileToString(rejects), Expected(input.string()));
}

TEST(PipelineRejects, StrictRowsSetsAsideRowsWithProblems) {
  TempDir dir;
  const auto input = dir.Write("in/broker.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.processing.strict_rows = true;
  o.output.rejects_file = (dir.path() / "elsewhere" / "bad_rows.csv").string();
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->rows_read, 5u);
  EXPECT_EQ(summary->rows_scored, 2u);
  EXPECT_EQ(summary->rows_set_aside, 3u);  // rows 3, 4, 5
  ASSERT_EQ(summary->files.size(), 1u);
  EXPECT_EQ(summary->files[0].rows_read, summary->files[0].rows_scored + summary->files[0].rows_set_aside);
  EXPECT_EQ(summary->candidates_unique, 2u);
  EXPECT_EQ(ReadFileToString(dir.path() / "elsewhere" / "bad_rows.csv"), Expected(input.string()));
  const std::string master = ReadFileToString(dir.path() / "out" / "master.csv");
  EXPECT_EQ(master.find("200 Commerce Way"), std::string::npos);
  EXPECT_NE(master.find("500 Depot Ave"), std::string::npos);
}

TEST(PipelineRejects, ListsUpToTheLimitAndCountsTheRest) {
  TempDir dir;
  const auto input = dir.Write("in/broker.csv", kCsv);
  PipelineOptions o = Options(dir);
  o.output.max_rejects_per_file = 1;
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->rejects, 4u);
  EXPECT_EQ(
      ReadFileToString(dir.path() / "out" / "master_rejects.csv"),
      "source_file,sheet,row,column,raw_value,code,reason\n" + input.string() +
          ",,3,Lot Size Acres,TBD,BAD_VALUE,'TBD' is not a valid acres value\n" + input.string() +
          ",,,,,,\"3 more row-level problems in this file, not listed (output.max_rejects_per_file)\"\n");
}

TEST(PipelineRejects, NoRejectsFileWhenTurnedOffAndAHeaderOnlyOneWhenClean) {
  TempDir dir;
  dir.Write("in/clean.csv", "address,city,state,zoning\n1 Main St,Jupiter,FL,IL\n");
  PipelineOptions o = Options(dir);
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master_rejects.csv"),
            "source_file,sheet,row,column,raw_value,code,reason\n");
  o.output.enable_rejects = false;
  o.output.master_file = (dir.path() / "out2" / "master.xlsx").string();
  summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_TRUE(summary->rejects_file.empty());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out2" / "master_rejects.csv"));
}

}  // namespace
}  // namespace pipeline_rejects_test
}  // namespace flexpipe
