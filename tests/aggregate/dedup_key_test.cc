#include "aggregate/dedup_key.h"

#include <gtest/gtest.h>

namespace flexpipe {
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

TEST(DedupKey, AllEmptyPartsMeanNoKey) {
  const std::string_view texts[] = {"  ", "", ""};
  std::string out;
  EXPECT_FALSE(BuildDedupKey(kKey, texts, &out));
  const std::string_view some[] = {"", "Jupiter", ""};
  EXPECT_TRUE(BuildDedupKey(kKey, some, &out));
}

}  // namespace
}  // namespace flexpipe
