#include "generate/output_file.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace flexpipe::gen {
namespace output_file_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

TEST(GenerateUtf16, WritesEachCharacterAsTwoLittleEndianBytes) {
  std::string out;
  EXPECT_EQ(AppendUtf16Le("Caf\xC3\xA9", &out), 5u);
  EXPECT_EQ(out, std::string("C\0a\0f\0\xE9\0", 8));
}

TEST(GenerateUtf16, LeavesAnIncompleteSequenceForTheNextCall) {
  std::string out;
  EXPECT_EQ(AppendUtf16Le("a\xC3", &out), 1u);
  EXPECT_EQ(out, std::string("a\0", 2));
}

TEST(GenerateOutputFile, Utf16FileHasNoByteOrderMarkAndSurvivesSplitSequences) {
  TempDir dir;
  const auto path = dir.path() / "sub" / "u.csv";
  auto file = OutputFile::Create(testing::DefaultFs(), path, OutputFile::Encoding::kUtf16LeNoBom);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE((*file)->Append("Caf\xC3").ok());  // the '\xA9' arrives with the next append
  ASSERT_TRUE((*file)->Append("\xA9\n").ok());
  ASSERT_TRUE((*file)->Commit().ok());
  EXPECT_EQ(ReadFileToString(path), std::string("C\0a\0f\0\xE9\0\n\0", 10));
}

TEST(GenerateOutputFile, NothingAppearsUntilCommit) {
  TempDir dir;
  const auto path = dir.path() / "x.csv";
  {
    auto file = OutputFile::Create(testing::DefaultFs(), path);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Append("a,b\n").ok());
    EXPECT_FALSE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "the temporary file is removed too";
}

}  // namespace
}  // namespace output_file_test
}  // namespace flexpipe::gen
