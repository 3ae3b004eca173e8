// XlsxReader: workbooks written by other programs (openpyxl, xlsxwriter,
// LibreOffice) and real exports, read as the text a spreadsheet shows, with
// the same rows as the CSV they were made from.
#include "read/xlsx/xlsx_reader.h"

#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv/csv_reader.h"
#include "read/csv_test_util.h"
#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace xlsx_reader_test {
namespace {

using testing::CsvContents;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Rows;
using testing::TempDir;

Result<CsvContents> ReadXlsx(const std::filesystem::path& path, const XlsxOptions& options = {}) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<XlsxReader> reader,
                      XlsxReader::Open(DefaultFileSystem(), path, options));
  return testing::ReadAllRows(reader.get());
}

CsvContents MustRead(const std::filesystem::path& path, const XlsxOptions& options = {}) {
  Result<CsvContents> r = ReadXlsx(path, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : CsvContents{};
}

XlsxOptions Sheet(std::string sheet) {
  XlsxOptions options;
  options.sheet = std::move(sheet);
  return options;
}

XlsxOptions HeaderRow(uint64_t row) {
  XlsxOptions options;
  options.header_row = row;
  return options;
}

// A workbook with typed cells, written by openpyxl.
std::filesystem::path TypedWorkbook(const TempDir& dir) {
  EXPECT_TRUE(testing::RunPython(dir, R"(
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Listings"
ws.append(["Parcel ID", "Address", "Acres", "Sale Date", "Near Highway", "Notes", "Value"])
ws.append([8434605080000130, "1 Main St", 2.5, datetime.datetime(2024, 3, 14), True, "=1+1", 1234567])
ws.append([None, "2 Oak & Elm <b>", 0.1, datetime.datetime(2024, 3, 14, 12, 30), False, None, -80.59])
ws["F2"].data_type = "s"  # text that looks like a formula stays text
ws["F3"] = "#N/A"
ws["F3"].data_type = "e"
ws.append([])
ws.append(["0012", "4 Pine", 1e-7, 45000, None, "line1\nline2", 1e20])
ws["A5"].number_format = "@"
ws.cell(row=5, column=9, value="beyond the header")
hidden = wb.create_sheet("Codes", 0)
hidden.sheet_state = "hidden"
hidden.append(["code", "meaning"])
wb.save("typed.xlsx")
)"));
  return dir.path() / "typed.xlsx";
}

TEST(XlsxReader, TypedCellsReadAsTheTextASpreadsheetShows) {
  TempDir dir;
  const CsvContents c = MustRead(TypedWorkbook(dir));
  EXPECT_THAT(c.header,
              ElementsAre("Parcel ID", "Address", "Acres", "Sale Date", "Near Highway", "Notes", "Value"));
  EXPECT_EQ(c.header_row, 1u);
  EXPECT_EQ(c.rows, (Rows{
                        {"8434605080000130", "1 Main St", "2.5", "2024-03-14", "TRUE", "=1+1", "1234567"},
                        {"", "2 Oak & Elm <b>", "0.1", "2024-03-14 12:30:00", "FALSE", "", "-80.59"},
                        {"0012", "4 Pine", "1E-07", "45000", "", "line1\nline2", "100000000000000000000"},
                    }));
  EXPECT_THAT(c.row_numbers, ElementsAre(2, 3, 5)) << "the empty row 4 is skipped but counted";
  ASSERT_EQ(c.issues.size(), 1u);
  EXPECT_THAT(c.issues[0], HasSubstr("RAGGED_ROW row 5: row has a value in column I"));
}

TEST(XlsxReader, TheFirstVisibleSheetIsTheDefaultAndSheetsCanBeChosen) {
  TempDir dir;
  const auto path = TypedWorkbook(dir);
  EXPECT_EQ(MustRead(path).header.front(), "Parcel ID") << "the hidden first sheet is passed over";
  EXPECT_EQ(MustRead(path, Sheet("codes")).header.front(), "code") << "names match in any case";
  EXPECT_EQ(MustRead(path, Sheet("1")).header.front(), "code") << "1-based positions";
  EXPECT_EQ(MustRead(path, Sheet("Listings")).header.front(), "Parcel ID");
  const Result<CsvContents> missing = ReadXlsx(path, Sheet("Nope"));
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("its sheets are \"Codes\", \"Listings\""));
  EXPECT_EQ(missing.status().location().file, path.string());

  Result<std::vector<SheetInfo>> sheets = ListXlsxSheets(DefaultFileSystem(), path, {});
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_FALSE((*sheets)[0].visible);
  EXPECT_EQ((*sheets)[1].name, "Listings");
}

TEST(XlsxReader, HeaderRowCanBeGivenAndEmptyLeadingRowsAreSkipped) {
  TempDir dir;
  ASSERT_TRUE(testing::RunPython(dir, R"(
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws["C2"] = "Exported 2025-06-30 by Broker Site"
ws.append([])
ws["A4"] = "Address"
ws["B4"] = "City"
ws["A5"] = "1 Main St"
ws["B5"] = "Miami"
wb.save("title.xlsx")
)"));
  const auto path = dir.path() / "title.xlsx";
  EXPECT_EQ(MustRead(path).header_row, 2u) << "by default the first non-empty row is the header";
  const CsvContents c = MustRead(path, HeaderRow(4));
  EXPECT_THAT(c.header, ElementsAre("Address", "City"));
  EXPECT_EQ(c.rows, (Rows{{"1 Main St", "Miami"}}));
  EXPECT_THAT(c.row_numbers, ElementsAre(5));
  EXPECT_EQ(ReadXlsx(path, HeaderRow(3)).status().code(), ErrorCode::kNoHeader);
}

// Found by fuzz/xlsx_reader_fuzz.cc: issues raised while the header was being
// looked for (a blank-looking row above it, the header row itself) said "row 0".
TEST(XlsxReader, IssuesInAndAboveTheHeaderRowNameTheirRow) {
  TempDir dir;
  auto parts = testing::MinimalWorkbookParts();
  testing::SetPart(
      &parts, "xl/worksheets/sheet1.xml",
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="1"><c r="A1" t="s"><v>7</v></c></row>)"
      R"(<row r="2"><c r="A2" t="s"><v>8</v></c><c r="B2" t="inlineStr"><is><t>Address</t></is></c>)"
      R"(<c r="C2" t="inlineStr"><is><t>City</t></is></c></row>)"
      R"(<row r="3"><c r="B3" t="inlineStr"><is><t>1 Main St</t></is></c><c r="C3" t="s"><v>9</v></c>)"
      R"(</row></sheetData></worksheet>)");
  const auto path = testing::BuildZip(dir, "book.xlsx", parts);  // no shared strings part at all

  const CsvContents c = MustRead(path);
  EXPECT_EQ(c.header_row, 2u) << "row 1 has only a broken reference: blank";
  EXPECT_EQ(c.rows, (Rows{{"", "1 Main St", ""}}));
  ASSERT_EQ(c.issues.size(), 3u);
  EXPECT_THAT(c.issues[0], HasSubstr("CORRUPT_FILE row 1: cell A: shared string index '7' does not exist"));
  EXPECT_THAT(c.issues[1], HasSubstr("CORRUPT_FILE row 2: cell A: shared string index '8'"));
  EXPECT_THAT(c.issues[2], HasSubstr("CORRUPT_FILE row 3: cell C: shared string index '9'"));

  const CsvContents given = MustRead(path, HeaderRow(2));
  EXPECT_EQ(given.rows, c.rows);
  ASSERT_EQ(given.issues.size(), 2u) << "rows above a given header_row are not read";
  EXPECT_THAT(given.issues[0], HasSubstr("row 2:"));
}

TEST(XlsxReader, The1904DateSystemIsHonoured) {
  TempDir dir;
  ASSERT_TRUE(testing::RunPython(dir, R"(
import xlsxwriter
wb = xlsxwriter.Workbook("mac.xlsx", {"date_1904": True})
ws = wb.add_worksheet()
date = wb.add_format({"num_format": "mm/dd/yyyy"})
ws.write_row(0, 0, ["Address", "Sale Date"])
ws.write_string(1, 0, "1 Main St")
ws.write_number(1, 1, 0, date)
ws.write_string(2, 0, "2 Main St")
ws.write_number(2, 1, 43538, date)
wb.close()
)"));
  const CsvContents c = MustRead(dir.path() / "mac.xlsx");
  EXPECT_EQ(c.rows, (Rows{{"1 Main St", "1904-01-01"}, {"2 Main St", "2023-03-15"}}));
}

// The same export as CSV and as workbooks from three programs: every cell equal.
TEST(XlsxReader, WorkbooksFromOtherProgramsReadCellForCellAsTheirCsv) {
  TempDir dir;
  const auto csv = testing::TestDataPath("pbc_flex_properties_611.csv");
  Result<CsvContents> from_csv = testing::ReadCsvFile(csv);
  ASSERT_TRUE(from_csv.ok()) << from_csv.status().ToString();
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(
import csv, openpyxl, xlsxwriter
rows = list(csv.reader(open("{}", newline="", encoding="utf-8")))
wb = openpyxl.Workbook()
ws = wb.active
for r in rows:
    ws.append(r)
wb.save("openpyxl.xlsx")
wb = xlsxwriter.Workbook("xlsxwriter.xlsx", {{"strings_to_numbers": False, "strings_to_formulas": False}})
ws = wb.add_worksheet("Data")
for i, r in enumerate(rows):
    for j, v in enumerate(r):
        if v != "":
            ws.write_string(i, j, v)
wb.close()
)",
                                                  csv.string())));
  std::vector<std::filesystem::path> books = {dir.path() / "openpyxl.xlsx", dir.path() / "xlsxwriter.xlsx"};
  if (std::filesystem::exists("/usr/bin/soffice")) {
    // LibreOffice types the cells itself (numbers, dates); the canonical
    // comparison of typed cells is the end-to-end test's job. Here: it opens.
    std::string out;
    ASSERT_EQ(
        testing::RunCommand(fmt::format("cd '{}' && HOME='{}' /usr/bin/soffice --headless --convert-to xlsx "
                                        "--outdir lo '{}' 2>&1",
                                        dir.path().string(), dir.path().string(), csv.string()),
                            &out),
        0)
        << out;
    const CsvContents lo = MustRead(dir.path() / "lo" / "pbc_flex_properties_611.xlsx");
    EXPECT_EQ(lo.header, from_csv->header);
    EXPECT_EQ(lo.rows.size(), from_csv->rows.size());
  }
  for (const auto& book : books) {
    const CsvContents x = MustRead(book);
    EXPECT_EQ(x.header, from_csv->header) << book;
    EXPECT_EQ(x.row_numbers, from_csv->row_numbers) << book;
    ASSERT_EQ(x.rows.size(), from_csv->rows.size()) << book;
    for (size_t i = 0; i < x.rows.size(); ++i) {
      ASSERT_EQ(x.rows[i], from_csv->rows[i]) << book << " row " << x.row_numbers[i];
    }
  }
}

TEST(XlsxReader, TheCrexiExportReadsWholeWithIdsAsText) {
  const CsvContents c = MustRead(testing::TestDataPath("crexi_industrial_export_4643.xlsx"));
  EXPECT_EQ(c.rows.size(), 4643u);
  ASSERT_FALSE(c.header.empty());
  for (const auto& row : c.rows) {
    for (const auto& cell : row) {
      ASSERT_EQ(cell.find("e+"), std::string::npos) << "no exponent notation: " << cell;
      ASSERT_FALSE(cell.ends_with(".0")) << cell;
    }
  }
}

TEST(XlsxReader, BrokenWorkbooksFailWithTheirReason) {
  const Result<CsvContents> r = ReadXlsx(testing::TestDataPath("broken_no_content_types.xlsx"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(r.status().message(), HasSubstr("[Content_Types].xml is missing"));

  TempDir dir;
  const std::string whole = testing::ReadFileToString(testing::TestDataPath("pbc_flex_sample_50.xlsx"));
  for (const size_t cut : {size_t{100}, whole.size() / 3, whole.size() / 2, whole.size() - 10}) {
    const auto path = dir.Write("cut.xlsx", whole.substr(0, cut));
    const Result<CsvContents> cut_read = ReadXlsx(path);
    EXPECT_FALSE(cut_read.ok()) << "cut at " << cut;
    EXPECT_EQ(cut_read.status().location().file, path.string());
  }
}

}  // namespace
}  // namespace xlsx_reader_test
}  // namespace flexpipe
