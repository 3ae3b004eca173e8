#include "read/csv/csv_reader.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace csv_reader_test {
namespace {

using testing::CsvContents;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ReadCsvFile;
using testing::Rows;
using testing::Utf16;

class CsvReaderTest : public ::testing::Test {
 protected:
  CsvContents Read(std::string_view contents, const CsvOptions& options = {},
                   std::string_view name = "in.csv") {
    Result<CsvContents> r = ReadCsvFile(dir_.Write(name, contents), options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : CsvContents{};
  }
  Status ReadError(std::string_view contents, const CsvOptions& options = {},
                   std::string_view name = "in.csv") {
    Result<CsvContents> r = ReadCsvFile(dir_.Write(name, contents), options);
    EXPECT_FALSE(r.ok());
    return r.status();
  }
  std::string PathOf(std::string_view name) const { return (dir_.path() / name).string(); }

  testing::TempDir dir_;
};

TEST_F(CsvReaderTest, HeaderIsRowOneAndDataStartsAtRowTwo) {
  const CsvContents c = Read("address,city\n1 Main St,Miami\n2 Oak Ave,Tampa\n");
  EXPECT_THAT(c.header, ElementsAre("address", "city"));
  EXPECT_EQ(c.header_row, 1u);
  EXPECT_EQ(c.rows, (Rows{{"1 Main St", "Miami"}, {"2 Oak Ave", "Tampa"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(2, 3));
  EXPECT_TRUE(c.issues.empty());
}

TEST_F(CsvReaderTest, HeaderCellsAreReturnedAsWritten) {
  const CsvContents c = Read(" Building SqFt ,\"City, State\",\"a\"\"b\"\n1,2,3\n");
  EXPECT_THAT(c.header, ElementsAre(" Building SqFt ", "City, State", "a\"b"));
}

TEST_F(CsvReaderTest, EveryLineEndingStyleGivesTheSameRows) {
  const Rows expected = {{"1", "x"}, {"2", "y"}};
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const CsvContents c = Read("a,b" + eol + "1,x" + eol + eol + "2,y" + eol);
    EXPECT_EQ(c.rows, expected) << "line ending " << static_cast<int>(eol.back());
    EXPECT_THAT(c.row_numbers, ElementsAre(2, 4));
  }
}

TEST_F(CsvReaderTest, BlankRecordsAreSkippedButCounted) {
  const CsvContents c = Read("\n\r\n,,\na,b\n1,2\n\n,\n\"\",\"\"\n3,4\n\n");
  EXPECT_EQ(c.header_row, 4u);
  EXPECT_EQ(c.rows, (Rows{{"1", "2"}, {"3", "4"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(5, 9));
}

TEST_F(CsvReaderTest, WhitespaceOnlyLinesAreBlank) {
  const CsvContents c = Read("a,b\n  \n \t, \n1,2\n");
  EXPECT_EQ(c.rows, (Rows{{"1", "2"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(4));
  EXPECT_TRUE(c.issues.empty());
}

TEST_F(CsvReaderTest, RecordSpanningLinesIsOneRow) {
  const CsvContents c = Read("note,n\n\"line one\nline two\r\nline three\",1\n\"x\",2\n");
  EXPECT_EQ(c.rows, (Rows{{"line one\nline two\r\nline three", "1"}, {"x", "2"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(2, 3));
}

TEST_F(CsvReaderTest, RaggedRowsAreDeliveredAndReported) {
  const CsvContents c = Read("a,b,c\n1,2\n1,2,3\n1,2,3,4\n");
  EXPECT_EQ(c.rows, (Rows{{"1", "2"}, {"1", "2", "3"}, {"1", "2", "3", "4"}}));
  EXPECT_THAT(c.issues, ElementsAre("RAGGED_ROW row 2: row has 2 cells, header has 3",
                                    "RAGGED_ROW row 4: row has 4 cells, header has 3"));
}

TEST_F(CsvReaderTest, UnterminatedQuoteFailsTheFileAtTheRowWhereItOpened) {
  const Status s = ReadError("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n");
  EXPECT_EQ(s.code(), ErrorCode::kCorruptFile);
  EXPECT_EQ(s.location().file, PathOf("in.csv"));
  EXPECT_EQ(s.location().row, 3u);
  EXPECT_THAT(s.message(), HasSubstr("quoted cell opened in row 3 is never closed"));
}

TEST_F(CsvReaderTest, UnterminatedQuoteInTheHeaderFailsTheFile) {
  EXPECT_EQ(ReadError("a,\"b\n1,2\n").code(), ErrorCode::kCorruptFile);
}

TEST_F(CsvReaderTest, Utf8ByteOrderMarkIsStripped) {
  const CsvContents c = Read(
      "\xEF\xBB\xBF"
      "address,city\r\n1 Main,Miami\r\n");
  EXPECT_THAT(c.header, ElementsAre("address", "city"));
  EXPECT_EQ(c.rows, (Rows{{"1 Main", "Miami"}}));
}

TEST_F(CsvReaderTest, Utf16WithByteOrderMarkIsTranscoded) {
  const std::u16string text = u"address\tcity\r\nCaf\u00E9 \U0001F3E2 St\tMiami \u20AC\r\n";
  for (const bool big_endian : {false, true}) {
    const CsvContents c = Read(Utf16(text, big_endian), {}, "export.tsv");
    EXPECT_THAT(c.header, ElementsAre("address", "city"));
    EXPECT_EQ(c.rows, (Rows{{"Caf\xC3\xA9 \xF0\x9F\x8F\xA2 St", "Miami \xE2\x82\xAC"}})) << big_endian;
  }
}

TEST_F(CsvReaderTest, Utf16WithoutByteOrderMarkFailsWithAnExplanation) {
  std::string bytes = Utf16(u"address,city\n1 Main,Miami\n", false).substr(2);
  const Status s = ReadError(bytes);
  EXPECT_EQ(s.code(), ErrorCode::kBadEncoding);
  EXPECT_THAT(s.message(), HasSubstr("UTF-16"));
  EXPECT_THAT(s.message(), HasSubstr("without a byte-order mark"));
  EXPECT_EQ(s.location().file, PathOf("in.csv"));
}

TEST_F(CsvReaderTest, InvalidUtf8FileIsReadAsWindows1252) {
  auto reader = CsvReader::Open(DefaultFileSystem(),
                                dir_.Write("ansi.csv",
                                           "owner,city\nJos\xE9 \x96 Co,M\xFC"
                                           "nchen\n"),
                                {});
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->encoding(), TextEncoding::kWindows1252);
  auto c = testing::ReadAllRows(reader->get());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->rows, (Rows{{"Jos\xC3\xA9 \xE2\x80\x93 Co", "M\xC3\xBCnchen"}}));
}

TEST_F(CsvReaderTest, Windows1252ByteBeyondTheProbeIsStillDecoded) {
  std::string text = "owner,city\n";
  while (text.size() < (100 << 10)) text += "Plain Owner LLC,Miami\n";
  text += "Caf\xE9 Corp,Miami\n";
  const CsvContents c = Read(text);
  ASSERT_FALSE(c.rows.empty());
  EXPECT_EQ(c.rows.back(), (std::vector<std::string>{"Caf\xC3\xA9 Corp", "Miami"}));
}

// "address,city\n" (13 bytes), then rows of 18 bytes: "100 Main St,Miami\n", "101 Main...".
std::string Table(size_t min_bytes) {
  std::string text = "address,city\n";
  for (int i = 100; text.size() < min_bytes; ++i) text += fmt::format("{:03} Main St,Miami\n", i % 1000);
  return text;
}

// `text` with the byte at `offset` replaced by NUL.
std::string NulAt(std::string text, size_t offset) {
  text.at(offset) = '\0';
  return text;
}

// A NUL byte in the sample (the first 64 KiB, read to detect the encoding and
// the delimiter) fails the file when it is opened, before its header is read:
// binary data read as text makes a garbled header, which must not fail the
// file as MISSING_REQUIRED_COLUMNS first. The error names the byte offset
// (in the file, a byte-order mark included) and the row the NUL is in.
TEST_F(CsvReaderTest, NulByteInTheSampleFailsTheFileWhenItIsOpened) {
  const std::string table = Table(70 << 10);
  const struct {
    std::string name;
    std::string bytes;
    uint64_t offset;
    uint64_t row;
  } cases[] = {
      {"at offset 0", NulAt(table, 0), 0, 1},
      {"within the first row", NulAt(table, 4), 4, 1},
      {"at the end of the first row", NulAt(table, 12), 12, 1},
      {"after the header, in a data row", NulAt(table, 13 + 18 + 5), 36, 3},
      {"at offset 165", NulAt(table, 165), 165, 10},  // 165 = 13 + 8 * 18 + 8: the 9th data row
      {"at the last byte of the sample", NulAt(table, (64 << 10) - 1), (64 << 10) - 1, 3642},
      {"binary after a garbled header", std::string("garbage\xFE\xFF header\nmore\0\x01\x02 binary\n", 32),
       21, 2},
      {"after blank lines and a quoted line break", std::string("a,b\n\n\"x\ny\",1\n\r\n2,\0\n", 19), 17, 5},
      {"after a UTF-8 byte-order mark", "\xEF\xBB\xBF" + NulAt(table, 20), 23, 2},
      {"a NUL character in UTF-16LE", Utf16(std::u16string(u"address,city\n1 Main\0,Miami\n", 27), false), 40,
       2},
      {"a NUL character in UTF-16BE", Utf16(std::u16string(u"address,city\n1 Main\0,Miami\n", 27), true), 40,
       2},
  };
  for (const auto& c : cases) {
    for (const CsvOptions& options :
         {CsvOptions{}, CsvOptions{.delimiter = ','}, CsvOptions{.buffer_bytes = 7}}) {
      const auto path = dir_.Write("nul.csv", c.bytes);
      auto reader = CsvReader::Open(DefaultFileSystem(), path, options);
      ASSERT_FALSE(reader.ok()) << c.name;
      const Status& s = reader.status();
      EXPECT_EQ(s.code(), ErrorCode::kBadEncoding) << c.name << ": " << s.ToString();
      EXPECT_THAT(s.message(),
                  HasSubstr(fmt::format("NUL byte at byte offset {}: is this a binary file", c.offset)))
          << c.name;
      EXPECT_EQ(s.location().row, c.row) << c.name << ": " << s.ToString();
      EXPECT_EQ(s.location().file, path.string()) << c.name;
    }
  }
}

// A NUL beyond the sample is found when parsing reaches it: the header and
// the rows before it are read, then the batch of its row fails.
TEST_F(CsvReaderTest, NulByteBeyondTheSampleFailsTheFileAtItsRowAfterTheRowsBefore) {
  const size_t offset = 100 << 10;  // 102400 = 13 + 5688 * 18 + 3: the 5689th data row
  auto source = OpenCsv(DefaultFileSystem(), dir_.Write("bin.csv", NulAt(Table(120 << 10), offset)),
                        {.rows_per_batch = 100000});
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  auto header = (*source)->ReadHeader(nullptr);
  ASSERT_TRUE(header.ok());
  EXPECT_THAT(*header, ElementsAre("address", "city"));
  RawBatch batch;
  uint64_t rows = 0;
  Result<bool> more = true;
  while ((more = (*source)->NextBatch(&batch)).ok() && *more) rows += batch.rows();
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(rows, 5688u);
  EXPECT_EQ(more.status().code(), ErrorCode::kBadEncoding);
  EXPECT_THAT(more.status().message(), HasSubstr("NUL byte at byte offset 102400: is this a binary file"));
  EXPECT_EQ(more.status().location().row, 5690u);
  EXPECT_EQ(more.status().location().file, PathOf("bin.csv"));
}

// UTF-16 with a byte-order mark holds a NUL byte in every ASCII character:
// converted and read, a file longer than the sample too.
TEST_F(CsvReaderTest, Utf16WithByteOrderMarkLongerThanTheSampleIsRead) {
  const std::string table = Table(100 << 10);
  const std::u16string text16(table.begin(), table.end());
  for (const bool big_endian : {false, true}) {
    for (const CsvOptions& options :
         {CsvOptions{}, CsvOptions{.delimiter = ','}, CsvOptions{.buffer_bytes = 7}}) {
      const CsvContents c = Read(Utf16(text16, big_endian), options);
      EXPECT_THAT(c.header, ElementsAre("address", "city")) << big_endian;
      ASSERT_EQ(c.rows.size(), (table.size() - 13) / 18) << big_endian;
      EXPECT_EQ(c.rows.back(), (std::vector<std::string>{
                                   fmt::format("{:03} Main St", (100 + c.rows.size() - 1) % 1000), "Miami"}));
    }
  }
}

TEST_F(CsvReaderTest, SniffsEachDelimiter) {
  for (const char d : {',', ';', '\t', '|'}) {
    const std::string sep(1, d);
    auto reader =
        CsvReader::Open(DefaultFileSystem(),
                        dir_.Write("s.csv", "a" + sep + "b c" + sep + "d\n1" + sep + "2" + sep + "3\n"), {});
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ((*reader)->delimiter(), d);
    auto c = testing::ReadAllRows(reader->get());
    ASSERT_TRUE(c.ok());
    EXPECT_THAT(c->header, ElementsAre("a", "b c", "d")) << "delimiter " << static_cast<int>(d);
  }
}

TEST_F(CsvReaderTest, TsvFilePrefersTabWhenTheSampleDoesNotDecide) {
  const std::string text = "a,b\tc\n1,2\t3\n";
  EXPECT_THAT(Read(text, {}, "x.tsv").header, ElementsAre("a,b", "c"));
  EXPECT_THAT(Read(text, {}, "x.TSV").header, ElementsAre("a,b", "c"));
  EXPECT_THAT(Read(text, {}, "x.csv").header, ElementsAre("a", "b\tc"));
}

TEST_F(CsvReaderTest, ExplicitDelimiterOverridesSniffing) {
  const CsvContents c = Read("a;b;c\n1;2;3\n", {.delimiter = ','});
  EXPECT_THAT(c.header, ElementsAre("a;b;c"));
}

TEST_F(CsvReaderTest, EmptyFileIsEmptyFile) {
  Status s = ReadError("");
  EXPECT_EQ(s.code(), ErrorCode::kEmptyFile);
  EXPECT_EQ(s.location().file, PathOf("in.csv"));
  s = ReadError("\xEF\xBB\xBF");
  EXPECT_EQ(s.code(), ErrorCode::kEmptyFile);
  EXPECT_THAT(s.message(), HasSubstr("byte-order mark"));
}

TEST_F(CsvReaderTest, OnlyBlankLinesIsNoHeader) {
  const Status s = ReadError("\n\r\n,,,\n");
  EXPECT_EQ(s.code(), ErrorCode::kNoHeader);
  EXPECT_THAT(s.message(), HasSubstr("file has no header row"));
  EXPECT_EQ(s.location().file, PathOf("in.csv"));
}

TEST_F(CsvReaderTest, HeaderOnlyFileHasNoRows) {
  const CsvContents c = Read("a,b\n");
  EXPECT_THAT(c.header, ElementsAre("a", "b"));
  EXPECT_TRUE(c.rows.empty());
  EXPECT_EQ(c.batches, 0u);
}

TEST_F(CsvReaderTest, RecordLongerThanTheBufferGrowsIt) {
  const std::string big(5000, 'x');
  const CsvContents c = Read("a,b\n1,\"" + big + "\"\"q\"\n2,3\n", {.buffer_bytes = 16});
  EXPECT_EQ(c.rows, (Rows{{"1", big + "\"q"}, {"2", "3"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(2, 3));
}

TEST_F(CsvReaderTest, RecordBeyondMaxRecordBytesFailsNamingTheRow) {
  const Status s = ReadError("a,b\n1,2\n3,\"" + std::string(200, 'x') + "\"\n4,5\n",
                             {.buffer_bytes = 16, .max_record_bytes = 64});
  EXPECT_EQ(s.code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(s.message(), HasSubstr("row 3 is longer than 64 bytes"));
  EXPECT_EQ(s.location().row, 3u);
  EXPECT_EQ(s.location().file, PathOf("in.csv"));
}

TEST_F(CsvReaderTest, RecordOfExactlyMaxRecordBytesIsAccepted) {
  const std::string cell(60, 'x');  // "3," + cell + "\n" = 63 bytes, then "4,5" completes at EOF
  const CsvContents c = Read("a,b\n3," + cell + "\n4,5", {.buffer_bytes = 16, .max_record_bytes = 63});
  EXPECT_EQ(c.rows, (Rows{{"3", cell}, {"4", "5"}}));
}

TEST_F(CsvReaderTest, BatchesHoldAtMostRowsPerBatch) {
  std::string text = "n\n";
  for (int i = 0; i < 10; ++i) text += std::to_string(i) + "\n";
  auto source = OpenCsv(DefaultFileSystem(), dir_.Write("b.csv", text), {.rows_per_batch = 3});
  ASSERT_TRUE(source.ok());
  RawBatch batch;
  std::vector<size_t> sizes;
  while (true) {
    auto more = (*source)->NextBatch(&batch);  // reads the header itself
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    sizes.push_back(batch.rows());
  }
  EXPECT_THAT(sizes, ElementsAre(3, 3, 3, 1));
  EXPECT_EQ(batch.rows(), 0u);
  auto again = (*source)->NextBatch(&batch);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
}

TEST_F(CsvReaderTest, ReadsBigFilesInBoundedChunks) {
  std::string text = "address,city,building_sqft\n";
  while (text.size() < (8 << 20)) text += "1234 Industrial Blvd,West Palm Beach,20088\n";
  const CsvOptions options{.buffer_bytes = 64 << 10, .rows_per_batch = 100};
  auto source = OpenCsv(DefaultFileSystem(), dir_.Write("big.csv", text), options);
  ASSERT_TRUE(source.ok());
  RawBatch batch;
  auto more = (*source)->NextBatch(&batch);
  ASSERT_TRUE(more.ok());
  ASSERT_TRUE(*more);
  // The read buffer, the encoding probe and one decoding chunk: not the file.
  EXPECT_LE((*source)->bytes_read(), (64 << 10) + (64 << 10) + (64 << 10));
  uint64_t rows = batch.rows();
  while (true) {
    more = (*source)->NextBatch(&batch);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    rows += batch.rows();
    ASSERT_LE((*source)->bytes_read(), 27 + rows * 43 + 3 * (64 << 10)) << "read too far ahead of the parse";
  }
  EXPECT_EQ(rows * 43 + 27, text.size());
  EXPECT_EQ((*source)->bytes_read(), text.size());
}

TEST_F(CsvReaderTest, BytesReadReachesTheFileSize) {
  const std::string text =
      "\xEF\xBB\xBF"
      "a,b\n1,2\n3,4\n";
  auto source = OpenCsv(DefaultFileSystem(), dir_.Write("p.csv", text), {});
  ASSERT_TRUE(source.ok());
  ASSERT_TRUE(testing::ReadAllRows(source->get()).ok());
  EXPECT_EQ((*source)->bytes_read(), text.size());
}

TEST_F(CsvReaderTest, ReadHeaderTwiceReturnsTheSameHeader) {
  auto source = OpenCsv(DefaultFileSystem(), dir_.Write("h.csv", "\na,b\n1,2\n"), {});
  ASSERT_TRUE(source.ok());
  uint64_t row = 0;
  ASSERT_TRUE((*source)->ReadHeader(&row).ok());
  auto again = (*source)->ReadHeader(&row);
  ASSERT_TRUE(again.ok());
  EXPECT_THAT(*again, ElementsAre("a", "b"));
  EXPECT_EQ(row, 2u);
}

TEST_F(CsvReaderTest, InvalidOptionsAreRejected) {
  const auto path = dir_.Write("o.csv", "a\n");
  for (const CsvOptions& bad : {CsvOptions{.delimiter = '"'}, CsvOptions{.delimiter = '\n'},
                                CsvOptions{.buffer_bytes = 0}, CsvOptions{.rows_per_batch = 0}}) {
    auto source = OpenCsv(DefaultFileSystem(), path, bad);
    ASSERT_FALSE(source.ok());
    EXPECT_EQ(source.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST_F(CsvReaderTest, MissingFileIsNotFound) {
  auto source = OpenCsv(DefaultFileSystem(), dir_.path() / "missing.csv", {});
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(source.status().location().file, PathOf("missing.csv"));
}

}  // namespace
}  // namespace csv_reader_test
}  // namespace flexpipe
