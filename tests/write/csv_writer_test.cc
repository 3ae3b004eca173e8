#include "write/csv_writer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace csv_writer_test {
namespace {

using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

using Rows = std::vector<std::vector<std::string>>;

// A deliberately plain RFC 4180 reader, independent of the writer: fields
// separated by ',', rows ended by '\n', quoted fields may hold anything,
// with "" for a quote.
Rows ParseRfc4180(std::string_view text) {
  Rows rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
    }
    if (i >= text.size()) break;
    const char c = text[i++];
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string One(std::string_view value, CellKind kind) {
  std::string out;
  AppendCsvField(value, kind, &out);
  return out;
}

TEST(CsvWriter, WritesPlainFieldsAsTheyAreWithNewlineRowEnds) {
  std::string out;
  CsvWriter csv(&out);
  csv.Field("parcel_id", CellKind::kText);
  csv.Field("flex_score", CellKind::kText);
  ASSERT_TRUE(csv.EndRow().ok());
  csv.Field("00123", CellKind::kText);
  csv.Field("9.27", CellKind::kNumber);
  ASSERT_TRUE(csv.EndRow().ok());
  ASSERT_TRUE(csv.Finish().ok());
  EXPECT_EQ(out, "parcel_id,flex_score\n00123,9.27\n");
  EXPECT_EQ(csv.rows(), 2u);
}

TEST(CsvWriter, EmptyFieldsStayEmpty) {
  std::string out;
  CsvWriter csv(&out);
  csv.Field("", CellKind::kText);
  csv.Field("", CellKind::kNumber);
  csv.Field("", CellKind::kText);
  ASSERT_TRUE(csv.Finish().ok());  // ends the open row
  EXPECT_EQ(out, ",,\n");
}

TEST(CsvWriter, QuotesFieldsHoldingCommaQuoteOrLineBreak) {
  EXPECT_EQ(One("Suite 5, Bldg A", CellKind::kText), "\"Suite 5, Bldg A\"");
  EXPECT_EQ(One("12\" pipe", CellKind::kText), "\"12\"\" pipe\"");
  EXPECT_EQ(One("\"", CellKind::kText), "\"\"\"\"");
  EXPECT_EQ(One("line1\nline2", CellKind::kText), "\"line1\nline2\"");
  EXPECT_EQ(One("line1\r\nline2", CellKind::kText), "\"line1\r\nline2\"");
  EXPECT_EQ(One("a\"\"b", CellKind::kText), "\"a\"\"\"\"b\"");
}

TEST(CsvWriter, QuotesLeadingOrTrailingBlanksSoReadersKeepThem) {
  EXPECT_EQ(One(" padded", CellKind::kText), "\" padded\"");
  EXPECT_EQ(One("padded ", CellKind::kText), "\"padded \"");
  EXPECT_EQ(One("tab\t", CellKind::kText), "\"tab\t\"");
  EXPECT_EQ(One("in side", CellKind::kText), "in side");
}

TEST(CsvWriter, LeavesNonAsciiUtf8Untouched) {
  EXPECT_EQ(One("Café Ñandú 東京", CellKind::kText), "Café Ñandú 東京");
}

TEST(CsvWriter, FormulaGuardPrefixesTextThatASpreadsheetWouldRun) {
  EXPECT_EQ(One("=SUM(A1)", CellKind::kText), "'=SUM(A1)");
  EXPECT_EQ(One("+1", CellKind::kText), "'+1");
  EXPECT_EQ(One("-x", CellKind::kText), "'-x");
  EXPECT_EQ(One("@x", CellKind::kText), "'@x");
  EXPECT_EQ(One("-", CellKind::kText), "'-");
  EXPECT_EQ(One("-80.59", CellKind::kText), "'-80.59");  // text that looks like a number is still text
  // A guarded field that also needs quoting: the guard goes inside the quotes.
  EXPECT_EQ(One("\tx", CellKind::kText), "\"'\tx\"");
  EXPECT_EQ(One("\rx", CellKind::kText), "\"'\rx\"");
  EXPECT_EQ(One("=HYPERLINK(\"http://x\",\"y\")", CellKind::kText),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
}

TEST(CsvWriter, FormulaGuardLooksAtTheFirstCharacterOnly) {
  EXPECT_EQ(One("a=b", CellKind::kText), "a=b");
  EXPECT_EQ(One("1-2", CellKind::kText), "1-2");
  EXPECT_EQ(One("x@y.com", CellKind::kText), "x@y.com");
  EXPECT_EQ(One("'quoted", CellKind::kText), "'quoted");
}

TEST(CsvWriter, NumbersAreNeverGuarded) {
  EXPECT_EQ(One("-80.59", CellKind::kNumber), "-80.59");
  EXPECT_EQ(One("+1", CellKind::kNumber), "+1");
  EXPECT_EQ(One("-1000", CellKind::kNumber), "-1000");
  // Still quoted when a caller hands over something a reader would split.
  EXPECT_EQ(One("1,234", CellKind::kNumber), "\"1,234\"");
}

TEST(CsvWriter, EveryFieldRoundTripsThroughAnRfc4180Reader) {
  const std::vector<std::string> values = {"plain",
                                           "",
                                           "comma,inside",
                                           "quote\"inside",
                                           "\"starts and ends\"",
                                           "new\nline",
                                           "crlf\r\nend",
                                           "cr\ronly",
                                           " lead",
                                           "trail ",
                                           ",",
                                           "\"",
                                           "\"\"",
                                           "\n",
                                           "a,\"b\"\r\n,c",
                                           "ünïcödé, ok",
                                           "=1+2",
                                           "-80.59",
                                           "@home",
                                           "+x",
                                           "\t",
                                           "-"};
  std::string out;
  CsvWriter csv(&out);
  for (size_t r = 0; r < 3; ++r) {
    for (const auto& v : values) csv.Field(v, r == 1 ? CellKind::kNumber : CellKind::kText);
    ASSERT_TRUE(csv.EndRow().ok());
  }
  ASSERT_TRUE(csv.Finish().ok());

  const Rows rows = ParseRfc4180(out);
  ASSERT_EQ(rows.size(), 3u);
  for (size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), values.size()) << "row " << r;
    for (size_t i = 0; i < values.size(); ++i) {
      const std::string& v = values[i];
      const bool guarded =
          r != 1 && !v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos;
      EXPECT_EQ(rows[r][i], guarded ? "'" + v : v) << "row " << r << " field " << i;
    }
  }
}

TEST(CsvWriter, WritesNoByteOrderMark) {
  std::string out;
  CsvWriter csv(&out);
  csv.Field("address", CellKind::kText);
  ASSERT_TRUE(csv.Finish().ok());
  EXPECT_EQ(out, "address\n");
}

TEST(CsvWriter, CallsAfterFinishAreErrors) {
  std::string out;
  CsvWriter csv(&out);
  csv.Field("a", CellKind::kText);
  ASSERT_TRUE(csv.Finish().ok());
  EXPECT_EQ(csv.EndRow().code(), ErrorCode::kInternal);
  EXPECT_EQ(csv.Finish().code(), ErrorCode::kInternal);
}

// Many rows: more than one hand-over to the file, identical to the string form.
TEST(CsvWriter, WritesLargeOutputsIntoAnAtomicFileOnlyOnFinish) {
  TempDir dir;
  const auto dest = dir.Write("master.csv", "previous run\n");
  auto file = AtomicFile::Create(DefaultFs(), dest);
  ASSERT_TRUE(file.ok());
  CsvWriter to_file(file->get());
  std::string expected;
  CsvWriter to_string(&expected);
  for (int i = 0; i < 60000; ++i) {
    const std::string address = std::to_string(i) + " Industrial Way, Unit \"" + std::to_string(i % 7) + "\"";
    const std::string score = std::to_string(i % 10) + ".25";
    for (CsvWriter* w : {&to_file, &to_string}) {
      w->Field(address, CellKind::kText);
      w->Field(score, CellKind::kNumber);
      w->Field(i % 3 == 0 ? "=cmd" : "Boca Raton", CellKind::kText);
      ASSERT_TRUE(w->EndRow().ok());
    }
  }
  ASSERT_GT(expected.size(), 2 * CsvWriter::kFlushBytes);
  EXPECT_EQ(ReadFileToString(dest), "previous run\n");
  ASSERT_TRUE(to_file.Finish().ok());
  ASSERT_TRUE(to_string.Finish().ok());
  EXPECT_TRUE((*file)->committed());
  EXPECT_EQ(ReadFileToString(dest), expected);
  EXPECT_EQ(ParseRfc4180(expected).size(), 60000u);
}

TEST(CsvWriter, AWriteFailureIsReportedAndLeavesThePreviousFile) {
  TempDir dir;
  const auto dest = dir.Write("master.csv", "previous run\n");
  testing::FaultInjectionFileSystem fs;
  auto file = AtomicFile::Create(&fs, dest);
  ASSERT_TRUE(file.ok());
  fs.FailNth(testing::FsOp::kAppend, 1);
  CsvWriter csv(file->get());
  Status first_error;
  const std::string wide(1000, 'w');
  for (int i = 0; i < 5000 && first_error.ok(); ++i) {
    csv.Field(wide, CellKind::kText);
    first_error = csv.EndRow();
  }
  ASSERT_FALSE(first_error.ok());
  EXPECT_EQ(first_error.code(), ErrorCode::kOutputError);
  csv.Field("more", CellKind::kText);
  EXPECT_EQ(csv.EndRow().message(), first_error.message());  // sticky
  EXPECT_EQ(csv.Finish().message(), first_error.message());
  EXPECT_EQ(ReadFileToString(dest), "previous run\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

}  // namespace
}  // namespace csv_writer_test
}  // namespace flexpipe
