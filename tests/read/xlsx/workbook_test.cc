// ReadWorkbookInfo and the OPC layer under it, on the real exports, on
// openpyxl output and on hand-made packages with the variations producers
// write (prefixes, absolute and "../" targets, other workbook locations).
#include "read/xlsx/workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "read/xlsx/opc_package.h"
#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace workbook_test {
namespace {

using testing::BuildZip;
using ::testing::HasSubstr;
using testing::MinimalWorkbookParts;
using testing::OpenZip;
using testing::SetPart;
using testing::TempDir;
using testing::TestDataPath;
using testing::ZipEntrySpec;

constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kMainCt = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

std::string Sheet(std::string_view name, std::string_view rid, std::string_view extra = "") {
  return fmt::format(R"(<sheet name="{}" sheetId="1" r:id="{}"{}/>)", name, rid, extra);
}
std::string WorkbookXml(std::string_view sheets, std::string_view pr = "") {
  return fmt::format(
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{}">{}<sheets>{}</sheets></workbook>)",
      kRelNs, pr, sheets);
}
std::string Rel(std::string_view id, std::string_view type, std::string_view target,
                std::string_view extra = "") {
  return fmt::format(R"(<Relationship Id="{}" Type="{}/{}" Target="{}"{}/>)", id, kRelNs, type, target,
                     extra);
}
std::string Rels(std::string_view rels) {
  return fmt::format(
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>)",
      rels);
}
std::string ContentTypesXml(std::string_view overrides) {
  return fmt::format(
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>{}</Types>)",
      overrides);
}
std::string Override(std::string_view part, std::string_view type) {
  return fmt::format(R"(<Override PartName="{}" ContentType="{}"/>)", part, type);
}

Result<WorkbookInfo> ReadInfo(const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(auto zip, OpenZip(path));
  return ReadWorkbookInfo(zip.get());
}

Result<WorkbookInfo> BuildAndRead(const TempDir& dir, const std::vector<ZipEntrySpec>& parts) {
  return ReadInfo(BuildZip(dir, "book.xlsx", parts));
}

TEST(WorkbookTest, CrexiExport) {
  auto info = ReadInfo(TestDataPath("crexi_industrial_export_4643.xlsx"));
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(info->sheets.size(), 1u);
  EXPECT_EQ(info->sheets[0].name, "Sheet1");
  EXPECT_EQ(info->sheets[0].part, "xl/worksheets/sheet1.xml");  // an absolute Target in the rels
  EXPECT_TRUE(info->sheets[0].visible);
  EXPECT_EQ(info->sheets[0].index, 1);
  EXPECT_FALSE(info->date1904);
  EXPECT_EQ(info->shared_strings_part, "");  // inline strings only
  EXPECT_EQ(info->styles_part, "xl/styles.xml");
  EXPECT_EQ(info->workbook_part, "xl/workbook.xml");
}

TEST(WorkbookTest, PbcExports) {
  auto sample = ReadInfo(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(sample.ok()) << sample.status().ToString();
  ASSERT_EQ(sample->sheets.size(), 1u);
  EXPECT_EQ(sample->sheets[0].name, "Properties");
  EXPECT_EQ(sample->sheets[0].part, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sample->shared_strings_part, "xl/sharedStrings.xml");
  EXPECT_EQ(sample->styles_part, "xl/styles.xml");

  auto all = ReadInfo(TestDataPath("pbc_flex_properties_611.xlsx"));
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->sheets.size(), 1u);
  EXPECT_EQ(all->sheets[0].name, "All Flex Properties");
  EXPECT_EQ(all->shared_strings_part, "");
}

TEST(WorkbookTest, ManySheetsKeepWorkbookOrder) {
  auto info = ReadInfo(TestDataPath("pbc_cama_code_descriptions.xlsx"));
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(info->sheets.size(), 26u);
  EXPECT_EQ(info->sheets[0].name, "ALL Records - PCN City Codes");
  EXPECT_EQ(info->sheets[21].name, "OBY Record - Type Codes");  // sheetId 1, but 22nd in the workbook
  for (size_t i = 0; i < info->sheets.size(); ++i) {
    EXPECT_EQ(info->sheets[i].index, static_cast<int>(i) + 1);
    EXPECT_TRUE(info->sheets[i].part.starts_with("xl/worksheets/sheet")) << info->sheets[i].part;
  }
  EXPECT_EQ(info->shared_strings_part, "xl/sharedStrings.xml");
}

TEST(WorkbookTest, MissingContentTypesIsAClearError) {
  const auto path = TestDataPath("broken_no_content_types.xlsx");
  auto info = ReadInfo(path);
  ASSERT_FALSE(info.ok());
  EXPECT_EQ(info.status().code(), ErrorCode::kCorruptFile);
  EXPECT_EQ(info.status().message(), "not a valid XLSX workbook: [Content_Types].xml is missing");
  EXPECT_EQ(info.status().location().file, path.string());
}

TEST(WorkbookTest, OpenpyxlHiddenSheetsChartsheetAnd1904) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Data'
ws.append(['a', 1])
wb.create_sheet('Hidden').sheet_state = 'hidden'
cs = wb.create_chartsheet('Chart')
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=1))
cs.add_chart(chart)
wb.create_sheet('Very & "hidden"').sheet_state = 'veryHidden'
wb.epoch = CALENDAR_MAC_1904
wb.save('{}')
)",
                                                  path.string())));
  auto info = ReadInfo(path);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(info->sheets.size(), 3u);
  EXPECT_EQ(info->sheets[0].name, "Data");
  EXPECT_TRUE(info->sheets[0].visible);
  EXPECT_EQ(info->sheets[0].index, 1);
  EXPECT_EQ(info->sheets[1].name, "Hidden");
  EXPECT_FALSE(info->sheets[1].visible);
  EXPECT_EQ(info->sheets[1].index, 2);
  EXPECT_EQ(info->sheets[2].name, "Very & \"hidden\"");  // the chartsheet (3) is skipped
  EXPECT_FALSE(info->sheets[2].visible);
  EXPECT_EQ(info->sheets[2].index, 4);
  EXPECT_TRUE(info->date1904);
  EXPECT_EQ(info->styles_part, "xl/styles.xml");
}

TEST(WorkbookTest, PrefixedElementsAndStrictNamespaces) {
  TempDir dir;
  auto parts = MinimalWorkbookParts();
  SetPart(
      &parts, "xl/workbook.xml",
      R"(<x:workbook xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Prefixed" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>)");
  SetPart(
      &parts, "xl/_rels/workbook.xml.rels",
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="styles.xml"/></Relationships>)");
  SetPart(&parts, "xl/styles.xml", "<styleSheet/>");
  auto info = BuildAndRead(dir, parts);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(info->sheets.size(), 1u);
  EXPECT_EQ(info->sheets[0].name, "Prefixed");
  EXPECT_TRUE(info->date1904);
  EXPECT_EQ(info->styles_part, "xl/styles.xml");
}

TEST(WorkbookTest, TargetsResolveLikeExcel) {
  TempDir dir;
  auto parts = MinimalWorkbookParts();
  SetPart(&parts, "xl/workbook.xml",
          WorkbookXml(Sheet("Abs", "rId1") + Sheet("Up", "rId2") + Sheet("Dot", "rId3") +
                      Sheet("Pct", "rId4") + Sheet("Case", "rId5")));
  SetPart(&parts, "xl/_rels/workbook.xml.rels",
          Rels(Rel("rId1", "worksheet", "/xl/worksheets/sheet1.xml") +
               Rel("rId2", "worksheet", "../data/sheet2.xml") +
               Rel("rId3", "worksheet", "./worksheets/./sheet3.xml") +
               Rel("rId4", "worksheet", "worksheets/my%20sheet.xml") +
               Rel("rId5", "worksheet", "WORKSHEETS/SHEET1.XML") +
               Rel("rId6", "hyperlink", "https://example.com/x.xml", R"( TargetMode="External")") +
               Rel("rId7", "sharedStrings", "../shared/strings.xml")));
  SetPart(&parts, "data/sheet2.xml", "<worksheet/>");
  SetPart(&parts, "xl/worksheets/sheet3.xml", "<worksheet/>");
  SetPart(&parts, "xl/worksheets/my sheet.xml", "<worksheet/>");
  SetPart(&parts, "shared/strings.xml", "<sst/>");
  auto info = BuildAndRead(dir, parts);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  ASSERT_EQ(info->sheets.size(), 5u);
  EXPECT_EQ(info->sheets[0].part, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(info->sheets[1].part, "data/sheet2.xml");
  EXPECT_EQ(info->sheets[2].part, "xl/worksheets/sheet3.xml");
  EXPECT_EQ(info->sheets[3].part, "xl/worksheets/my sheet.xml");
  EXPECT_EQ(info->sheets[4].part, "xl/worksheets/sheet1.xml");  // the stored name
  EXPECT_EQ(info->shared_strings_part, "shared/strings.xml");
  EXPECT_EQ(info->styles_part, "");
}

TEST(WorkbookTest, WorkbookFoundThroughPackageRelationshipsOrOtherContentTypes) {
  TempDir dir;
  // No Override for the workbook: _rels/.rels decides; the workbook lives elsewhere.
  std::vector<ZipEntrySpec> parts = {
      {"[Content_Types].xml", ContentTypesXml("")},
      {"_rels/.rels", Rels(Rel("rId1", "officeDocument", "/book/main.xml"))},
      {"book/main.xml", WorkbookXml(Sheet("Only", "r1"))},
      {"book/_rels/main.xml.rels", Rels(Rel("r1", "worksheet", "s/1.xml"))},
      {"book/s/1.xml", "<worksheet/>"},
  };
  auto info = BuildAndRead(dir, parts);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->workbook_part, "book/main.xml");
  ASSERT_EQ(info->sheets.size(), 1u);
  EXPECT_EQ(info->sheets[0].part, "book/s/1.xml");

  for (const char* type : {"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                           "application/vnd.ms-excel.template.macroEnabled.main+xml"}) {
    SCOPED_TRACE(type);
    auto typed = MinimalWorkbookParts();
    SetPart(&typed, "[Content_Types].xml", ContentTypesXml(Override("/xl/workbook.xml", type)));
    SetPart(&typed, "_rels/.rels", Rels(""));
    auto got = BuildAndRead(dir, typed);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(got->workbook_part, "xl/workbook.xml");
  }
}

TEST(WorkbookTest, OtherDocumentKindsAreUnsupported) {
  TempDir dir;
  struct Case {
    std::vector<ZipEntrySpec> parts;
    const char* message;
  };
  const Case cases[] = {
      {{{"[Content_Types].xml",
         ContentTypesXml(
             Override("/xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main"))}},
       "binary workbook (.xlsb) is not supported: save it as .xlsx"},
      {{{"[Content_Types].xml",
         ContentTypesXml(
             Override("/word/document.xml",
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))}},
       "Word document"},
      {{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}},
       "OpenDocument spreadsheets (.ods) are not supported"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    auto info = BuildAndRead(dir, c.parts);
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.status().code(), ErrorCode::kUnsupportedFormat);
    EXPECT_THAT(info.status().message(), HasSubstr(c.message));
  }
}

TEST(WorkbookTest, MissingPartsAreCorruptFilesNamingThePart) {
  TempDir dir;
  struct Case {
    std::string part;  // replaced
    std::string data;  // "" with drop = true removes it
    bool drop;
    std::string message;
  };
  const Case cases[] = {
      {"xl/workbook.xml", "", true, "part \"xl/workbook.xml\" is missing"},
      {"xl/_rels/workbook.xml.rels", "", true, "part \"xl/_rels/workbook.xml.rels\" is missing"},
      {"xl/worksheets/sheet1.xml", "", true, "part \"xl/worksheets/sheet1.xml\" is missing"},
      {"xl/_rels/workbook.xml.rels",
       Rels(Rel("rId1", "worksheet", "worksheets/sheet1.xml") +
            Rel("rId2", "sharedStrings", "sharedStrings.xml")),
       false, "part \"xl/sharedStrings.xml\" is missing"},
      {"xl/_rels/workbook.xml.rels", Rels(Rel("rId9", "worksheet", "worksheets/sheet1.xml")), false,
       "xl/workbook.xml: sheet \"Sheet1\" refers to relationship \"rId1\", which xl/_rels/workbook.xml.rels "
       "does "
       "not define"},
      {"xl/_rels/workbook.xml.rels", Rels(Rel("rId1", "worksheet", "../../sheet1.xml")), false,
       "relationship \"rId1\" points outside the package (\"../../sheet1.xml\")"},
      {"xl/workbook.xml", "<workbook><sheets><sheet name=\"x\"></sheets></workbook>", false,
       "xl/workbook.xml: XML error at line 1"},
      {"[Content_Types].xml", ContentTypesXml(""), false,
       "neither [Content_Types].xml nor _rels/.rels names a workbook part"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    std::vector<ZipEntrySpec> parts;
    for (ZipEntrySpec& e : MinimalWorkbookParts()) {
      if (e.name == c.part && c.drop) continue;
      if (e.name == c.part) e.data = c.data;
      if (c.part == "[Content_Types].xml" && e.name == "_rels/.rels") continue;
      parts.push_back(e);
    }
    auto info = BuildAndRead(dir, parts);
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.status().code(), ErrorCode::kCorruptFile);
    EXPECT_THAT(info.status().message(), HasSubstr(c.message));
    EXPECT_EQ(info.status().location().file, (dir.path() / "book.xlsx").string());
  }
}

TEST(WorkbookOpcTest, ResolvePartTarget) {
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartTarget("/xl/workbook.xml", "../customXml/item1.xml"), "customXml/item1.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "./a/./b/../c.xml"), "xl/a/c.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "worksheets\\sheet1.xml"), "xl/worksheets/sheet1.xml");
  EXPECT_EQ(ResolvePartTarget("xl/workbook.xml", "../../escape.xml"), "");
  EXPECT_EQ(ResolvePartTarget("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(ResolvePartTarget("workbook.xml", "sheet.xml"), "sheet.xml");
}

TEST(WorkbookOpcTest, RelationshipsPartAndTypes) {
  EXPECT_EQ(RelationshipsPartOf("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
  EXPECT_EQ(RelationshipsPartOf("/book.xml"), "_rels/book.xml.rels");
  EXPECT_EQ(RelationshipsPartOf(""), "_rels/.rels");
  EXPECT_TRUE(RelationshipTypeIs(std::string(kRelNs) + "/worksheet", "worksheet"));
  EXPECT_TRUE(
      RelationshipTypeIs("http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet", "worksheet"));
  EXPECT_FALSE(RelationshipTypeIs(std::string(kRelNs) + "/chartsheet", "sheet"));
  EXPECT_FALSE(RelationshipTypeIs("worksheet", "worksheet"));
}

}  // namespace
}  // namespace workbook_test
}  // namespace flexpipe
