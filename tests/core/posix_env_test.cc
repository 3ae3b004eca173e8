// The POSIX FileSystem's random-access files (the ZIP reader's input).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "core/env.h"
#include "test_util.h"

namespace flexpipe {
namespace posix_env_test {
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

TEST(PosixEnvTest, OnlyRegularFilesAreOpenedForReading) {
  // A FIFO swapped in after discovery must not block the open (no writer
  // ever comes), and a device must not be read (/dev/zero never ends).
  TempDir dir;
  const auto fifo = dir.path() / "export.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  for (const std::filesystem::path& path : {fifo, std::filesystem::path("/dev/zero")}) {
    auto sequential = DefaultFileSystem()->OpenSequential(path);
    ASSERT_FALSE(sequential.ok()) << path;
    EXPECT_EQ(sequential.status().code(), ErrorCode::kUnsupportedFormat);
    EXPECT_THAT(sequential.status().message(), HasSubstr("not a regular file"));
    auto random = DefaultFileSystem()->OpenRandomAccess(path);
    ASSERT_FALSE(random.ok()) << path;
    EXPECT_EQ(random.status().ToString(), sequential.status().ToString());
  }
  auto fifo_open = DefaultFileSystem()->OpenSequential(fifo);
  EXPECT_EQ(fifo_open.status().message(), "not read: export.csv is a named pipe (FIFO), not a regular file");
}

}  // namespace
}  // namespace posix_env_test
}  // namespace flexpipe
