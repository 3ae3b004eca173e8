#include "read/xlsx/cell_text.h"

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace flexpipe {
namespace cell_text_test {
namespace {

std::optional<std::string> Number(std::string_view raw) {
  std::string out = "[";
  if (!AppendNumberText(raw, &out)) {
    EXPECT_EQ(out, "[") << "appended on failure: " << raw;
    return std::nullopt;
  }
  EXPECT_EQ(out[0], '[') << "appends, does not assign";
  return out.substr(1);
}

std::optional<std::string> Serial(double serial, bool date1904 = false) {
  std::string out = "[";
  if (!AppendSerialDateText(serial, date1904, &out)) {
    EXPECT_EQ(out, "[") << "appended on failure: " << serial;
    return std::nullopt;
  }
  return out.substr(1);
}

TEST(CellTextTest, IntegralNumbersPrintAsIntegers) {
  EXPECT_EQ(Number("8434605080000130"), "8434605080000130");
  EXPECT_EQ(Number("8.4346050800001296E+15"),
            "8434605080000130");  // Excel's 17-digit spelling of a parcel ID
  EXPECT_EQ(Number("100"), "100");
  EXPECT_EQ(Number("1.0"), "1");
  EXPECT_EQ(Number("1E+2"), "100");
  EXPECT_EQ(Number("2.5E+3"), "2500");
  EXPECT_EQ(Number("-42"), "-42");
  EXPECT_EQ(Number("-4.2e1"), "-42");
  EXPECT_EQ(Number("007"), "7");
  EXPECT_EQ(Number("+5"), "5");
  EXPECT_EQ(Number("9.99e20"), "999000000000000000000");
  // Past int64: the shortest digits padded with zeros, not the exact expansion.
  EXPECT_EQ(Number("9.2233720368547758E+18"), "9223372036854776000");
  EXPECT_EQ(Number("1.2345678901234567E+19"), "12345678901234567000");
}

TEST(CellTextTest, ZeroHasNoSign) {
  EXPECT_EQ(Number("0"), "0");
  EXPECT_EQ(Number("-0"), "0");
  EXPECT_EQ(Number("-0.0"), "0");
  EXPECT_EQ(Number("000"), "0");
  EXPECT_EQ(Number("0E+5"), "0");
  EXPECT_EQ(Number("1e-400"), "0");  // underflows to zero
}

TEST(CellTextTest, PlainIntegersKeepEveryDigit) {
  // Beyond double precision (2^53 + 1, 20 digits): copied, not rounded.
  EXPECT_EQ(Number("9007199254740993"), "9007199254740993");
  EXPECT_EQ(Number("12345678901234567890"), "12345678901234567890");
  EXPECT_EQ(Number("-999999999999999999999"), "-999999999999999999999");  // 21 digits
  // 22 digits is at least 1e21: exponent form.
  EXPECT_EQ(Number("1000000000000000000000"), "1E+21");
}

TEST(CellTextTest, FractionsAreShortestRoundTrip) {
  EXPECT_EQ(Number("1234.5"), "1234.5");
  EXPECT_EQ(Number("0.1"), "0.1");
  EXPECT_EQ(Number("1E-3"), "0.001");
  EXPECT_EQ(Number("-1.5"), "-1.5");
  EXPECT_EQ(Number("45000.5"), "45000.5");
  EXPECT_EQ(Number("-12345.678"), "-12345.678");
  EXPECT_EQ(Number("0.30000000000000004"), "0.30000000000000004");
  EXPECT_EQ(Number("3.3333333333333335"), "3.3333333333333335");
  EXPECT_EQ(Number("0.1000000000000000055511151231257827"), "0.1");
  EXPECT_EQ(Number("1e-6"), "0.000001");
  EXPECT_EQ(Number("123456789012345.67"), "123456789012345.67");
  EXPECT_EQ(Number(".5"), "0.5");
  EXPECT_EQ(Number("5."), "5");
  EXPECT_EQ(Number("1.50"), "1.5");
  EXPECT_EQ(Number("00.25"), "0.25");
  EXPECT_EQ(Number("-0.5"), "-0.5");
  EXPECT_EQ(Number("0.000001"), "0.000001");
  EXPECT_EQ(Number("0.0000015"), "0.0000015");
  EXPECT_EQ(Number("0.0000001"), "1E-07");
  EXPECT_EQ(Number("123456789012.345"), "123456789012.345");      // 15 digits: copied
  EXPECT_EQ(Number("1234567890123.4567"), "1234567890123.4568");  // 17 digits: the double's shortest
  EXPECT_EQ(Number("0.12345678901234567"), "0.12345678901234566");
}

// The copy shortcuts for plain integers and decimals print what the general
// path (parse, then shortest round-trip) prints.
TEST(CellTextTest, ShortcutsAgreeWithTheGeneralPath) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 200000; ++i) {
    const int int_digits = static_cast<int>(rng() % 9);
    const int frac_digits = static_cast<int>(rng() % 9);
    std::string raw = rng() % 4 == 0 ? "-" : "";
    for (int d = 0; d < int_digits; ++d) raw += static_cast<char>('0' + rng() % 10);
    if (int_digits == 0) raw += '0';
    if (frac_digits > 0) raw += '.';
    for (int d = 0; d < frac_digits; ++d) raw += static_cast<char>('0' + (rng() % 3 == 0 ? 0 : rng() % 10));
    std::string shortcut;
    ASSERT_TRUE(AppendNumberText(raw, &shortcut)) << raw;
    // The general path, by way of a spelling the shortcuts do not take.
    std::string general;
    ASSERT_TRUE(AppendNumberText(raw + "e0", &general)) << raw;
    ASSERT_EQ(shortcut, general) << raw;
  }
}

TEST(CellTextTest, TinyAndHugeValuesUseAnExponent) {
  EXPECT_EQ(Number("1.5e-7"), "1.5E-07");
  EXPECT_EQ(Number("-2.5E-10"), "-2.5E-10");
  EXPECT_EQ(Number("1e21"), "1E+21");
  EXPECT_EQ(Number("123456789012345678901234"), "1.2345678901234569E+23");
  EXPECT_EQ(Number("1.7976931348623157E+308"), "1.7976931348623157E+308");
  EXPECT_EQ(Number("4.9406564584124654E-324"), "5E-324");
}

TEST(CellTextTest, NonNumbersAreRejected) {
  for (const char* raw :
       {"",    "abc", "1,5", " 1", "1 ", "inf",  "-inf", "nan",   "NaN",  "infinity", "1e400",
        "--1", "+-1", "++1", "+",  "-",  "0x10", "1e",   "1.2.3", "#N/A", "TRUE",     "1e+"}) {
    EXPECT_EQ(Number(raw), std::nullopt) << raw;
  }
}

TEST(CellTextTest, ExcelSerialDates1900) {
  EXPECT_EQ(Serial(1), "1900-01-01");
  EXPECT_EQ(Serial(2), "1900-01-02");
  EXPECT_EQ(Serial(32), "1900-02-01");
  EXPECT_EQ(Serial(59), "1900-02-28");
  EXPECT_EQ(Serial(60), std::nullopt);  // the 1900-02-29 that never was
  EXPECT_EQ(Serial(61), "1900-03-01");
  EXPECT_EQ(Serial(367), "1901-01-01");
  EXPECT_EQ(Serial(25569), "1970-01-01");
  EXPECT_EQ(Serial(36526), "2000-01-01");
  EXPECT_EQ(Serial(36585), "2000-02-29");
  EXPECT_EQ(Serial(44927), "2023-01-01");
  EXPECT_EQ(Serial(45000), "2023-03-15");
  EXPECT_EQ(Serial(2958465), "9999-12-31");
}

TEST(CellTextTest, ExcelSerialDatesWithTimes) {
  EXPECT_EQ(Serial(45000.5), "2023-03-15 12:00:00");
  EXPECT_EQ(Serial(1.25), "1900-01-01 06:00:00");
  EXPECT_EQ(Serial(43831.75), "2020-01-01 18:00:00");
  EXPECT_EQ(Serial(45000 + (13 * 3600 + 14 * 60 + 15) / 86400.0), "2023-03-15 13:14:15");
  EXPECT_EQ(Serial(45000.0000115), "2023-03-15 00:00:01");  // 0.99 s rounds up
  EXPECT_EQ(Serial(45000.000005), "2023-03-15");            // 0.43 s rounds down
  EXPECT_EQ(Serial(45000.999999), "2023-03-16");            // rounds to the next midnight
  EXPECT_EQ(Serial(2958465.99999), "9999-12-31 23:59:59");
  EXPECT_EQ(Serial(59.5), "1900-02-28 12:00:00");
}

TEST(CellTextTest, ExcelSerialDates1904) {
  EXPECT_EQ(Serial(0, true), "1904-01-01");
  EXPECT_EQ(Serial(1, true), "1904-01-02");
  EXPECT_EQ(Serial(0.5, true), "1904-01-01 12:00:00");
  EXPECT_EQ(Serial(43538, true), "2023-03-15");  // 45000 in the 1900 system
  EXPECT_EQ(Serial(2957003, true), "9999-12-31");
  EXPECT_EQ(Serial(2957004, true), std::nullopt);
}

TEST(CellTextTest, SerialsOutOfRange) {
  EXPECT_EQ(Serial(0), std::nullopt);    // "1900-01-00" in Excel
  EXPECT_EQ(Serial(0.5), std::nullopt);  // a time of day alone
  EXPECT_EQ(Serial(-1), std::nullopt);
  EXPECT_EQ(Serial(-0.5, true), std::nullopt);
  EXPECT_EQ(Serial(2958466), std::nullopt);
  EXPECT_EQ(Serial(2958465.999999999), std::nullopt);  // rounds into year 10000
  EXPECT_EQ(Serial(1e300), std::nullopt);
  EXPECT_EQ(Serial(std::nan("")), std::nullopt);
  EXPECT_EQ(Serial(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(Serial(60.25), std::nullopt);
}

}  // namespace
}  // namespace cell_text_test
}  // namespace flexpipe
