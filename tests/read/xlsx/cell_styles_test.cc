// Which cell styles are dates: format codes, built-in ids, hand-written
// styles parts, and what xlsxwriter and openpyxl write.
#include "read/xlsx/cell_styles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "read/xlsx/number_format.h"
#include "read/xlsx/workbook.h"
#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace cell_styles_test {
namespace {

using testing::BuildZip;
using testing::OpenZip;
using testing::TempDir;
using testing::TestDataPath;

TEST(CellStylesFormatTest, DateFormatCodes) {
  for (const char* code :
       {"yyyy-mm-dd", "m/d/yy", "d-mmm-yy", "mmm-yy", "h:mm AM/PM", "hh:mm:ss", "[h]:mm:ss", "[mm]:ss",
        "[ss].0", "mm:ss.0", "[$-409]mmmm d, yyyy;@", "[$-F800]dddd, mmmm dd, yyyy", "DD/MM/YYYY",
        "yyyy\"年\"m\"月\"d\"日\"", "[Red][<=100]yyyy-mm-dd", "\"Date: \"yyyy", "dd/mm/yyyy\\ hh:mm", "d"}) {
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  }
  for (const char* code : {"General",
                           "0",
                           "0.00",
                           "#,##0",
                           "#,##0.00;[Red]-#,##0.00",
                           "0%",
                           "0.00E+00",
                           "@",
                           "# ?/?",
                           "\"$\"#,##0_);(\"$\"#,##0)",
                           "[Red]0",
                           "[$-409]0.00",
                           "[$€-2] #,##0.00",
                           "0.0\"d\"",
                           "0\\d",
                           "#,##0_m",
                           "#,##0*s",
                           "\"Qty: \"0",
                           ";;;",
                           "",
                           "0;[Red]yyyy",
                           "[Blue]General",
                           "#,##0 \"days\""}) {
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
  }
}

TEST(CellStylesFormatTest, BuiltinDateFormats) {
  for (uint32_t id = 0; id < 200; ++id) {
    const bool date =
        (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
    EXPECT_EQ(IsBuiltinDateFormat(id), date) << id;
  }
}

Result<CellStyles> ReadStylesXml(const TempDir& dir, const std::string& xml) {
  const auto path = BuildZip(dir, "styles.zip", {{"xl/styles.xml", xml}});
  FP_ASSIGN_OR_RETURN(auto zip, OpenZip(path));
  return ReadCellStyles(zip.get(), "xl/styles.xml");
}

TEST(CellStylesTest, HandWrittenStylesPart) {
  TempDir dir;
  auto styles =
      ReadStylesXml(dir, R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="5">
  <numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>
  <numFmt numFmtId="165" formatCode="0.00"/>
  <numFmt numFmtId="166" formatCode="[h]:mm:ss"/>
  <numFmt numFmtId="167" formatCode="&quot;Day &quot;0"/>
  <numFmt numFmtId="22" formatCode="0.000"/>
</numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="12">
  <xf numFmtId="0" fontId="0" xfId="0"/>
  <xf numFmtId="14" xfId="0" applyNumberFormat="1"><alignment horizontal="left"/></xf>
  <xf numFmtId="164" applyNumberFormat="0"/>
  <xf numFmtId="165"/>
  <xf numFmtId="166"/>
  <xf numFmtId="167"/>
  <xf numFmtId="3"/>
  <xf numFmtId="22"/>
  <xf numFmtId="49"/>
  <xf numFmtId="45"/>
  <xf numFmtId="31"/>
  <xf/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>)");
  ASSERT_TRUE(styles.ok()) << styles.status().ToString();
  ASSERT_EQ(styles->size(), 12u);
  const bool expected[] = {false, true, true, false, true, false, false, false, false, true, true, false};
  for (uint32_t i = 0; i < 12; ++i) EXPECT_EQ(styles->IsDate(i), expected[i]) << i;
  EXPECT_EQ(styles->NumberFormatId(2), 164u);
  EXPECT_EQ(styles->NumberFormatId(11), 0u);
  EXPECT_FALSE(styles->IsDate(12));  // past the end
  EXPECT_FALSE(styles->IsDate(4000000000u));
  EXPECT_EQ(styles->NumberFormatId(12), 0u);
}

TEST(CellStylesTest, PrefixedStylesPart) {
  TempDir dir;
  auto styles = ReadStylesXml(
      dir, R"(<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
           R"(<x:numFmts><x:numFmt numFmtId="170" formatCode="dd/mm/yyyy"/></x:numFmts>)"
           R"(<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>)");
  ASSERT_TRUE(styles.ok()) << styles.status().ToString();
  ASSERT_EQ(styles->size(), 2u);
  EXPECT_FALSE(styles->IsDate(0));
  EXPECT_TRUE(styles->IsDate(1));
}

TEST(CellStylesTest, RealExportsHaveNoDateStyles) {
  for (const char* name : {"crexi_industrial_export_4643.xlsx", "pbc_flex_sample_50.xlsx"}) {
    SCOPED_TRACE(name);
    auto zip = OpenZip(TestDataPath(name));
    ASSERT_TRUE(zip.ok());
    auto styles = ReadCellStyles(zip->get(), "xl/styles.xml");
    ASSERT_TRUE(styles.ok()) << styles.status().ToString();
    EXPECT_EQ(styles->size(), 2u);  // default and the bold header
    EXPECT_FALSE(styles->IsDate(0));
    EXPECT_FALSE(styles->IsDate(1));
  }
}

TEST(CellStylesTest, NoStylesPartMeansNoDates) {
  auto zip = OpenZip(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto styles = ReadCellStyles(zip->get(), "");
  ASSERT_TRUE(styles.ok());
  EXPECT_EQ(styles->size(), 0u);
  EXPECT_FALSE(styles->IsDate(0));
}

TEST(CellStylesTest, MalformedStylesPartIsCorrupt) {
  TempDir dir;
  auto styles = ReadStylesXml(dir, "<styleSheet><cellXfs><xf></cellXfs>");
  ASSERT_FALSE(styles.ok());
  EXPECT_EQ(styles.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(styles.status().message(), ::testing::HasSubstr("xl/styles.xml: XML error"));
}

// The style index of each cell ("A1" -> s) in a sheet part. Both producers
// write <c r="A1" s="3" ...> with r first and s, when present, second.
std::map<std::string, uint32_t> CellStyleIndices(std::string_view sheet_xml) {
  std::map<std::string, uint32_t> out;
  for (size_t at = sheet_xml.find("<c r=\""); at != std::string_view::npos;
       at = sheet_xml.find("<c r=\"", at + 1)) {
    const size_t ref_begin = at + 6;
    const size_t ref_end = sheet_xml.find('"', ref_begin);
    const std::string ref(sheet_xml.substr(ref_begin, ref_end - ref_begin));
    uint32_t style = 0;
    if (sheet_xml.substr(ref_end + 1, 4) == " s=\"")
      style = static_cast<uint32_t>(std::stoul(std::string(sheet_xml.substr(ref_end + 5, 6))));
    out[ref] = style;
  }
  return out;
}

TEST(CellStylesTest, XlsxwriterAndOpenpyxlDateFormats) {
  TempDir dir;
  const auto xw = dir.path() / "xw.xlsx";
  const auto op = dir.path() / "op.xlsx";
  // Column A holds dates/times, column B numbers and text.
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(import datetime, xlsxwriter, openpyxl
dates = ['yyyy-mm-dd', 'd mmm yyyy', 'hh:mm', '[h]:mm:ss', '[$-409]mmmm d, yyyy', 'm/d/yyyy h:mm', 14, 22]
others = ['0.00', '#,##0', '0%', '@', '"Day "0', 'General', '[Red]0.0', 4]
wb = xlsxwriter.Workbook('{}')
ws = wb.add_worksheet()
for i, f in enumerate(dates):
    ws.write_number(i, 0, 45000.5, wb.add_format({{'num_format': f}}))
for i, f in enumerate(others):
    ws.write_number(i, 1, 45000.5, wb.add_format({{'num_format': f}}))
ws.write_datetime(20, 0, datetime.datetime(2024, 5, 6), wb.add_format({{'num_format': 'dd/mm/yy'}}))
wb.close()
wb = openpyxl.Workbook()
ws = wb.active
ws['A1'] = datetime.datetime(2024, 5, 6, 7, 8)
ws['A2'] = datetime.date(2024, 5, 6)
ws['A3'] = datetime.time(7, 8)
ws['B1'] = 1.5
ws['B2'] = 3
ws['B2'].number_format = '#,##0.00'
wb.save('{}')
)",
                                                  xw.string(), op.string())));
  for (const auto& path : {xw, op}) {
    SCOPED_TRACE(path.filename().string());
    auto zip = OpenZip(path);
    ASSERT_TRUE(zip.ok());
    auto info = ReadWorkbookInfo(zip->get());
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    auto styles = ReadCellStyles(zip->get(), info->styles_part);
    ASSERT_TRUE(styles.ok()) << styles.status().ToString();
    auto sheet = (*zip)->ReadEntry(info->sheets.at(0).part, 1 << 20);
    ASSERT_TRUE(sheet.ok());
    const auto cells = CellStyleIndices(*sheet);
    ASSERT_GE(cells.size(), 5u);
    for (const auto& [ref, style] : cells) {
      EXPECT_EQ(styles->IsDate(style), ref[0] == 'A') << ref << " style " << style;
    }
  }
}

}  // namespace
}  // namespace cell_styles_test
}  // namespace flexpipe
