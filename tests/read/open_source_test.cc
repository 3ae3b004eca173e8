#include "read/open_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv_test_util.h"
#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace open_source_test {
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

// A ZIP archive under a text file's name is read as a workbook (above); one
// that cannot be (not a workbook, damaged) fails saying what the file is, as
// UNSUPPORTED_FORMAT: neither text nor a workbook. Under a workbook's name
// it stays a corrupt workbook.
TEST_F(OpenRowSourceTest, AZipUnderATextNameThatIsNoWorkbookSaysItIsAZipArchive) {
  const std::string book = testing::ReadFileToString(testing::TestDataPath("pbc_flex_sample_50.xlsx"));
  const std::string archive = testing::ReadFileToString(
      testing::BuildZip(dir_, "archive.zip", {{"data.csv", "address,city\n1 Main St,Miami\n"}}));
  const struct {
    std::string name;
    std::string bytes;
    ErrorCode code;
    std::string message;
  } cases[] = {
      {"archive.csv", archive, ErrorCode::kUnsupportedFormat,
       "this .csv file is a ZIP archive, not text (an .xlsx workbook renamed?), and cannot be read as a "
       "workbook: not a valid XLSX workbook: [Content_Types].xml is missing"},
      {"cut_off.csv", book.substr(0, book.size() / 3), ErrorCode::kUnsupportedFormat,
       "this .csv file is a ZIP archive, not text (an .xlsx workbook renamed?), and cannot be read as a "
       "workbook: truncated or damaged archive"},
      {"broken.txt", kZip, ErrorCode::kUnsupportedFormat, "this .txt file is a ZIP archive, not text"},
      {"no_extension", archive, ErrorCode::kUnsupportedFormat, "this file is a ZIP archive, not text"},
      {"archive.xlsx", archive, ErrorCode::kCorruptFile,
       "not a valid XLSX workbook: [Content_Types].xml is missing"},
  };
  for (const auto& c : cases) {
    auto source = Open(c.name, c.bytes);
    ASSERT_FALSE(source.ok()) << c.name;
    EXPECT_EQ(source.status().code(), c.code) << c.name << ": " << source.status().ToString();
    EXPECT_THAT(source.status().message(), HasSubstr(c.message)) << c.name;
    EXPECT_EQ(source.status().location().file, (dir_.path() / c.name).string()) << c.name;
  }
  auto plain = Open("archive.xlsx", archive);
  EXPECT_THAT(plain.status().message(), ::testing::Not(HasSubstr("not text")));
}

TEST_F(OpenRowSourceTest, Ole2UnderATextNameSaysItIsNotText) {
  auto source = Open("renamed.csv", kOle2);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_THAT(source.status().message(),
              HasSubstr("this .csv file is an Office (OLE2) file, not text: legacy .xls"));
  auto xls = Open("old.xls", kOle2);
  EXPECT_THAT(xls.status().message(), ::testing::StartsWith("legacy .xls (BIFF)"));
}

// Binary data under a text file's name fails as BAD_ENCODING: by its format's
// signature, or by a NUL byte in the sample, before any header is read (a
// garbled header must not fail it as MISSING_REQUIRED_COLUMNS).
TEST_F(OpenRowSourceTest, BinaryDataUnderATextNameIsBadEncoding) {
  const struct {
    std::string name;
    std::string bytes;
    std::string message;
  } cases[] = {
      {"pdf.csv", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "this .csv file is a PDF document"},
      {"gz.csv", std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10),
       "this .csv file is a gzip archive"},
      {"png.csv", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "this .csv file is a PNG image"},
      {"jpeg.txt", "\xFF\xD8\xFF\xE0 JFIF text", "this .txt file is a JPEG image"},
      {"garbage.csv", std::string("garbage\xFE\xFF header\nmore\0\x01\x02 binary\n", 32),
       "NUL byte at byte offset 21: is this a binary file rather than text?"},
  };
  for (const auto& c : cases) {
    auto source = Open(c.name, c.bytes);
    ASSERT_FALSE(source.ok()) << c.name;
    EXPECT_EQ(source.status().code(), ErrorCode::kBadEncoding)
        << c.name << ": " << source.status().ToString();
    EXPECT_THAT(source.status().message(), HasSubstr(c.message)) << c.name;
    EXPECT_EQ(source.status().location().file, (dir_.path() / c.name).string()) << c.name;
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
}  // namespace open_source_test
}  // namespace flexpipe
