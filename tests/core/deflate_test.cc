#include "core/deflate.h"

#include <string>

#include <gtest/gtest.h>

namespace flexpipe {
namespace deflate_test {
namespace {

std::string Rows(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i * 37 % 1000) + "</v></c></row>";
  return s;
}

TEST(Deflate, RoundTripsAtEveryLevel) {
  const std::string in = Rows(20'000);
  DeflateScratch scratch;
  for (int level = 0; level <= 3; ++level) {
    std::string compressed, back;
    ASSERT_TRUE(DeflateRaw(in, DeflateCall{level, {}, true}, &scratch, &compressed).ok());
    EXPECT_LT(compressed.size(), in.size() / 4) << level;
    ASSERT_TRUE(InflateRaw(compressed, in.size(), &back).ok());
    EXPECT_EQ(back, in);
  }
}

TEST(Deflate, PiecesEndedBySyncFlushesJoinIntoOneStream) {
  const std::string in = Rows(30'000);
  const size_t half = in.size() / 2;
  DeflateScratch scratch;
  std::string first, second;
  ASSERT_TRUE(
      DeflateRaw(std::string_view(in).substr(0, half), DeflateCall{1, {}, false}, &scratch, &first).ok());
  ASSERT_TRUE(DeflateRaw(std::string_view(in).substr(half),
                         DeflateCall{1, std::string_view(in).substr(0, half), true}, &scratch, &second)
                  .ok());
  std::string back;
  ASSERT_TRUE(InflateRaw(first + second, in.size(), &back).ok());
  EXPECT_EQ(back, in);
  std::string alone;
  EXPECT_FALSE(InflateRaw(first, in.size(), &alone).ok());  // not a whole stream
}

TEST(Deflate, InflatingRefusesDamageAndTooMuch) {
  const std::string in = Rows(1000);
  DeflateScratch scratch;
  std::string compressed, back;
  ASSERT_TRUE(DeflateRaw(in, {}, &scratch, &compressed).ok());
  EXPECT_EQ(InflateRaw(compressed, in.size() - 1, &back).code(), ErrorCode::kCorruptFile);
  EXPECT_EQ(InflateRaw("not deflate at all", 1000, &back).code(), ErrorCode::kCorruptFile);
  EXPECT_EQ(InflateRaw(compressed.substr(0, compressed.size() / 2), in.size(), &back).code(),
            ErrorCode::kCorruptFile);
}

}  // namespace
}  // namespace deflate_test
}  // namespace flexpipe
