#include "store/json_text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace flexpipe {
namespace json_text_test {
namespace {

TEST(JsonText, StringsRoundTripEveryByte) {
  std::vector<std::string> items = {"",
                                    "plain",
                                    "quote \" backslash \\ slash /",
                                    "\n\r\t\b\f\x01\x1f\x7f",
                                    std::string("nul\0", 4),
                                    "\xff\xfe not utf-8 \xc3\x28",
                                    "caf\xc3\xa9 \xf0\x9f\x8f\xad"};
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  items.push_back(all);
  std::string json;
  AppendJsonStringArray(items, &json);
  auto parsed = ParseJsonStringArray(json, "test");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, items);
}

TEST(JsonText, ReadsStandardEscapesWrittenByOthers) {
  auto parsed = ParseJsonStringArray(R"( [ "\u0041\u00e9\u20ac", "\ud83c\udfed", "a\/b" ] )", "test");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)[0], "A\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ((*parsed)[1], "\xf0\x9f\x8f\xad");
  EXPECT_EQ((*parsed)[2], "a/b");
  EXPECT_TRUE(ParseJsonStringArray("[]", "test")->empty());
  for (const char* bad : {"", "[", "[\"a\"", "[\"a\",]", "[1]", "[\"a\"] x", "{\"a\":1}"}) {
    EXPECT_FALSE(ParseJsonStringArray(bad, "test").ok()) << bad;
  }
}

TEST(JsonText, NumbersRoundTripExactly) {
  for (double x : {0.0, -0.0, 0.1 + 0.2, 1e-300, 5e-324, 1.7976931348623157e308, -80.59, 2.0 / 3, 1e16}) {
    std::string json;
    AppendJsonNumber(x, &json);
    JsonReader reader(json);
    double y = 0;
    ASSERT_TRUE(reader.ReadNumber(&y)) << json;
    EXPECT_EQ(std::signbit(x), std::signbit(y));
    EXPECT_EQ(x, y) << json;
    EXPECT_TRUE(reader.AtEnd());
  }
  std::string json;
  AppendJsonNumber(std::nan(""), &json);
  EXPECT_EQ(json, "null");
}

}  // namespace
}  // namespace json_text_test
}  // namespace flexpipe
