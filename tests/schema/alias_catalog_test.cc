// The alias table of fields.md, as the mapping sees it.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "flexpipe/fields.h"
#include "schema/alias_index.h"
#include "schema/header_mapping.h"
#include "schema/header_normalize.h"

namespace flexpipe {
namespace alias_catalog_test {
namespace {

// "property address" → "Property_Address": how a header might be written.
std::string HeaderStyle(std::string_view alias) {
  std::string out;
  bool start = true;
  for (const char c : alias) {
    if (c == ' ') {
      out.push_back('_');
      start = true;
    } else {
      out.push_back(start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
      start = false;
    }
  }
  return out;
}

TEST(AliasCatalog, EveryAliasIsAlreadyNormalised) {
  for (const FieldInfo& info : AllFields()) {
    for (std::string_view alias : info.aliases) EXPECT_EQ(NormalizeHeader(alias), alias) << info.name;
  }
}

TEST(AliasCatalog, NoAliasBelongsToTwoFields) {
  std::set<std::string_view> seen;
  for (const FieldInfo& info : AllFields()) {
    for (std::string_view alias : info.aliases) EXPECT_TRUE(seen.insert(alias).second) << alias;
  }
}

TEST(AliasCatalog, EveryAliasLooksUpItsField) {
  for (const FieldInfo& info : AllFields()) {
    for (std::string_view alias : info.aliases) {
      ASSERT_TRUE(FieldForAlias(alias).has_value()) << alias;
      EXPECT_EQ(*FieldForAlias(alias), info.field) << alias;
    }
  }
  EXPECT_FALSE(FieldForAlias("flex score").has_value());
  EXPECT_FALSE(FieldForAlias("Address").has_value()) << "lookup takes normalised text";
}

TEST(AliasCatalog, EveryAliasAsAFileHeaderMapsToItsField) {
  for (const FieldInfo& info : AllFields()) {
    for (std::string_view alias : info.aliases) {
      const std::vector<std::string> header = {"Unrelated", HeaderStyle(alias)};
      const Result<HeaderMapping> m = MapHeader(header, {});
      ASSERT_TRUE(m.ok());
      EXPECT_EQ(m->ColumnOf(info.field), 1u) << header[1] << " should map to " << info.name;
      EXPECT_EQ(m->passthrough_columns(), std::vector<size_t>{0});
    }
  }
}

TEST(AliasCatalog, EveryCanonicalNameAsAFileHeaderMapsToItsField) {
  for (const FieldInfo& info : AllFields()) {
    const std::vector<std::string> header = {"Unrelated", std::string(info.name)};
    const Result<HeaderMapping> m = MapHeader(header, {});
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->ColumnOf(info.field), 1u) << info.name;
  }
  EXPECT_EQ(FieldForAlias("total value"), Field::kTotalValue) << "total_value is in no alias list";
}

TEST(AliasCatalog, FieldTypesFollowTheSpec) {
  EXPECT_EQ(InfoOf(Field::kParcelId).type, FieldType::kId);
  EXPECT_EQ(InfoOf(Field::kZip).type, FieldType::kId);
  EXPECT_EQ(InfoOf(Field::kAddress).type, FieldType::kText);
  EXPECT_EQ(InfoOf(Field::kAcres).type, FieldType::kNumber);
  EXPECT_EQ(InfoOf(Field::kYearBuilt).type, FieldType::kInteger);
  EXPECT_EQ(InfoOf(Field::kImprovementValue).type, FieldType::kMoney);
  EXPECT_EQ(InfoOf(Field::kLandValue).type, FieldType::kMoney);
  EXPECT_EQ(InfoOf(Field::kTotalValue).type, FieldType::kMoney);
  EXPECT_EQ(InfoOf(Field::kSalePrice).type, FieldType::kMoney);
  EXPECT_EQ(InfoOf(Field::kSaleDate).type, FieldType::kDate);
  EXPECT_EQ(InfoOf(Field::kNearHighway).type, FieldType::kBoolean);
  EXPECT_EQ(InfoOf(Field::kLatitude).type, FieldType::kNumber);
}

}  // namespace
}  // namespace alias_catalog_test
}  // namespace flexpipe
