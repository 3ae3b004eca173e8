// fields.md, "Header matching": aliases, configured columns, first-wins
// duplicates, pass-through columns and the address/city rule.
#include "schema/header_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace flexpipe {
namespace header_mapping_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

HeaderMapping Map(const std::vector<std::string>& header,
                  std::map<std::string, std::string> user_columns = {}) {
  Result<HeaderMapping> m = MapHeader(header, HeaderMappingOptions{std::move(user_columns)});
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return std::move(m).value();
}

std::string NotesOf(const HeaderMapping& m) {
  std::string all;
  for (const std::string& n : m.notes()) all += n + "\n";
  return all;
}

TEST(HeaderMapping, HeadersMatchAliasesAfterNormalisation) {
  const HeaderMapping m = Map({"Site Address", "CITY", "zip_code", " Building-SqFt "});
  EXPECT_EQ(m.ColumnOf(Field::kAddress), 0u);
  EXPECT_EQ(m.ColumnOf(Field::kCity), 1u);
  EXPECT_EQ(m.ColumnOf(Field::kZip), 2u);
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 3u);
  EXPECT_FALSE(m.ColumnOf(Field::kState).has_value());
  EXPECT_THAT(m.notes(), IsEmpty());
}

TEST(HeaderMapping, MatchingIsExactNotBySubstring) {
  const HeaderMapping m = Map({"Address Line 2", "Cityscape", "Owner Address"});
  EXPECT_FALSE(m.ColumnOf(Field::kAddress).has_value());
  EXPECT_FALSE(m.ColumnOf(Field::kCity).has_value());
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(0, 1, 2));
}

TEST(HeaderMapping, ColumnsKeepTheirHeaderTrimmedAndNormalised) {
  const HeaderMapping m = Map({"  Building SqFt\t", "Flex Score"});
  ASSERT_EQ(m.columns().size(), 2u);
  EXPECT_EQ(m.columns()[0].header, "Building SqFt");
  EXPECT_EQ(m.columns()[0].normalized, "building sqft");
  EXPECT_EQ(m.columns()[0].field, Field::kBuildingSqft);
  EXPECT_EQ(m.columns()[1].header, "Flex Score");
  EXPECT_FALSE(m.columns()[1].field.has_value());
}

TEST(HeaderMapping, AByteOrderMarkIsNotPartOfTheFirstHeader) {
  const HeaderMapping m =
      Map({"\xEF\xBB\xBF"
           "Address",
           "City"});
  EXPECT_EQ(m.columns()[0].header, "Address");
  EXPECT_EQ(m.ColumnOf(Field::kAddress), 0u);
}

TEST(HeaderMapping, UnmatchedHeadersArePassThroughColumnsInSourceOrder) {
  const HeaderMapping m = Map({"Flex Score", "Address", "Notes", "City", "Broker"});
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(0, 2, 4));
}

TEST(HeaderMapping, EmptyHeaderCellsBecomePassThroughColumnsNamedByPosition) {
  const HeaderMapping m = Map({"Address", "", "City", "   "});
  EXPECT_EQ(m.columns()[1].header, "column_2");
  EXPECT_EQ(m.columns()[3].header, "column_4");
  EXPECT_FALSE(m.columns()[1].field.has_value());
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(1, 3));
}

TEST(HeaderMapping, AnEmptyHeaderCellCanBeMappedByItsPositionalName) {
  const HeaderMapping m = Map({"Address", "City", ""}, {{"zoning", "column_3"}});
  EXPECT_EQ(m.ColumnOf(Field::kZoning), 2u);
}

TEST(HeaderMapping, WhenTwoHeadersMapToOneFieldTheFirstWinsAndANoteSaysSo) {
  const HeaderMapping m = Map({"Address", "City", "Building SqFt", "Bldg SqFt"});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 2u);
  EXPECT_FALSE(m.columns()[3].field.has_value());
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(3));
  ASSERT_EQ(m.notes().size(), 1u);
  EXPECT_THAT(m.notes()[0], HasSubstr("'Bldg SqFt' (column 4) also maps to building_sqft; "
                                      "the first column 'Building SqFt' (column 3) wins"));
}

TEST(HeaderMapping, IdenticalHeadersAreToldApartByColumnNumber) {
  const HeaderMapping m = Map({"Address", "City", "Address"});
  EXPECT_EQ(m.ColumnOf(Field::kAddress), 0u);
  ASSERT_EQ(m.notes().size(), 1u);
  EXPECT_THAT(m.notes()[0], HasSubstr("'Address' (column 3) also maps to address; the first column "
                                      "'Address' (column 1) wins"));
}

TEST(HeaderMapping, PresentListsMappedFields) {
  const HeaderMapping m = Map({"Address", "City", "Zoning", "Flex Score"});
  ColumnSet expected;
  expected.set(Index(Field::kAddress)).set(Index(Field::kCity)).set(Index(Field::kZoning));
  EXPECT_EQ(m.present(), expected);
}

TEST(HeaderMapping, AcresIsPresentWhenOnlyLotSquareFeetMapsBecauseItIsDerived) {
  const HeaderMapping m = Map({"Address", "City", "Lot Size SqFt"});
  EXPECT_TRUE(m.present().test(Index(Field::kAcres)));
  EXPECT_FALSE(m.ColumnOf(Field::kAcres).has_value()) << "no source column holds acres";
  EXPECT_THAT(NotesOf(m), HasSubstr("acres is derived as lot_sqft / 43560 from 'Lot Size SqFt' (column 3)"));
}

TEST(HeaderMapping, NothingIsDerivedWhenBothAcresAndLotSquareFeetMap) {
  const HeaderMapping m = Map({"Acres", "Lot SqFt"});
  EXPECT_EQ(m.ColumnOf(Field::kAcres), 0u);
  EXPECT_THAT(m.notes(), IsEmpty());
}

TEST(HeaderMapping, AnEmptyHeaderRowMapsToNothing) {
  const HeaderMapping m = Map({});
  EXPECT_THAT(m.columns(), IsEmpty());
  EXPECT_TRUE(m.present().none());
}

TEST(HeaderMapping, ADefaultConstructedMappingMapsNothing) {
  const HeaderMapping m;
  for (const FieldInfo& info : AllFields()) EXPECT_FALSE(m.ColumnOf(info.field).has_value()) << info.name;
  EXPECT_EQ(CheckRequiredColumns(m).code(), ErrorCode::kMissingRequiredColumns);
}

// --- Configured mappings (`columns:` in the config) ---

TEST(HeaderMapping, AConfiguredColumnMapsAHeaderNoAliasKnows) {
  const HeaderMapping m = Map({"Address", "City", "Bldg Area"}, {{"building_sqft", "Bldg Area"}});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 2u);
  EXPECT_THAT(m.notes(), IsEmpty());
}

TEST(HeaderMapping, AConfiguredHeaderIsComparedAfterNormalisation) {
  const HeaderMapping m = Map({"Address", "City", "BLDG-AREA"}, {{"building_sqft", "bldg_area"}});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 2u);
}

TEST(HeaderMapping, AConfiguredColumnBeatsAnEarlierAliasMatch) {
  const HeaderMapping m =
      Map({"Address", "City", "Building SqFt", "Bldg Area"}, {{"building_sqft", "Bldg Area"}});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 3u);
  EXPECT_THAT(m.passthrough_columns(), ElementsAre(2));
  ASSERT_EQ(m.notes().size(), 1u);
  EXPECT_THAT(m.notes()[0], HasSubstr("'Building SqFt' (column 3) would map to building_sqft, but the "
                                      "configured column 'Bldg Area' (column 4) is used"));
}

TEST(HeaderMapping, AConfiguredColumnCanTakeAHeaderThatIsAnotherFieldsAlias) {
  const HeaderMapping m = Map({"Address", "City", "Living Area"}, {{"office_sqft", "Living Area"}});
  EXPECT_EQ(m.ColumnOf(Field::kOfficeSqft), 2u);
  EXPECT_FALSE(m.ColumnOf(Field::kBuildingSqft).has_value());
}

TEST(HeaderMapping, AConfiguredKeyMayBeWrittenLikeAHeader) {
  const HeaderMapping m = Map({"Address", "City", "Bldg Area"}, {{"Building SqFt", "Bldg Area"}});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 2u);
}

TEST(HeaderMapping, AConfiguredColumnThatMatchesNoHeaderIsNotedAndAliasesStillApply) {
  const HeaderMapping m = Map({"Address", "City", "Building SqFt"}, {{"building_sqft", "Bldg Area"}});
  EXPECT_EQ(m.ColumnOf(Field::kBuildingSqft), 2u);
  ASSERT_EQ(m.notes().size(), 1u);
  EXPECT_THAT(m.notes()[0],
              HasSubstr("the configured column 'Bldg Area' for building_sqft matched no header; "
                        "building_sqft comes from 'Building SqFt' (column 3) instead"));
}

TEST(HeaderMapping, AConfiguredColumnThatMatchesNothingLeavesTheFieldAbsent) {
  const HeaderMapping m = Map({"Address", "City"}, {{"zoning", "Zoning Class"}});
  EXPECT_FALSE(m.ColumnOf(Field::kZoning).has_value());
  EXPECT_THAT(NotesOf(m), HasSubstr("the file has no zoning column"));
}

TEST(HeaderMapping, ConfiguringAnUnknownFieldIsAConfigErrorThatNamesIt) {
  const Result<HeaderMapping> m =
      MapHeader(std::vector<std::string>{"Address", "City"}, {{{"bulding_sqft", "Bldg Area"}}});
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kConfigError);
  EXPECT_THAT(m.status().message(), HasSubstr("'bulding_sqft'"));
  EXPECT_THAT(m.status().message(), HasSubstr("did you mean 'building_sqft'?"));
  EXPECT_THAT(m.status().message(), HasSubstr("Canonical fields are: parcel_id, address,"));
}

TEST(HeaderMapping, ConfiguringOneHeaderForTwoFieldsIsAConfigError) {
  const Status s = ValidateUserColumns({{"acres", "Size"}, {"lot_sqft", "SIZE"}});
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  EXPECT_THAT(s.message(), HasSubstr("mapped to both acres and lot_sqft"));
}

TEST(HeaderMapping, ConfiguringOneFieldTwiceIsAConfigError) {
  const Status s = ValidateUserColumns({{"building_sqft", "Bldg Area"}, {"Building SqFt", "Area"}});
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  EXPECT_THAT(s.message(), HasSubstr("building_sqft is mapped twice"));
}

TEST(HeaderMapping, ConfiguringAHeaderWithoutLettersOrDigitsIsAConfigError) {
  EXPECT_EQ(ValidateUserColumns({{"zoning", " -- "}}).code(), ErrorCode::kConfigError);
}

TEST(HeaderMapping, AValidConfiguredMappingValidates) {
  EXPECT_TRUE(ValidateUserColumns({{"building_sqft", "Bldg Area"}, {"city", "Town"}}).ok());
  EXPECT_TRUE(ValidateUserColumns({}).ok());
}

// --- The address/city rule ---

TEST(RequiredColumns, AFileWithAddressAndCityPasses) {
  EXPECT_TRUE(CheckRequiredColumns(Map({"Situs Address", "Municipality"})).ok());
}

TEST(RequiredColumns, MissingColumnsFailListingHeadersAndSuggestions) {
  const Status s = CheckRequiredColumns(Map({"Prop Addr", "Town", "Zoning"}));
  EXPECT_EQ(s.code(), ErrorCode::kMissingRequiredColumns);
  EXPECT_THAT(s.message(),
              HasSubstr("no address or city columns: headers found were \"Prop Addr\", \"Town\", "
                        "\"Zoning\". "));
  EXPECT_THAT(s.message(), HasSubstr("Did you mean \"Prop Addr\" → address (alias \"property address\")?"));
  EXPECT_THAT(s.message(), HasSubstr("No header resembles city (aliases: \"city\", \"municipality\", "
                                     "\"site city\", \"property city\")"));
  EXPECT_THAT(s.message(),
              HasSubstr("add to the config: columns: {address: \"Prop Addr\", city: \"<header>\"}"));
}

TEST(RequiredColumns, MisspelledHeadersAreSuggested) {
  const Status s = CheckRequiredColumns(Map({"Adress", "Citty", "State"}));
  EXPECT_THAT(s.message(), HasSubstr("\"Adress\" → address (alias \"address\")"));
  EXPECT_THAT(s.message(), HasSubstr("\"Citty\" → city (alias \"city\")"));
  EXPECT_THAT(s.message(), HasSubstr("columns: {address: \"Adress\", city: \"Citty\"}"));
}

TEST(RequiredColumns, OnlyTheMissingFieldIsReported) {
  const Status s = CheckRequiredColumns(Map({"Address", "Municipality Name"}));
  EXPECT_EQ(s.code(), ErrorCode::kMissingRequiredColumns);
  EXPECT_THAT(s.message(),
              HasSubstr("no city column: headers found were \"Address\", \"Municipality Name\""));
  EXPECT_THAT(s.message(), HasSubstr("\"Municipality Name\" → city (alias \"municipality\")"));
  EXPECT_THAT(s.message(), ::testing::Not(HasSubstr("address:")));
}

TEST(RequiredColumns, AbbreviationsAreRankedBeforeLooseSpellings) {
  const Status s = CheckRequiredColumns(Map({"City", "Adress", "Prop Addr"}));
  EXPECT_THAT(s.message(), HasSubstr("Did you mean \"Prop Addr\" → address (alias \"property address\") or "
                                     "\"Adress\" → address (alias \"address\")?"));
}

TEST(RequiredColumns, ColumnsAlreadyMappedToAnotherFieldAreNotSuggested) {
  const Status s = CheckRequiredColumns(Map({"Address", "Site State"}));
  EXPECT_THAT(s.message(), HasSubstr("No header resembles city"));
}

TEST(RequiredColumns, AnEmptyHeaderRowIsReportedAsSuch) {
  const Status s = CheckRequiredColumns(Map({}));
  EXPECT_THAT(s.message(), HasSubstr("no address or city columns: the header row has no columns"));
}

TEST(RequiredColumns, LongHeaderRowsAreAbbreviatedInTheMessage) {
  std::vector<std::string> header;
  for (int i = 1; i <= 50; ++i) header.push_back("Col" + std::to_string(i));
  const Status s = CheckRequiredColumns(Map(header));
  EXPECT_THAT(s.message(), HasSubstr("\"Col40\" and 10 more"));
  EXPECT_THAT(s.message(), ::testing::Not(HasSubstr("\"Col41\"")));
}

}  // namespace
}  // namespace header_mapping_test
}  // namespace flexpipe
