#include "generate/value_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <string>

namespace flexpipe::gen {
namespace value_format_test {
namespace {

// The reading of docs/fields.md: drop '$', ',' and surrounding spaces;
// "(x)" is negative; a trailing '%' is dropped.
double ParseLikeTheSpec(std::string s) {
  std::string t;
  for (char c : s) {
    if (c != '$' && c != ',' && c != ' ') t.push_back(c);
  }
  bool negative = false;
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    negative = true;
    t = t.substr(1, t.size() - 2);
  }
  if (!t.empty() && t.back() == '%') t.pop_back();
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  EXPECT_EQ(*end, '\0') << "not a number: [" << s << "]";
  return negative ? -v : v;
}

TEST(GenerateValueFormat, FixedWritesScaledIntegersExactly) {
  std::string s;
  AppendFixed(&s, 25000, 4, 0);
  EXPECT_EQ(s, "2.5");
  s.clear();
  AppendFixed(&s, 25000, 4, 2);
  EXPECT_EQ(s, "2.50");
  s.clear();
  AppendFixed(&s, 200000, 4, 0);
  EXPECT_EQ(s, "20");
  s.clear();
  AppendFixed(&s, 4999, 4, 0);
  EXPECT_EQ(s, "0.4999");
  s.clear();
  AppendFixed(&s, -802854, 4, 0);
  EXPECT_EQ(s, "-80.2854");
  s.clear();
  AppendFixed(&s, 1987, 0, 1);
  EXPECT_EQ(s, "1987.0");
}

TEST(GenerateValueFormat, GroupedPutsCommasEveryThreeDigits) {
  std::string s;
  AppendGrouped(&s, 1234567);
  EXPECT_EQ(s, "1,234,567");
  s.clear();
  AppendGrouped(&s, 999);
  EXPECT_EQ(s, "999");
  s.clear();
  AppendGrouped(&s, 1000);
  EXPECT_EQ(s, "1,000");
}

TEST(GenerateValueFormat, EverySpellingOfANumberReadsBackAsThatNumber) {
  Rng rng(7);
  for (int i = 0; i < 20000; ++i) {
    const int decimals = static_cast<int>(rng.Below(5));
    const int64_t scaled = rng.Between(-5'000'000, 50'000'000);
    std::string s;
    AppendNumber(rng, &s, scaled, decimals);
    ASSERT_EQ(ParseLikeTheSpec(s), static_cast<double>(scaled) / std::pow(10.0, decimals)) << s;
  }
}

TEST(GenerateValueFormat, EverySpellingOfMoneyReadsBackAsThatAmount) {
  Rng rng(8);
  bool saw_accounting_negative = false;
  bool saw_scientific = false;
  for (int i = 0; i < 20000; ++i) {
    const int64_t dollars = rng.Chance(100) ? -1000 * rng.Between(1, 50) : 1000 * rng.Between(0, 9000);
    std::string s;
    AppendMoney(rng, &s, dollars);
    saw_accounting_negative |= s.front() == '(';
    saw_scientific |= s.find('e') != std::string::npos;
    ASSERT_EQ(ParseLikeTheSpec(s), static_cast<double>(dollars)) << s;
  }
  EXPECT_TRUE(saw_accounting_negative);
  EXPECT_TRUE(saw_scientific);
}

TEST(GenerateValueFormat, OccupancyMeansTheSameShareInEverySpelling) {
  Rng rng(9);
  for (int64_t pct = 0; pct <= 100; ++pct) {
    for (int k = 0; k < 20; ++k) {
      std::string s;
      AppendOccupancy(rng, &s, pct);
      double v = ParseLikeTheSpec(s);
      if (v > 1) v /= 100;  // scoring.md: values above 1 are percentages
      ASSERT_NEAR(v, static_cast<double>(pct) / 100, 1e-12) << s;
    }
  }
}

TEST(GenerateValueFormat, DatesComeInEveryFormatOfTheFieldSpec) {
  Rng rng(10);
  const Date d = FromCivil(2025, 3, 14);
  std::set<std::string> seen;
  for (int i = 0; i < 400; ++i) {
    std::string s;
    AppendDate(rng, &s, d);
    seen.insert(s);
  }
  for (const char* expected : {"2025-03-14", "03/14/2025", "3/14/25", "March 14, 2025", "14-Mar-2025",
                               "2025-03-14 00:00:00", "1741910400000", "1741928400000"}) {
    EXPECT_TRUE(seen.count(expected)) << expected;
  }
}

TEST(GenerateValueFormat, TwoDigitYearsAreOnlyUsedWhereTheyAreUnambiguous) {
  Rng rng(11);
  for (int i = 0; i < 400; ++i) {
    std::string s;
    AppendDate(rng, &s, FromCivil(1998, 7, 4));
    EXPECT_NE(s, "7/4/98");
  }
}

}  // namespace
}  // namespace value_format_test
}  // namespace flexpipe::gen
