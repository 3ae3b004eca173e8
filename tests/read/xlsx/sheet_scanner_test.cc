// The sheet scanner on hand-written worksheet XML: what real producers write
// (Excel, openpyxl, LibreOffice, prefixed namespaces), and every error.
#include "read/xlsx/sheet_scanner.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/xlsx/sheet_test_util.h"

namespace flexpipe {
namespace sheet_scanner_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::ScannedSheet;
using testing::ScanSheet;
using testing::Worksheet;

TEST(SheetScannerTest, ReadsAnExcelSheet) {
  const std::string xml = Worksheet(
      "<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" s=\"16\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\" s=\"16\"/><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\" spans=\"1:3\"><c r=\"A2\"><v>8.4346050800001296E+15</v></c><c r=\"B2\" "
      "s=\"2\"><v>45000</v>"
      "</c><c r=\"C2\" t=\"b\"><v>1</v></c></row>",
      "<mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/><mergeCell ref=\"C5:B3\"/></mergeCells>");
  const ScannedSheet s = ScanSheet(xml);
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 s#16 \"0\" | B1 n#16 \"\" | C1 s \"1\"",
                                  "2: A2 n \"8.4346050800001296E+15\" | B2 n#2 \"45000\" | C2 b \"1\""));
  EXPECT_EQ(s.dimension, "A1:C3");
  EXPECT_THAT(s.merges, ElementsAre("A1:B1", "B3:C5"));
  EXPECT_EQ(s.bytes_consumed, xml.size());
  EXPECT_EQ(s.bytes_read, xml.size());
}

TEST(SheetScannerTest, AllCellTypes) {
  const ScannedSheet s =
      ScanSheet(Worksheet("<row r=\"1\"><c r=\"A1\" t=\"n\"><v>-1.5</v></c><c r=\"B1\" t=\"s\"><v>7</v></c>"
                          "<c r=\"C1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"D1\" "
                          "t=\"str\"><f>A1&amp;\"!\"</f><v>-1.5!</v></c>"
                          "<c r=\"E1\" t=\"b\"><v>0</v></c><c r=\"F1\" t=\"e\"><v>#N/A</v></c>"
                          "<c r=\"G1\" t=\"d\"><v>2023-03-15T00:00:00</v></c></row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows,
              ElementsAre("1: A1 n \"-1.5\" | B1 s \"7\" | C1 is \"x\" | D1 str \"-1.5!\" | E1 b \"0\" | "
                          "F1 e \"#N/A\" | G1 d \"2023-03-15T00:00:00\""));
}

TEST(SheetScannerTest, NamespacePrefixes) {
  const ScannedSheet s = ScanSheet(
      "<?xml version=\"1.0\"?><x:worksheet "
      "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:dimension ref=\"A1:B2\"/><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" "
      "t=\"inlineStr\"><x:is><x:t>a</x:t>"
      "</x:is></x:c><x:c r=\"B1\"><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell "
      "ref=\"A1:B1\"/></x:mergeCells></x:worksheet>");
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 is \"a\" | B1 n \"2\""));
  EXPECT_EQ(s.dimension, "A1:B2");
  EXPECT_THAT(s.merges, ElementsAre("A1:B1"));
}

TEST(SheetScannerTest, AttributesInAnyOrderAndQuoting) {
  const ScannedSheet s =
      ScanSheet(Worksheet("<row spans='1:2' r='4' ><c t='s' s = \"3\"\n\tr='B4' ><v>5</v></c><c\nt=\"str\"   "
                          "r=\"C4\"><v>x</v></c>"
                          "</row >"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("4: B4 s#3 \"5\" | C4 str \"x\""));
}

TEST(SheetScannerTest, SelfClosingAndEmptyRowsCountButAreSkipped) {
  const ScannedSheet s = ScanSheet(Worksheet(
      "<row r=\"1\"/><row r=\"2\" ht=\"30\" customHeight=\"1\"></row><row r=\"3\"><c r=\"A3\"/></row>"
      "<row/><row><c><v>1</v></c></row>"));
  EXPECT_EQ(s.error, "");
  // Row 3's cell is blank but present; the unnumbered rows are 4 (skipped) and 5.
  EXPECT_THAT(s.rows, ElementsAre("3: A3 n \"\"", "5: A5 n \"1\""));
}

TEST(SheetScannerTest, MissingRowsAndCellsWithoutReferences) {
  const ScannedSheet s = ScanSheet(
      Worksheet("<row r=\"2\"><c><v>a</v></c><c><v>b</v></c><c r=\"E2\"><v>e</v></c><c><v>f</v></c></row>"
                "<row r=\"10\"><c r=\"C10\"><v>1</v></c></row><row><c><v>2</v></c></row>"
                "<row><c r=\"B20\"><v>3</v></c><c><v>4</v></c></row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("2: A2 n \"a\" | B2 n \"b\" | E2 n \"e\" | F2 n \"f\"", "10: C10 n \"1\"",
                                  "11: A11 n \"2\"",
                                  // A row without r takes its first cell's row.
                                  "20: B20 n \"3\" | C20 n \"4\""));
}

TEST(SheetScannerTest, FormulasUseTheCachedValue) {
  const ScannedSheet s = ScanSheet(Worksheet(
      "<row r=\"1\"><c r=\"A1\"><f>SUM(B1:C1)</f><v>3</v></c><c r=\"B1\"><f t=\"shared\" ref=\"B1:B9\" "
      "si=\"0\">"
      "A1*2</f><v>6</v></c><c r=\"C1\"><f t=\"shared\" si=\"0\"/><v>12</v></c><c r=\"D1\"><f>NOW()</f></c>"
      "<c r=\"E1\" t=\"str\"><f>IF(A1&gt;1,\"a&lt;b\",\"\")</f><v>a&lt;b</v></c></row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 n \"3\" | B1 n \"6\" | C1 n \"12\" | D1 n \"\" | E1 str \"a<b\""));
}

TEST(SheetScannerTest, InlineStringsAndRichText) {
  const ScannedSheet s = ScanSheet(Worksheet(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  two  spaces </t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><r><rPr><b/><sz val=\"11\"/></rPr><t>Bold</t></r><r><t xml:space="
      "\"preserve\"> and plain</t></r><rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/>"
      "</is></c><c r=\"C1\" t=\"inlineStr\"></c><c r=\"D1\" t=\"inlineStr\"><is><t/></is></c>"
      "<c r=\"E1\" t=\"inlineStr\"><is>\n  <t>indented</t>\n</is></c><c r=\"F1\"><is><t>no t</t></is></c>"
      "</row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 is \"  two  spaces \" | B1 is \"Bold and plain\" | C1 is \"\" | "
                                  "D1 is \"\" | E1 is \"indented\" | F1 is \"no t\""));
}

TEST(SheetScannerTest, EntitiesAndLineEnds) {
  const ScannedSheet s = ScanSheet(
      Worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Smith &amp; Sons &lt;LLC&gt; &quot;q&quot; "
                "&apos;a&apos;"
                "</t></is></c><c r=\"B1\" t=\"str\"><v>&#65;&#x42;&#x20AC;&#128512;</v></c>"
                "<c r=\"C1\" t=\"inlineStr\"><is><t>line1\r\nline2\rline3\nline4</t></is></c>"
                "<c r=\"D1\" t=\"inlineStr\"><is><r><t>a&amp;</t></r><r><t>b</t></r></is></c></row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 is \"Smith & Sons <LLC> \\\"q\\\" 'a'\" | B1 str \"AB€😀\" | "
                                  "C1 is \"line1\\nline2\\nline3\\nline4\" | D1 is \"a&b\""));
}

TEST(SheetScannerTest, InlineStringsDecodeExcelsEscapesAsSharedStringsDo) {
  const ScannedSheet s =
      ScanSheet(Worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tab_x0009_Here</t></is></c>"
                          "<c r=\"B1\" t=\"inlineStr\"><is><t>a_x005F_x0041_b &amp; snake_case</t></is></c>"
                          "<c r=\"C1\" t=\"inlineStr\"><is><r><t>_x00</t></r><r><t>41_</t></r></is></c>"
                          "<c r=\"D1\" t=\"str\"><v>kept_x0041_</v></c></row>"));
  EXPECT_EQ(s.error, "");
  // C1: an escape split across runs is decoded after the runs are joined;
  // D1: only string cells' text is Excel's to escape, formula results are not.
  EXPECT_THAT(s.rows,
              ElementsAre("1: A1 is \"Tab\\tHere\" | B1 is \"a_x0041_b & snake_case\" | C1 is \"A\" | "
                          "D1 str \"kept_x0041_\""));
}

TEST(SheetScannerTest, CdataCommentsAndProcessingInstructions) {
  const ScannedSheet s = ScanSheet(Worksheet(
      "<!-- rows follow --><row r=\"1\"><!-- a cell --><c r=\"A1\" "
      "t=\"inlineStr\"><is><t><![CDATA[a<b>&amp;]]>"
      "</t></is></c><?pi data?><c r=\"B1\" t=\"str\"><v>x<![CDATA[]]>y<!-- c -->z<![CDATA[</v>]]></v></c>"
      "</row>\n<?another?>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 is \"a<b>&amp;\" | B1 str \"xyz</v>\""));
}

TEST(SheetScannerTest, PrettyPrintedXml) {
  const ScannedSheet s = ScanSheet(
      "<?xml version=\"1.0\"?>\n<worksheet>\n  <sheetData>\n    <row r=\"1\">\n      <c r=\"A1\" t=\"s\">\n"
      "        <v>1</v>\n      </c>\n      <c r=\"B1\">\n        <v>2.5</v>\n      </c>\n    </row>\n"
      "  </sheetData>\n</worksheet>\n");
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 s \"1\" | B1 n \"2.5\""));
}

TEST(SheetScannerTest, OpenpyxlStyleSheet) {
  // openpyxl writes t="n" explicitly and empty inline strings as <c ...></c>.
  const ScannedSheet s = ScanSheet(
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetPr><outlinePr "
      "summaryBelow=\"1\" summaryRight=\"1\"/><pageSetUpPr/></sheetPr><dimension ref=\"A1:BQ4644\"/>"
      "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>Property Link</t></is></c></row>"
      "<row r=\"2\"><c r=\"BG2\" t=\"inlineStr\"></c><c r=\"BQ2\" t=\"n\"><v>3</v></c></row></sheetData>"
      "<pageMargins left=\"0.75\" right=\"0.75\" top=\"1\" bottom=\"1\" header=\"0.5\" footer=\"0.5\"/>"
      "</worksheet>");
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 is#1 \"Property Link\"", "2: BG2 is \"\" | BQ2 n \"3\""));
  EXPECT_EQ(s.dimension, "A1:BQ4644");
}

TEST(SheetScannerTest, UnknownElementsAreSkipped) {
  const ScannedSheet s = ScanSheet(Worksheet(
      "<row r=\"1\"><c r=\"A1\"><v>1</v><extLst><ext uri=\"x\"><y:z "
      "a=\"&gt;\">text<w/></y:z></ext></extLst></c>"
      "<extra><c r=\"Z1\"><v>not a cell of the row</v></c></extra><c r=\"B1\"><v>2</v></c><x:empty a=\">\"/>"
      "<c r=\"C1\"><v>3</v></c><x:ext a='1'><y/></x:ext><c r=\"D1\"><v>4</v></c></row>"
      "<unknown/><unknown a=\"1\"><row r=\"9\"><c><v>x</v></c></row></unknown><row "
      "r=\"2\"><c><v>5</v></c></row>"));
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 n \"1\" | B1 n \"2\" | C1 n \"3\" | D1 n \"4\"", "2: A2 n \"5\""));
}

TEST(SheetScannerTest, EmptySheetData) {
  for (const std::string& data : {std::string("<worksheet><sheetData/></worksheet>"),
                                  std::string("<worksheet><sheetData></sheetData></worksheet>"),
                                  Worksheet("<row r=\"1\"/><row r=\"2\"></row>")}) {
    const ScannedSheet s = ScanSheet(data);
    EXPECT_EQ(s.error, "") << data;
    EXPECT_THAT(s.rows, IsEmpty()) << data;
  }
}

TEST(SheetScannerTest, LargePreludeAndEpilogueStreamThroughASmallBuffer) {
  std::string cols = "<cols>";
  for (int i = 1; i <= 20000; ++i) cols += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"12.5\"/>", i);
  cols += "</cols>";
  std::string validations = "<dataValidations>";
  for (int i = 1; i <= 20000; ++i) {
    validations +=
        fmt::format("<dataValidation sqref=\"A{}\"><formula1>\"a,b\"</formula1></dataValidation>", i);
  }
  validations += "</dataValidations>";
  const std::string xml = "<worksheet><dimension ref=\"A1\"/>" + cols +
                          "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>" + validations +
                          "<mergeCells><mergeCell ref=\"A1:A2\"/></mergeCells></worksheet>";
  ASSERT_GT(xml.size(), 1000000u);
  const ScannedSheet s = ScanSheet(xml, {.buffer_bytes = 256, .max_row_bytes = 4096});
  EXPECT_EQ(s.error, "");
  EXPECT_THAT(s.rows, ElementsAre("1: A1 n \"1\""));
  EXPECT_EQ(s.dimension, "A1:A1");
  EXPECT_THAT(s.merges, ElementsAre("A1:A2"));
}

TEST(SheetScannerTest, LongValuesGrowTheBufferUpToTheRowLimit) {
  const std::string big(100000, 'x');
  const std::string xml =
      Worksheet(fmt::format("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>{}</t></is></c></row><row "
                            "r=\"2\"><c><v>1</v></c></row>",
                            big));
  const ScannedSheet s = ScanSheet(xml, {.buffer_bytes = 64}, 7);
  EXPECT_EQ(s.error, "");
  ASSERT_EQ(s.rows.size(), 2u);
  EXPECT_EQ(s.rows[0].size(), big.size() + 11);
}

TEST(SheetScannerTest, MemoryStaysBoundedByBufferAndLargestRow) {
  std::string rows;
  for (int r = 1; r <= 20000; ++r) {
    rows += fmt::format(
        "<row r=\"{0}\"><c r=\"A{0}\" t=\"inlineStr\"><is><t>a&amp;b {0}</t></is></c>"
        "<c r=\"B{0}\"><v>{0}</v></c></row>",
        r);
  }
  testing::StringFile file(Worksheet(rows));
  SheetScanner scanner(&file, {.buffer_bytes = 4096});
  XlsxRow row;
  size_t count = 0;
  while (true) {
    Result<bool> more = scanner.NextRow(&row);
    ASSERT_TRUE(more.ok()) << more.status().ToString();
    if (!*more) break;
    ++count;
    EXPECT_LE(scanner.memory_bytes(), 2 * 4096u);
  }
  EXPECT_EQ(count, 20000u);
}

// ---- Errors ----

std::string ErrorOf(const std::string& xml, const SheetScannerOptions& options = {}) {
  return ScanSheet(xml, options).error;
}

TEST(SheetScannerErrorTest, TruncatedInput) {
  const std::string xml = Worksheet(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v>"
      "</c></row>");
  const size_t row2 = xml.find("<row r=\"2\"");
  EXPECT_EQ(ErrorOf(xml.substr(0, row2 + 20)),
            "CORRUPT_FILE: the worksheet XML ends inside row 2 (truncated?) (row 2)");
  EXPECT_EQ(ErrorOf(xml.substr(0, row2)),
            "CORRUPT_FILE: the worksheet XML ends inside <sheetData> after row 1 (truncated?)");
  EXPECT_EQ(ErrorOf(xml.substr(0, xml.find("<row"))),
            "CORRUPT_FILE: the worksheet XML ends inside <sheetData> (truncated?)");
  EXPECT_EQ(ErrorOf(xml.substr(0, xml.size() - 5)),
            "CORRUPT_FILE: the worksheet XML ends before its end tag (truncated?)");
  EXPECT_EQ(ErrorOf(xml.substr(0, xml.find("<pageMargins"))),
            "CORRUPT_FILE: the worksheet XML ends before its end tag (truncated?)");
  EXPECT_EQ(ErrorOf(xml.substr(0, 60)), "CORRUPT_FILE: the worksheet XML ends inside a tag (truncated?)");
  EXPECT_EQ(ErrorOf(""), "CORRUPT_FILE: the worksheet part is empty");
  EXPECT_EQ(ErrorOf("<worksheet><cols/></worksheet>"), "CORRUPT_FILE: the worksheet has no <sheetData>");
}

TEST(SheetScannerErrorTest, MalformedXml) {
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=A1><v>1</v></c></row>")),
            "CORRUPT_FILE: malformed worksheet XML: attribute value not quoted (row 1, column A1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"><v>1</x></c></row>")),
            "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in a cell value (row 1, column A1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"><v>1<b>2</b></v></c></row>")),
            "CORRUPT_FILE: malformed worksheet XML: an element inside a cell value (row 1, column A1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")),
            "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in a cell (row 1, column A1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"/></c></row>")),
            "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in <row> (row 1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"/></row></row>")),
            "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in <sheetData>");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\" t=\"a<b\"/></row>")),
            "CORRUPT_FILE: malformed worksheet XML: '<' in an attribute value (row 1, column A1)");
  EXPECT_EQ(
      ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\" / ></row>")),
      "CORRUPT_FILE: malformed worksheet XML: malformed tag: '/' not followed by '>' (row 1, column A1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"></ c></row>")),
            "CORRUPT_FILE: malformed worksheet XML: missing tag name (row 1, column A1)");
  EXPECT_EQ(
      ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"><is><t>a</t></r></is></c></row>")),
      "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in an inline string (row 1, column A1)");
  EXPECT_EQ(ErrorOf("<worksheet><sheetData></worksheet>"),
            "CORRUPT_FILE: malformed worksheet XML: unexpected end tag in <sheetData>");
  EXPECT_EQ(ErrorOf("<worksheet a=1><sheetData/></worksheet>"),
            "CORRUPT_FILE: malformed worksheet XML: attribute value not quoted");
}

TEST(SheetScannerErrorTest, DocumentTypeDeclarationsAreRefused) {
  const std::string dtd =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" "
      "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData>"
      "</worksheet>";
  EXPECT_EQ(ErrorOf(dtd),
            "CORRUPT_FILE: malformed worksheet XML: document type declarations (<!DOCTYPE, <!ENTITY) are not "
            "allowed in a worksheet");
  EXPECT_THAT(ErrorOf(Worksheet("<!ENTITY x \"y\"><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
              HasSubstr("document type declarations"));
  EXPECT_THAT(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"><!DOCTYPE x><v>1</v></c></row>")),
              HasSubstr("document type declarations"));
}

TEST(SheetScannerErrorTest, InvalidEntityReferences) {
  for (const char* bad : {"&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&#12a;", "&#;", "&amp", "&;", "& b",
                          "&#99999999999999999999;"}) {
    const std::string xml = Worksheet(
        fmt::format("<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>a {} b</t></is></c></row>", bad));
    const std::string error = ErrorOf(xml);
    EXPECT_THAT(error, HasSubstr("CORRUPT_FILE: invalid entity reference")) << bad;
    EXPECT_THAT(error, HasSubstr("(row 3, column B3)")) << bad;
  }
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"3\"><c r=\"B3\"><v>&foo;</v></c></row>")),
            "CORRUPT_FILE: invalid entity reference \"&foo;\" (row 3, column B3)");
}

TEST(SheetScannerErrorTest, TextThatIsNotUtf8FailsWithItsCell) {
  // In the fast paths' spellings and in the general one.
  for (const char* cell : {"<c r=\"B3\" t=\"inlineStr\"><is><t>Caf\xC3 Way</t></is></c>",
                           "<c r=\"B3\" t=\"inlineStr\"><is><r><t>Caf\xC3</t></r><r><t> Way</t></r></is></c>",
                           "<c r=\"B3\" t=\"str\"><v>Caf\xC3 Way</v></c>", "<c r=\"B3\"><v>1\xFF</v></c>",
                           "<c r=\"B3\" t=\"str\" s=\"0\"><v>\xED\xA0\x80</v></c>"}) {
    EXPECT_THAT(ErrorOf(Worksheet(fmt::format("<row r=\"3\">{}</row>", cell))),
                ::testing::MatchesRegex("BAD_ENCODING: cell text is not valid UTF-8 \\(byte 0x[0-9A-F]{2} at "
                                        "offset [0-9]\\); the workbook is damaged \\(row 3, column B3\\)"))
        << cell;
  }
}

TEST(SheetScannerErrorTest, ReferencesBeyondTheGrid) {
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")),
            "CORRUPT_FILE: cell reference XFE1 is beyond XFD1048576 (row 1, column XFE1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1048577\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: row number 1048577 is beyond the sheet's last row 1048576 (row 1048577)");
  EXPECT_EQ(ErrorOf(Worksheet("<row><c r=\"A1048577\"><v>1</v></c></row>")),
            "CORRUPT_FILE: cell reference A1048577 is beyond XFD1048576 (row 1, column A1048577)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>")),
            "CORRUPT_FILE: a cell of row 1 is beyond column XFD (row 1, column XFE1)");
  // The last cell of the grid is fine.
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")), "");
}

TEST(SheetScannerErrorTest, InvalidReferencesAndAttributes) {
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>")),
            "CORRUPT_FILE: invalid cell reference r=\"1A\" (row 1, column 1A)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>")),
            "CORRUPT_FILE: invalid cell reference r=\"A0\" (row 1, column A0)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"x\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: invalid row number r=\"x\" (row 1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"0\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: invalid row number r=\"0\" (row 1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"2\"><c r=\"A2\" t=\"x\"><v>1</v></c></row>")),
            "CORRUPT_FILE: unknown cell type t=\"x\" (row 2, column A2)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"2\"><c r=\"A2\" s=\"-1\"><v>1</v></c></row>")),
            "CORRUPT_FILE: invalid style index s=\"-1\" (row 2, column A2)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>")),
            "CORRUPT_FILE: cell A3 is inside row 2 (row 2, column A3)");
  EXPECT_THAT(ErrorOf(Worksheet("<row r=\"1\"><c r=\"A1\"/></row>",
                                "<mergeCells><mergeCell ref=\"A1:\"/>"
                                "</mergeCells>")),
              HasSubstr("invalid merged cell range ref=\"A1:\""));
}

TEST(SheetScannerErrorTest, RowsAndCellsOutOfOrder) {
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"5\"><c><v>1</v></c></row><row r=\"3\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: row 3 follows row 5: rows out of order or repeated (row 3)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"5\"><c><v>1</v></c></row><row r=\"5\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: row 5 follows row 5: rows out of order or repeated (row 5)");
  // An empty row counts too.
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"5\"/><row r=\"4\"><c><v>1</v></c></row>")),
            "CORRUPT_FILE: row 4 follows row 5: rows out of order or repeated (row 4)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"5\"/><row><c r=\"A2\"><v>1</v></c></row>")),
            "CORRUPT_FILE: row 2 follows row 5: rows out of order or repeated (row 2, column A2)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>")),
            "CORRUPT_FILE: cell B1 follows cell C1: cells out of order or repeated (row 1, column B1)");
  EXPECT_EQ(ErrorOf(Worksheet("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"B1\"><v>1</v></c></row>")),
            "CORRUPT_FILE: cell B1 follows cell B1: cells out of order or repeated (row 1, column B1)");
}

TEST(SheetScannerErrorTest, Limits) {
  const std::string wide = Worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"K1\"><v>1</v></c></row>");
  EXPECT_EQ(ErrorOf(wide, {.max_columns = 10}),
            "RESOURCE_LIMIT: column K is beyond the limit of 10 columns (row 1, column K1)");
  EXPECT_EQ(ErrorOf(wide, {.max_columns = 11}), "");
  const std::string tall =
      Worksheet("<row r=\"1\"><c><v>1</v></c></row><row r=\"101\"><c><v>1</v></c></row>");
  EXPECT_EQ(ErrorOf(tall, {.max_rows = 100}),
            "RESOURCE_LIMIT: row 101 is beyond the limit of 100 rows (row 101)");
  EXPECT_EQ(ErrorOf(tall, {.max_rows = 101}), "");

  const std::string cell = "<c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(1000, 'x') + "</t></is></c>";
  const std::string xml = Worksheet("<row r=\"1\">" + cell + "</row>");
  EXPECT_EQ(ErrorOf(xml, {.max_cell_bytes = cell.size() - 1}),
            fmt::format("RESOURCE_LIMIT: cell A1 is longer than the limit of {} bytes (row 1, column A1)",
                        cell.size() - 1));
  EXPECT_EQ(ErrorOf(xml, {.max_cell_bytes = cell.size()}), "");
  // The row limit, whether the buffer is smaller or larger than the row.
  const size_t row_bytes = cell.size() + 17;
  for (const size_t buffer : {size_t{64}, size_t{1} << 20}) {
    EXPECT_EQ(
        ErrorOf(xml, {.buffer_bytes = buffer, .max_row_bytes = row_bytes - 1}),
        fmt::format("RESOURCE_LIMIT: row 1 is longer than the limit of {} bytes (row 1)", row_bytes - 1))
        << buffer;
    EXPECT_EQ(ErrorOf(xml, {.buffer_bytes = buffer, .max_row_bytes = row_bytes}), "") << buffer;
  }
  EXPECT_EQ(ErrorOf("<worksheet><cols a=\"" + std::string(5000, 'x') + "\"/><sheetData/></worksheet>",
                    {.buffer_bytes = 64, .max_row_bytes = 4096}),
            "RESOURCE_LIMIT: a tag of the worksheet is longer than the limit of 4096 bytes");
  EXPECT_EQ(
      ErrorOf("<worksheet><sheetData/></worksheet>", {.buffer_bytes = 0}),
      "INVALID_ARGUMENT: sheet scanner options: buffer_bytes, max_row_bytes, max_columns and max_rows must "
      "be positive");
}

TEST(SheetScannerErrorTest, Utf16IsRefused) {
  EXPECT_EQ(ErrorOf(std::string("\xFF\xFE<\0w\0", 6)), "BAD_ENCODING: UTF-16 worksheet XML is not supported");
  EXPECT_EQ(ErrorOf(std::string("\xFE\xFF\0<\0w", 6)), "BAD_ENCODING: UTF-16 worksheet XML is not supported");
  // A UTF-8 byte-order mark is fine.
  EXPECT_EQ(ErrorOf("\xEF\xBB\xBF<worksheet><sheetData/></worksheet>"), "");
}

TEST(SheetScannerErrorTest, ReadErrorsAreReportedWhenTheirBytesAreNeeded) {
  const std::string xml = Worksheet(
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v>"
      "</c></row>");
  const size_t row2 = xml.find("<row r=\"2\"");
  const ScannedSheet s = ScanSheet(xml, {}, SIZE_MAX, row2 + 3);
  EXPECT_THAT(s.rows, ElementsAre("1: A1 n \"1\""));
  EXPECT_EQ(s.error, "IO_ERROR: injected read failure");
}

}  // namespace
}  // namespace sheet_scanner_test
}  // namespace flexpipe
