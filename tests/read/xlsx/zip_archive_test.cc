// ZipArchive on real exports and on archives built by python's zipfile:
// entry lookup, stored/deflated/ZIP64/data-descriptor entries, and the
// refusals (not a zip, unsafe or duplicate names, encryption, limits).
#include "read/xlsx/zip_archive.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace zip_archive_test {
namespace {

using testing::BuildZip;
using ::testing::HasSubstr;
using testing::OpenZip;
using testing::ReadWholeEntry;
using testing::TempDir;
using testing::TestDataPath;
using testing::ZipEntrySpec;

// Deterministic, poorly compressible text.
std::string Noise(size_t n, uint32_t seed) {
  std::string s(n, '\0');
  for (char& c : s) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>('a' + (seed >> 24) % 26);
  }
  return s;
}

TEST(ZipArchiveTest, CrexiExportListsItsPartsAndInflatesTheSheet) {
  const auto path = TestDataPath("crexi_industrial_export_4643.xlsx");
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  EXPECT_EQ((*zip)->path(), path.string());
  EXPECT_EQ((*zip)->EntryNames().size(), 9u);
  EXPECT_TRUE((*zip)->Contains("xl/worksheets/sheet1.xml"));
  EXPECT_TRUE((*zip)->Contains("/xl/worksheets/sheet1.xml"));
  EXPECT_TRUE((*zip)->Contains("XL/Worksheets/Sheet1.XML"));
  EXPECT_TRUE((*zip)->Contains("[Content_Types].xml"));
  EXPECT_FALSE((*zip)->Contains("xl/sharedStrings.xml"));  // openpyxl writes inline strings
  EXPECT_FALSE((*zip)->Contains("xl/worksheets"));
  EXPECT_EQ((*zip)->StoredName("/XL/WORKBOOK.XML"), "xl/workbook.xml");

  auto size = (*zip)->UncompressedSize("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(*size, 14470868u);
  auto sheet = ReadWholeEntry(zip->get(), "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->size(), 14470868u);
  EXPECT_TRUE(sheet->starts_with("<worksheet"));
  EXPECT_TRUE(sheet->ends_with("</worksheet>"));
  EXPECT_EQ((*zip)->inflated_bytes(), 14470868u);
  // The whole file was read (in 64 KiB steps), most of it once.
  EXPECT_GE((*zip)->compressed_bytes_read(), 2024792u);
  EXPECT_LE((*zip)->compressed_bytes_read(), 2029392u + (1u << 20));
}

TEST(ZipArchiveTest, MissingPartIsCorruptFileNamingThePart) {
  auto zip = OpenZip(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto missing = (*zip)->OpenEntry("/xl/worksheets/sheet9.xml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(missing.status().message(), HasSubstr("\"xl/worksheets/sheet9.xml\" is missing"));
  EXPECT_EQ(missing.status().location().file, TestDataPath("pbc_flex_sample_50.xlsx").string());
  EXPECT_EQ((*zip)->UncompressedSize("nope.xml").status().code(), ErrorCode::kCorruptFile);
  EXPECT_EQ((*zip)->ReadEntry("nope.xml", 100).status().code(), ErrorCode::kCorruptFile);
}

TEST(ZipArchiveTest, ReadsStoredDeflatedZip64AndDataDescriptorEntries) {
  TempDir dir;
  const std::string big = Noise(300000, 7);
  const std::vector<ZipEntrySpec> entries = {{"a.xml", "<a/>", false},
                                             {"stored.bin", big, true},
                                             {"deflated.bin", big, false},
                                             {"empty", "", false}};
  struct Variant {
    const char* name;
    testing::ZipBuildOptions options;
  };
  for (const Variant& v : {Variant{"plain.zip", {}}, Variant{"zip64.zip", {.force_zip64 = true}},
                           Variant{"streamed.zip", {.streamed = true}},
                           Variant{"both.zip", {.force_zip64 = true, .streamed = true}}}) {
    SCOPED_TRACE(v.name);
    const auto path = BuildZip(dir, v.name, entries, v.options);
    auto zip = OpenZip(path);
    ASSERT_TRUE(zip.ok()) << zip.status().ToString();
    for (const ZipEntrySpec& e : entries) {
      auto got = ReadWholeEntry(zip->get(), e.name, 1000);
      ASSERT_TRUE(got.ok()) << e.name << ": " << got.status().ToString();
      EXPECT_EQ(*got, e.data) << e.name;
      auto small = (*zip)->ReadEntry(e.name, e.data.size());
      ASSERT_TRUE(small.ok()) << small.status().ToString();
      EXPECT_EQ(*small, e.data);
    }
  }
}

TEST(ZipArchiveTest, ManyEntriesUseTheZip64EndRecordAndTheEntryLimit) {
  TempDir dir;
  // 66,000 entries need the ZIP64 end record (the classic count is 16 bits).
  const auto path = dir.path() / "many.zip";
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(import zipfile
with zipfile.ZipFile('{}', 'w', zipfile.ZIP_STORED) as z:
    for i in range(66000):
        z.writestr('e/%d' % i, str(i))
)",
                                                  path.string())));
  auto refused = OpenZip(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(refused.status().message(), HasSubstr("66000 entries, more than the limit of 20000"));

  auto zip = OpenZip(path, {.max_entries = 70000});
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  EXPECT_EQ((*zip)->EntryNames().size(), 66000u);
  auto last = (*zip)->ReadEntry("E/65999", 100);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, "65999");
}

TEST(ZipArchiveTest, TwoEntriesOfOneArchiveReadInterleaved) {
  auto zip = OpenZip(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto whole_sheet = (*zip)->ReadEntry("xl/worksheets/sheet1.xml", 1 << 20);
  auto whole_strings = (*zip)->ReadEntry("xl/sharedStrings.xml", 1 << 20);
  ASSERT_TRUE(whole_sheet.ok() && whole_strings.ok());

  auto sheet = (*zip)->OpenEntry("xl/worksheets/sheet1.xml");
  auto strings = (*zip)->OpenEntry("xl/sharedStrings.xml");
  ASSERT_TRUE(sheet.ok() && strings.ok());
  std::string got_sheet;
  std::string got_strings;
  char buf[333];
  bool sheet_done = false;
  bool strings_done = false;
  while (!sheet_done || !strings_done) {
    for (auto [in, out, done] : {std::tuple{sheet->get(), &got_sheet, &sheet_done},
                                 std::tuple{strings->get(), &got_strings, &strings_done}}) {
      if (*done) continue;
      auto n = in->Read(buf, sizeof buf);
      ASSERT_TRUE(n.ok()) << n.status().ToString();
      if (*n == 0) *done = true;
      out->append(buf, *n);
    }
  }
  EXPECT_EQ(got_sheet, *whole_sheet);
  EXPECT_EQ(got_strings, *whole_strings);
}

TEST(ZipArchiveTest, TwoArchivesOfOneFileReadOnTwoThreads) {
  const auto path = TestDataPath("crexi_industrial_export_4643.xlsx");
  auto a = OpenZip(path);
  auto b = OpenZip(path);
  ASSERT_TRUE(a.ok() && b.ok());
  Result<std::string> ra = std::string();
  Result<std::string> rb = std::string();
  std::thread ta([&] { ra = ReadWholeEntry(a->get(), "xl/worksheets/sheet1.xml", 4096); });
  std::thread tb([&] { rb = ReadWholeEntry(b->get(), "xl/worksheets/sheet1.xml", 65536); });
  ta.join();
  tb.join();
  ASSERT_TRUE(ra.ok() && rb.ok());
  EXPECT_EQ(ra->size(), 14470868u);
  EXPECT_EQ(*ra, *rb);
}

TEST(ZipArchiveTest, EntryStreamMayOutliveTheArchiveObject) {
  auto zip = OpenZip(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto in = (*zip)->OpenEntry("xl/workbook.xml");
  ASSERT_TRUE(in.ok());
  zip->reset();
  char buf[64];
  auto n = (*in)->Read(buf, sizeof buf);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(std::string_view(buf, 5), "<?xml");
}

TEST(ZipArchiveTest, NotAZipArchive) {
  TempDir dir;
  struct Case {
    const char* name;
    std::string contents;
    ErrorCode code;
    const char* message;
  };
  const Case cases[] = {
      {"empty.xlsx", "", ErrorCode::kEmptyFile, "empty"},
      {"data.xlsx", "address,city\n1 Main St,Springfield\n", ErrorCode::kCorruptFile,
       "not an XLSX workbook: the file is not a ZIP archive"},
      {"tiny.xlsx", "PK", ErrorCode::kCorruptFile, "not a ZIP archive"},
      {"legacy.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'),
       ErrorCode::kUnsupportedFormat, "password-protected workbook (save it without a password)"},
      {"cut.xlsx", std::string("PK\x03\x04", 4) + std::string(100, 'x'), ErrorCode::kCorruptFile,
       "truncated or damaged archive (incomplete download?)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto path = dir.Write(c.name, c.contents);
    auto zip = OpenZip(path);
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.status().code(), c.code) << zip.status().ToString();
    EXPECT_THAT(zip.status().message(), HasSubstr(c.message));
    EXPECT_EQ(zip.status().location().file, path.string());
  }
  auto missing = OpenZip(dir.path() / "nope.xlsx");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  auto folder = OpenZip(dir.path());
  EXPECT_FALSE(folder.ok());
}

TEST(ZipArchiveTest, UnsafeEntryNamesAreRefused) {
  TempDir dir;
  for (const char* name :
       {"../evil.xml", "xl/../../evil.xml", "/etc/passwd", "C:/evil.xml", "xl\\..\\..\\x"}) {
    SCOPED_TRACE(name);
    const auto path = BuildZip(dir, "unsafe.zip", {{"[Content_Types].xml", "<Types/>"}, {name, "x"}});
    auto zip = OpenZip(path);
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.status().code(), ErrorCode::kCorruptFile);
    EXPECT_THAT(zip.status().message(), HasSubstr(name));
  }
  // ".." inside a name is not a segment.
  const auto fine = BuildZip(dir, "fine.zip", {{"xl/a..b.xml", "x"}, {"xl/", ""}});
  auto zip = OpenZip(fine);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  EXPECT_EQ((*zip)->EntryNames(), std::vector<std::string>{"xl/a..b.xml"});  // folders are not entries
}

TEST(ZipArchiveTest, DuplicatePartNamesAreRefused) {
  TempDir dir;
  for (const char* second : {"xl/workbook.xml", "XL/Workbook.xml", "xl\\workbook.xml"}) {
    SCOPED_TRACE(second);
    const auto path = BuildZip(dir, "dup.zip", {{"xl/workbook.xml", "<a/>"}, {second, "<b/>"}});
    auto zip = OpenZip(path);
    ASSERT_FALSE(zip.ok());
    EXPECT_EQ(zip.status().code(), ErrorCode::kCorruptFile);
    EXPECT_THAT(zip.status().message(), HasSubstr("duplicate"));
  }
}

TEST(ZipArchiveTest, EncryptedEntryIsUnsupported) {
  if (!std::filesystem::exists("/usr/bin/zip")) GTEST_SKIP() << "zip is not installed";
  TempDir dir;
  dir.Write("src/xl/workbook.xml", "<workbook/>");
  std::string out;
  ASSERT_EQ(testing::RunCommand(
                fmt::format("cd '{}/src' && /usr/bin/zip -q -P secret ../locked.xlsx xl/workbook.xml",
                            dir.path().string()),
                &out),
            0)
      << out;
  auto zip = OpenZip(dir.path() / "locked.xlsx");
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  auto entry = (*zip)->OpenEntry("xl/workbook.xml");
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.status().code(), ErrorCode::kUnsupportedFormat);
  EXPECT_THAT(entry.status().message(), HasSubstr("password-protected workbook: save it without a password"));
  EXPECT_EQ((*zip)->ReadEntry("xl/workbook.xml", 100).status().code(), ErrorCode::kUnsupportedFormat);
}

TEST(ZipArchiveTest, ReadEntryRefusesAnEntryOverItsLimit) {
  TempDir dir;
  const auto path = BuildZip(dir, "a.zip", {{"a.xml", std::string(5000, 'a')}});
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok());
  auto refused = (*zip)->ReadEntry("a.xml", 4999);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(refused.status().message(), HasSubstr("\"a.xml\" is larger than the limit of 4999 bytes"));
  auto exact = (*zip)->ReadEntry("a.xml", 5000);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->size(), 5000u);
}

TEST(ZipArchiveTest, CanonicalPartName) {
  EXPECT_EQ(CanonicalPartName("/xl/Workbook.XML"), "xl/workbook.xml");
  EXPECT_EQ(CanonicalPartName("xl\\worksheets\\Sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(CanonicalPartName("[Content_Types].xml"), "[content_types].xml");
}

}  // namespace
}  // namespace zip_archive_test
}  // namespace flexpipe
