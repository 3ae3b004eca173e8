#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace flexpipe {
namespace utf8_test {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8, WellFormedTextOfEveryLengthIsValid) {
  EXPECT_EQ(FindInvalidUtf8(""), kValid);
  EXPECT_EQ(FindInvalidUtf8("1200 Industrial Blvd, Jupiter"), kValid);
  EXPECT_EQ(FindInvalidUtf8("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\xAD"), kValid);  // é € 🏭
  EXPECT_EQ(FindInvalidUtf8("\xEF\xBF\xBD\xF4\x8F\xBF\xBF\xED\x9F\xBF"), kValid);  // U+FFFD, U+10FFFF, U+D7FF
  char out[4];
  for (uint32_t cp : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    EXPECT_EQ(FindInvalidUtf8(std::string_view(out, EncodeUtf8(cp, out))), kValid) << cp;
  }
}

TEST(Utf8, TheFirstBadByteIsFoundAfterAnyRunOfAscii) {
  for (size_t prefix = 0; prefix < 20; ++prefix) {
    const std::string text = std::string(prefix, 'a') + "\xC3" + " Way";
    EXPECT_EQ(FindInvalidUtf8(text), prefix);
  }
}

TEST(Utf8, MalformedSequencesAreRefused) {
  for (const std::string_view bad : {
           std::string_view("\x80"),              // a continuation byte alone
           std::string_view("\xC0\xAF"),          // overlong '/'
           std::string_view("\xC1\xBF"),          // overlong
           std::string_view("\xE0\x80\xAF"),      // overlong, 3 bytes
           std::string_view("\xF0\x80\x80\xAF"),  // overlong, 4 bytes
           std::string_view("\xED\xA0\x80"),      // a UTF-16 surrogate (U+D800)
           std::string_view("\xF4\x90\x80\x80"),  // past U+10FFFF
           std::string_view("\xF5\x80\x80\x80"), std::string_view("\xFF"),
           std::string_view("\xE2\x82"),      // cut off at the end
           std::string_view("\xE2\x28\xA1"),  // a bad continuation
       }) {
    EXPECT_EQ(FindInvalidUtf8(bad), 0u) << ::testing::PrintToString(bad);
  }
}

}  // namespace
}  // namespace utf8_test
}  // namespace flexpipe
