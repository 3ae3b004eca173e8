#include "write/atomic_file.h"

#include <sys/time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace atomic_file_test {
namespace {

using testing::DefaultFs;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::TempDir;

// Names in `folder` other than `keep`.
std::vector<std::string> OtherEntries(const std::filesystem::path& folder, const std::string& keep) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(folder)) {
    if (e.path().filename() != keep) names.push_back(e.path().filename().string());
  }
  return names;
}

TEST(AtomicFile, CommitMakesTheAppendedBytesTheDestination) {
  TempDir dir;
  const auto dest = dir.Write("out.csv", "old contents\n");
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Append("a,b\n").ok());
  ASSERT_TRUE((*file)->Append("1,2\n").ok());
  EXPECT_EQ(ReadFileToString(dest), "old contents\n");  // nothing visible before Commit
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_TRUE((*file)->committed());
  EXPECT_EQ(ReadFileToString(dest), "a,b\n1,2\n");
  EXPECT_EQ((*file)->size(), 8u);
  EXPECT_TRUE(OtherEntries(dir.path(), "out.csv").empty());
}

TEST(AtomicFile, SmallBufferFlushesAndWritesLargePiecesThrough) {
  TempDir dir;
  const auto dest = dir.path() / "big.txt";
  auto file = AtomicFile::Create(DefaultFs(), dest, /*buffer_bytes=*/8);
  ASSERT_TRUE(file.ok());
  std::string expected;
  for (int i = 0; i < 200; ++i) {
    const std::string piece(static_cast<size_t>(i % 20), static_cast<char>('a' + i % 26));
    expected += piece;
    ASSERT_TRUE((*file)->Append(piece).ok());
  }
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(ReadFileToString(dest), expected);
}

TEST(AtomicFile, CreatesMissingParentFolders) {
  TempDir dir;
  const auto dest = dir.path() / "exports" / "2025" / "summary.json";
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Append("{}\n").ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(ReadFileToString(dest), "{}\n");
}

TEST(AtomicFile, WritesAHiddenTemporaryFileBesideTheDestination) {
  TempDir dir;
  const auto dest = dir.path() / "master.csv";
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok());
  const auto temp = (*file)->temp_path();
  EXPECT_EQ(temp.parent_path(), dest.parent_path());
  EXPECT_EQ(temp.filename().string().rfind(".master.csv.tmp-" + std::to_string(::getpid()) + "-", 0), 0u)
      << temp;
  EXPECT_TRUE(std::filesystem::exists(temp));
  EXPECT_FALSE(std::filesystem::exists(dest));
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_FALSE(std::filesystem::exists(temp));
  EXPECT_TRUE(std::filesystem::exists(dest));
}

TEST(AtomicFile, TwoWritersOfOneDestinationUseDifferentTemporaryFiles) {
  TempDir dir;
  auto a = AtomicFile::Create(DefaultFs(), dir.path() / "x.csv");
  auto b = AtomicFile::Create(DefaultFs(), dir.path() / "x.csv");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE((*a)->temp_path(), (*b)->temp_path());
}

TEST(AtomicFile, RemovesOnlyTheTemporaryFilesOfEndedWritersLeftForAWhile) {
  TempDir dir;
  const long ended = testing::EndedProcessId();
  const auto old_file = [&](const std::string& name) {
    const auto path = dir.Write(name, "partial");
    const struct timeval times[2] = {{1'000'000'000, 0}, {1'000'000'000, 0}};  // 2001
    EXPECT_EQ(::utimes(path.c_str(), times), 0);
  };
  const std::string stale = ".m.csv.tmp-" + std::to_string(ended) + "-0";
  old_file(stale);
  const std::vector<std::string> kept = {
      ".m.csv.tmp-" + std::to_string(ended) + "-1",        // written to a moment ago
      ".m.csv.tmp-1-0",                                    // its writer (init) is alive
      ".m.csv.tmp-" + std::to_string(::getpid()) + "-99",  // this process's own
      ".other.csv.tmp-" + std::to_string(ended) + "-0",    // another output's
      ".m.csv.tmp-x-0",
      ".m.csv.tmp-" + std::to_string(ended) + "-",
      "m.csv.tmp-" + std::to_string(ended) + "-0"};
  dir.Write(kept[0], "fresh");
  for (size_t i = 1; i < kept.size(); ++i) old_file(kept[i]);

  auto file = AtomicFile::Create(DefaultFs(), dir.path() / "m.csv");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Append("new").ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / stale));
  for (const std::string& name : kept) EXPECT_TRUE(std::filesystem::exists(dir.path() / name)) << name;
  EXPECT_EQ(ReadFileToString(dir.path() / "m.csv"), "new");
}

TEST(AtomicFile, DestroyedWithoutCommitLeavesTheOldDestinationAndNoTemporaryFile) {
  TempDir dir;
  const auto dest = dir.Write("out.csv", "old\n");
  {
    auto file = AtomicFile::Create(DefaultFs(), dest);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Append(std::string(3 << 20, 'x')).ok());  // larger than the buffer: on disk already
  }
  EXPECT_EQ(ReadFileToString(dest), "old\n");
  EXPECT_TRUE(OtherEntries(dir.path(), "out.csv").empty());
}

TEST(AtomicFile, AbandonDiscardsEverythingAndLaterCallsFail) {
  TempDir dir;
  const auto dest = dir.path() / "never.csv";
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE((*file)->Append("data").ok());
  (*file)->Abandon();
  (*file)->Abandon();  // idempotent
  EXPECT_FALSE(std::filesystem::exists(dest));
  EXPECT_TRUE(OtherEntries(dir.path(), "").empty());
  EXPECT_FALSE((*file)->Append("more").ok());
  const Status commit = (*file)->Commit();
  EXPECT_EQ(commit.code(), ErrorCode::kOutputError);
  EXPECT_FALSE(std::filesystem::exists(dest));
}

TEST(AtomicFile, CommitIsOnceOnly) {
  TempDir dir;
  const auto dest = dir.path() / "once.csv";
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok());
  ASSERT_TRUE((*file)->Append("1\n").ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_FALSE((*file)->Commit().ok());
  EXPECT_FALSE((*file)->Append("2\n").ok());
  file->reset();  // destroying a committed file must not remove the destination
  EXPECT_EQ(ReadFileToString(dest), "1\n");
}

TEST(AtomicFile, RejectsADestinationThatIsAFolder) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "taken");
  auto file = AtomicFile::Create(DefaultFs(), dir.path() / "taken");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), ErrorCode::kOutputError);
  EXPECT_NE(file.status().message().find("folder"), std::string::npos);
  EXPECT_EQ(file.status().location().file, (dir.path() / "taken").string());
}

TEST(AtomicFile, ReportsAFolderThatCannotBeCreated) {
  TempDir dir;
  const auto blocker = dir.Write("plain_file", "x");
  auto file = AtomicFile::Create(DefaultFs(), blocker / "sub" / "out.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), ErrorCode::kOutputError);
}

TEST(AtomicFile, WorksForABareFileNameInTheCurrentFolder) {
  TempDir dir;
  const auto old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  auto file = AtomicFile::Create(DefaultFs(), "bare.json");
  const bool created = file.ok();
  const bool committed = created && (*file)->Append("[]").ok() && (*file)->Commit().ok();
  std::filesystem::current_path(old_cwd);
  ASSERT_TRUE(created) << file.status().ToString();
  EXPECT_TRUE(committed);
  EXPECT_EQ(ReadFileToString(dir.path() / "bare.json"), "[]");
}

TEST(AtomicFile, AFailedWriteIsStickyAndRemovesTheTemporaryFileAtOnce) {
  TempDir dir;
  const auto dest = dir.Write("out.csv", "old\n");
  FaultInjectionFileSystem fs;
  auto file = AtomicFile::Create(&fs, dest, /*buffer_bytes=*/4);
  ASSERT_TRUE(file.ok());
  fs.FailNth(FsOp::kAppend, 1);
  const Status s = (*file)->Append("0123456789");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kOutputError);
  EXPECT_NE(s.message().find("injected fault in Append"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.location().file, dest.string());
  EXPECT_TRUE(OtherEntries(dir.path(), "out.csv").empty());  // the torn temporary file is gone already
  EXPECT_EQ((*file)->Append("x").message(), s.message());
  EXPECT_EQ((*file)->Commit().message(), s.message());
  EXPECT_EQ(ReadFileToString(dest), "old\n");
}

// Writes `pieces` to `dest` through `fs` the way the pipeline does.
Status WriteThrough(FileSystem* fs, const std::filesystem::path& dest, const std::vector<std::string>& pieces,
                    bool* committed) {
  *committed = false;
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, dest, /*buffer_bytes=*/16));
  for (const std::string& p : pieces) FP_RETURN_IF_ERROR(file->Append(p));
  Status s = file->Commit();
  *committed = file->committed();
  return s;
}

// Walks the whole write through a failure at every I/O call it makes (each
// call of each operation, one at a time): the destination always holds
// either its old contents or the whole new ones, never a part, and no
// temporary file is left behind.
TEST(AtomicFile, OldDestinationSurvivesAFailureAtEveryStep) {
  const std::vector<std::string> pieces = {"header,row\n",      std::string(40, 'a'),  "\n",
                                           std::string(5, 'b'), std::string(100, 'c'), "\nend\n"};
  std::string new_contents;
  for (const auto& p : pieces) new_contents += p;

  // A clean run first, to learn how often each operation is called.
  FaultInjectionFileSystem counting;
  {
    TempDir dir;
    const auto dest = dir.Write("out", "old");
    bool committed = false;
    ASSERT_TRUE(WriteThrough(&counting, dest, pieces, &committed).ok());
    ASSERT_EQ(ReadFileToString(dest), new_contents);
  }
  ASSERT_GE(counting.Calls(FsOp::kAppend), 3u);  // the small buffer forces several writes

  int failures_seen = 0;
  for (const FsOp op : testing::AllFsOps()) {
    for (uint64_t n = 1; n <= counting.Calls(op); ++n) {
      SCOPED_TRACE(std::string(testing::FsOpName(op)) + " call " + std::to_string(n));
      TempDir dir;
      const auto dest = dir.Write("out", "old");
      FaultInjectionFileSystem fs;
      fs.FailNth(op, n);
      bool committed = false;
      const Status s = WriteThrough(&fs, dest, pieces, &committed);
      EXPECT_EQ(fs.Injected(), 1u);
      const std::string now = ReadFileToString(dest);
      if (s.ok()) {
        EXPECT_EQ(now, new_contents);  // e.g. a failed Stat is not fatal
      } else {
        ++failures_seen;
        EXPECT_EQ(s.code(), ErrorCode::kOutputError);
        EXPECT_EQ(s.location().file, dest.string());
        // Only a failed folder sync after the rename leaves the new contents.
        EXPECT_EQ(now, committed ? new_contents : "old");
        if (committed) {
          EXPECT_EQ(op, FsOp::kSyncDirectory);
        }
      }
      if (op != FsOp::kRemoveFile) {
        EXPECT_TRUE(OtherEntries(dir.path(), "out").empty());
      }
    }
  }
  EXPECT_GE(failures_seen, 8);
}

TEST(AtomicFile, NewDestinationIsNotCreatedWhenTheRenameFails) {
  TempDir dir;
  const auto dest = dir.path() / "fresh.csv";
  FaultInjectionFileSystem fs;
  fs.FailNth(FsOp::kRename, 1);
  bool committed = false;
  EXPECT_FALSE(WriteThrough(&fs, dest, {"a\n"}, &committed).ok());
  EXPECT_FALSE(std::filesystem::exists(dest));
  EXPECT_TRUE(OtherEntries(dir.path(), "").empty());
}

}  // namespace
}  // namespace atomic_file_test
}  // namespace flexpipe
