// fields.md, "Values as people write them", and scoring.md's rule for numbers.
#include "schema/value_parse.h"

#include <gtest/gtest.h>

#include <cmath>

namespace flexpipe {
namespace value_parse_test {
namespace {

Date Ymd(int32_t y, uint32_t m, uint32_t d) { return FromCivil(y, m, d); }

// --- Missing markers ---

TEST(IsMissingMarker, TheSpecsMarkersMeanNoValue) {
  for (const char* s : {"", "N/A", "n/a", "NA", "-", "--", "NULL", "null", "None", "#N/A", "NaN", "nan"}) {
    EXPECT_TRUE(IsMissingMarker(s)) << "'" << s << "'";
  }
}

TEST(IsMissingMarker, IgnoresCaseAndSurroundingSpace) {
  EXPECT_TRUE(IsMissingMarker("NONE"));
  EXPECT_TRUE(IsMissingMarker("#n/a"));
  EXPECT_TRUE(IsMissingMarker("  N/A  "));
  EXPECT_TRUE(IsMissingMarker("   "));
}

TEST(IsMissingMarker, PandasMissingValuesAreMarkersToo) {
  EXPECT_TRUE(IsMissingMarker("NaT"));
  EXPECT_TRUE(IsMissingMarker("<NA>"));
}

TEST(IsMissingMarker, RealValuesAreNotMarkers) {
  for (const char* s : {"0", "N", "n/a/b", "NAN1", "Nantucket", "---", "None of the above", "TBD"}) {
    EXPECT_FALSE(IsMissingMarker(s)) << "'" << s << "'";
  }
}

// --- Numbers and money ---

TEST(ParseNumber, ParsesEveryNumberFormatInTheSpec) {
  EXPECT_EQ(ParseNumber("1234"), 1234);
  EXPECT_EQ(ParseNumber("1,234"), 1234);
  EXPECT_EQ(ParseNumber("$1,234.50"), 1234.5);
  EXPECT_EQ(ParseNumber("1.2e6"), 1200000);
  EXPECT_EQ(ParseNumber(" 42 "), 42);
  EXPECT_EQ(ParseNumber("(1,000)"), -1000);
}

TEST(ParseNumber, ParsesSignsDecimalsAndPercentages) {
  EXPECT_EQ(ParseNumber("-80.59"), -80.59);
  EXPECT_EQ(ParseNumber("+5"), 5);
  EXPECT_EQ(ParseNumber("95%"), 95) << "occupancy percentages keep their number";
  EXPECT_EQ(ParseNumber("95 %"), 95);
  EXPECT_EQ(ParseNumber(".5"), 0.5);
  EXPECT_EQ(ParseNumber("1E-3"), 0.001);
  EXPECT_EQ(ParseNumber("2569458.0"), 2569458);
  EXPECT_EQ(ParseNumber("08434605080000130"), 8434605080000130.0);
}

TEST(ParseNumber, ACurrencySignMayStandBeforeOrAfterTheSign) {
  EXPECT_EQ(ParseNumber("-$1,234.50"), -1234.5);
  EXPECT_EQ(ParseNumber("$-1,234.50"), -1234.5);
  EXPECT_EQ(ParseNumber("$ 1,234"), 1234);
  EXPECT_EQ(ParseNumber("($1,000)"), -1000);
  EXPECT_EQ(ParseNumber("( 1,000 )"), -1000);
}

TEST(ParseNumber, CommasAreDroppedWithoutCheckingTheirGrouping) {
  EXPECT_EQ(ParseNumber("1,2,3,4"), 1234);
  EXPECT_EQ(ParseNumber("12,34.5"), 1234.5);
}

TEST(ParseNumber, ZeroIsAlwaysPositive) {
  ASSERT_TRUE(ParseNumber("(0)").has_value());
  EXPECT_FALSE(std::signbit(*ParseNumber("(0)")));
  EXPECT_FALSE(std::signbit(*ParseNumber("-0.0")));
}

TEST(ParseNumber, RejectsTextThatIsNotANumber) {
  for (const char* s :
       {"TBD",  "12 acres", "1.2.3",     "inf",  "-inf", "Infinity", "nan",   "NaN", "1e999",
        "$",    "%",        "()",        "(-5)", "--5",  "+-5",      "1 234", "5-",  "e5",
        "0x10", "1e",       "1,234 USD", "€5",   "12ft", "",         "N/A",   "-",   "five"}) {
    EXPECT_FALSE(ParseNumber(s).has_value()) << "'" << s << "'";
  }
}

TEST(ParseNumber, RejectsImplausiblyLongText) {
  EXPECT_FALSE(ParseNumber(std::string(100, '1')).has_value());
}

TEST(ParseMoney, FollowsTheNumberRules) {
  EXPECT_EQ(ParseMoney("$1,234.50"), 1234.5);
  EXPECT_EQ(ParseMoney("(1,000)"), -1000);
  EXPECT_FALSE(ParseMoney("call for price").has_value());
}

TEST(ParseInteger, AcceptsWholeNumbersHoweverWritten) {
  EXPECT_EQ(ParseInteger("1984"), 1984);
  EXPECT_EQ(ParseInteger("1984.0"), 1984);
  EXPECT_EQ(ParseInteger("1,984"), 1984);
  EXPECT_EQ(ParseInteger("1.984e3"), 1984);
  EXPECT_EQ(ParseInteger("-3"), -3);
}

TEST(ParseInteger, RejectsFractionsAndText) {
  EXPECT_FALSE(ParseInteger("1984.5").has_value());
  EXPECT_FALSE(ParseInteger("circa 1984").has_value());
  EXPECT_FALSE(ParseInteger("").has_value());
}

// --- Dates ---

TEST(ParseDate, ParsesEveryDateFormatInTheSpec) {
  EXPECT_EQ(ParseDate("2025-03-14"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("03/14/2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("3/14/25"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("March 14, 2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("14-Mar-2025"), Ymd(2025, 3, 14));
}

TEST(ParseDate, ParsesOtherCommonLayouts) {
  EXPECT_EQ(ParseDate("Mar 14, 2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("Mar. 14 2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("SEPT 1, 2024"), Ymd(2024, 9, 1));
  EXPECT_EQ(ParseDate("september 1,2024"), Ymd(2024, 9, 1));
  EXPECT_EQ(ParseDate("14 Mar 2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("14 March 2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("14-Mar-25"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025/03/14"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-3-4"), Ymd(2025, 3, 4));
  EXPECT_EQ(ParseDate("03-14-2025"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate(" 2025-03-14 "), Ymd(2025, 3, 14));
}

TEST(ParseDate, IgnoresATimeOfDay) {
  EXPECT_EQ(ParseDate("2025-03-14T10:00:00"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-03-14 10:00:00"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-03-14 10:00:00.123"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-03-14T23:59:59Z"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-03-14 00:00:00+00:00"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("2025-03-14T10:00:00-0500"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("3/14/2025 10:15"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("3/14/2025 10:15:00 AM"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("3/14/2025 12:00:00 pm"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("3/14/2025 9:05 p.m."), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("March 14, 2025 10:15"), Ymd(2025, 3, 14));
  EXPECT_EQ(ParseDate("14-Mar-2025 10:15:00"), Ymd(2025, 3, 14));
}

TEST(ParseDate, TwoDigitYearsPivotLikePythonsPercentY) {
  EXPECT_EQ(ParseDate("1/1/69"), Ymd(1969, 1, 1));
  EXPECT_EQ(ParseDate("1/1/99"), Ymd(1999, 1, 1));
  EXPECT_EQ(ParseDate("1/1/00"), Ymd(2000, 1, 1));
  EXPECT_EQ(ParseDate("12/31/68"), Ymd(2068, 12, 31));
}

TEST(ParseDate, EpochMillisecondsAsPandasWritesThemAreUtcDates) {
  // Rows 1 and 2 of pbc_flex_properties_611.csv.
  EXPECT_EQ(ParseDate("1423717200000.0"), Ymd(2015, 2, 12));
  EXPECT_EQ(ParseDate("825656400000.0"), Ymd(1996, 3, 1)) << "dates before 2001-09-09 have 12 digits";
  EXPECT_EQ(ParseDate("1423717200000"), Ymd(2015, 2, 12));
  EXPECT_EQ(ParseDate("1741996799999"), Ymd(2025, 3, 14)) << "the last millisecond of a UTC day";
  EXPECT_EQ(ParseDate("-315619200000"), Ymd(1960, 1, 1));
  EXPECT_EQ(ParseDate("-315619200001"), Ymd(1959, 12, 31)) << "rounds toward the earlier day";
}

TEST(ParseDate, OtherIntegersAreNotDates) {
  EXPECT_FALSE(ParseDate("1423717200000.5").has_value());
  EXPECT_FALSE(ParseDate("14237172000001").has_value()) << "14 digits";
  EXPECT_FALSE(ParseDate("1423717200").has_value()) << "10 digits";
  EXPECT_FALSE(ParseDate("20250314").has_value());
  EXPECT_FALSE(ParseDate("2025").has_value());
  EXPECT_FALSE(ParseDate("45000").has_value()) << "Excel serials are converted by the XLSX reader";
}

TEST(ParseDate, RejectsImpossibleCalendarDates) {
  EXPECT_FALSE(ParseDate("2025-02-30").has_value());
  EXPECT_FALSE(ParseDate("2/29/2025").has_value());
  EXPECT_EQ(ParseDate("2/29/2024"), Ymd(2024, 2, 29));
  EXPECT_FALSE(ParseDate("2025-13-01").has_value());
  EXPECT_FALSE(ParseDate("2025-00-10").has_value());
  EXPECT_FALSE(ParseDate("March 32, 2025").has_value());
  EXPECT_FALSE(ParseDate("31-Apr-2025").has_value());
}

TEST(ParseDate, DayFirstNumericDatesAreNotGuessed) {
  EXPECT_FALSE(ParseDate("14/03/2025").has_value());
  EXPECT_FALSE(ParseDate("14.03.2025").has_value());
}

TEST(ParseDate, RejectsMalformedText) {
  for (const char* s : {"",
                        "N/A",
                        "TBD",
                        "Smarch 14, 2025",
                        "2025-03",
                        "2025-03-14 junk",
                        "2025-03/14",
                        "3/14/202",
                        "3/14/2025/1",
                        "Mar 14",
                        "14-Mar",
                        "2025-03-14T25:00:00",
                        "2025-03-14T10",
                        "2025-03-14 10:7",
                        "2025-03-14 10:61",
                        "3/14/2025 13:00 PM",
                        "3/14/2025 10:15 XM",
                        "3/14/2025 10:15 Apple",
                        "2025-03-14T",
                        "2025-03-14Z",
                        "123/14/2025",
                        "2025-03-14 10:00:00+5"}) {
    EXPECT_FALSE(ParseDate(s).has_value()) << "'" << s << "'";
  }
}

// --- Booleans ---

TEST(ParseBool, ParsesTheSpecsSpellingsIgnoringCase) {
  for (const char* s : {"true", "TRUE", "True", "yes", "Yes", "y", "Y", "1", "t", "T"}) {
    EXPECT_EQ(ParseBool(s), true) << s;
  }
  for (const char* s : {"false", "False", "no", "NO", "n", "N", "0", "f", "F"}) {
    EXPECT_EQ(ParseBool(s), false) << s;
  }
}

TEST(ParseBool, AcceptsPandasFloatBooleansAndSurroundingSpace) {
  EXPECT_EQ(ParseBool("1.0"), true);
  EXPECT_EQ(ParseBool("0.0"), false);
  EXPECT_EQ(ParseBool(" yes "), true);
}

TEST(ParseBool, RejectsAnythingElse) {
  for (const char* s : {"", "maybe", "2", "-1", "yess", "on", "N/A"}) {
    EXPECT_FALSE(ParseBool(s).has_value()) << s;
  }
}

// --- Routing by field type ---

TEST(ParseTyped, RoutesEachFieldTypeToItsParser) {
  EXPECT_EQ(ParseTyped(FieldType::kNumber, "1,234"), 1234);
  EXPECT_EQ(ParseTyped(FieldType::kMoney, "$1,234.50"), 1234.5);
  EXPECT_EQ(ParseTyped(FieldType::kInteger, "1984.0"), 1984);
  EXPECT_FALSE(ParseTyped(FieldType::kInteger, "1984.5").has_value());
  EXPECT_EQ(ParseTyped(FieldType::kDate, "1970-01-02"), 1);
  EXPECT_EQ(ParseTyped(FieldType::kDate, "2025-03-14"), Ymd(2025, 3, 14).days);
  EXPECT_EQ(ParseTyped(FieldType::kBoolean, "yes"), 1);
  EXPECT_EQ(ParseTyped(FieldType::kBoolean, "n"), 0);
  EXPECT_FALSE(ParseTyped(FieldType::kText, "1234").has_value());
  EXPECT_FALSE(ParseTyped(FieldType::kId, "1234").has_value());
}

}  // namespace
}  // namespace value_parse_test
}  // namespace flexpipe
