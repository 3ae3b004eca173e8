#include "write/xlsx/sheet_xml.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "read/xlsx/cell_ref.h"
#include "write/xlsx/package_parts.h"

namespace flexpipe {
namespace {

// Integers below this are exact in a double and printed as integers.
constexpr double kExactIntegerLimit = 1e15;

bool NeedsPreserve(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return !text.empty() && (space(text.front()) || space(text.back()));
}

}  // namespace

void SheetXmlWriter::StartRow(uint32_t row) {
  EndRow();
  row_digits_.clear();
  fmt::format_to(std::back_inserter(row_digits_), "{}", uint64_t{row} + 1);
  out_->append("<row r=\"").append(row_digits_).append("\">");
  row_open_ = true;
}

void SheetXmlWriter::EndRow() {
  if (row_open_) out_->append("</row>");
  row_open_ = false;
}

void SheetXmlWriter::StartCell(uint32_t col, XlsxStyle style) {
  while (column_names_.size() <= col) column_names_.push_back(ColumnName(column_names_.size()));
  out_->append("<c r=\"").append(column_names_[col]).append(row_digits_).push_back('"');
  if (style != XlsxStyle::kGeneral) {
    out_->append(" s=\"");
    out_->push_back(static_cast<char>('0' + static_cast<int>(style)));
    out_->push_back('"');
  }
}

void SheetXmlWriter::Text(uint32_t col, std::string_view text, XlsxStyle style) {
  StartCell(col, style);
  out_->append(NeedsPreserve(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                                   : " t=\"inlineStr\"><is><t>");
  AppendXmlText(out_, text);
  out_->append("</t></is></c>");
}

void SheetXmlWriter::Number(uint32_t col, double value, XlsxStyle style) {
  StartCell(col, style);
  out_->append("><v>");
  char digits[32];
  char* end = nullptr;
  if (std::abs(value) < kExactIntegerLimit && value == std::trunc(value)) {
    end = std::to_chars(digits, digits + sizeof digits, static_cast<int64_t>(value)).ptr;
  } else {
    end = fmt::format_to(digits, "{}", value);  // shortest form that reads back as the same double
  }
  out_->append(digits, end);
  out_->append("</v></c>");
}

void SheetXmlWriter::Boolean(uint32_t col, bool value, XlsxStyle style) {
  StartCell(col, style);
  out_->append(value ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>");
}

void SheetXmlWriter::Blank(uint32_t col, XlsxStyle style) {
  StartCell(col, style);
  out_->append("/>");
}

}  // namespace flexpipe
