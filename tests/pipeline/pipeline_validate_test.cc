// Validation without processing (`flexpipe validate`, `run --dry-run`):
// headers and a sample of rows are read, mapped and checked; the summary says
// what each file would give or why it would fail; nothing is written.
#include <gtest/gtest.h>

#include "flexpipe/pipeline.h"
#include "test_util.h"

namespace flexpipe {
namespace pipeline_validate_test {
namespace {

using testing::TempDir;

PipelineOptions Options(const TempDir& dir) {
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / "out" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "reports" / "summary.json").string();
  o.store = (dir.path() / "flexpipe.db").string();
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  return o;
}

TEST(PipelineValidate, ReadsASampleReportsEveryFileAndWritesNothing) {
  TempDir dir;
  std::string rows = "Property Address,City,State,Zoning,Lot Size Acres,Broker\n";
  for (int i = 0; i < 50; ++i)
    rows += std::to_string(i) + " Main St,Jupiter,FL,IL," + (i == 1 ? "TBD" : "2") + ",x\n";
  dir.Write("in/a_good.csv", rows);
  dir.Write("in/b_appraiser.csv", "site_address,municipality,acreage\n1 Elm St,Tampa,3\n");
  dir.Write("in/c_no_city.csv", "Owner,Acres\nA,1\n");
  dir.Write("in/d_binary.csv", std::string("address,city\n1 Main\0\0 St,Jupiter\n", 33));

  RunContext context;
  context.validate_sample_rows = 10;
  auto summary = RunPipeline(Options(dir), context);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files_found, 4u);
  EXPECT_EQ(summary->files_succeeded, 2u);
  ASSERT_EQ(summary->files.size(), 4u);
  EXPECT_EQ(summary->files[0].rows_read, 10u);  // the sample, not the file
  ASSERT_EQ(summary->files[0].row_problems.size(), 1u);
  EXPECT_EQ(summary->files[0].row_problems[0].row, 3u);
  EXPECT_EQ(summary->files[0].columns.back().header, "Broker");
  EXPECT_EQ(summary->files[0].columns.back().field, "");  // unmapped
  EXPECT_EQ(summary->files[2].error_code, "MISSING_REQUIRED_COLUMNS");
  EXPECT_EQ(summary->files[3].error_code, "BAD_ENCODING");
  ASSERT_EQ(summary->schema_differences.size(), 2u);  // b lacks state and zoning; a has Broker
  EXPECT_EQ(summary->candidates_unique, 0u);          // nothing merged
  // Nothing written: no outputs, no report, no store.
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "reports"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "flexpipe.db"));
}

TEST(PipelineValidate, TheCommandLineExitCodeSaysWhetherEveryFileCanBeProcessed) {
  TempDir dir;
  dir.Write("in/a.csv", "address,city\n1 Main St,Jupiter\n");
  const std::string bin = testing::FlexpipeBinary().string();
  std::string out;
  const std::string cd = "cd '" + dir.path().string() + "' && '" + bin + "' ";
  EXPECT_EQ(testing::RunCommand(cd + "validate in", &out), 0) << out;
  EXPECT_NE(out.find("OK   in/a.csv (csv)"), std::string::npos) << out;
  EXPECT_NE(out.find("1 of 1 files can be processed"), std::string::npos) << out;
  dir.Write("in/b.csv", "owner\nx\n");
  EXPECT_EQ(testing::RunCommand(cd + "run --dry-run --sample 5 in", &out), 1) << out;
  EXPECT_NE(out.find("FAIL in/b.csv (csv)"), std::string::npos) << out;
  EXPECT_NE(out.find("hint: map the columns"), std::string::npos) << out;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data"));  // no outputs, store or log
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "logs"));
}

}  // namespace
}  // namespace pipeline_validate_test
}  // namespace flexpipe
