// `flexpipe run --retry-failed`: the last completed run's inputs again, the
// failed ones read anew, the others taken from the store, nothing new added.
#include "store/previous_run.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace flexpipe {
namespace previous_run_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

TEST(RetryFailed, ReadsAgainOnlyWhatFailedAndMergesItIntoTheSameResults) {
  TempDir dir;
  dir.Write("data/raw/a.csv", "address,city,state,zoning,acres\n1 Main St,Jupiter,FL,IL,2\n");
  dir.Write("data/raw/b.csv", "owner,acres\nx,1\n");  // fails: no address/city
  const std::string cd = "cd '" + dir.path().string() + "' && '" + testing::FlexpipeBinary().string() + "' ";
  std::string out;
  EXPECT_FALSE(LoadPreviousRun((dir.path() / "data" / "flexpipe.db").string()).ok());  // no store yet
  ASSERT_EQ(testing::RunCommand(cd + "run -q --as-of 2025-06-30 --min-score 0", &out), 1) << out;

  auto previous = LoadPreviousRun((dir.path() / "data" / "flexpipe.db").string());
  ASSERT_TRUE(previous.ok()) << previous.status().ToString();
  EXPECT_EQ(previous->inputs, (std::vector<std::string>{"data/raw/a.csv", "data/raw/b.csv"}));
  EXPECT_EQ(previous->failed, (std::vector<std::string>{"data/raw/b.csv"}));

  // b.csv is fixed; a new file arrives, which a retry leaves alone.
  dir.Write("data/raw/b.csv", "address,city,state,zoning,acres\n2 Elm St,Tampa,FL,IL,3\n");
  dir.Write("data/raw/c.csv", "address,city,state,zoning,acres\n3 Oak St,Miami,FL,IL,4\n");
  ASSERT_EQ(testing::RunCommand(cd + "run --retry-failed --as-of 2025-06-30 --min-score 0", &out), 0) << out;
  EXPECT_NE(out.find("retrying 1 failed file of run 1: data/raw/b.csv"), std::string::npos) << out;
  EXPECT_NE(out.find("1 of 2 files unchanged since an earlier run"), std::string::npos) << out;
  const std::string master = ReadFileToString(dir.path() / "data" / "exports" / "all_flex_properties.csv");
  EXPECT_NE(master.find("1 Main St"), std::string::npos);
  EXPECT_NE(master.find("2 Elm St"), std::string::npos);
  EXPECT_EQ(master.find("3 Oak St"), std::string::npos);

  // Without a store there is nothing to retry.
  EXPECT_EQ(testing::RunCommand(cd + "run --retry-failed --no-db", &out), 2) << out;
}

}  // namespace
}  // namespace previous_run_test
}  // namespace flexpipe
