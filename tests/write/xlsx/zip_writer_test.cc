#include "write/xlsx/zip_writer.h"

#include <string>

#include <gtest/gtest.h>

#include "read/xlsx/zip_archive.h"
#include "test_util.h"
#include "write/xlsx_test_util.h"

namespace flexpipe {
namespace zip_writer_test {
namespace {

using testing::DefaultFs;
using testing::RunCommand;
using testing::TempDir;

std::string Big(size_t bytes) {
  std::string s;
  for (uint64_t i = 0; s.size() < bytes; ++i)
    s += "<c r=\"A" + std::to_string(i) + "\"><v>" + std::to_string(i * 7919 % 10007) + "</v></c>";
  return s;
}

// Writes {name: contents} (the first streamed in pieces) into an archive.
void WriteArchive(const std::filesystem::path& path,
                  const std::vector<std::pair<std::string, std::string>>& entries, bool zip64) {
  auto file = AtomicFile::Create(DefaultFs(), path);
  ASSERT_TRUE(file.ok());
  ParallelDeflateOptions deflate;
  deflate.chunk_bytes = 64 * 1024;
  ZipWriter zip(file->get(), deflate, zip64);
  for (const auto& [name, contents] : entries) {
    ASSERT_TRUE(zip.BeginEntry(name).ok());
    for (size_t at = 0; at < contents.size(); at += 10'000) {
      ASSERT_TRUE(zip.Write(std::string_view(contents).substr(at, 10'000)).ok());
    }
  }
  ASSERT_TRUE(zip.Finish().ok());
  ASSERT_TRUE((*file)->Commit().ok());
}

class ZipWriterTest : public ::testing::TestWithParam<bool> {};

TEST_P(ZipWriterTest, LibzipAndPythonReadEveryEntryBack) {
  TempDir dir;
  const auto path = dir.path() / "a.zip";
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"xl/worksheets/sheet1.xml", Big(2'000'000)}, {"empty.xml", ""}, {"[Content_Types].xml", "<Types/>"}};
  WriteArchive(path, entries, GetParam());

  auto zip = ZipArchive::Open(DefaultFs(), path, ZipLimits{});
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  for (const auto& [name, contents] : entries) {
    auto back = (*zip)->ReadEntry(name, 100'000'000);
    ASSERT_TRUE(back.ok()) << name << ": " << back.status().ToString();
    EXPECT_EQ(*back, contents) << name;
  }
  // Python's zipfile checks every CRC and the local headers against the directory.
  std::string out;
  const int status = RunCommand(std::string(testing::kSystemPython) +
                                    " -c \"import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                    "print(z.testzip(), [i.filename for i in z.infolist()])\" " +
                                    testing::Quoted(path),
                                &out);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(out, "None ['xl/worksheets/sheet1.xml', 'empty.xml', '[Content_Types].xml']\n");
}

TEST_P(ZipWriterTest, TheSameEntriesGiveTheSameBytes) {
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> entries = {{"a.xml", Big(300'000)}, {"b.xml", "b"}};
  WriteArchive(dir.path() / "1.zip", entries, GetParam());
  WriteArchive(dir.path() / "2.zip", entries, GetParam());
  EXPECT_EQ(testing::ReadFileToString(dir.path() / "1.zip"), testing::ReadFileToString(dir.path() / "2.zip"));
}

INSTANTIATE_TEST_SUITE_P(Zip64, ZipWriterTest, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& zip64) {
                           return std::string(zip64.param ? "Zip64" : "Plain");
                         });

TEST(ZipWriter, WritingOutsideAnEntryOrAfterTheEndIsAnError) {
  TempDir dir;
  auto file = AtomicFile::Create(DefaultFs(), dir.path() / "a.zip");
  ASSERT_TRUE(file.ok());
  ZipWriter zip(file->get(), {}, false);
  EXPECT_FALSE(zip.Write("no entry").ok());
  EXPECT_FALSE(zip.Finish().ok());  // sticky
}

}  // namespace
}  // namespace zip_writer_test
}  // namespace flexpipe
