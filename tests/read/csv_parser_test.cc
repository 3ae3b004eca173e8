#include "read/csv/parser.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace flexpipe {
namespace csv_parser_test {
namespace {

using ::testing::ElementsAre;
using Records = std::vector<std::vector<std::string>>;

// Parses all of `text` as final input.
Records ParseAll(std::string text, char delimiter = ',', std::vector<bool>* unterminated = nullptr) {
  CsvParser parser(CsvDialect{delimiter, '"'});
  CsvRecord record;
  Records out;
  std::span<char> rest(text);
  while (true) {
    size_t consumed = 0;
    const CsvParser::Outcome outcome = parser.Next(rest, /*final=*/true, &record, &consumed);
    if (outcome == CsvParser::Outcome::kEnd) break;
    EXPECT_EQ(outcome, CsvParser::Outcome::kRecord);
    EXPECT_GT(consumed, 0u);
    rest = rest.subspan(consumed);
    out.emplace_back(record.cells.begin(), record.cells.end());
    if (unterminated != nullptr) unterminated->push_back(record.unterminated_quote);
  }
  return out;
}

CsvParser::Outcome ParseOnce(std::string* text, bool final, CsvRecord* record, size_t* consumed) {
  CsvParser parser(CsvDialect{',', '"'});
  return parser.Next(std::span<char>(*text), final, record, consumed);
}

TEST(CsvParserTest, SplitsUnquotedCellsOnTheDelimiter) {
  EXPECT_EQ(ParseAll("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvParserTest, LastRecordNeedsNoLineBreak) {
  EXPECT_EQ(ParseAll("a,b\n1,2"), (Records{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvParserTest, EmptyCellsAreKeptIncludingTrailingOnes) {
  EXPECT_EQ(ParseAll("a,,c,\n,\n"), (Records{{"a", "", "c", ""}, {"", ""}}));
}

TEST(CsvParserTest, EmptyLineIsARecordOfOneEmptyCell) {
  std::vector<bool> unterminated;
  const Records records = ParseAll("a\n\nb\n", ',', &unterminated);
  EXPECT_EQ(records, (Records{{"a"}, {""}, {"b"}}));
}

TEST(CsvParserTest, AcceptsLfCrlfAndLoneCrLineBreaksInAnyMix) {
  EXPECT_EQ(ParseAll("a,b\r\nc,d\ne,f\rg,h\r\n"), (Records{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}}));
}

TEST(CsvParserTest, BlankLinesWithEachLineBreakStyleAreEmptyRecords) {
  EXPECT_EQ(ParseAll("a\r\n\r\nb\r\rc\n\n"), (Records{{"a"}, {""}, {"b"}, {""}, {"c"}, {""}}));
}

TEST(CsvParserTest, QuotedCellMayHoldDelimitersAndLineBreaks) {
  EXPECT_EQ(ParseAll("\"a,b\",\"line1\nline2\",\"x\r\ny\"\nnext\n"),
            (Records{{"a,b", "line1\nline2", "x\r\ny"}, {"next"}}));
}

TEST(CsvParserTest, DoubledQuoteInsideQuotesIsOneQuote) {
  EXPECT_EQ(ParseAll("\"say \"\"hi\"\"\",\"\"\"\",\"\"\"\"\"\"\n"), (Records{{"say \"hi\"", "\"", "\"\""}}));
}

TEST(CsvParserTest, EmptyQuotedCellIsEmpty) { EXPECT_EQ(ParseAll("\"\",\"\"\n"), (Records{{"", ""}})); }

TEST(CsvParserTest, QuoteInsideAnUnquotedCellIsLiteral) {
  EXPECT_EQ(ParseAll("12\" pipe,a\"b\"c,x\"\n"), (Records{{"12\" pipe", "a\"b\"c", "x\""}}));
}

TEST(CsvParserTest, SpaceBeforeAQuoteMakesTheCellUnquoted) {
  EXPECT_EQ(ParseAll("a, \"b\",c\n"), (Records{{"a", " \"b\"", "c"}}));
}

TEST(CsvParserTest, TextAfterTheClosingQuoteIsKept) {
  EXPECT_EQ(ParseAll("\"ab\"cd,\"x\" ,\"q\"\"\"z\"w\n"), (Records{{"abcd", "x ", "q\"z\"w"}}));
}

TEST(CsvParserTest, UnterminatedQuoteRunsToTheEndAndIsFlagged) {
  std::vector<bool> unterminated;
  const Records records = ParseAll("a,b\n1,\"open \"\"x\"\" and\nmore,lines\n", ',', &unterminated);
  EXPECT_EQ(records, (Records{{"a", "b"}, {"1", "open \"x\" and\nmore,lines\n"}}));
  EXPECT_THAT(unterminated, ElementsAre(false, true));
}

TEST(CsvParserTest, QuotedCellClosedByTheLastByteOfTheInput) {
  std::vector<bool> unterminated;
  EXPECT_EQ(ParseAll("a,\"b\"\"c\"", ',', &unterminated), (Records{{"a", "b\"c"}}));
  EXPECT_THAT(unterminated, ElementsAre(false));
}

TEST(CsvParserTest, UsesTheDialectDelimiter) {
  EXPECT_EQ(ParseAll("a;\"b;c\";d,e\n", ';'), (Records{{"a", "b;c", "d,e"}}));
  EXPECT_EQ(ParseAll("a\tb\t\"c\td\"\n", '\t'), (Records{{"a", "b", "c\td"}}));
  EXPECT_EQ(ParseAll("a|b||c\n", '|'), (Records{{"a", "b", "", "c"}}));
}

TEST(CsvParserTest, LongCellsCrossTheVectorScanWidth) {
  const std::string long_a(100, 'a');
  const std::string long_b(37, 'b');
  EXPECT_EQ(ParseAll(long_a + "," + long_b + "\n" + long_b), (Records{{long_a, long_b}, {long_b}}));
}

TEST(CsvParserTest, EmptyFinalInputIsTheEnd) {
  std::string text;
  CsvRecord record;
  size_t consumed = 0;
  EXPECT_EQ(ParseOnce(&text, /*final=*/true, &record, &consumed), CsvParser::Outcome::kEnd);
  EXPECT_EQ(ParseOnce(&text, /*final=*/false, &record, &consumed), CsvParser::Outcome::kIncomplete);
}

TEST(CsvParserTest, RecordWithoutLineBreakIsIncompleteUnlessFinal) {
  for (const std::string input : {"a,b", "a,", "a,\"b", "a,\"b\"", "a,\"b\"\"", "a,b\r"}) {
    std::string text = input;
    CsvRecord record;
    size_t consumed = 0;
    EXPECT_EQ(ParseOnce(&text, /*final=*/false, &record, &consumed), CsvParser::Outcome::kIncomplete)
        << input;
    EXPECT_EQ(text, input) << "an incomplete record must be left as it was";
  }
}

TEST(CsvParserTest, CrAtTheEndWaitsForAPossibleLf) {
  std::string text = "a\r";
  CsvRecord record;
  size_t consumed = 0;
  EXPECT_EQ(ParseOnce(&text, /*final=*/false, &record, &consumed), CsvParser::Outcome::kIncomplete);
  text = "a\r\n";
  ASSERT_EQ(ParseOnce(&text, /*final=*/false, &record, &consumed), CsvParser::Outcome::kRecord);
  EXPECT_EQ(consumed, 3u);
}

TEST(CsvParserTest, ConsumedCountsTheRecordAndItsLineBreakOnly) {
  std::string text = "\"a\"\"b\",c\r\nnext";
  CsvRecord record;
  size_t consumed = 0;
  ASSERT_EQ(ParseOnce(&text, /*final=*/false, &record, &consumed), CsvParser::Outcome::kRecord);
  EXPECT_EQ(consumed, 10u);
  EXPECT_THAT(record.cells, ElementsAre("a\"b", "c"));
  EXPECT_EQ(text.substr(consumed), "next");
}

TEST(CsvParserTest, CellsAreViewsIntoTheBuffer) {
  std::string text = "ab,\"c\"\n";
  CsvRecord record;
  size_t consumed = 0;
  ASSERT_EQ(ParseOnce(&text, /*final=*/true, &record, &consumed), CsvParser::Outcome::kRecord);
  ASSERT_EQ(record.cells.size(), 2u);
  EXPECT_EQ(record.cells[0].data(), text.data());
  EXPECT_EQ(record.cells[1].data(), text.data() + 4);
}

TEST(CsvParserTest, BlankRecordsHoldOnlyEmptyOrWhitespaceCells) {
  CsvRecord record;
  record.cells = {"", "", ""};
  EXPECT_TRUE(record.IsBlank());
  record.cells = {""};
  EXPECT_TRUE(record.IsBlank());
  record.cells = {"", " ", "\t"};
  EXPECT_TRUE(record.IsBlank());
  record.cells = {"", " x"};
  EXPECT_FALSE(record.IsBlank());
}

}  // namespace
}  // namespace csv_parser_test
}  // namespace flexpipe
