#include "read/csv/sniffer.h"

#include <string>

#include <gtest/gtest.h>

namespace flexpipe {
namespace csv_sniffer_test {
namespace {

std::string Table(char d) {
  std::string s;
  s += std::string("address") + d + "city" + d + "building_sqft" + d + "sale_price\n";
  for (int i = 0; i < 20; ++i) {
    s += std::to_string(100 + i) + " Main St" + d + "Miami" + d + std::to_string(20000 + i) + d + "1500000\n";
  }
  return s;
}

TEST(SniffDelimiterTest, FindsEachCandidate) {
  for (const char d : {',', ';', '\t', '|'}) {
    EXPECT_EQ(SniffDelimiter(Table(d), true, ','), d) << "delimiter " << static_cast<int>(d);
    EXPECT_EQ(SniffDelimiter(Table(d), true, '\t'), d) << "delimiter " << static_cast<int>(d);
  }
}

TEST(SniffDelimiterTest, DelimitersInsideQuotesDoNotCount) {
  const std::string sample =
      "owner;address;price\n"
      "\"Smith, John\";\"1 Main St, Unit 4\";100\n"
      "\"Doe, Jane\";\"2 Oak Ave, Suite 9, Bldg 2\";200\n"
      "\"Acme, LLC\";\"3 Elm St\";300\n";
  EXPECT_EQ(SniffDelimiter(sample, true, ','), ';');
}

TEST(SniffDelimiterTest, SemicolonFileWithDecimalCommas) {
  const std::string sample =
      "acres;price;ratio\n"
      "1,5;100;0,25\n"
      "2;200,50;0,5\n"
      "3,25;300;1\n";
  EXPECT_EQ(SniffDelimiter(sample, true, ','), ';');
}

TEST(SniffDelimiterTest, MoreColumnsBeatAStrayDelimiterInOneColumn) {
  // '|' splits 11 records consistently in two; ',' splits only 9 of them the
  // same way (two rows are ragged), but into six cells.
  std::string sample = "a,b,c,d,e,f\n";
  for (int i = 0; i < 8; ++i) sample += "1,2,x|y,4,5,6\n";
  for (int i = 0; i < 3; ++i) sample += "1,2,x|y,4,5\n";
  EXPECT_EQ(SniffDelimiter(sample, true, ','), ',');
}

TEST(SniffDelimiterTest, OneColumnFileFallsBackToThePreferredDelimiter) {
  EXPECT_EQ(SniffDelimiter("address\n1 Main St\n2 Oak Ave\n", true, ','), ',');
  EXPECT_EQ(SniffDelimiter("address\n1 Main St\n2 Oak Ave\n", true, '\t'), '\t');
  EXPECT_EQ(SniffDelimiter("", true, '\t'), '\t');
}

TEST(SniffDelimiterTest, TiesGoToThePreferredDelimiter) {
  EXPECT_EQ(SniffDelimiter("a,b\tc\n1,2\t3\n", true, '\t'), '\t');
  EXPECT_EQ(SniffDelimiter("a,b\tc\n1,2\t3\n", true, ','), ',');
}

TEST(SniffDelimiterTest, BlankLinesAreIgnored) {
  EXPECT_EQ(SniffDelimiter("a;b\n\n\n\n\n1;2\n,,\n", true, ','), ';');
}

TEST(SniffDelimiterTest, RecordCutOffByThePartialSampleIsIgnored) {
  EXPECT_EQ(SniffDelimiter("a;b;c\n1;2;3\n\"cut off; inside, quotes", /*complete=*/false, ','), ';');
}

}  // namespace
}  // namespace csv_sniffer_test
}  // namespace flexpipe
