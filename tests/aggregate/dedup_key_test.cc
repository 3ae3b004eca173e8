#include "aggregate/dedup_key.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace dedup_key_test {
namespace {

constexpr Field kKey[] = {Field::kAddress, Field::kCity, Field::kState};

std::string Key(std::string_view address, std::string_view city, std::string_view state) {
  const std::string_view texts[] = {address, city, state};
  std::string out;
  BuildDedupKey(kKey, texts, &out);
  return out;
}

TEST(DedupKey, LowerCasesTrimsAndCollapsesWhiteSpace) {
  EXPECT_EQ(Key("  123   MAIN  st ", " Boca  Raton", "fl "), "123 main st|boca raton|fl");
}

TEST(DedupKey, AbbreviatesWholeAddressWordsOnly) {
  EXPECT_EQ(Key("100 North Industrial Street", "X", "FL"), "100 n industrial st|x|fl");
  EXPECT_EQ(Key("7 West Avenue Boulevard Drive Road Lane Court Place Circle Parkway South East", "", ""),
            "7 w ave blvd dr rd ln ct pl cir pkwy s e||");
  // Not whole words: untouched.
  EXPECT_EQ(Key("1 Northlake Streets", "", ""), "1 northlake streets||");
  // Only the address is abbreviated.
  EXPECT_EQ(Key("", "North Palm Beach", ""), "|north palm beach|");
}

TEST(DedupKey, DropsDotsCommasAndHashesFromTheAddressAfterAbbreviating) {
  EXPECT_EQ(Key("3151 S.W. 14th Street, #5", "", ""), "3151 sw 14th st 5||");
  EXPECT_EQ(Key("3151 SW 14TH ST", "", ""), Key("3151 sw 14th street.", "", ""));
}

TEST(DedupKey, LowerCasesEveryLetterNotOnlyAscii) {
  EXPECT_EQ(Key("1 CAFÉ STREET", "SÃO PAULO", "ÑA"), Key("1 café st", "são paulo", "ña"));
  EXPECT_EQ(Key("ΘΕΑ 5", "МОСКВА", ""), "θεα 5|москва|");
  EXPECT_EQ(Key("Straße", "", ""), "straße||");  // no upper case of its own: as it is
  EXPECT_EQ(Key("ẞ 1", "", ""), "ß 1||");        // capital sharp s
  // Bytes that are not UTF-8 are kept as they are, and never merge with the letter.
  EXPECT_EQ(Key("caf\xC9 1", "", ""), "caf\xC9 1||");
  EXPECT_NE(Key("caf\xC9 1", "", ""), Key("café 1", "", ""));
  EXPECT_EQ(Key("\xE2\x82", "", ""), "\xE2\x82||");  // cut short
}

TEST(DedupKey, ASeparatorInsideAFieldCannotMakeTwoPropertiesOne) {
  EXPECT_NE(Key("x|y", "z", ""), Key("x", "y|z", ""));
  EXPECT_EQ(Key("x|y", "z", ""), "x\\|y|z|");
  EXPECT_NE(Key("a\\", "|b", ""), Key("a\\|", "b", ""));
  EXPECT_EQ(Key("1 Main St.|#2", "", ""), "1 main st\\|2||");  // escaped after the address is cleaned
}

TEST(DedupKey, AllEmptyPartsMeanNoKey) {
  const std::string_view texts[] = {"  ", "", ""};
  std::string out;
  EXPECT_FALSE(BuildDedupKey(kKey, texts, &out));
  const std::string_view some[] = {"", "Jupiter", ""};
  EXPECT_TRUE(BuildDedupKey(kKey, some, &out));
}

}  // namespace
}  // namespace dedup_key_test
}  // namespace flexpipe
