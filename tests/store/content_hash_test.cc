#include "store/content_hash.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "store/sha256.h"
#include "test_util.h"

namespace flexpipe {
namespace content_hash_test {
namespace {

using testing::DefaultFs;
using testing::TempDir;

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 incremental;
  incremental.Update("a");
  incremental.Update("bc");
  EXPECT_EQ(*incremental.HexDigest(), Sha256Hex("abc"));
  EXPECT_FALSE(incremental.HexDigest().ok());  // finished
}

TEST(ContentHash, EqualsSha256sumOfTheFile) {
  TempDir dir;
  std::string contents;
  for (int64_t i = 0; i < 300000; ++i) contents += std::to_string(i * 7919) + ",";  // > one 1 MiB chunk
  const auto path = dir.Write("big.csv", contents);
  auto hash = HashFileContent(DefaultFs(), path);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(*hash, Sha256Hex(contents));
  std::string out;
  ASSERT_EQ(testing::RunCommand("sha256sum '" + path.string() + "'", &out), 0);
  EXPECT_EQ(out.substr(0, 64), *hash);

  auto missing = HashFileContent(DefaultFs(), dir.path() / "missing.csv");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace content_hash_test
}  // namespace flexpipe
