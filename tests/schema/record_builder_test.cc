// One row of cells → a canonical Record (fields.md: values, IDs, derived acres).
#include "schema/record_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "test_util.h"

namespace flexpipe {
namespace record_builder_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

HeaderMapping Map(const std::vector<std::string>& header) {
  Result<HeaderMapping> m = MapHeader(header, {});
  EXPECT_TRUE(m.ok());
  return std::move(m).value();
}

// Splits a line of a CSV file that has no quoted cells.
std::vector<std::string> SplitPlainCsvLine(const std::string& line) {
  EXPECT_EQ(line.find('"'), std::string::npos) << "this helper cannot read quoted cells";
  std::vector<std::string> cells;
  size_t start = 0;
  for (size_t comma; (comma = line.find(',', start)) != std::string::npos; start = comma + 1) {
    cells.push_back(line.substr(start, comma - start));
  }
  cells.push_back(line.substr(start));
  return cells;
}

std::vector<std::string_view> Views(const std::vector<std::string>& cells) {
  return {cells.begin(), cells.end()};
}

// The first lines of tests/data/pbc_flex_properties_611.csv, read from disk.
class PbcExport : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(testing::TestDataPath("pbc_flex_properties_611.csv"));
    ASSERT_TRUE(in) << "missing test data";
    std::string line;
    for (int i = 0; i < 3 && std::getline(in, line); ++i) lines_.push_back(SplitPlainCsvLine(line));
    ASSERT_EQ(lines_.size(), 3u);
  }
  const std::vector<std::string>& header() const { return lines_[0]; }
  const std::vector<std::string>& row(size_t i) const { return lines_[i + 1]; }

 private:
  std::vector<std::vector<std::string>> lines_;
};

TEST_F(PbcExport, HeaderMapsItsTwentyTwoColumnsAsTheSpecSays) {
  ASSERT_EQ(header().size(), 22u);
  const HeaderMapping m = Map(header());
  auto field_of = [&](size_t i) { return m.columns()[i].field; };
  EXPECT_EQ(field_of(0), std::nullopt);          // flex_score: a score from the old system, passed through
  EXPECT_EQ(field_of(1), std::nullopt);          // score_category
  EXPECT_EQ(field_of(2), Field::kPropertyType);  // property_use
  EXPECT_EQ(field_of(3), Field::kBuildingSqft);
  EXPECT_EQ(field_of(4), Field::kAddress);
  EXPECT_EQ(field_of(5), Field::kCity);  // municipality
  EXPECT_EQ(field_of(6), Field::kAcres);
  EXPECT_EQ(field_of(7), Field::kTotalValue);  // market_value
  EXPECT_EQ(field_of(8), Field::kOwnerName);
  EXPECT_EQ(field_of(9), Field::kYearBuilt);
  EXPECT_EQ(field_of(10), Field::kWarehouseSqft);
  EXPECT_EQ(field_of(11), Field::kOfficeSqft);
  EXPECT_EQ(field_of(12), std::nullopt);  // office_percentage
  EXPECT_EQ(field_of(13), Field::kParcelId);
  EXPECT_EQ(field_of(14), std::nullopt);  // assessed_value: total_value is taken by market_value
  EXPECT_EQ(field_of(15), Field::kImprovementValue);
  EXPECT_EQ(field_of(16), Field::kLandValue);
  EXPECT_EQ(field_of(17), Field::kSaleDate);
  EXPECT_EQ(field_of(18), Field::kSalePrice);
  EXPECT_EQ(field_of(19), std::nullopt);  // owner_address
  EXPECT_EQ(field_of(20), std::nullopt);  // has_enriched_data
  EXPECT_EQ(field_of(21), std::nullopt);  // has_building_data
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(0, 1, 12, 14, 19, 20, 21));
  EXPECT_THAT(m.notes(),
              ElementsAre("'assessed_value' (column 15) also maps to total_value; the first column "
                          "'market_value' (column 8) wins and 'assessed_value' (column 15) is kept "
                          "as a pass-through column"));
  EXPECT_TRUE(CheckRequiredColumns(m).ok());
}

TEST_F(PbcExport, FirstRowBecomesACanonicalRecord) {
  const HeaderMapping m = Map(header());
  const RecordBuilder builder(m);
  const std::vector<std::string_view> cells = Views(row(0));
  Record r;
  std::vector<ValueProblem> problems;
  builder.Build(cells, &r, &problems);

  EXPECT_THAT(problems, IsEmpty());
  EXPECT_EQ(r.text(Field::kPropertyType), "WAREH/DIST TERM");
  EXPECT_EQ(r.num(Field::kBuildingSqft), 20088);
  EXPECT_EQ(r.text(Field::kAddress), "3151 SW 14TH PL");
  EXPECT_EQ(r.text(Field::kCity), "BOYNTON BEACH");
  EXPECT_EQ(r.num(Field::kAcres), 1.0);
  EXPECT_EQ(r.num(Field::kTotalValue), 2569458);
  EXPECT_EQ(r.text(Field::kOwnerName), "MOTECH MOLDINGS LLLP");
  EXPECT_EQ(r.num(Field::kYearBuilt), 1984);
  EXPECT_EQ(r.num(Field::kWarehouseSqft), 5398);
  EXPECT_EQ(r.num(Field::kOfficeSqft), 1188);
  EXPECT_EQ(r.text(Field::kParcelId), "08434605080000130") << "ids keep their leading zeros";
  EXPECT_TRUE(r.has(Field::kImprovementValue));
  EXPECT_EQ(r.num(Field::kImprovementValue), 0);
  EXPECT_EQ(r.num(Field::kLandValue), 0);
  EXPECT_EQ(r[Field::kSaleDate].number, FromCivil(2015, 2, 12).days);
  EXPECT_EQ(r.num(Field::kSalePrice), 1850000);
  for (const Field absent :
       {Field::kState, Field::kZip, Field::kZoning, Field::kLotSqft, Field::kNearHighway}) {
    EXPECT_FALSE(r.has(absent)) << InfoOf(absent).name;
  }
}

TEST_F(PbcExport, TwelveDigitEpochMillisecondsInTheSecondRowAreADate) {
  const RecordBuilder builder(Map(header()));
  const std::vector<std::string_view> cells = Views(row(1));
  Record r;
  builder.Build(cells, &r, nullptr);
  EXPECT_EQ(r[Field::kSaleDate].number, FromCivil(1996, 3, 1).days);
  EXPECT_EQ(r.text(Field::kParcelId), "74434329000001370");
}

class RecordBuilderTest : public ::testing::Test {
 protected:
  Record Build(const std::vector<std::string>& header, const std::vector<std::string>& row) {
    const RecordBuilder builder(Map(header));
    cells_ = row;  // keep the text alive: records view into it
    const std::vector<std::string_view> views = Views(cells_);
    Record r;
    builder.Build(views, &r, &problems_);
    return r;
  }
  std::vector<std::string> cells_;
  std::vector<ValueProblem> problems_;
};

TEST_F(RecordBuilderTest, TextIsTrimmedButOtherwiseKeptAsWritten) {
  const Record r = Build({"Address", "City", "Zoning"}, {"  12 Main St ", "\tBoca Raton", "IL "});
  EXPECT_EQ(r.text(Field::kAddress), "12 Main St");
  EXPECT_EQ(r.text(Field::kCity), "Boca Raton");
  EXPECT_EQ(r.text(Field::kZoning), "IL");
  EXPECT_TRUE(r.has(Field::kZoning));
}

TEST_F(RecordBuilderTest, MissingMarkersLeaveTextFieldsMissingToo) {
  const Record r = Build({"Address", "City", "Zoning", "Owner"}, {"N/A", "", "-", "NULL"});
  for (const Field f : {Field::kAddress, Field::kCity, Field::kZoning, Field::kOwnerName}) {
    EXPECT_FALSE(r.has(f)) << InfoOf(f).name;
    EXPECT_EQ(r.text(f), "") << InfoOf(f).name;
    EXPECT_FALSE(r[f].parse_failed);
  }
  EXPECT_THAT(problems_, IsEmpty()) << "a missing value is not a problem";
}

TEST_F(RecordBuilderTest, IdsAreNeverReformatted) {
  const Record r = Build({"Parcel ID", "Zip Code"}, {"08434605080000130", "00501"});
  EXPECT_EQ(r.text(Field::kParcelId), "08434605080000130");
  EXPECT_EQ(r.text(Field::kZip), "00501");
  const Record r2 = Build({"APN", "Zip"}, {"1.0E+5", "33431-1234"});
  EXPECT_EQ(r2.text(Field::kParcelId), "1.0E+5");
  EXPECT_EQ(r2.text(Field::kZip), "33431-1234");
}

TEST_F(RecordBuilderTest, TypedFieldsAreParsed) {
  const Record r =
      Build({"Acres", "Improvement Value", "Year Built", "Sale Date", "Near Highway", "Occupancy"},
            {"2.5", "$1,200,000", "1,984", "March 14, 2025", "Yes", "95%"});
  EXPECT_EQ(r.num(Field::kAcres), 2.5);
  EXPECT_EQ(r.num(Field::kImprovementValue), 1200000);
  EXPECT_EQ(r.num(Field::kYearBuilt), 1984);
  EXPECT_EQ(r.num(Field::kSaleDate), FromCivil(2025, 3, 14).days);
  EXPECT_EQ(r.num(Field::kNearHighway), 1);
  EXPECT_EQ(r.num(Field::kOccupancy), 95);
  EXPECT_EQ(r.text(Field::kImprovementValue), "$1,200,000") << "the source text stays available";
}

TEST_F(RecordBuilderTest, CellsThatDoNotParseAreMissingAndReportedAsProblems) {
  const Record r = Build({"Address", "Building SqFt", "Year Built", "Sale Date", "Land Value"},
                         {"1 Main St", " TBD ", "1984.5", "2025-02-30", "N/A"});
  EXPECT_FALSE(r.has(Field::kBuildingSqft));
  EXPECT_TRUE(r[Field::kBuildingSqft].parse_failed);
  EXPECT_EQ(r.text(Field::kBuildingSqft), "TBD");
  EXPECT_EQ(r.num(Field::kBuildingSqft), 0) << "missing numbers count as 0";
  EXPECT_TRUE(r[Field::kYearBuilt].parse_failed);
  EXPECT_TRUE(r[Field::kSaleDate].parse_failed);
  EXPECT_FALSE(r[Field::kLandValue].parse_failed) << "N/A is missing, not a failure";
  ASSERT_EQ(problems_.size(), 3u);
  EXPECT_EQ(problems_[0].field, Field::kBuildingSqft);
  EXPECT_EQ(problems_[0].column, 1u);
  EXPECT_EQ(problems_[0].raw, "TBD");
  EXPECT_EQ(problems_[1].field, Field::kYearBuilt);
  EXPECT_EQ(problems_[1].raw, "1984.5");
  EXPECT_EQ(problems_[2].field, Field::kSaleDate);
  EXPECT_EQ(problems_[2].column, 3u);
}

TEST_F(RecordBuilderTest, CellsBeyondAShortRowAreEmpty) {
  const Record r = Build({"Address", "City", "Acres"}, {"1 Main St"});
  EXPECT_TRUE(r.has(Field::kAddress));
  EXPECT_FALSE(r.has(Field::kCity));
  EXPECT_FALSE(r.has(Field::kAcres));
  EXPECT_FALSE(r[Field::kAcres].parse_failed);
}

TEST_F(RecordBuilderTest, PassThroughColumnsDoNotReachTheRecord) {
  const Record r = Build({"Flex Score", "Address"}, {"10.0", "1 Main St"});
  int present = 0;
  for (const FieldValue& v : r.values) present += v.present ? 1 : 0;
  EXPECT_EQ(present, 1);
}

TEST_F(RecordBuilderTest, AcresIsDerivedFromLotSquareFeetWhenThereIsNoAcresColumn) {
  const Record r = Build({"Address", "Lot SqFt"}, {"1 Main St", "87,120"});
  EXPECT_TRUE(r.has(Field::kAcres));
  EXPECT_EQ(r.num(Field::kAcres), 2.0);
}

TEST_F(RecordBuilderTest, AcresIsDerivedWhenTheAcresCellIsMissing) {
  EXPECT_EQ(Build({"Acres", "Lot SqFt"}, {"", "21780"}).num(Field::kAcres), 0.5);
  EXPECT_EQ(Build({"Acres", "Lot SqFt"}, {"N/A", "21780"}).num(Field::kAcres), 0.5);
  EXPECT_EQ(Build({"Acres", "Lot SqFt"}, {"N/A", "10000"}).num(Field::kAcres), 10000 / 43560.0);
}

TEST_F(RecordBuilderTest, AcresIsDerivedWhenTheAcresCellDoesNotParseAndTheFailureIsStillReported) {
  const Record r = Build({"Acres", "Lot SqFt"}, {"about two", "87120"});
  EXPECT_EQ(r.num(Field::kAcres), 2.0);
  EXPECT_TRUE(r[Field::kAcres].parse_failed);
  ASSERT_EQ(problems_.size(), 1u);
  EXPECT_EQ(problems_[0].field, Field::kAcres);
}

TEST_F(RecordBuilderTest, AGivenAcresValueWinsOverLotSquareFeet) {
  EXPECT_EQ(Build({"Acres", "Lot SqFt"}, {"3", "87120"}).num(Field::kAcres), 3.0);
}

TEST_F(RecordBuilderTest, NoAcresWithoutLotSquareFeet) {
  EXPECT_FALSE(Build({"Acres", "Lot SqFt"}, {"", "n/a"}).has(Field::kAcres));
}

TEST(RecordBuilder, ReusingARecordAndProblemListLeavesNothingFromThePreviousRow) {
  const RecordBuilder builder(Map({"Address", "Acres"}));
  const std::vector<std::string_view> first = {"1 Main St", "lots"};
  const std::vector<std::string_view> second = {"", "2"};
  Record r;
  std::vector<ValueProblem> problems;
  builder.Build(first, &r, &problems);
  ASSERT_EQ(problems.size(), 1u);
  builder.Build(second, &r, &problems);
  EXPECT_FALSE(r.has(Field::kAddress));
  EXPECT_EQ(r.text(Field::kAddress), "");
  EXPECT_FALSE(r[Field::kAcres].parse_failed);
  EXPECT_EQ(r.num(Field::kAcres), 2);
  EXPECT_THAT(problems, IsEmpty());
}

TEST(RecordBuilder, AllocatesNothingForARowWithoutProblems) {
  const RecordBuilder builder(Map({"Address", "Building SqFt", "Sale Date"}));
  const std::vector<std::string_view> row = {"1 Main St", "12,000", "2025-03-14"};
  Record r;
  std::vector<ValueProblem> problems;
  builder.Build(row, &r, &problems);
  EXPECT_EQ(problems.capacity(), 0u);
}

TEST(RecordBuilder, OutlivesTheMappingItWasBuiltFrom) {
  std::optional<RecordBuilder> builder;
  {
    const HeaderMapping m = Map({"City", "Address"});
    builder.emplace(m);
  }
  const std::vector<std::string_view> row = {"Jupiter", "1 Main St"};
  Record r;
  builder->Build(row, &r, nullptr);
  EXPECT_EQ(r.text(Field::kCity), "Jupiter");
  EXPECT_EQ(r.text(Field::kAddress), "1 Main St");
}

}  // namespace
}  // namespace record_builder_test
}  // namespace flexpipe
