// fields.md, "Header matching": lower-case, runs of non-alphanumerics → one space, trim.
#include "schema/header_normalize.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace header_normalize_test {
namespace {

TEST(NormalizeHeader, SpellingsOfOneHeaderFromTheSpecAgree) {
  EXPECT_EQ(NormalizeHeader("Building SqFt"), "building sqft");
  EXPECT_EQ(NormalizeHeader("building_sqft"), "building sqft");
  EXPECT_EQ(NormalizeHeader(" BUILDING-SQFT "), "building sqft");
}

TEST(NormalizeHeader, EveryRunOfOtherCharactersBecomesOneSpace) {
  EXPECT_EQ(NormalizeHeader("Sale Date (MM/DD/YYYY)"), "sale date mm dd yyyy");
  EXPECT_EQ(NormalizeHeader("Owner #1"), "owner 1");
  EXPECT_EQ(NormalizeHeader("Lot Size -- SqFt"), "lot size sqft");
  EXPECT_EQ(NormalizeHeader("Zip\tCode\r\n"), "zip code");
}

TEST(NormalizeHeader, LeadingAndTrailingSeparatorsAreDropped) {
  EXPECT_EQ(NormalizeHeader("__Address__"), "address");
  EXPECT_EQ(NormalizeHeader("  (City)  "), "city");
}

TEST(NormalizeHeader, DigitsAreKeptAndJoinedToLetters) {
  EXPECT_EQ(NormalizeHeader("Address2"), "address2");
  EXPECT_EQ(NormalizeHeader("SITE_ADDR_1"), "site addr 1");
}

TEST(NormalizeHeader, NonAsciiBytesCountAsSeparators) {
  EXPECT_EQ(NormalizeHeader("Gr\xC3\xB6\xC3\x9F"
                            "e m\xC2\xB2"),
            "gr e m");  // "Größe m²"
  EXPECT_EQ(NormalizeHeader("\xEF\xBB\xBF"
                            "Address"),
            "address");  // UTF-8 byte-order mark
  EXPECT_EQ(NormalizeHeader("Caf\xC3\xA9 Name"), "caf name");
}

TEST(NormalizeHeader, HeadersWithoutLettersOrDigitsBecomeEmpty) {
  EXPECT_EQ(NormalizeHeader(""), "");
  EXPECT_EQ(NormalizeHeader("   "), "");
  EXPECT_EQ(NormalizeHeader("--#--"), "");
}

TEST(NormalizeHeader, IsIdempotent) {
  for (const char* h : {"Building SqFt", " A__b  C ", "x", "Sale Date (MM/DD/YYYY)"}) {
    const std::string once = NormalizeHeader(h);
    EXPECT_EQ(NormalizeHeader(once), once) << h;
  }
}

}  // namespace
}  // namespace header_normalize_test
}  // namespace flexpipe
