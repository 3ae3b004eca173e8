// The real export in tests/data: a Palm Beach County property-appraiser
// extract written by pandas (22 columns, 611 data rows, one quoted cell).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv/csv_reader.h"
#include "read/csv_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace csv_fixture_test {
namespace {

using ::testing::ElementsAre;

TEST(CsvFixtureTest, PbcFlexPropertiesReadsAs611RowsOf22Cells) {
  const auto path = testing::TestDataPath("pbc_flex_properties_611.csv");
  Result<testing::CsvContents> c = testing::ReadCsvFile(path);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->header.size(), 22u);
  EXPECT_THAT(std::vector<std::string>(c->header.begin(), c->header.begin() + 3),
              ElementsAre("flex_score", "score_category", "property_use"));
  EXPECT_EQ(c->header[13], "parcel_id");
  EXPECT_EQ(c->header_row, 1u);
  ASSERT_EQ(c->rows.size(), 611u);
  EXPECT_TRUE(c->issues.empty());
  for (const auto& row : c->rows) ASSERT_EQ(row.size(), 22u);
  EXPECT_EQ(c->row_numbers.front(), 2u);
  EXPECT_EQ(c->row_numbers.back(), 612u);
  EXPECT_EQ(c->rows[0][13], "08434605080000130");  // row 2: leading zero kept
  EXPECT_EQ(c->rows[0][8], "MOTECH MOLDINGS LLLP");
  EXPECT_EQ(c->rows[495][8], "VOG SS, LLC");  // row 497, the quoted cell
  EXPECT_EQ(c->rows.back()[0], "1.5");
  EXPECT_EQ(c->rows.back()[2], "HEAVY MFG");
}

TEST(CsvFixtureTest, PbcFlexPropertiesIsTheSameThroughATinyBuffer) {
  const auto path = testing::TestDataPath("pbc_flex_properties_611.csv");
  Result<testing::CsvContents> big = testing::ReadCsvFile(path);
  Result<testing::CsvContents> tiny = testing::ReadCsvFile(path, {.buffer_bytes = 7, .rows_per_batch = 100});
  ASSERT_TRUE(big.ok());
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->header, big->header);
  EXPECT_EQ(tiny->rows, big->rows);
  EXPECT_EQ(tiny->row_numbers, big->row_numbers);
  EXPECT_EQ(big->batches, 1u);
}

}  // namespace
}  // namespace csv_fixture_test
}  // namespace flexpipe
