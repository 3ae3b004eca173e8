// `flexpipe generate --format xlsx`: workbooks holding the rows of the CSV
// files generated from the same options, typed as a person's export.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generate/generator.h"
#include "test_util.h"
#include "write/xlsx_test_util.h"

namespace flexpipe {
namespace workbook_export_test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::DumpWorkbook;
using testing::Quoted;
using testing::ReadFileToString;
using testing::TempDir;
using testing::XlsxCheck;

Result<std::vector<fs::path>> GenerateInto(const fs::path& out, const std::string& format,
                                           const std::string& scenario = "valid", uint64_t rows = 200) {
  GenerateOptions o;
  o.out_dir = out;
  o.scenario = scenario;
  o.rows = rows;
  o.files = 3;
  o.format = format;
  return Generate(testing::DefaultFs(), o);
}

std::vector<std::string> Names(const std::vector<fs::path>& paths) {
  std::vector<std::string> names;
  for (const fs::path& p : paths) names.push_back(p.filename().string());
  return names;
}

// The first data row's cell under `header` in a dumped sheet.
json CellUnder(const json& sheet, const std::string& header, size_t row = 1) {
  const json& head = sheet["rows"][0];
  for (size_t c = 0; c < head.size(); ++c) {
    if (head[c]["v"] == header) return sheet["rows"][row][c];
  }
  ADD_FAILURE() << "no column " << header;
  return nullptr;
}

TEST(GenerateXlsx, WorkbooksHoldTheRowsOfTheCsvFiles) {
  TempDir dir;
  auto csv = GenerateInto(dir.path() / "csv", "csv");
  auto xlsx = GenerateInto(dir.path() / "xlsx", "xlsx");
  ASSERT_TRUE(csv.ok());
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(Names(*xlsx), (std::vector<std::string>{"valid_01_crexi.xlsx", "valid_02_appraiser.xlsx",
                                                    "valid_03_odd.xlsx"}));
  ASSERT_EQ(csv->size(), xlsx->size());
  for (size_t i = 0; i < csv->size(); ++i) {
    int status = 0;
    const std::string out =
        XlsxCheck("compare-export " + Quoted((*csv)[i]) + " " + Quoted((*xlsx)[i]), &status);
    EXPECT_EQ(status, 0) << (*xlsx)[i] << "\n" << out;
    EXPECT_NE(out.find("number="), std::string::npos) << out;
  }
}

TEST(GenerateXlsx, CellsAreTypedAsInAPersonsExport) {
  TempDir dir;
  auto xlsx = GenerateInto(dir.path(), "xlsx");
  ASSERT_TRUE(xlsx.ok());
  const json crexi = DumpWorkbook((*xlsx)[0])["sheets"][0];
  const json appraiser = DumpWorkbook((*xlsx)[1])["sheets"][0];
  const json odd = DumpWorkbook((*xlsx)[2])["sheets"][0];
  EXPECT_EQ(crexi["name"], "crexi");
  EXPECT_EQ(CellUnder(crexi, "APN")["t"], "text");  // dashed parcel id
  EXPECT_EQ(CellUnder(crexi, "Zip Code")["t"], "text");
  EXPECT_EQ(CellUnder(appraiser, "zip_code")["t"], "number");  // the numeric-ID style
  // Dates: date cells in crexi and appraiser, text in odd.
  size_t crexi_dates = 0, odd_dates = 0, odd_texts = 0, crexi_money = 0;
  for (size_t r = 1; r < crexi["rows"].size(); ++r) {
    crexi_dates += CellUnder(crexi, "Sale Date", r)["t"] == "date";
    const json money = CellUnder(crexi, "Improvement Value", r);
    if (money["t"] == "number") {
      ++crexi_money;
      EXPECT_EQ(money["f"], "#,##0");
    }
  }
  for (size_t r = 1; r < odd["rows"].size(); ++r) {
    const json& row = odd["rows"][r];
    for (const json& cell : row) {
      odd_dates += cell["t"] == "date";
      odd_texts += cell["t"] == "text";
    }
  }
  EXPECT_GT(crexi_dates, 100u);
  EXPECT_GT(crexi_money, 10u);
  EXPECT_EQ(odd_dates, 0u);
  EXPECT_GT(odd_texts, 1000u);
  // Shared strings as Excel writes them; inline strings in the odd style.
  EXPECT_NE(ReadFileToString((*xlsx)[0]).find("xl/sharedStrings.xml"), std::string::npos);
  EXPECT_EQ(ReadFileToString((*xlsx)[2]).find("xl/sharedStrings.xml"), std::string::npos);
}

TEST(GenerateXlsx, SameOptionsGiveByteIdenticalWorkbooks) {
  TempDir dir;
  auto a = GenerateInto(dir.path() / "a", "xlsx", "mixed");
  auto b = GenerateInto(dir.path() / "b", "xlsx", "mixed");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(Names(*a), Names(*b));
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ(ReadFileToString((*a)[i]), ReadFileToString((*b)[i])) << (*a)[i];
  }
}

TEST(GenerateXlsx, CorruptedScenarioHasABrokenWorkbookAndKeepsTheTextEncodingFault) {
  TempDir dir;
  auto files = GenerateInto(dir.path(), "xlsx", "corrupted");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Names(*files),
            (std::vector<std::string>{"corrupted_01_truncated.xlsx", "corrupted_02_binary.xlsx",
                                      "corrupted_03_utf16-no-bom.csv"}));
  const std::string truncated = ReadFileToString((*files)[0]);
  EXPECT_TRUE(truncated.starts_with("PK\x03\x04"));            // begins like a workbook ...
  EXPECT_EQ(truncated.find("PK\x05\x06"), std::string::npos);  // ... but has no end of central directory
  int status = 0;
  XlsxCheck("dump " + Quoted((*files)[0]), &status);
  EXPECT_NE(status, 0);
}

TEST(GenerateXlsx, EmptyAndMissingColumnScenariosAreWorkbooksToo) {
  TempDir dir;
  auto empty = GenerateInto(dir.path() / "e", "xlsx", "empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(Names(*empty),
            (std::vector<std::string>{"empty_01_header-only.xlsx", "empty_02_zero-byte.xlsx"}));
  EXPECT_EQ(DumpWorkbook((*empty)[0])["sheets"][0]["rows"].size(), 1u);
  EXPECT_EQ(fs::file_size((*empty)[1]), 0u);
  auto missing = GenerateInto(dir.path() / "m", "xlsx", "missing-columns");
  ASSERT_TRUE(missing.ok());
  for (const fs::path& p : *missing) {
    EXPECT_EQ(p.extension(), ".xlsx");
    const json head = DumpWorkbook(p)["sheets"][0]["rows"][0];
    for (const json& cell : head) EXPECT_NE(cell["v"], "City") << p;
  }
}

}  // namespace
}  // namespace workbook_export_test
}  // namespace flexpipe
