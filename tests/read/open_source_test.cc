#include "read/open_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kOle2("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
const std::string kZip("PK\x03\x04\x14\0\x06\0", 8);

class OpenRowSourceTest : public ::testing::Test {
 protected:
  Result<std::unique_ptr<RowSource>> Open(std::string_view name, std::string_view contents) {
    return OpenRowSource(DefaultFileSystem(), dir_.Write(name, contents), SourceOptions{});
  }
  testing::TempDir dir_;
};

TEST_F(OpenRowSourceTest, DelimitedTextExtensionsOpenTheCsvReader) {
  for (const char* name : {"a.csv", "b.TXT", "c.tsv", "d.dat", "no_extension"}) {
    auto source = Open(name, "x,y\n1,2\n");
    ASSERT_TRUE(source.ok()) << name << ": " << source.status().ToString();
    auto c = testing::ReadAllRows(source->get());
    ASSERT_TRUE(c.ok());
    EXPECT_THAT(c->header, ElementsAre("x", "y")) << name;
  }
}

TEST_F(OpenRowSourceTest, TsvPrefersTab) {
  auto source = Open("t.tsv", "a,b\tc\n");
  ASSERT_TRUE(source.ok());
  auto header = (*source)->ReadHeader(nullptr);
  ASSERT_TRUE(header.ok());
  EXPECT_THAT(*header, ElementsAre("a,b", "c"));
}

TEST_F(OpenRowSourceTest, WorkbooksGoToTheXlsxReaderWhateverTheirName) {
  const std::string book = testing::ReadFileToString(testing::TestDataPath("pbc_flex_sample_50.xlsx"));
  for (const char* name : {"book.xlsx", "macro.XLSM", "export.csv"}) {
    auto source = Open(name, book);
    ASSERT_TRUE(source.ok()) << name << ": " << source.status().ToString();
    uint64_t row = 0;
    auto header = (*source)->ReadHeader(&row);
    ASSERT_TRUE(header.ok()) << header.status().ToString();
    EXPECT_FALSE(header->empty());
  }
}

TEST_F(OpenRowSourceTest, ABrokenZipIsACorruptWorkbook) {
  auto source = Open("book.xlsx", kZip);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kCorruptFile);
  EXPECT_EQ(source.status().location().file, (dir_.path() / "book.xlsx").string());
}

TEST_F(OpenRowSourceTest, Ole2IsLegacyXlsOrAnEncryptedWorkbook) {
  for (const char* name : {"old.xls", "locked.xlsx", "renamed.csv"}) {
    auto source = Open(name, kOle2);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.status().code(), ErrorCode::kUnsupportedFormat);
    EXPECT_THAT(
        source.status().message(),
        HasSubstr("legacy .xls (BIFF) or password-protected workbook: save it as .xlsx without a password"));
  }
}

TEST_F(OpenRowSourceTest, ShortAndEmptyFilesGoToTheCsvReader) {
  auto empty = Open("empty.csv", "");
  ASSERT_TRUE(empty.ok());
  auto header = (*empty)->ReadHeader(nullptr);
  EXPECT_EQ(header.status().code(), ErrorCode::kEmptyFile);
  auto short_file = Open("short.csv", "PK");
  ASSERT_TRUE(short_file.ok());
  EXPECT_THAT(*(*short_file)->ReadHeader(nullptr), ElementsAre("PK"));
}

TEST_F(OpenRowSourceTest, MissingFileIsNotFoundWithItsPath) {
  auto source = OpenRowSource(DefaultFileSystem(), dir_.path() / "gone.csv", SourceOptions{});
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(source.status().location().file, (dir_.path() / "gone.csv").string());
}

}  // namespace
}  // namespace flexpipe
