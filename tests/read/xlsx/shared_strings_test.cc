// The shared-string table: real exports, xlsxwriter output (rich text,
// escapes, whitespace), hand-written parts with every construct, a large
// table, and hostile XML.
#include "read/xlsx/shared_strings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "read/xlsx/workbook.h"
#include "read/xlsx/xlsx_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace shared_strings_test {
namespace {

using testing::BuildZip;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::OpenZip;
using testing::TempDir;
using testing::TestDataPath;

std::vector<std::string> All(const SharedStrings& table) {
  std::vector<std::string> out;
  for (uint32_t i = 0; i < table.size(); ++i) out.emplace_back(table.Get(i));
  return out;
}

// Reads `sst` (the part's XML) as xl/sharedStrings.xml of a tiny archive.
Result<SharedStrings> ReadPart(const TempDir& dir, const std::string& sst) {
  const auto path = BuildZip(dir, "sst.zip", {{"xl/sharedStrings.xml", sst}});
  FP_ASSIGN_OR_RETURN(auto zip, OpenZip(path));
  return ReadSharedStrings(zip.get(), "xl/sharedStrings.xml");
}

std::string Sst(std::string_view items) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
         std::string(items) + "</sst>";
}

TEST(SharedStringsTest, PbcSampleExport) {
  auto zip = OpenZip(TestDataPath("pbc_flex_sample_50.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto table = ReadSharedStrings(zip->get(), "xl/sharedStrings.xml");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->size(), 126u);  // uniqueCount
  EXPECT_EQ(table->Get(0), "parcel_id");
  EXPECT_EQ(table->Get(15), "taxable_value_current");
  EXPECT_EQ(table->Get(16), "3151 SW 14TH PL");
  EXPECT_EQ(table->Get(125), "HELENA CHEMICAL COMPANY");
  EXPECT_LT(table->memory_bytes(), 8192u);
}

TEST(SharedStringsTest, EmptyPartNameGivesTheEmptyTable) {
  auto zip = OpenZip(TestDataPath("crexi_industrial_export_4643.xlsx"));
  ASSERT_TRUE(zip.ok());
  auto table = ReadSharedStrings(zip->get(), "");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->size(), 0u);
  EXPECT_EQ(ReadSharedStrings(zip->get(), "xl/sharedStrings.xml").status().code(), ErrorCode::kCorruptFile);
}

TEST(SharedStringsTest, XlsxwriterRichTextEscapesAndWhitespace) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(import xlsxwriter
wb = xlsxwriter.Workbook('{}')
ws = wb.add_worksheet()
bold = wb.add_format({{'bold': True}})
for i, s in enumerate(['  padded  ', 'line1\nline2', 'ctl\x01x\x1f', '_x0041_ literal', 'caf\u00e9 \u263a \U0001F600',
                       'cr\r\nlf', ' ', 'a &amp; <b>']):
    ws.write_string(i, 0, s)
ws.write_rich_string(20, 0, 'plain ', bold, 'bold', ' tail')
wb.close()
)",
                                                  path.string())));
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok());
  auto info = ReadWorkbookInfo(zip->get());
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  auto table = ReadSharedStrings(zip->get(), info->shared_strings_part);
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_THAT(All(*table),
              ElementsAre("  padded  ", "line1\nline2", "ctl\x01x\x1f", "_x0041_ literal",
                          "caf\u00e9 \u263a \U0001F600", "cr\r\nlf", " ", "a &amp; <b>", "plain bold tail"));
}

TEST(SharedStringsTest, EveryConstructOfAnSiItem) {
  TempDir dir;
  auto table = ReadPart(
      dir, Sst(R"(<si><t>plain</t></si>)"
               R"(<si/>)"
               R"(<si><t/></si>)"
               R"(<si><r><t>rich </t></r>  <r><rPr><b/><rFont val="Arial"/></rPr><t>text</t></r></si>)"
               R"(<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>)"
               R"(<si><t xml:space="preserve">  keep  </t></si>)"
               R"(<si><t>  also kept  </t></si>)"
               R"(<si><t>a&amp;b &lt;c&gt; &#233;&#x1F600; "q" 'a'</t></si>)"
               R"(<si><t><![CDATA[<raw> & stuff]]></t></si>)"
               "<si><t>two\r\nlines</t></si>"));
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_THAT(All(*table), ElementsAre("plain", "", "", "rich text", "漢字", "  keep  ", "  also kept  ",
                                       "a&b <c> \u00e9\U0001F600 \"q\" 'a'", "<raw> & stuff", "two\nlines"));
}

TEST(SharedStringsTest, PrefixedElements) {
  TempDir dir;
  auto table = ReadPart(
      dir, R"(<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
           R"(<x:si><x:t>one</x:t></x:si><x:si><x:r><x:t>t</x:t></x:r><x:r><x:t>wo</x:t></x:r></x:si>)"
           R"(</x:sst>)");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_THAT(All(*table), ElementsAre("one", "two"));
}

TEST(SharedStringsTest, ExcelEscapesAreDecoded) {
  TempDir dir;
  auto table = ReadPart(dir, Sst("<si><t>a_x000D_b</t></si>"
                                 "<si><t>_x005F_x000D_</t></si>"
                                 "<si><t>tab_x0009_</t></si>"
                                 "<si><t>_x00e9__x00E9_</t></si>"
                                 "<si><t>_xD83D__xDE00_</t></si>"
                                 "<si><t>_xD83D_ lone _xDE00_</t></si>"
                                 "<si><t>_X000D_ _x00G1_ _x12_ _x000D _x_</t></si>"
                                 "<si><r><t>split _x00</t></r><r><t>0D_ runs</t></r></si>"));
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_THAT(All(*table),
              ElementsAre("a\rb", "_x000D_", "tab\t", "\u00e9\u00e9", "\U0001F600", "\uFFFD lone \uFFFD",
                          "_X000D_ _x00G1_ _x12_ _x000D _x_", "split _x000D_ runs"));
}

TEST(SharedStringsTest, DecodeOoxmlEscapesInPlace) {
  auto decode = [](std::string s) {
    s.resize(DecodeOoxmlEscapes(s.data(), s.size()));
    return s;
  };
  EXPECT_EQ(decode(""), "");
  EXPECT_EQ(decode("no escapes_here"), "no escapes_here");
  EXPECT_EQ(decode("_x0041__x0042_"), "AB");
  EXPECT_EQ(decode("_x0041"), "_x0041");
  EXPECT_EQ(decode("__x0041_"), "_A");
  EXPECT_EQ(decode("_x20AC_"), "\u20AC");
  EXPECT_EQ(decode("_xFFFF_"), "\uFFFF");
}

TEST(SharedStringsTest, DocumentTypeDeclarationIsRefused) {
  TempDir dir;
  auto table = ReadPart(
      dir,
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>)"
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&c;</t></si></sst>)");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(table.status().message(),
              HasSubstr("xl/sharedStrings.xml: XML document type declarations are not allowed (possible "
                        "entity-expansion attack)"));
  EXPECT_EQ(table.status().location().file, (dir.path() / "sst.zip").string());
}

TEST(SharedStringsTest, TruncatedXmlIsCorrupt) {
  TempDir dir;
  auto table = ReadPart(dir, Sst("<si><t>one</t></si><si><t>tw").substr(0, 150));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(table.status().message(), HasSubstr("xl/sharedStrings.xml: XML error"));
}

TEST(SharedStringsTest, LargeTableIsCompact) {
  TempDir dir;
  const auto path = dir.path() / "big.zip";
  constexpr int kCount = 300000;
  ASSERT_TRUE(testing::RunPython(dir, fmt::format(R"(import zipfile
with zipfile.ZipFile('{}', 'w', zipfile.ZIP_DEFLATED) as z:
    with z.open('xl/sharedStrings.xml', 'w') as f:
        f.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{}">')
        for i in range({}):
            if i % 10 == 0:
                f.write(b'<si><r><t>%d </t></r><r><rPr><b/></rPr><t>RICH ROAD</t></r></si>' % i)
            else:
                f.write(b'<si><t>%d MAIN STREET SUITE %d</t></si>' % (i, i % 97))
        f.write(b'</sst>')
)",
                                                  path.string(), kCount, kCount)));
  auto zip = OpenZip(path);
  ASSERT_TRUE(zip.ok());
  const auto start = std::chrono::steady_clock::now();
  auto table = ReadSharedStrings(zip->get(), "xl/sharedStrings.xml");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->size(), static_cast<size_t>(kCount));
  size_t text = 0;
  for (uint32_t i = 0; i < table->size(); ++i) text += table->Get(i).size();
  EXPECT_EQ(table->Get(0), "0 RICH ROAD");
  EXPECT_EQ(table->Get(1), "1 MAIN STREET SUITE 1");
  EXPECT_EQ(table->Get(299999), "299999 MAIN STREET SUITE 75");
  // One arena and 4 bytes per string, with little slack.
  const size_t ideal = text + 4 * table->size();
  EXPECT_LE(table->memory_bytes(), ideal + ideal / 8 + 8192) << "text " << text;
  RecordProperty("seconds", std::to_string(seconds));
  RecordProperty("memory_bytes", std::to_string(table->memory_bytes()));
  RecordProperty("part_bytes", std::to_string(*(*zip)->UncompressedSize("xl/sharedStrings.xml")));
}

}  // namespace
}  // namespace shared_strings_test
}  // namespace flexpipe
