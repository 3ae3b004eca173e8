#include "discover/discovery.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

namespace flexpipe {
namespace discovery_test {
namespace {

using testing::TempDir;

const std::vector<std::string> kDefaultPatterns = {"*.xlsx", "*.xls?", "*.csv", "*.tsv", "*.txt"};

std::vector<std::string> Names(const DiscoveryResult& r, const std::filesystem::path& root) {
  std::vector<std::string> out;
  for (const auto& f : r.files) out.push_back(std::filesystem::relative(f.path, root).string());
  return out;
}

TEST(GlobMatch, MatchesShellStylePatternsIgnoringCase) {
  EXPECT_TRUE(GlobMatch("*.csv", "a.csv"));
  EXPECT_TRUE(GlobMatch("*.csv", "DATA.CSV"));
  EXPECT_TRUE(GlobMatch("*.xls?", "book.xlsx"));
  EXPECT_TRUE(GlobMatch("*.xls?", "book.xlsm"));
  EXPECT_FALSE(GlobMatch("*.xls?", "book.xls"));
  EXPECT_TRUE(GlobMatch("export_[0-9]*.csv", "export_7_final.csv"));
  EXPECT_FALSE(GlobMatch("export_[!0-9]*.csv", "export_7.csv"));
  EXPECT_FALSE(GlobMatch("*.csv", "a.csv.bak"));
  EXPECT_TRUE(GlobMatch("*", ""));
}

TEST(Discovery, ListsMatchingFilesInSortedPathOrder) {
  TempDir dir;
  dir.Write("b.csv", "x\n");
  dir.Write("a.xlsx", "x");
  dir.Write("c.tsv", "x\n");
  dir.Write("notes.md", "x");
  auto r = DiscoverFiles(testing::DefaultFs(), {{dir.path().string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Names(*r, dir.path()), (std::vector<std::string>{"a.xlsx", "b.csv", "c.tsv"}));
  EXPECT_EQ(r->files[0].format, FileFormat::kXlsx);
  EXPECT_EQ(r->files[2].format, FileFormat::kTsv);
}

TEST(Discovery, SkipsHiddenAndOfficeLockFilesSilentlyAndReportsZeroByteFiles) {
  TempDir dir;
  dir.Write(".hidden.csv", "x\n");
  dir.Write("~$book.xlsx", "x");
  dir.Write("empty.csv", "");
  dir.Write("real.csv", "x\n");
  auto r = DiscoverFiles(testing::DefaultFs(), {{dir.path().string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Names(*r, dir.path()), (std::vector<std::string>{"real.csv"}));
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_EQ(r->skipped[0].code, "EMPTY_FILE");
  EXPECT_NE(r->skipped[0].file.find("empty.csv"), std::string::npos);
}

TEST(Discovery, DescendsOnlyWhenRecursiveAndNeverIntoTheOutputFolder) {
  TempDir dir;
  dir.Write("top.csv", "x\n");
  dir.Write("sub/deep.csv", "x\n");
  dir.Write("exports/all_flex_properties.csv", "x\n");
  auto flat = DiscoverFiles(testing::DefaultFs(), {{dir.path().string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(flat.ok());
  EXPECT_EQ(Names(*flat, dir.path()), (std::vector<std::string>{"top.csv"}));
  auto deep = DiscoverFiles(testing::DefaultFs(),
                            {{dir.path().string()}, kDefaultPatterns, true, {dir.path() / "exports"}, {}});
  ASSERT_TRUE(deep.ok());
  EXPECT_EQ(Names(*deep, dir.path()), (std::vector<std::string>{"sub/deep.csv", "top.csv"}));
}

TEST(Discovery, AnOutputFolderGivenAsTheInputIsReadWithoutTheFilesItSaysToSkip) {
  TempDir dir;
  dir.Write("in/export.csv", "x\n");
  dir.Write("in/all_flex_properties.csv", "x\n");
  dir.Write("in/sub/deep.csv", "x\n");
  DiscoveryOptions options{{(dir.path() / "in").string()}, kDefaultPatterns, true, {dir.path() / "in"}, {}};
  options.skip_file = [](const std::filesystem::path& f) {
    return f.filename() == "all_flex_properties.csv";
  };
  auto r = DiscoverFiles(testing::DefaultFs(), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Names(*r, dir.path() / "in"), (std::vector<std::string>{"export.csv", "sub/deep.csv"}));
  EXPECT_TRUE(r->skipped.empty());
  // Met inside an input folder, the same folder is not descended into.
  options.inputs = {dir.path().string()};
  auto outer = DiscoverFiles(testing::DefaultFs(), options);
  ASSERT_TRUE(outer.ok());
  EXPECT_TRUE(outer->files.empty());
}

TEST(Discovery, SurvivesSymlinkLoopsAndListsAFileOnlyOnce) {
  TempDir dir;
  dir.Write("data/a.csv", "x\n");
  ASSERT_EQ(::symlink((dir.path() / "data").c_str(), (dir.path() / "data" / "loop").c_str()), 0);
  auto r = DiscoverFiles(testing::DefaultFs(),
                         {{(dir.path() / "data").string(), (dir.path() / "data" / "a.csv").string()},
                          kDefaultPatterns,
                          true,
                          {},
                          {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->files.size(), 1u);
  ASSERT_EQ(r->skipped.size(), 1u);
  EXPECT_NE(r->skipped[0].message.find("loop"), std::string::npos);
}

TEST(Discovery, PipesDevicesAndLinkLoopsAreReportedAndNeverOpened) {
  TempDir dir;
  dir.Write("data/a.csv", "x\n");
  ASSERT_EQ(::mkfifo((dir.path() / "data" / "pipe.csv").c_str(), 0644), 0);          // opening it would block
  ASSERT_EQ(::symlink("/dev/zero", (dir.path() / "data" / "zero.csv").c_str()), 0);  // reading it never ends
  ASSERT_EQ(::symlink("self.csv", (dir.path() / "data" / "self.csv").c_str()), 0);
  ASSERT_EQ(::symlink("gone.csv", (dir.path() / "data" / "dangling.csv").c_str()), 0);
  ASSERT_EQ(::mkfifo((dir.path() / "data" / "pipe.other").c_str(), 0644), 0);  // no pattern: not mentioned
  auto r = DiscoverFiles(testing::DefaultFs(),
                         {{(dir.path() / "data").string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Names(*r, dir.path() / "data"), std::vector<std::string>{"a.csv"});
  std::vector<std::string> skipped;
  for (const Problem& p : r->skipped) {
    skipped.push_back(std::filesystem::path(p.file).filename().string() + ": " + p.code + ": " + p.message);
  }
  EXPECT_EQ(skipped,
            (std::vector<std::string>{
                "dangling.csv: NOT_FOUND: broken symbolic link (its target does not exist)",
                "pipe.csv: UNSUPPORTED_FORMAT: not read: it is a named pipe (FIFO), not a regular file",
                "self.csv: IO_ERROR: cannot stat: symbolic link loop (Too many levels of symbolic links)",
                "zero.csv: UNSUPPORTED_FORMAT: not read: it is a device, not a regular file",
            }));
  // Named on the command line, they are reported the same way.
  auto named = DiscoverFiles(
      testing::DefaultFs(), {{(dir.path() / "data" / "pipe.csv").string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(named.ok());
  EXPECT_TRUE(named->files.empty());
  ASSERT_EQ(named->skipped.size(), 1u);
  EXPECT_EQ(named->skipped[0].code, "UNSUPPORTED_FORMAT");
}

TEST(Discovery, ExplicitFilesAreReadWhateverTheirNameAndMissingInputsAreErrors) {
  TempDir dir;
  const auto odd = dir.Write("export.dat", "x\n");
  auto r = DiscoverFiles(testing::DefaultFs(), {{odd.string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->files.size(), 1u);
  auto missing = DiscoverFiles(testing::DefaultFs(),
                               {{(dir.path() / "nope").string()}, kDefaultPatterns, false, {}, {}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find("nope"), std::string::npos);
}

}  // namespace
}  // namespace discovery_test
}  // namespace flexpipe
