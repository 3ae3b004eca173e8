// Damaged workbooks must fail cleanly, never crash: truncation at many
// offsets (an incomplete download), overwritten bytes, and a read error
// injected at every I/O step of reading the small parts and the sheet.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "read/xlsx/cell_styles.h"
#include "read/xlsx/shared_strings.h"
#include "read/xlsx/workbook.h"
#include "read/xlsx/xlsx_test_util.h"
#include "read/xlsx/zip_archive.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace zip_damage_test {
namespace {

using testing::FaultInjectionFileSystem;
using testing::FsOp;
using ::testing::HasSubstr;
using testing::TempDir;
using testing::TestDataPath;

// Everything this layer does with a workbook: directory, table of contents,
// styles, shared strings, and every sheet inflated to the end.
Status ReadEverything(FileSystem* fs, const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(auto zip, ZipArchive::Open(fs, path, {}));
  FP_ASSIGN_OR_RETURN(const WorkbookInfo info, ReadWorkbookInfo(zip.get()));
  FP_RETURN_IF_ERROR(ReadCellStyles(zip.get(), info.styles_part).status());
  FP_RETURN_IF_ERROR(ReadSharedStrings(zip.get(), info.shared_strings_part).status());
  for (const SheetInfo& sheet : info.sheets) {
    FP_RETURN_IF_ERROR(testing::ReadWholeEntry(zip.get(), sheet.part, 8192).status());
  }
  return Status::Ok();
}

TEST(ZipDamageTest, EveryFixtureReadsCleanly) {
  for (const char* name : {"crexi_industrial_export_4643.xlsx", "pbc_flex_sample_50.xlsx",
                           "pbc_flex_properties_611.xlsx", "pbc_cama_code_descriptions.xlsx"}) {
    const Status s = ReadEverything(DefaultFileSystem(), TestDataPath(name));
    EXPECT_TRUE(s.ok()) << name << ": " << s.ToString();
  }
}

TEST(ZipDamageTest, TruncationAtManyOffsetsIsACleanError) {
  TempDir dir;
  for (const char* name : {"pbc_flex_sample_50.xlsx", "crexi_industrial_export_4643.xlsx"}) {
    const std::string bytes = testing::ReadFileToString(TestDataPath(name));
    const size_t step = bytes.size() > 100000 ? bytes.size() / 40 : 11;
    std::set<size_t> offsets = {0, 1, 4, 22, bytes.size() - 23, bytes.size() - 22, bytes.size() - 1};
    for (size_t at = 0; at < bytes.size(); at += step) offsets.insert(at);
    for (const size_t at : offsets) {
      SCOPED_TRACE(std::string(name) + " cut at " + std::to_string(at));
      const auto path = dir.Write("cut.xlsx", std::string_view(bytes).substr(0, at));
      const Status s = ReadEverything(DefaultFileSystem(), path);
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(s.location().file, path.string());
      if (at == 0) {
        EXPECT_EQ(s.code(), ErrorCode::kEmptyFile);
      } else {
        EXPECT_EQ(s.code(), ErrorCode::kCorruptFile) << s.ToString();
      }
      if (at >= 4) {
        EXPECT_THAT(s.message(), HasSubstr("truncated or damaged archive (incomplete download?)"));
      }
    }
  }
}

TEST(ZipDamageTest, OverwrittenBytesNeverCrash) {
  TempDir dir;
  const std::string bytes = testing::ReadFileToString(TestDataPath("pbc_flex_sample_50.xlsx"));
  size_t failures = 0;
  for (size_t at = 0; at < bytes.size(); at += 29) {
    for (const char fill : {'\xFF', '\x00', '7'}) {
      std::string damaged = bytes;
      for (size_t k = at; k < std::min(at + 4, damaged.size()); ++k) damaged[k] = fill;
      const auto path = dir.Write("damaged.xlsx", damaged);
      const Status s = ReadEverything(DefaultFileSystem(), path);
      if (s.ok()) continue;  // e.g. a timestamp or an unused part
      ++failures;
      const ErrorCode code = s.code();
      EXPECT_TRUE(code == ErrorCode::kCorruptFile || code == ErrorCode::kUnsupportedFormat ||
                  code == ErrorCode::kResourceLimit)
          << "at " << at << ": " << s.ToString();
      EXPECT_EQ(s.location().file, path.string()) << s.ToString();
    }
  }
  EXPECT_GT(failures, 500u);
}

TEST(ZipDamageTest, ReadErrorAtEveryStepIsReported) {
  for (const char* name : {"pbc_flex_sample_50.xlsx", "crexi_industrial_export_4643.xlsx"}) {
    const auto path = TestDataPath(name);
    FaultInjectionFileSystem counting;
    ASSERT_TRUE(ReadEverything(&counting, path).ok());
    ASSERT_EQ(counting.Calls(FsOp::kOpenRandomAccess), 1u);
    const uint64_t reads = counting.Calls(FsOp::kReadAt);
    ASSERT_GE(reads, 3u);  // head, tail, then libzip through the 64 KiB read-ahead
    for (uint64_t n = 1; n <= reads; ++n) {
      SCOPED_TRACE(std::string(name) + " ReadAt call " + std::to_string(n));
      FaultInjectionFileSystem fs;
      fs.FailNth(FsOp::kReadAt, n);
      const Status s = ReadEverything(&fs, path);
      ASSERT_FALSE(s.ok());
      EXPECT_EQ(fs.Injected(), 1u);
      EXPECT_EQ(s.code(), ErrorCode::kIoError) << s.ToString();
      EXPECT_EQ(s.message(), "injected fault in ReadAt");
      EXPECT_EQ(s.location().file, path.string());
    }
    FaultInjectionFileSystem fs;
    fs.FailNth(FsOp::kOpenRandomAccess, 1, ErrorCode::kPermissionDenied);
    EXPECT_EQ(ReadEverything(&fs, path).code(), ErrorCode::kPermissionDenied);
  }
}

}  // namespace
}  // namespace zip_damage_test
}  // namespace flexpipe
