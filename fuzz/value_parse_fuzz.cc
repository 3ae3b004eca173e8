// libFuzzer target: the value parsers (src/schema/value_parse.h) and the
// XLSX cell-value helpers, on one cell's text.
//
// Every parser runs on the input; each value that parses is formatted the
// way the outputs format it and must read back as the same value:
//   - numbers and money: AppendNumber's text parses to the same double;
//   - integers are whole numbers, and parse as numbers too;
//   - dates: the ISO text of a parsed date parses back (ParseIsoDate and
//     ParseDate) to the same day;
//   - booleans: their canonical text ("true"/"false") parses back;
//   - a missing marker parses as nothing of any type;
//   - XLSX: a number's display text (AppendNumberText) parses to the same
//     double; a date serial's text is a date.
// An input with a line break is also a header row, one cell per line, which
// is normalised and mapped (src/schema/header_mapping.h). The "did you mean"
// suggestions for missing required columns are left out: their edit
// distances cost fifty times the rest of this target.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fast_float/fast_float.h>

#include "core/date.h"
#include "flexpipe/fields.h"
#include "fuzz_util.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/cell_text.h"
#include "read/xlsx/number_format.h"
#include "schema/header_mapping.h"
#include "schema/header_normalize.h"
#include "schema/value_format.h"
#include "schema/value_parse.h"

namespace flexpipe::fuzz {
namespace {

void CheckNumber(std::string_view text) {
  const std::optional<double> number = ParseNumber(text);
  if (ParseMoney(text) != number) Fail("ParseMoney differs from ParseNumber");
  const std::optional<double> integer = ParseInteger(text);
  if (integer && (!number || *integer != *number || std::trunc(*integer) != *integer)) {
    Fail("ParseInteger gave what ParseNumber does not");
  }
  if (!number) return;
  if (!std::isfinite(*number)) Fail("ParseNumber returned a value that is not finite");
  if (*number == 0 && std::signbit(*number)) Fail("ParseNumber returned -0");
  std::string out;
  AppendNumber(*number, &out);
  if (ParseNumber(out) != number) Fail("AppendNumber's text does not read back as the same number");
}

void CheckDate(std::string_view text) {
  const std::optional<Date> date = ParseDate(text);
  if (!date) return;
  const std::string iso = FormatIso(*date);
  if (ParseIsoDate(iso) != date) Fail("ParseIsoDate(FormatIso(date)) is not the date");
  if (ParseDate(iso) != date) Fail("ParseDate(FormatIso(date)) is not the date");
  std::string out;
  AppendDate(*date, &out);
  if (out != iso) Fail("AppendDate differs from FormatIso");
}

void CheckBool(std::string_view text) {
  const std::optional<bool> b = ParseBool(text);
  if (!b) return;
  FieldValue v;
  v.present = true;
  v.number = *b ? 1 : 0;
  std::string out;
  AppendCanonical(v, FieldType::kBoolean, &out);
  if (ParseBool(out) != b) Fail("a boolean's canonical text does not read back");
}

void CheckTyped(std::string_view text) {
  const bool missing = IsMissingMarker(text);
  for (const FieldType type : {FieldType::kText, FieldType::kId, FieldType::kNumber, FieldType::kMoney,
                               FieldType::kInteger, FieldType::kDate, FieldType::kBoolean}) {
    const std::optional<double> v = ParseTyped(type, text);
    if (v && missing) Fail("a missing marker parsed as a value");
    if (v && !std::isfinite(*v)) Fail("ParseTyped returned a value that is not finite");
  }
  (void)LooksNumeric(text);
}

void CheckXlsxValues(std::string_view text) {
  std::string out = "x";
  if (AppendNumberText(text, &out)) {
    const std::string_view shown = std::string_view(out).substr(1);
    if (shown.empty()) Fail("AppendNumberText appended nothing but returned true");
    double raw = 0;
    double back = 0;
    const auto r = fast_float::from_chars(text.data(), text.data() + text.size(), raw);
    const auto b = fast_float::from_chars(shown.data(), shown.data() + shown.size(), back);
    if (b.ec != std::errc() || b.ptr != shown.data() + shown.size()) Fail("a number's text is not a number");
    const bool parsed = r.ec == std::errc() && r.ptr == text.data() + text.size();
    if (parsed && back != raw) {
      Fail("AppendNumberText's text does not read back as the same number");
    }
  } else if (out != "x") {
    Fail("AppendNumberText appended text but returned false");
  }

  double serial = 0;
  const auto r = fast_float::from_chars(text.data(), text.data() + text.size(), serial);
  if (r.ec == std::errc() && r.ptr == text.data() + text.size()) {
    for (const bool date1904 : {false, true}) {
      out.clear();
      if (AppendSerialDateText(serial, date1904, &out)) {
        if (!ParseIsoDate(out.substr(0, 10))) Fail("a date serial's text does not start with a date");
      } else if (!out.empty()) {
        Fail("AppendSerialDateText appended text but returned false");
      }
    }
  }

  uint64_t column = 0;
  uint64_t row = 0;
  if (ParseCellRef(text, &column, &row) && column < kXlsxMaxColumns && row <= kXlsxMaxRows) {
    if (CellRefName(column, row).size() > text.size()) Fail("CellRefName longer than the reference");
  }
  XlsxCellRange range;
  (void)ParseCellRange(text, &range);
  (void)IsDateFormatCode(text);
  (void)NormalizeHeader(text);
}

void CheckHeader(std::string_view text) {
  std::vector<std::string> cells;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    cells.emplace_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  Result<HeaderMapping> mapping = MapHeader(cells, HeaderMappingOptions{});
  if (!mapping.ok()) Fail("MapHeader failed without user columns");
  if (mapping->columns().size() != cells.size()) Fail("MapHeader lost or added columns");
}

void TestOneInput(const uint8_t* bytes, size_t size) {
  // libFuzzer's buffer holds exactly `size` bytes, so ASan catches a parser
  // reading one byte past the end of the cell.
  const std::string_view view(reinterpret_cast<const char*>(bytes), size);
  CheckNumber(view);
  CheckDate(view);
  CheckBool(view);
  CheckTyped(view);
  CheckXlsxValues(view);
  if (view.find('\n') != std::string_view::npos) CheckHeader(view);
}

}  // namespace
}  // namespace flexpipe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  flexpipe::fuzz::TestOneInput(bytes, size);
  return 0;
}
