// The fixed parts of a workbook package (ECMA-376 Part 1 and 2, SpreadsheetML
// Transitional) that flexpipe's streaming engine writes around its sheets:
// content types, relationships, document properties, the workbook with its
// sheet list and autofilter names, the styles, and each sheet's XML before
// and after its rows. Pure functions of their arguments.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flexpipe {

struct CellRange {
  uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 0-based, inclusive
};

struct SheetLayout {
  std::string name;
  std::map<uint32_t, double> widths;  // column -> width in characters
  uint32_t frozen_rows = 0;
  std::optional<CellRange> autofilter;
};

// Appends `text` escaped for XML character data (`attribute`: for a quoted
// attribute value): & < > (and " in attributes) as entities; CR (and tab
// and line feed in attributes) as character references; the other control
// characters, which XML cannot carry, as Excel's _xHHHH_ escapes; and a
// literal "_xHHHH_" with its '_' escaped as _x005F_, so that readers
// decoding Excel's escapes give the text back.
void AppendXmlText(std::string* out, std::string_view text, bool attribute = false);

std::string ContentTypesXml(size_t sheets);
std::string RootRelationshipsXml();
std::string AppPropertiesXml(const std::vector<SheetLayout>& sheets);
std::string CorePropertiesXml(std::string_view author, std::string_view title, int64_t created_unix_seconds);
std::string WorkbookRelationshipsXml(size_t sheets);
std::string WorkbookXml(const std::vector<SheetLayout>& sheets);
// Cell formats in XlsxStyle order: style i is cellXfs index i.
std::string StylesXml();
// A sheet's XML up to and including <sheetData>; sheet 0 is the selected tab.
std::string SheetHeadXml(const SheetLayout& sheet, bool selected);
// From </sheetData> to the end.
std::string SheetTailXml(const SheetLayout& sheet);

}  // namespace flexpipe
