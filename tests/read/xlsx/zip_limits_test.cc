// ZipArchive's defences against zip bombs and lying directories: limits
// count the bytes actually inflated, and sizes that disagree with the data
// are corruption.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "read/xlsx/xlsx_test_util.h"
#include "read/xlsx/zip_archive.h"
#include "test_util.h"

namespace flexpipe {
namespace zip_limits_test {
namespace {

using testing::BuildZip;
using ::testing::HasSubstr;
using testing::OpenZip;
using testing::ReadWholeEntry;
using testing::TempDir;

// A workbook-shaped archive whose sheet is `megabytes` MiB of zeros.
std::filesystem::path BuildBomb(const TempDir& dir, int megabytes) {
  const auto path = dir.path() / "bomb.xlsx";
  testing::RunPython(dir, fmt::format(R"(import zipfile
with zipfile.ZipFile('{}', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    with z.open('xl/worksheets/sheet1.xml', 'w') as f:
        block = bytes(1 << 20)
        for _ in range({}):
            f.write(block)
)",
                                      path.string(), megabytes));
  return path;
}

// Rewrites the declared uncompressed size of `name` in both its local header
// and its central-directory record.
void PatchDeclaredSize(const TempDir& dir, const std::filesystem::path& path, std::string_view name,
                       uint32_t size) {
  testing::RunPython(dir, fmt::format(R"(import struct, zipfile
path, name, size = '{}', '{}', {}
data = bytearray(open(path, 'rb').read())
info = zipfile.ZipFile(path).getinfo(name)
struct.pack_into('<I', data, info.header_offset + 22, size)
pos = data.find(b'PK\x01\x02')
while pos >= 0:
    n = struct.unpack_from('<H', data, pos + 28)[0]
    if data[pos + 46:pos + 46 + n].decode() == name:
        struct.pack_into('<I', data, pos + 24, size)
    pos = data.find(b'PK\x01\x02', pos + 4)
open(path, 'wb').write(data)
)",
                                      path.string(), name, size));
}

TEST(ZipLimitsTest, ZipBombStopsEarlyWithResourceLimit) {
  TempDir dir;
  const auto path = BuildBomb(dir, 200);
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  const auto start = std::chrono::steady_clock::now();
  auto sheet = ReadWholeEntry(zip->get(), "xl/worksheets/sheet1.xml");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(sheet.status().message(), HasSubstr("possible zip bomb: entry \"xl/worksheets/sheet1.xml\""));
  EXPECT_THAT(sheet.status().message(), HasSubstr("over the limit of 100:1"));
  EXPECT_EQ(sheet.status().location().file, path.string());
  // Stopped after ~100x the compressed size (~200 KB), far from 200 MiB.
  EXPECT_LT((*zip)->inflated_bytes(), 40u << 20);
  EXPECT_LT(seconds, 5.0);
}

TEST(ZipLimitsTest, ZipBombWithALyingDeclaredSizeStillStops) {
  TempDir dir;
  const auto path = BuildBomb(dir, 200);
  // Claiming a modest size: the data outgrows it at once.
  PatchDeclaredSize(dir, path, "xl/worksheets/sheet1.xml", 1000);
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  auto declared = (*zip)->UncompressedSize("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(declared.ok());
  EXPECT_EQ(*declared, 1000u);
  auto sheet = ReadWholeEntry(zip->get(), "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.ok());
  EXPECT_EQ(sheet.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(sheet.status().message(),
              HasSubstr("more data than the 1000 bytes its directory record declares"));
  EXPECT_LT((*zip)->inflated_bytes(), 1u << 20);

  // Claiming the whole 4 GiB: the ratio check still counts real bytes.
  PatchDeclaredSize(dir, path, "xl/worksheets/sheet1.xml", 0xFFFFFFFEu);
  auto zip2 = OpenZip(path);
  ASSERT_TRUE(zip2.ok()) << zip2.status().ToString();
  auto sheet2 = ReadWholeEntry(zip2->get(), "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet2.ok());
  EXPECT_EQ(sheet2.status().code(), ErrorCode::kResourceLimit);
  EXPECT_LT((*zip2)->inflated_bytes(), 40u << 20);
}

TEST(ZipLimitsTest, HighlyCompressibleSmallEntriesAreWithinTheGrace) {
  TempDir dir;
  const auto path = BuildBomb(dir, 8);  // ratio ~1000:1, but only 8 MiB
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok());
  auto sheet = ReadWholeEntry(zip->get(), "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->size(), 8u << 20);

  auto strict = OpenZip(path, {.ratio_grace_bytes = 1 << 20});
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(ReadWholeEntry(strict->get(), "xl/worksheets/sheet1.xml").status().code(),
            ErrorCode::kResourceLimit);
}

TEST(ZipLimitsTest, TotalInflatedLimitCountsEveryEntry) {
  TempDir dir;
  const auto path = BuildZip(
      dir, "two.zip", {{"a.xml", std::string(600000, 'a'), true}, {"b.xml", std::string(600000, 'b'), true}});
  auto zip = OpenZip(path, {.max_total_inflated = 1000000});
  ASSERT_TRUE(zip.ok());
  auto a = ReadWholeEntry(zip->get(), "a.xml");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = ReadWholeEntry(zip->get(), "b.xml");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(b.status().message(), HasSubstr("more than the limit of 1000000 bytes"));
  EXPECT_THAT(b.status().message(), HasSubstr("\"b.xml\""));
}

TEST(ZipLimitsTest, FailedStreamKeepsFailing) {
  TempDir dir;
  const auto path = BuildZip(dir, "a.zip", {{"a.xml", std::string(5000, 'a'), true}});
  auto zip = OpenZip(path, {.max_total_inflated = 100});
  ASSERT_TRUE(zip.ok());
  auto in = (*zip)->OpenEntry("a.xml");
  ASSERT_TRUE(in.ok());
  char buf[1000];
  EXPECT_EQ((*in)->Read(buf, sizeof buf).status().code(), ErrorCode::kResourceLimit);
  EXPECT_EQ((*in)->Read(buf, sizeof buf).status().code(), ErrorCode::kResourceLimit);
}

TEST(ZipLimitsTest, DeclaredSizeThatDisagreesWithTheDataIsCorruption) {
  TempDir dir;
  for (const uint32_t lie : {10u, 9999u, 20000u}) {
    SCOPED_TRACE(lie);
    for (const bool stored : {true, false}) {
      const auto path = BuildZip(dir, "lie.zip", {{"a.xml", std::string(10000, 'a'), stored}});
      PatchDeclaredSize(dir, path, "a.xml", lie);
      auto zip = OpenZip(path);
      ASSERT_TRUE(zip.ok()) << zip.status().ToString();
      auto got = ReadWholeEntry(zip->get(), "a.xml");
      ASSERT_FALSE(got.ok()) << "stored=" << stored << " read " << got->size();
      EXPECT_EQ(got.status().code(), ErrorCode::kCorruptFile) << got.status().ToString();
      EXPECT_THAT(got.status().message(), HasSubstr("truncated or damaged archive"));
    }
  }
}

TEST(ZipLimitsTest, DamagedDataFailsItsCrcCheck) {
  TempDir dir;
  const std::string text(10000, 'q');
  const auto path = BuildZip(dir, "crc.zip", {{"a.xml", text, true}});
  std::string bytes = testing::ReadFileToString(path);
  const size_t at = bytes.find(text);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 5000] = 'Q';
  const auto damaged = dir.Write("damaged.zip", bytes);
  auto zip = OpenZip(damaged);
  ASSERT_TRUE(zip.ok());
  auto got = ReadWholeEntry(zip->get(), "a.xml");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(got.status().message(), HasSubstr("\"a.xml\" fails its CRC check"));
  EXPECT_THAT(got.status().message(), HasSubstr("truncated or damaged archive (incomplete download?)"));
}

}  // namespace
}  // namespace zip_limits_test
}  // namespace flexpipe
