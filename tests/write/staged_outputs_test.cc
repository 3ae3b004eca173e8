#include "write/staged_outputs.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/atomic_file.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace staged_outputs_test {
namespace {

using testing::DefaultFs;
using testing::Entries;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::TempDir;

// Writes `contents` to `destination` through `staging`, up to the recorded rename.
void Stage(OutputStaging* staging, const std::filesystem::path& destination, const std::string& contents) {
  auto file = AtomicFile::Create(staging, destination);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Append(contents).ok());
  ASSERT_TRUE((*file)->Commit().ok());
}

TEST(OutputStaging, NothingReplacesAnOutputBeforeCommitThenEverythingDoes) {
  TempDir dir;
  dir.Write("a.csv", "old a");
  OutputStaging staging(DefaultFs());
  Stage(&staging, dir.path() / "a.csv", "new a");
  Stage(&staging, dir.path() / "b.json", "new b");
  EXPECT_EQ(ReadFileToString(dir.path() / "a.csv"), "old a");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "b.json"));

  ASSERT_TRUE(staging.Commit().ok());
  EXPECT_EQ(ReadFileToString(dir.path() / "a.csv"), "new a");
  EXPECT_EQ(ReadFileToString(dir.path() / "b.json"), "new b");
  EXPECT_EQ(Entries(dir.path()), (std::set<std::string>{"a.csv", "b.json"}));  // no copy aside, no temporary
}

TEST(OutputStaging, AFailedCommitPutsEveryPreviousOutputBack) {
  TempDir dir;
  dir.Write("a.csv", "old a");
  dir.Write("b.json", "old b");
  FaultInjectionFileSystem fs;
  fs.FailNth(FsOp::kRename, 4);  // a aside, a in place, b aside, then b in place fails
  {
    OutputStaging staging(&fs);
    Stage(&staging, dir.path() / "a.csv", "new a");
    Stage(&staging, dir.path() / "b.json", "new b");
    const Status s = staging.Commit();
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("no output was replaced"), std::string::npos) << s.message();
  }
  EXPECT_EQ(ReadFileToString(dir.path() / "a.csv"), "old a");
  EXPECT_EQ(ReadFileToString(dir.path() / "b.json"), "old b");
  EXPECT_EQ(Entries(dir.path()), (std::set<std::string>{"a.csv", "b.json"}));
}

// A run killed outright between moving an output aside and removing it leaves
// `.<name>.prev-<pid>`, which may be the only copy of the earlier output. The
// next run that puts a new output in its place removes it; nothing else.
TEST(OutputStaging, OnceANewOutputIsInPlaceTheCopiesAKilledRunMovedAsideGo) {
  TempDir dir;
  const std::string ended = std::to_string(testing::EndedProcessId());
  const std::string stale = ".m.csv.prev-" + ended;
  dir.Write(stale, "an earlier output");
  const std::vector<std::string> kept = {
      ".m.csv.prev-1",             // its run (init's pid) is alive
      ".other.csv.prev-" + ended,  // another output's
      ".m.csv.prev-" + ended + "x", ".m.csv.prev-",
      ".m.csv.tmp-" + ended + "-0"};  // a fresh temporary: AtomicFile's own rules
  for (const std::string& name : kept) dir.Write(name, "x");

  OutputStaging staging(DefaultFs());
  Stage(&staging, dir.path() / "m.csv", "new");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / stale)) << "not before the commit";
  ASSERT_TRUE(staging.Commit().ok());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / stale));
  for (const std::string& name : kept) EXPECT_TRUE(std::filesystem::exists(dir.path() / name)) << name;
  EXPECT_EQ(ReadFileToString(dir.path() / "m.csv"), "new");
}

TEST(OutputStaging, AFailedCommitKeepsTheCopiesAKilledRunMovedAside) {
  TempDir dir;
  const std::string stale = ".m.csv.prev-" + std::to_string(testing::EndedProcessId());
  dir.Write(stale, "the only copy of an earlier output");
  FaultInjectionFileSystem fs;
  fs.FailNth(FsOp::kRename, 1);
  {
    OutputStaging staging(&fs);
    Stage(&staging, dir.path() / "m.csv", "new");
    EXPECT_FALSE(staging.Commit().ok());
  }
  EXPECT_EQ(ReadFileToString(dir.path() / stale), "the only copy of an earlier output");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "m.csv"));
}

}  // namespace
}  // namespace staged_outputs_test
}  // namespace flexpipe
