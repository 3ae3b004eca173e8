// scoring.md: "Round to 2 decimals the way Python's round(x, 2) does".
#include "score/round.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "test_util.h"

namespace flexpipe {
namespace round_test {
namespace {

using testing::SameBits;

struct PythonCase {
  double x;
  double rounded;
};

constexpr PythonCase kPythonCases[] = {
#include "score/python_round_cases.inc"
};

TEST(RoundHalfEven2, MatchesPythonRoundOnEveryTabulatedValue) {
  ASSERT_GT(std::size(kPythonCases), 500u);
  for (const PythonCase& c : kPythonCases) {
    EXPECT_TRUE(SameBits(RoundHalfEven2(c.x), c.rounded))
        << "round(" << c.x << ", 2): expected " << c.rounded << ", got " << RoundHalfEven2(c.x);
  }
}

TEST(RoundHalfEven2, RoundsTheExactBinaryValueTiesToEven) {
  EXPECT_EQ(RoundHalfEven2(0.125), 0.12);  // exact tie → even
  EXPECT_EQ(RoundHalfEven2(0.375), 0.38);  // exact tie → even
  EXPECT_EQ(RoundHalfEven2(2.675), 2.67);  // really 2.67499999…
  EXPECT_EQ(RoundHalfEven2(1.005), 1.0);   // really 1.00499999…
  EXPECT_EQ(RoundHalfEven2(0.015), 0.01);  // really 0.01499999…
  EXPECT_EQ(RoundHalfEven2(4.818181818181818), 4.82);
}

TEST(RoundHalfEven2, IsNotFloorOfTimesHundredPlusHalf) {
  // The naive formula rounds ties up and works on the product, not on x.
  EXPECT_EQ(std::floor(0.125 * 100 + 0.5) / 100, 0.13);
  EXPECT_EQ(RoundHalfEven2(0.125), 0.12);
  EXPECT_EQ(std::floor(2.675 * 100 + 0.5) / 100, 2.68);  // 2.675 is really 2.67499999…
  EXPECT_EQ(RoundHalfEven2(2.675), 2.67);
  EXPECT_EQ(std::floor(1.115 * 100 + 0.5) / 100, 1.12);  // 1.115 is really 1.11499999…
  EXPECT_EQ(RoundHalfEven2(1.115), 1.11);
}

TEST(RoundHalfEven2, KeepsNonFiniteValuesAndTheSignOfZero) {
  EXPECT_TRUE(std::isnan(RoundHalfEven2(std::nan(""))));
  EXPECT_EQ(RoundHalfEven2(std::numeric_limits<double>::infinity()), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::signbit(RoundHalfEven2(-0.004)));
  EXPECT_FALSE(std::signbit(RoundHalfEven2(0.004)));
}

TEST(RoundHalfEven2, FastPathAgreesWithPrintingOnRandomAndNearTieValues) {
  std::mt19937_64 rng(611);
  std::uniform_real_distribution<double> score(0.0, 10.5);
  std::uniform_int_distribution<int> cents(0, 200000);
  for (int i = 0; i < 200000; ++i) {
    const double x = score(rng);
    ASSERT_TRUE(SameBits(RoundHalfEven2(x), internal::RoundHalfEven2ByPrinting(x))) << x;
    // The decimal ties k/200 and their neighbours one and two ulps away.
    double tie = cents(rng) / 200.0 - 500.0;
    for (int step = 0; step < 2; ++step) tie = std::nextafter(tie, -1e9);
    for (int step = 0; step < 5; ++step, tie = std::nextafter(tie, 1e9)) {
      ASSERT_TRUE(SameBits(RoundHalfEven2(tie), internal::RoundHalfEven2ByPrinting(tie))) << tie;
    }
  }
}

TEST(FormatScore, PrintsTwoFixedDecimals) {
  EXPECT_EQ(FormatScore(10.0), "10.00");
  EXPECT_EQ(FormatScore(4.82), "4.82");
  EXPECT_EQ(FormatScore(0.0), "0.00");
  EXPECT_EQ(FormatScore(-0.0), "0.00");
  EXPECT_EQ(FormatScore(7.5), "7.50");
  EXPECT_EQ(FormatScore(4.818181818181818), "4.82");
  EXPECT_EQ(FormatScore(0.125), "0.12");
  EXPECT_EQ(FormatScore(1234567.891), "1234567.89");
}

}  // namespace
}  // namespace round_test
}  // namespace flexpipe
