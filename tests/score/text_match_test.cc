#include "score/text_match.h"

#include <gtest/gtest.h>

#include <string>

namespace flexpipe {
namespace text_match_test {
namespace {

TEST(TextMatch, EqualsIgnoresAsciiCaseOnly) {
  EXPECT_TRUE(EqualsAsciiNoCase("m-1", "M-1"));
  EXPECT_TRUE(EqualsAsciiNoCase("", ""));
  EXPECT_FALSE(EqualsAsciiNoCase("M-1", "M-10"));
  EXPECT_FALSE(EqualsAsciiNoCase("\xc3\xa9", "\xc3\x89"));  // é vs É: not ASCII
}

TEST(TextMatch, ContainsFindsNeedlesAnywhere) {
  EXPECT_TRUE(ContainsAsciiNoCase("North Boca Raton Area", "BOCA RATON"));
  EXPECT_TRUE(ContainsAsciiNoCase("BOCA RATON", "boca raton"));
  EXPECT_TRUE(ContainsAsciiNoCase("flex", "flex"));
  EXPECT_TRUE(ContainsAsciiNoCase("abc", ""));
  EXPECT_FALSE(ContainsAsciiNoCase("Boca", "BOCA RATON"));
  EXPECT_FALSE(ContainsAsciiNoCase("Bocca Raton", "BOCA RATON"));
  EXPECT_FALSE(ContainsAsciiNoCase("", "x"));
}

TEST(FoldedText, MatchesNeedlesInItsLetterCase) {
  const FoldedText upper("  North Boca Raton ", LetterCase::kUpper);
  EXPECT_TRUE(upper.Contains("BOCA RATON"));
  EXPECT_FALSE(upper.Contains("boca raton"));  // needles must be folded already
  const FoldedText lower("Flex/WAREHOUSE", LetterCase::kLower);
  EXPECT_TRUE(lower.Contains("warehouse"));
  EXPECT_TRUE(lower.Contains("flex/"));
  EXPECT_FALSE(lower.Contains("storage"));
}

TEST(FoldedText, TextsLongerThanTheBufferStillMatch) {
  const std::string text = std::string(FoldedText::kCapacity + 50, 'x') + " Light Industrial";
  EXPECT_TRUE(FoldedText(text, LetterCase::kLower).Contains("light industrial"));
  EXPECT_TRUE(FoldedText(text, LetterCase::kUpper).Contains("LIGHT INDUSTRIAL"));
  EXPECT_FALSE(FoldedText(text, LetterCase::kLower).Contains("flex"));
}

}  // namespace
}  // namespace text_match_test
}  // namespace flexpipe
