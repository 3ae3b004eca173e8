// Canonical output text of values, and the plain-number test of the CSV writer.
#include "schema/value_format.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "schema/value_parse.h"

namespace flexpipe {
namespace value_format_test {
namespace {

std::string Number(double x) {
  std::string out;
  AppendNumber(x, &out);
  return out;
}

std::string Canonical(const FieldValue& v, FieldType type) {
  std::string out = "[";
  AppendCanonical(v, type, &out);
  return out + "]";
}

FieldValue Present(double number, std::string_view text = {}) {
  FieldValue v;
  v.number = number;
  v.text = text;
  v.present = true;
  return v;
}

TEST(AppendNumber, WritesTheShortestDecimalThatReadsBack) {
  EXPECT_EQ(Number(1234.5), "1234.5");
  EXPECT_EQ(Number(2569458), "2569458");
  EXPECT_EQ(Number(-80.59), "-80.59");
  EXPECT_EQ(Number(0.0001), "0.0001");
  EXPECT_EQ(Number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(Number(1.0111), "1.0111");
}

TEST(AppendNumber, UsesNoExponentBetweenAMillionthAndTenQuadrillion) {
  EXPECT_EQ(Number(1200000), "1200000");
  EXPECT_EQ(Number(1e15), "1000000000000000");
  EXPECT_EQ(Number(8434605080000130.0), "8434605080000130");
  EXPECT_EQ(Number(1e-6), "0.000001");
  EXPECT_EQ(Number(-2.5e-6), "-0.0000025");
}

TEST(AppendNumber, UsesAnExponentOutsideThatRange) {
  EXPECT_EQ(Number(1e16), "1e+16");
  EXPECT_EQ(Number(2.5e-7), "2.5e-07");
  EXPECT_EQ(Number(-1.5e20), "-1.5e+20");
}

TEST(AppendNumber, WritesZeroWithoutASign) {
  EXPECT_EQ(Number(0.0), "0");
  EXPECT_EQ(Number(-0.0), "0");
}

TEST(AppendNumber, AppendsToWhatIsThere) {
  std::string out = "x=";
  AppendNumber(42, &out);
  EXPECT_EQ(out, "x=42");
}

TEST(AppendNumber, RoundTripsThroughParseNumber) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> exponent(-12, 20);
  std::uniform_real_distribution<double> mantissa(-10, 10);
  for (int i = 0; i < 20000; ++i) {
    const double x = mantissa(rng) * std::pow(10.0, exponent(rng));
    const std::string text = Number(x);
    ASSERT_EQ(ParseNumber(text), x) << text;
  }
}

TEST(AppendCanonical, WritesEachFieldTypeCanonically) {
  EXPECT_EQ(Canonical(Present(0, "3151 SW 14TH PL"), FieldType::kText), "[3151 SW 14TH PL]");
  EXPECT_EQ(Canonical(Present(0, "08434605080000130"), FieldType::kId), "[08434605080000130]");
  EXPECT_EQ(Canonical(Present(1234.5, "$1,234.50"), FieldType::kMoney), "[1234.5]");
  EXPECT_EQ(Canonical(Present(1200000, "1.2e6"), FieldType::kNumber), "[1200000]");
  EXPECT_EQ(Canonical(Present(1984, "1984.0"), FieldType::kInteger), "[1984]");
  EXPECT_EQ(Canonical(Present(FromCivil(2015, 2, 12).days, "1423717200000.0"), FieldType::kDate),
            "[2015-02-12]");
  EXPECT_EQ(Canonical(Present(FromCivil(1901, 1, 1).days), FieldType::kDate), "[1901-01-01]");
  EXPECT_EQ(Canonical(Present(1, "Y"), FieldType::kBoolean), "[true]");
  EXPECT_EQ(Canonical(Present(0, "no"), FieldType::kBoolean), "[false]");
}

TEST(AppendCanonical, MissingValuesWriteNothing) {
  FieldValue missing;
  EXPECT_EQ(Canonical(missing, FieldType::kText), "[]");
  EXPECT_EQ(Canonical(missing, FieldType::kNumber), "[]");
  FieldValue failed;
  failed.text = "TBD";
  failed.parse_failed = true;
  EXPECT_EQ(Canonical(failed, FieldType::kNumber), "[]") << "an unparsable cell is missing";
}

TEST(AppendDate, PadsYearMonthAndDay) {
  std::string out;
  AppendDate(FromCivil(987, 3, 4), &out);
  EXPECT_EQ(out, "0987-03-04");
}

TEST(LooksNumeric, PlainNumbersLookNumeric) {
  for (const char* s : {"-80.59", "+5", "1234", "0", "1e5", "-1.5E-3", ".5", "5.", "08434605080000130"}) {
    EXPECT_TRUE(LooksNumeric(s)) << s;
  }
}

TEST(LooksNumeric, FormulasAndDecoratedNumbersDoNot) {
  for (const char* s : {"",   "-",  "+",   ".",   "=1+2",  "-1+2", "+A1",  "@SUM(A1)", "-1,234", "$5",  " 5",
                        "5 ", "1e", "1e+", "--5", "1.2.3", "inf",  "-nan", "(1)",      "95%",    "0x10"}) {
    EXPECT_FALSE(LooksNumeric(s)) << "'" << s << "'";
  }
}

}  // namespace
}  // namespace value_format_test
}  // namespace flexpipe
