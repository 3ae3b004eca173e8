#include "aggregate/key_index.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace flexpipe {
namespace key_index_test {
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
  EXPECT_LE(index.memory_bytes(), 100'000u * 24);
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

TEST(KeyIndex, KeysWhoseHashesShareTheirTagStayApart) {
  // Only 32 bits of the hash are kept: equal tags are told apart by the keys.
  std::vector<std::string> keys;
  KeyIndex index;
  for (uint32_t p = 0; p < 1000; ++p) {
    keys.push_back("key " + std::to_string(p));
    const uint64_t hash = (uint64_t{0xABCD} << 32) | p;  // the same tag for every key
    EXPECT_TRUE(index.FindOrInsert(hash, p, [&](uint32_t q) { return keys[q] == keys[p]; }).second);
  }
  const auto [found, inserted] =
      index.FindOrInsert(uint64_t{0xABCD} << 32, 5000, [&](uint32_t q) { return keys[q] == "key 777"; });
  EXPECT_FALSE(inserted);
  EXPECT_EQ(found, 777u);
}

}  // namespace
}  // namespace key_index_test
}  // namespace flexpipe
