#include "core/date.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace date_test {
namespace {

TEST(Date, EpochIsDayZero) { EXPECT_EQ(FromCivil(1970, 1, 1).days, 0); }

TEST(Date, RoundTripsThroughCivil) {
  for (int32_t d = -800000; d < 800000; d += 97) {
    const CivilDate c = ToCivil(Date{d});
    EXPECT_EQ(FromCivil(c.year, c.month, c.day).days, d);
  }
}

TEST(Date, ParsesStrictIso) {
  EXPECT_EQ(ParseIsoDate("2025-03-14")->days, FromCivil(2025, 3, 14).days);
  EXPECT_FALSE(ParseIsoDate("2025-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-3-14").has_value());
  EXPECT_EQ(FormatIso(FromCivil(2024, 2, 29)), "2024-02-29");
}

}  // namespace
}  // namespace date_test
}  // namespace flexpipe
