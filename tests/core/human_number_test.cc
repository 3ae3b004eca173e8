#include "core/human_number.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace flexpipe {
namespace human_number_test {
namespace {

TEST(HumanNumber, GroupsThousands) {
  EXPECT_EQ(WithThousands(0), "0");
  EXPECT_EQ(WithThousands(999), "999");
  EXPECT_EQ(WithThousands(1000), "1,000");
  EXPECT_EQ(WithThousands(1234567), "1,234,567");
  EXPECT_EQ(WithThousands(18446744073709551615ull), "18,446,744,073,709,551,615");
}

TEST(HumanNumber, DecimalsAreRoundedFromTheExactValueAndGrouped) {
  EXPECT_EQ(DecimalWithThousands(24567.891, 2), "24,567.89");
  EXPECT_EQ(DecimalWithThousands(-1000, 0), "-1,000");
  EXPECT_EQ(DecimalWithThousands(999.996, 2), "1,000.00");
  EXPECT_EQ(DecimalWithThousands(2.675, 2), "2.67");  // 2.67499999... in binary
  EXPECT_EQ(DecimalWithThousands(-0.001, 2), "0.00");
  EXPECT_EQ(DecimalWithThousands(std::nan(""), 2), "");
  EXPECT_EQ(DecimalWithThousands(std::numeric_limits<double>::infinity(), 0), "");
}

TEST(HumanNumber, MoneyIsWholeDollars) {
  EXPECT_EQ(FormatMoney(2569458.4), "$2,569,458");
  EXPECT_EQ(FormatMoney(0), "$0");
  EXPECT_EQ(FormatMoney(-1000), "-$1,000");
  EXPECT_EQ(FormatMoney(std::nan("")), "");
}

TEST(HumanNumber, AcresHaveTwoDecimals) {
  EXPECT_EQ(FormatAcres(2.5), "2.50");
  EXPECT_EQ(FormatAcres(1234), "1,234.00");
  EXPECT_EQ(FormatAcres(0.001), "< 0.01");
  EXPECT_EQ(FormatAcres(0), "0.00");
}

TEST(HumanNumber, BytesUseDecimalUnits) {
  EXPECT_EQ(FormatBytes(999), "999 B");
  EXPECT_EQ(FormatBytes(12345), "12.3 kB");
  EXPECT_EQ(FormatBytes(2500000), "2.5 MB");
  EXPECT_EQ(FormatBytes(999999), "1.0 MB");
  EXPECT_EQ(FormatBytes(3000000000000000ull), "3,000.0 TB");
}

TEST(HumanNumber, DurationsReadNaturally) {
  EXPECT_EQ(FormatDuration(0.4249), "0.42 s");
  EXPECT_EQ(FormatDuration(12.34), "12.3 s");
  EXPECT_EQ(FormatDuration(125), "2 min 05 s");
  EXPECT_EQ(FormatDuration(3725), "1 h 02 min");
  EXPECT_EQ(FormatDuration(-1), "");
}

TEST(HumanNumber, Percentages) {
  EXPECT_EQ(FormatPercent(934, 1000), "93.4%");
  EXPECT_EQ(FormatPercent(1, 3), "33.3%");
  EXPECT_EQ(FormatPercent(5, 0), "");
}

}  // namespace
}  // namespace human_number_test
}  // namespace flexpipe
