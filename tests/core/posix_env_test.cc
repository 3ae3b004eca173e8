// The POSIX FileSystem's random-access files (the ZIP reader's input).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "core/env.h"
#include "test_util.h"

namespace flexpipe {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

TEST(PosixEnvTest, RandomAccessReadsAtAnyOffset) {
  TempDir dir;
  const auto path = dir.Write("data.bin", "0123456789");
  auto file = DefaultFileSystem()->OpenRandomAccess(path);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ((*file)->size(), 10u);
  char buf[8] = {};
  auto n = (*file)->ReadAt(3, buf, 4);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(buf, *n), "3456");
  n = (*file)->ReadAt(0, buf, 2);  // no position is kept
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(buf, *n), "01");
  n = (*file)->ReadAt(7, buf, 8);  // short only at the end
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string(buf, *n), "789");
  n = (*file)->ReadAt(10, buf, 8);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
  n = (*file)->ReadAt(1000, buf, 8);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
}

TEST(PosixEnvTest, RandomAccessOpenErrorsNameThePath) {
  TempDir dir;
  auto missing = DefaultFileSystem()->OpenRandomAccess(dir.path() / "nope.xlsx");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("cannot open"));
  EXPECT_EQ(missing.status().location().file, (dir.path() / "nope.xlsx").string());

  auto folder = DefaultFileSystem()->OpenRandomAccess(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().code(), ErrorCode::kIoError);
  EXPECT_THAT(folder.status().message(), HasSubstr("Is a directory"));
}

}  // namespace
}  // namespace flexpipe
