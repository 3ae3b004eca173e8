#include "aggregate/key_index.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace flexpipe {
namespace {

TEST(KeyIndex, FindsEveryKeyItStoredAndStoresEachOnce) {
  std::vector<std::string> keys;  // position -> key
  KeyIndex index;
  const auto key_of = [&](uint32_t p) { return std::string_view(keys[p]); };
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 100'000; ++i) {
      const std::string key = fmt::format("1{} MAIN ST|DELRAY BEACH|FL", i * 7);
      const auto position = static_cast<uint32_t>(keys.size());
      const auto [found, inserted] =
          index.FindOrInsert(KeyIndex::Hash(key), position, [&](uint32_t p) { return key_of(p) == key; });
      EXPECT_EQ(inserted, round == 0) << key;
      if (inserted) {
        keys.push_back(key);
        EXPECT_EQ(found, position);
      } else {
        EXPECT_EQ(keys[found], key);
      }
    }
  }
  EXPECT_EQ(index.size(), 100'000u);
  EXPECT_EQ(keys.size(), 100'000u);
  EXPECT_LE(index.memory_bytes(), 100'000u * 48);
}

TEST(KeyIndex, KeysThatDifferOnlyInNulsOrLengthStayApart) {
  // Empty, NUL-only and one-byte keys: string_view compares them by length
  // and bytes, never as C strings, so the table keeps each.
  std::vector<std::string> keys = {"", "a", std::string(1, '\0'), std::string(2, '\0')};
  KeyIndex index;
  index.Reserve(2);
  const auto key_of = [&](uint32_t p) { return std::string_view(keys[p]); };
  const auto insert = [&](std::string_view key, uint32_t position) {
    return index.FindOrInsert(KeyIndex::Hash(key), position, [&](uint32_t p) { return key_of(p) == key; });
  };
  for (uint32_t p = 0; p < keys.size(); ++p) EXPECT_TRUE(insert(keys[p], p).second);
  for (uint32_t p = 0; p < keys.size(); ++p) EXPECT_EQ(insert(keys[p], 99).first, p);
}

}  // namespace
}  // namespace flexpipe
