// `flexpipe run`'s console through the real binary (not a terminal): files
// are reported in sorted order with their place in it, whatever order they
// finish in; logging.progress_reporting and processing.batch_size shape
// what is printed (docs/configuration.md).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "generate/generator.h"
#include "test_util.h"

namespace flexpipe {
namespace run_console_test {
namespace {

using testing::DefaultFs;
using testing::TempDir;

class RunConsoleTest : public ::testing::Test {
 protected:
  // "a_…" is a large file sorted first; three small ones after it finish long
  // before it with two workers.
  void SetUp() override {
    GenerateOptions big;
    big.out_dir = dir_.path() / "gen-big";
    big.scenario = "large";
    big.rows = 60000;
    ASSERT_TRUE(Generate(DefaultFs(), big).ok());
    GenerateOptions small;
    small.out_dir = dir_.path() / "gen-small";
    small.scenario = "valid";
    small.rows = 100;
    small.files = 3;
    ASSERT_TRUE(Generate(DefaultFs(), small).ok());
    std::filesystem::create_directories(dir_.path() / "in");
    std::filesystem::rename(dir_.path() / "gen-big" / "large_01_crexi.csv", dir_.path() / "in" / "a_big.csv");
    for (const char* name : {"valid_01_crexi.csv", "valid_02_appraiser.csv", "valid_03_odd.csv"}) {
      std::filesystem::rename(dir_.path() / "gen-small" / name,
                              dir_.path() / "in" / (std::string("b_") + name));
    }
  }

  std::string Run(const std::string& extra) const {
    std::string output;
    const int status = testing::RunCommand(
        "cd '" + dir_.path().string() + "' && '" + testing::FlexpipeBinary().string() +
            "' run in --no-db -o out/m.xlsx --report-file out/s.json --as-of 2025-06-30 --log-file '' "
            "--workers 2 " +
            extra,
        &output);
    EXPECT_EQ(status, 0) << output;
    return output;
  }

  // The file lines, "[k/N] name", in the order printed.
  static std::vector<std::string> FileLines(const std::string& output) {
    std::vector<std::string> lines;
    const std::regex line(R"(\[(\d+)/(\d+)\] in/(\S+):)");
    for (auto it = std::sregex_iterator(output.begin(), output.end(), line); it != std::sregex_iterator();
         ++it) {
      lines.push_back((*it)[1].str() + "/" + (*it)[2].str() + " " + (*it)[3].str());
    }
    return lines;
  }

  TempDir dir_;
};

TEST_F(RunConsoleTest, FilesAreReportedInSortedOrderWhateverOrderTheyFinishIn) {
  for (int round = 0; round < 3; ++round) {
    const std::string output = Run("");
    EXPECT_EQ(FileLines(output),
              (std::vector<std::string>{"1/4 a_big.csv", "2/4 b_valid_01_crexi.csv",
                                        "3/4 b_valid_02_appraiser.csv", "4/4 b_valid_03_odd.csv"}))
        << output;
    EXPECT_NE(output.find("found 4 files to process"), std::string::npos) << output;
  }
}

TEST_F(RunConsoleTest, GroupsOfFilesAreSummedUpAndProgressReportingOffLeavesOnlyTheReport) {
  const std::string grouped = Run("--set processing.batch_size=2");
  const size_t group = grouped.find("2 of 4 files done: 60,100 rows");
  ASSERT_NE(group, std::string::npos) << grouped;
  EXPECT_LT(grouped.find("[2/4]"), group);
  EXPECT_GT(grouped.find("[3/4]"), group);
  EXPECT_EQ(grouped.find("4 of 4 files done"), std::string::npos) << "the last group is the final report's";

  const std::string quiet = Run("--set processing.batch_size=2 --set logging.progress_reporting=false");
  EXPECT_TRUE(FileLines(quiet).empty()) << quiet;
  EXPECT_EQ(quiet.find("files done"), std::string::npos) << quiet;
  EXPECT_NE(quiet.find("found 4 files to process"), std::string::npos) << quiet;
  EXPECT_NE(quiet.find("Top 10 candidates"), std::string::npos) << quiet;
}

}  // namespace
}  // namespace run_console_test
}  // namespace flexpipe
