#include "write/xlsx/package_parts.h"

#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/date.h"
#include "read/xlsx/cell_ref.h"
#include "write/xlsx_workbook.h"

namespace flexpipe {
namespace {

constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view kHex = "0123456789ABCDEF";
constexpr int kFirstCustomNumberFormat = 164;

// Bytes AppendXmlText must look at: & < > _ and control characters but for
// tab and line feed (attribute values add " and those two).
constexpr std::array<bool, 256> SpecialBytes(bool attribute) {
  std::array<bool, 256> special{};
  for (int c = 0; c < 0x20; ++c) special[c] = attribute || (c != '\t' && c != '\n');
  special['&'] = special['<'] = special['>'] = special['_'] = true;
  special['"'] = attribute;
  return special;
}
constexpr std::array<bool, 256> kSpecialText = SpecialBytes(false);
constexpr std::array<bool, 256> kSpecialAttribute = SpecialBytes(true);

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

// "_xHHHH_" at `at`.
bool IsExcelEscape(std::string_view text, size_t at) {
  if (at + 7 > text.size() || text[at + 1] != 'x' || text[at + 6] != '_') return false;
  return IsHex(text[at + 2]) && IsHex(text[at + 3]) && IsHex(text[at + 4]) && IsHex(text[at + 5]);
}

void AppendExcelEscape(std::string* out, unsigned char c) {
  out->append("_x00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
  out->push_back('_');
}

// An Excel column width for `chars` characters of the default font
// (Calibri 11: 7-pixel digits, 5 pixels of padding), as Excel stores it.
double ExcelWidth(double chars) {
  if (chars <= 0) return 0;
  return std::floor((chars * 7 + 5) / 7 * 256) / 256;
}

std::string Reference(const CellRange& r, bool absolute) {
  const char* d = absolute ? "$" : "";
  return fmt::format("{}{}{}{}:{}{}{}{}", d, ColumnName(r.first_col), d, r.first_row + 1, d,
                     ColumnName(r.last_col), d, r.last_row + 1);
}

std::string Escaped(std::string_view text, bool attribute = false) {
  std::string out;
  AppendXmlText(&out, text, attribute);
  return out;
}

std::string W3cTime(int64_t unix_seconds) {
  constexpr int64_t kDay = 86'400;
  const int64_t days = unix_seconds >= 0 ? unix_seconds / kDay : -((-unix_seconds + kDay - 1) / kDay);
  const int64_t seconds = unix_seconds - days * kDay;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", FormatIso(Date{static_cast<int32_t>(days)}), seconds / 3600,
                     seconds / 60 % 60, seconds % 60);
}

}  // namespace

void AppendXmlText(std::string* out, std::string_view text, bool attribute) {
  const std::array<bool, 256>& special = attribute ? kSpecialAttribute : kSpecialText;
  size_t plain = 0;  // start of the run not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!special[c]) continue;
    std::string_view escape;
    switch (c) {
      case '&':
        escape = "&amp;";
        break;
      case '<':
        escape = "&lt;";
        break;
      case '>':
        escape = "&gt;";
        break;
      case '"':
        escape = "&quot;";
        break;
      case '\t':
        escape = "&#9;";
        break;
      case '\n':
        escape = "&#10;";
        break;
      case '\r':
        escape = "&#13;";
        break;  // a reference: a literal CR would be read as a line feed
      case '_':
        if (!IsExcelEscape(text, i)) continue;
        escape = "_x005F";  // the '_' itself; "xHHHH_" follows as it is
        break;
      default:
        break;
    }
    out->append(text.data() + plain, i - plain);
    if (escape.empty()) {
      AppendExcelEscape(out, c);
    } else {
      out->append(escape);
      if (c == '_') out->push_back('_');
    }
    plain = i + 1;
  }
  out->append(text.data() + plain, text.size() - plain);
}

std::string ContentTypesXml(size_t sheets) {
  std::string x(kXmlDeclaration);
  x +=
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/docProps/app.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
      "<Override PartName=\"/docProps/core.xml\" "
      "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      "<Override PartName=\"/xl/styles.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
      "<Override PartName=\"/xl/workbook.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  for (size_t i = 1; i <= sheets; ++i) {
    x += fmt::format(
        "<Override PartName=\"/xl/worksheets/sheet{}.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
        i);
  }
  return x + "</Types>";
}

std::string RootRelationshipsXml() {
  return fmt::format(
      "{}<Relationships xmlns=\"{}\">"
      "<Relationship Id=\"rId1\" Type=\"{}/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
      "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"{}/extended-properties\" Target=\"docProps/app.xml\"/>"
      "</Relationships>",
      kXmlDeclaration, kPackageRelNs, kRelNs, kRelNs);
}

std::string AppPropertiesXml(const std::vector<SheetLayout>& sheets) {
  std::string x(kXmlDeclaration);
  x += fmt::format(
      "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
      "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
      "<Application>flexpipe</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
      "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr>"
      "</vt:variant><vt:variant><vt:i4>{}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
      "<TitlesOfParts><vt:vector size=\"{}\" baseType=\"lpstr\">",
      sheets.size(), sheets.size());
  for (const SheetLayout& s : sheets) x += "<vt:lpstr>" + Escaped(s.name) + "</vt:lpstr>";
  return x +
         "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
         "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>";
}

std::string CorePropertiesXml(std::string_view author, std::string_view title, int64_t created_unix_seconds) {
  std::string x(kXmlDeclaration);
  x += "<cp:coreProperties "
       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
       "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  if (!title.empty()) x += "<dc:title>" + Escaped(title) + "</dc:title>";
  if (!author.empty()) {
    x += "<dc:creator>" + Escaped(author) + "</dc:creator>";
    x += "<cp:lastModifiedBy>" + Escaped(author) + "</cp:lastModifiedBy>";
  }
  const std::string when = W3cTime(created_unix_seconds);
  x += fmt::format(
      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
      "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified></cp:coreProperties>",
      when);
  return x;
}

std::string WorkbookRelationshipsXml(size_t sheets) {
  std::string x = fmt::format("{}<Relationships xmlns=\"{}\">", kXmlDeclaration, kPackageRelNs);
  for (size_t i = 1; i <= sheets; ++i) {
    x += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/worksheet\" Target=\"worksheets/sheet{}.xml\"/>",
                     i, kRelNs, i);
  }
  x += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/styles\" Target=\"styles.xml\"/>", sheets + 1,
                   kRelNs);
  return x + "</Relationships>";
}

std::string WorkbookXml(const std::vector<SheetLayout>& sheets) {
  std::string x = fmt::format(
      "{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><workbookPr/><bookViews>"
      "<workbookView xWindow=\"240\" yWindow=\"15\" windowWidth=\"16095\" windowHeight=\"9660\"/></bookViews>"
      "<sheets>",
      kXmlDeclaration, kMainNs, kRelNs);
  for (size_t i = 0; i < sheets.size(); ++i) {
    x += fmt::format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>", Escaped(sheets[i].name, true),
                     i + 1, i + 1);
  }
  x += "</sheets>";
  std::string names;
  for (size_t i = 0; i < sheets.size(); ++i) {
    if (!sheets[i].autofilter) continue;
    std::string quoted = sheets[i].name;
    for (size_t at = quoted.find('\''); at != std::string::npos; at = quoted.find('\'', at + 2)) {
      quoted.insert(at, 1, '\'');
    }
    names += fmt::format("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{}\" hidden=\"1\">", i);
    AppendXmlText(&names, "'" + quoted + "'!" + Reference(*sheets[i].autofilter, true));
    names += "</definedName>";
  }
  if (!names.empty()) x += "<definedNames>" + names + "</definedNames>";
  return x + "<calcPr calcId=\"124519\" fullCalcOnLoad=\"1\"/></workbook>";
}

std::string StylesXml() {
  // Built-in number formats: 1 "0", 2 "0.00", 3 "#,##0"; others are custom.
  std::string custom;
  int next_custom = kFirstCustomNumberFormat;
  std::string xfs = "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";  // kGeneral
  for (size_t i = 1; i < kXlsxStyleCount; ++i) {
    const auto style = static_cast<XlsxStyle>(i);
    if (style == XlsxStyle::kHeader) {
      xfs += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>";
      continue;
    }
    const std::string_view code = XlsxNumberFormat(style);
    int id = 0;
    if (code == "0") {
      id = 1;
    } else if (code == "0.00") {
      id = 2;
    } else if (code == "#,##0") {
      id = 3;
    } else {
      id = next_custom++;
      custom += fmt::format("<numFmt numFmtId=\"{}\" formatCode=\"{}\"/>", id, Escaped(code, true));
    }
    xfs += fmt::format(
        "<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
        id);
  }
  return fmt::format(
      "{}<styleSheet xmlns=\"{}\"><numFmts count=\"{}\">{}</numFmts>"
      "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
      "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
      "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      "<cellXfs count=\"{}\">{}</cellXfs>"
      "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium9\" "
      "defaultPivotStyle=\"PivotStyleLight16\"/></styleSheet>",
      kXmlDeclaration, kMainNs, next_custom - kFirstCustomNumberFormat, custom, kXlsxStyleCount, xfs);
}

std::string SheetHeadXml(const SheetLayout& sheet, bool selected) {
  std::string x =
      fmt::format("{}<worksheet xmlns=\"{}\" xmlns:r=\"{}\"><sheetViews><sheetView{} workbookViewId=\"0\">",
                  kXmlDeclaration, kMainNs, kRelNs, selected ? " tabSelected=\"1\"" : "");
  if (sheet.frozen_rows > 0) {
    const std::string top_left = fmt::format("A{}", sheet.frozen_rows + 1);
    x += fmt::format(
        "<pane ySplit=\"{}\" topLeftCell=\"{}\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        "<selection pane=\"bottomLeft\" activeCell=\"{}\" sqref=\"{}\"/>",
        sheet.frozen_rows, top_left, top_left, top_left);
  }
  x += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
  if (!sheet.widths.empty()) {
    x += "<cols>";
    for (const auto& [col, chars] : sheet.widths) {
      const double width = ExcelWidth(chars);
      x += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"{2}/>", col + 1, width,
                       width == 0 ? " hidden=\"1\"" : "");
    }
    x += "</cols>";
  }
  return x + "<sheetData>";
}

std::string SheetTailXml(const SheetLayout& sheet) {
  std::string x = "</sheetData>";
  if (sheet.autofilter) x += fmt::format("<autoFilter ref=\"{}\"/>", Reference(*sheet.autofilter, false));
  return x +
         "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
         "footer=\"0.3\"/>"
         "</worksheet>";
}

}  // namespace flexpipe
