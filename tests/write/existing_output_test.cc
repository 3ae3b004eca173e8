#include "write/existing_output.h"

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/atomic_file.h"
#include "write/fault_injection_fs.h"
#include "xlsx_test_util.h"

namespace flexpipe {
namespace existing_output_test {
namespace {

using testing::DefaultFs;
using testing::Entries;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::TempDir;
namespace fs = std::filesystem;

Status WriteAtomically(FileSystem* fs, const fs::path& path, std::string_view text, std::string stamp,
                       fs::path* backup = nullptr) {
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!stamp.empty()) file->KeepExistingAsBackup(std::move(stamp));
  FP_RETURN_IF_ERROR(file->Append(text));
  FP_RETURN_IF_ERROR(file->Commit());
  if (backup != nullptr) *backup = file->backup_path();
  return Status::Ok();
}

TEST(ExistingOutput, PoliciesHaveThreeNames) {
  EXPECT_EQ(ParseExistingOutputPolicy("replace"), ExistingOutputPolicy::kReplace);
  EXPECT_EQ(ParseExistingOutputPolicy("backup"), ExistingOutputPolicy::kBackup);
  EXPECT_EQ(ParseExistingOutputPolicy("version"), ExistingOutputPolicy::kVersion);
  EXPECT_EQ(ParseExistingOutputPolicy("overwrite"), std::nullopt);
  EXPECT_EQ(ParseExistingOutputPolicy(""), std::nullopt);
}

TEST(ExistingOutput, BackupStampComesFromTheRunsUtcStart) {
  EXPECT_EQ(BackupStamp("2025-06-14T09:30:12Z"), "20250614-093012");
  EXPECT_EQ(BackupStamp("2025-06-14 09:30:12"), "");
  EXPECT_EQ(BackupStamp("2025-06-14T09:30:12+02:00"), "");
  EXPECT_EQ(BackupStamp(""), "");
}

TEST(ExistingOutput, BackupNamesSkipTakenOnes) {
  TempDir dir;
  const fs::path dest = dir.path() / "all_flex_properties.xlsx";
  auto free = FreeBackupPath(DefaultFs(), dest, "20250614-093012");
  ASSERT_TRUE(free.ok());
  EXPECT_EQ(*free, dir.path() / "all_flex_properties.20250614-093012.xlsx");
  dir.Write("all_flex_properties.20250614-093012.xlsx", "x");
  dir.Write("all_flex_properties.20250614-093012-2.xlsx", "x");
  EXPECT_EQ(*FreeBackupPath(DefaultFs(), dest, "20250614-093012"),
            dir.path() / "all_flex_properties.20250614-093012-3.xlsx");
}

TEST(ExistingOutput, VersionsAreSharedByAllOutputsOfARun) {
  TempDir dir;
  const std::vector<fs::path> outputs = {
      dir.path() / "m.xlsx", dir.path() / "m.csv", {}, dir.path() / "s.json"};
  auto v = FreeVersionedPaths(DefaultFs(), outputs);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, outputs);     // nothing there yet: the plain names
  dir.Write("m.csv", "old");  // only one of them exists: all move on together
  v = FreeVersionedPaths(DefaultFs(), outputs);
  EXPECT_EQ(*v, (std::vector<fs::path>{
                    dir.path() / "m_v2.xlsx", dir.path() / "m_v2.csv", {}, dir.path() / "s_v2.json"}));
  dir.Write("s_v2.json", "old");
  v = FreeVersionedPaths(DefaultFs(), outputs);
  EXPECT_EQ((*v)[0], dir.path() / "m_v3.xlsx");
  EXPECT_EQ(VersionedPath("out/master", 4), fs::path("out/master_v4"));
}

TEST(ExistingOutput, KnowsTheNamesOfAnOutputAndOfTheCopiesRunsKeep) {
  const std::filesystem::path master = "out/master.xlsx";
  for (const char* name : {"master.xlsx", "master.20250614-093012.xlsx", "master.20250614-093012-2.xlsx",
                           "master_v2.xlsx", "master_v17.xlsx"}) {
    EXPECT_TRUE(IsOutputOrKeptCopyName(master, name)) << name;
  }
  for (const char* name :
       {"master.csv", "master_v.xlsx", "master_v3b.xlsx", "master.2025.xlsx", "master.20250614-0930.xlsx",
        "master.20250614-093012-.xlsx", "master2.xlsx", "other.xlsx", "xmaster.xlsx"}) {
    EXPECT_FALSE(IsOutputOrKeptCopyName(master, name)) << name;
  }
  EXPECT_TRUE(IsOutputOrKeptCopyName("report.html", "report.html"));
  EXPECT_TRUE(IsOutputOrKeptCopyName("noext", "noext"));
  EXPECT_TRUE(IsOutputOrKeptCopyName("noext", "noext_v2"));
}

TEST(ExistingOutput, CommitKeepsTheOldFileUnderItsBackupName) {
  TempDir dir;
  const fs::path dest = dir.Write("m.csv", "old");
  fs::path backup;
  ASSERT_TRUE(WriteAtomically(DefaultFs(), dest, "new", "20250614-093012", &backup).ok());
  EXPECT_EQ(backup, dir.path() / "m.20250614-093012.csv");
  EXPECT_EQ(ReadFileToString(dest), "new");
  EXPECT_EQ(ReadFileToString(backup), "old");
  // The same second again: a second backup beside the first.
  ASSERT_TRUE(WriteAtomically(DefaultFs(), dest, "newer", "20250614-093012", &backup).ok());
  EXPECT_EQ(backup, dir.path() / "m.20250614-093012-2.csv");
  EXPECT_EQ(ReadFileToString(backup), "new");
  EXPECT_EQ(Entries(dir.path()),
            (std::set<std::string>{"m.csv", "m.20250614-093012.csv", "m.20250614-093012-2.csv"}));
}

TEST(ExistingOutput, NothingToKeepMakesNoBackup) {
  TempDir dir;
  fs::path backup = "unset";
  ASSERT_TRUE(WriteAtomically(DefaultFs(), dir.path() / "m.csv", "new", "20250614-093012", &backup).ok());
  EXPECT_TRUE(backup.empty());
  EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"m.csv"});
}

TEST(ExistingOutput, AFailedRenameIntoPlacePutsTheOldFileBack) {
  TempDir dir;
  const fs::path dest = dir.Write("m.csv", "old");
  FaultInjectionFileSystem faulty;
  faulty.FailNth(FsOp::kRename, 2);  // the first rename moves the old file aside
  const Status s = WriteAtomically(&faulty, dest, "new", "20250614-093012");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kOutputError);
  EXPECT_EQ(ReadFileToString(dest), "old");
  EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"m.csv"});
}

TEST(ExistingOutput, AFailedMoveAsideReplacesNothing) {
  TempDir dir;
  const fs::path dest = dir.Write("m.csv", "old");
  for (const FsOp op : {FsOp::kRename, FsOp::kStat}) {
    FaultInjectionFileSystem faulty;
    faulty.FailAlways(op);
    EXPECT_FALSE(WriteAtomically(&faulty, dest, "new", "20250614-093012").ok()) << testing::FsOpName(op);
    EXPECT_EQ(ReadFileToString(dest), "old");
    EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"m.csv"});
  }
}

}  // namespace
}  // namespace existing_output_test
}  // namespace flexpipe
