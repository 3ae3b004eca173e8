#include "read/xlsx/sheet_row_parser.h"

#include <bit>
#include <cassert>
#include <charconv>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "core/utf8.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/shared_strings.h"
#include "read/xlsx/xml_rich_text.h"
#include "read/xlsx/xml_text.h"

namespace flexpipe {
namespace {

using xml::Scan;

bool ParseDecimal(std::string_view text, uint64_t max, uint64_t* value) {
  if (text.empty() || text.size() > 19) return false;
  uint64_t v = 0;
  for (const char c : text) {
    const unsigned d = static_cast<unsigned char>(c) - '0';
    if (d > 9) return false;
    v = v * 10 + d;
  }
  if (v > max) return false;
  *value = v;
  return true;
}

bool ParseCellType(std::string_view t, XlsxCellType* type) {
  if (t.size() == 1) {
    switch (t[0]) {
      case 'n':
        *type = XlsxCellType::kNumber;
        return true;
      case 's':
        *type = XlsxCellType::kSharedString;
        return true;
      case 'b':
        *type = XlsxCellType::kBoolean;
        return true;
      case 'e':
        *type = XlsxCellType::kError;
        return true;
      case 'd':
        *type = XlsxCellType::kDate;
        return true;
      default:
        return false;
    }
  }
  if (t == "str") {
    *type = XlsxCellType::kFormulaString;
  } else if (t == "inlineStr") {
    *type = XlsxCellType::kInlineString;
  } else {
    return false;
  }
  return true;
}

using xml::At;

using xml::AtPlainEndTag;

constexpr xml::TextErrors kCellTextErrors{"unexpected end tag in a cell value",
                                          "an element inside a cell value",
                                          "unexpected end tag in an inline string"};

}  // namespace

SheetRowParser::Outcome SheetRowParser::Parse(std::string_view data, uint64_t previous_row, XlsxRow* row,
                                              size_t* consumed) {
  const char* p = data.data();
  const char* const end = p + data.size();
  cell_count_ = 0;
  arena_used_ = 0;
  arena_bound_ = data.size();
  previous_row_ = previous_row;
  row_number_ = previous_row + 1;
  row_number_known_ = false;
  in_cell_ = false;
  error_ = Status();

  bool self_closing = false;
  Scan s = ReadRowStart(p, end, &self_closing);
  // PERF: the cell loop. Cells almost always start "<c " right after the
  // previous cell's "</c>", so that case is tested first, without ReadName.
  while (s == Scan::kOk && !self_closing) {
    if (p == end) {
      s = Scan::kIncomplete;
      break;
    }
    if (*p != '<') p = xml::FindLt(p, end);  // whitespace (or stray text) between cells
    if (end - p < 3) {
      s = Scan::kIncomplete;
      break;
    }
    const char* const tag = p;
    if (p[1] == 'c' && (p[2] == ' ' || p[2] == '>' || p[2] == '/')) {
      p += 2;
      if (ReadCellFast(p, end, tag)) continue;
      s = ReadCell(p, end, tag);
    } else if (p[1] == '/') {
      if (AtPlainEndTag(p, end, "row")) {
        p += 6;
        break;
      }
      std::string_view name;
      s = xml::ReadEndTag(p, end, &name, &syntax_error_);
      if (s == Scan::kOk && name != "row") s = Malformed("unexpected end tag in <row>");
      break;
    } else if (p[1] == '!' || p[1] == '?') {
      xml::Markup kind;
      std::string_view cdata;
      s = xml::ReadMarkup(p, end, &kind, &cdata, &syntax_error_);
    } else {
      std::string_view name;
      ++p;
      s = xml::ReadName(p, end, &name, &syntax_error_);
      if (s == Scan::kOk && name == "c") {
        s = ReadCell(p, end, tag);
      } else if (s == Scan::kOk) {
        bool empty = false;
        s = xml::SkipAttributes(p, end, &empty, &syntax_error_);
        if (s == Scan::kOk && !empty) s = SkipUnknownElement(p, end);
      }
    }
  }
  if (s == Scan::kOk && !row_number_known_) s = CheckRowNumber();  // a row without cells or r
  switch (s) {
    case Scan::kOk:
      break;
    case Scan::kIncomplete:
      return Outcome::kIncomplete;
    case Scan::kError:
      if (error_.ok()) Malformed(syntax_error_);
      return Outcome::kError;
  }
  row->number = row_number_;
  row->cells = std::span<const XlsxCell>(cells_.data(), cell_count_);
  *consumed = static_cast<size_t>(p - data.data());
  return Outcome::kRow;
}

Scan SheetRowParser::ReadRowStart(const char*& p, const char* end, bool* self_closing) {
  ++p;  // '<'
  std::string_view name;
  if (const Scan s = xml::ReadName(p, end, &name, &syntax_error_); s != Scan::kOk) return s;
  std::string_view r;
  bool has_r = false;
  const Scan s = xml::ReadAttributes(p, end, self_closing, &syntax_error_,
                                     [&](std::string_view attribute, std::string_view value) {
                                       if (attribute == "r") {
                                         r = value;
                                         has_r = true;
                                       }
                                       return true;
                                     });
  if (s != Scan::kOk || !has_r) return s;
  if (!ParseDecimal(r, UINT64_MAX / 10, &row_number_) || row_number_ == 0) {
    row_number_ = previous_row_ + 1;
    return Fail(ErrorCode::kCorruptFile, fmt::format("invalid row number r=\"{}\"", r));
  }
  row_number_known_ = true;
  return CheckRowNumber();
}

Scan SheetRowParser::CheckRowNumber() {
  row_number_known_ = true;
  char text[20] = {};
  row_text_size_ = static_cast<size_t>(std::to_chars(text, text + sizeof text, row_number_).ptr - text);
  // The digits as the first bytes of a little-endian word, for AtRowDigits().
  row_word_ = 0;
  for (size_t i = 0; i < row_text_size_ && i < 8; ++i) {
    row_word_ |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
  }
  row_mask_ = row_text_size_ >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * row_text_size_)) - 1;
  if (row_number_ <= previous_row_) {
    return Fail(ErrorCode::kCorruptFile, fmt::format("row {} follows row {}: rows out of order or repeated",
                                                     row_number_, previous_row_));
  }
  if (row_number_ > kXlsxMaxRows) {
    return Fail(ErrorCode::kCorruptFile,
                fmt::format("row number {} is beyond the sheet's last row {}", row_number_, kXlsxMaxRows));
  }
  if (row_number_ > limits_.max_rows) {
    return Fail(ErrorCode::kResourceLimit,
                fmt::format("row {} is beyond the limit of {} rows", row_number_, limits_.max_rows));
  }
  return Scan::kOk;
}

// PERF: the cell as Excel and most writers spell it, read straight through
// with constant compares: <c r="B7"[ s="3"][ t="s"]> then <v>text</v></c>,
// <is><t>text</t></is></c>, </c>, or "/>" instead of '>'. The text must be
// plain (no '&' or CR), the reference in this row, after the previous cell.
// Anything else returns false with p untouched, and ReadCell() reads the
// cell: this path never fails, so it cannot change an outcome.
bool SheetRowParser::ReadCellFast(const char*& p, const char* end, const char* tag) {
  const char* q = p;
  if (!row_number_known_ || !At(q, end, " r=\"")) return false;
  q += 4;
  uint64_t letters = 0;
  for (const char* const first = q; q != end && q - first < 3; ++q) {
    const unsigned letter = static_cast<unsigned>(*q - 'A');
    if (letter >= 26) break;
    letters = letters * 26 + letter + 1;
  }
  if (letters == 0 || !AtRowDigits(q, end, '"')) return false;
  q += row_text_size_ + 1;
  XlsxCell cell;
  cell.column = static_cast<uint32_t>(letters - 1);
  if (letters - 1 >= column_limit_ || (cell_count_ != 0 && cell.column <= LastColumn())) return false;
  if (At(q, end, " s=\"")) {
    q += 4;
    const char* const first = q;
    uint32_t style = 0;
    for (; q != end && q - first < 9; ++q) {
      const unsigned digit = static_cast<unsigned>(*q - '0');
      if (digit >= 10) break;
      style = style * 10 + digit;
    }
    if (q == first || q == end || *q != '"') return false;
    ++q;
    cell.style = style;
  }
  if (At(q, end, " t=\"")) {
    q += 4;
    if (end - q < 10) return false;
    if (q[1] == '"') {
      switch (q[0]) {
        case 's':
          cell.type = XlsxCellType::kSharedString;
          break;
        case 'n':
          break;
        case 'b':
          cell.type = XlsxCellType::kBoolean;
          break;
        case 'e':
          cell.type = XlsxCellType::kError;
          break;
        case 'd':
          cell.type = XlsxCellType::kDate;
          break;
        default:
          return false;
      }
      q += 2;
    } else if (At(q, end, "str\"")) {
      cell.type = XlsxCellType::kFormulaString;
      q += 4;
    } else if (At(q, end, "inlineStr\"")) {
      cell.type = XlsxCellType::kInlineString;
      q += 10;
    } else {
      return false;
    }
  }
  if (At(q, end, "/>")) {
    q += 2;
  } else if (At(q, end, "><v>") && cell.type != XlsxCellType::kInlineString) {
    const char* const text = q + 4;
    const char* const stop = xml::FindTextEnd(text, end);
    if (!At(stop, end, "</v></c>")) return false;
    cell.value = std::string_view(text, static_cast<size_t>(stop - text));
    if (FindInvalidUtf8(cell.value) != std::string_view::npos) return false;  // ReadCell reports it
    q = stop + 8;
  } else if (At(q, end, "><is><t>") && cell.type == XlsxCellType::kInlineString) {
    const char* const text = q + 8;
    const char* const stop = xml::FindTextEnd(text, end);
    if (!At(stop, end, "</t></is") || !At(stop + 8, end, "></c>")) return false;
    cell.value = std::string_view(text, static_cast<size_t>(stop - text));
    // Escapes (_xHHHH_) and bytes that are not UTF-8 take ReadCell's path.
    unsigned bits = 0;  // one branch-free pass: any byte >= 0x80, any '_'
    bool underscore = false;
    for (const char c : cell.value) {
      bits |= static_cast<unsigned char>(c);
      underscore |= c == '_';
    }
    if (bits >= 0x80 || underscore) return false;
    q = stop + 13;
  } else if (At(q, end, "></c>")) {
    q += 5;
  } else {
    return false;
  }
  if (static_cast<size_t>(q - tag) > limits_.max_cell_bytes) return false;
  AddCell(cell);
  p = q;
  return true;
}

// p is just after the cell's tag name; `tag` is its '<'.
Scan SheetRowParser::ReadCell(const char*& p, const char* end, const char* tag) {
  in_cell_ = true;
  cell_column_ = cell_count_ == 0 ? 0 : uint64_t{LastColumn()} + 1;
  cell_ref_ = {};
  XlsxCell cell;
  bool self_closing = false;
  if (const Scan s = ReadCellStart(p, end, &cell, &self_closing); s != Scan::kOk) return s;
  Text v;
  Text inline_text;
  bool has_v = false;
  bool has_is = false;
  while (!self_closing) {
    if (p == end) return Scan::kIncomplete;
    if (*p != '<') p = xml::FindLt(p, end);
    if (end - p < 4) return Scan::kIncomplete;
    Scan s = Scan::kOk;
    if (p[1] == 'v' && p[2] == '>') {  // PERF: the usual "<v>", and "<v>plain text</v>" without a call
      const char* const text = p + 3;
      const char* const stop = xml::FindTextEnd(text, end);
      has_v = true;
      if (end - stop >= 4 && stop[0] == '<' && stop[1] == '/' && stop[2] == 'v' && stop[3] == '>') {
        v = Text{text, static_cast<size_t>(stop - text), false};
        p = stop + 4;
        continue;
      }
      p = text;
      v = Text{};
      s = ReadText(p, end, "v", &v);
    } else if (p[1] == '/') {
      if (AtPlainEndTag(p, end, "c")) {
        p += 4;
        break;
      }
      std::string_view name;
      s = xml::ReadEndTag(p, end, &name, &syntax_error_);
      if (s != Scan::kOk) return s;
      if (name != "c") return Malformed("unexpected end tag in a cell");
      break;
    } else if (p[1] == '!' || p[1] == '?') {
      xml::Markup kind;
      std::string_view cdata;
      s = xml::ReadMarkup(p, end, &kind, &cdata, &syntax_error_);
    } else {
      std::string_view name;
      bool empty = false;
      ++p;
      s = xml::ReadName(p, end, &name, &syntax_error_);
      if (s == Scan::kOk) s = xml::SkipAttributes(p, end, &empty, &syntax_error_);
      if (s != Scan::kOk) return s;
      if (name == "v") {
        v = Text{};
        has_v = true;
        if (!empty) s = ReadText(p, end, "v", &v);
      } else if (name == "is") {
        inline_text = Text{};
        has_is = true;
        if (!empty) s = ReadInlineString(p, end, &inline_text);
      } else if (!empty) {
        s = SkipUnknownElement(p, end);  // <f>, <extLst>
      }
    }
    if (s != Scan::kOk) return s;
  }
  if (static_cast<size_t>(p - tag) > limits_.max_cell_bytes) {
    return Fail(ErrorCode::kResourceLimit,
                fmt::format("cell {} is longer than the limit of {} bytes",
                            CellRefName(cell.column, row_number_), limits_.max_cell_bytes));
  }
  // An <is> holds the text of an inline string; a cell without t but with
  // <is> is taken as one too (some writers leave t out).
  const Text* value = has_v ? &v : nullptr;
  if (has_is && (cell.type == XlsxCellType::kInlineString || cell.type == XlsxCellType::kNumber)) {
    cell.type = XlsxCellType::kInlineString;
    value = &inline_text;
  }
  if (value != nullptr) {
    if (const size_t bad = FindInvalidUtf8(std::string_view(value->data, value->size));
        bad != std::string_view::npos) {
      return Fail(ErrorCode::kBadEncoding,
                  fmt::format("cell text is not valid UTF-8 (byte 0x{:02X} at offset {}); the workbook is "
                              "damaged",
                              static_cast<unsigned char>(value->data[bad]), bad));
    }
    // Excel's _xHHHH_ escapes, as in shared strings (shared_strings.h).
    if (value == &inline_text && value->size > 0 && std::memchr(value->data, '_', value->size) != nullptr) {
      if (!inline_text.in_arena) {
        char* const dst = ArenaFor(inline_text.size);
        std::memcpy(dst, inline_text.data, inline_text.size);
        inline_text.data = dst;
        inline_text.in_arena = true;
        arena_used_ += inline_text.size;
      }
      inline_text.size = DecodeOoxmlEscapes(const_cast<char*>(inline_text.data), inline_text.size);
    }
    cell.value = std::string_view(value->data, value->size);
  }
  AddCell(cell);
  in_cell_ = false;
  return Scan::kOk;
}

// PERF: the cell's start tag, <c r="B7" s="3" t="s">, is the most frequent
// construct of a sheet. One-letter attributes written name="value" (as every
// producer writes them) are picked out by hand, r and s parsed in the same
// pass that finds their end, and r's row checked by comparing its digits
// with the row's; anything unusual goes through the generic attribute reader
// and PlaceCell(). Attributes are collected first and interpreted after the
// tag, so their order does not matter and a re-read after kIncomplete is
// harmless.
Scan SheetRowParser::ReadCellStart(const char*& p, const char* end, XlsxCell* cell, bool* self_closing) {
  std::string_view r;
  std::string_view s_attr;
  std::string_view t;
  bool ref_parsed = false;  // r read by the fast path: in this row, at ref_column
  uint64_t ref_column = 0;
  bool style_parsed = false;
  uint64_t style = 0;
  while (true) {
    if (end - p < 3) return Scan::kIncomplete;  // a cell is never complete this close to the end
    char c = p[0];
    if (c == '>') {
      ++p;
      *self_closing = false;
      break;
    }
    if (c == ' ') {  // one space before an attribute, the usual spelling
      ++p;
      if (end - p < 3) return Scan::kIncomplete;
      c = p[0];
    }
    if (p[1] == '=' && (p[2] == '"' || p[2] == '\'') && (c == 'r' || c == 's' || c == 't')) {
      const char quote = p[2];
      const char* const value = p + 3;
      const char* q = value;
      if (c == 'r') {  // letters, then the row's digits
        uint64_t letters = 0;
        for (; q != end && q - value < 3; ++q) {
          const unsigned letter = static_cast<unsigned>((*q | 0x20) - 'a');
          if (letter >= 26) break;
          letters = letters * 26 + letter + 1;
        }
        if (letters != 0 && AtRowDigits(q, end, quote)) {
          ref_parsed = true;
          ref_column = letters - 1;
          q += row_text_size_;
        }
      } else if (c == 's') {
        uint64_t v = 0;
        for (; q != end && q - value < 10; ++q) {
          const unsigned digit = static_cast<unsigned>(*q - '0');
          if (digit >= 10) break;
          v = v * 10 + digit;
        }
        if (q == end) return Scan::kIncomplete;
        style_parsed = *q == quote && q != value && v <= UINT32_MAX;
        style = v;
      }
      while (q != end && *q != quote && *q != '<') ++q;  // t, or the rest of an unusual r or s
      if (q == end) return Scan::kIncomplete;
      if (*q == '<') return Malformed("'<' in an attribute value");
      std::string_view* const slot = c == 'r' ? &r : c == 's' ? &s_attr : &t;
      *slot = std::string_view(value, static_cast<size_t>(q - value));
      p = q + 1;
      continue;
    }
    std::string_view name;
    std::string_view value;
    bool closed = false;
    if (const Scan s = xml::ReadAttribute(p, end, &name, &value, &closed, self_closing, &syntax_error_);
        s != Scan::kOk) {
      return s;
    }
    if (closed) break;
    if (name.size() == 1 && (name[0] == 'r' || name[0] == 's' || name[0] == 't')) {
      (name[0] == 'r' ? r : name[0] == 's' ? s_attr : t) = value;
      if (name[0] == 'r') ref_parsed = false;
      if (name[0] == 's') style_parsed = false;
    }
  }

  // The column, in the common case: the row's number is known, the cell is
  // in it, after the previous cell and within the limits.
  const uint64_t column = r.empty() ? cell_column_ : ref_column;
  if (row_number_known_ && (r.empty() || ref_parsed) && column < column_limit_ &&
      (cell_count_ == 0 || column > LastColumn())) [[likely]] {
    cell_column_ = column;
    cell->column = static_cast<uint32_t>(column);
  } else if (const Scan placed = PlaceCell(r, cell); placed != Scan::kOk) {
    return placed;
  }
  if (!style_parsed && !s_attr.empty() && !ParseDecimal(s_attr, UINT32_MAX, &style)) [[unlikely]] {
    return Fail(ErrorCode::kCorruptFile, fmt::format("invalid style index s=\"{}\"", s_attr));
  }
  cell->style = static_cast<uint32_t>(style);
  if (!t.empty() && !ParseCellType(t, &cell->type)) [[unlikely]] {
    return Fail(ErrorCode::kCorruptFile, fmt::format("unknown cell type t=\"{}\"", t));
  }
  return Scan::kOk;
}

// Whether q starts with the row's number and then `quote`: one masked 8-byte
// comparison instead of parsing the digits (rows have at most 7 digits).
bool SheetRowParser::AtRowDigits(const char* q, const char* end, char quote) const {
  if constexpr (std::endian::native != std::endian::little) return false;  // PlaceCell() will do
  if (!row_number_known_ || row_text_size_ > 7 || end - q < 8) return false;
  uint64_t word = 0;
  std::memcpy(&word, q, 8);
  return ((word ^ row_word_) & row_mask_) == 0 && q[row_text_size_] == quote;
}

// Places a cell when ReadCellStart's common case does not hold: the first
// cell of a row without r, or a problem to report.
Scan SheetRowParser::PlaceCell(std::string_view ref, XlsxCell* cell) {
  uint64_t column = cell_column_;  // one past the previous cell
  cell_ref_ = ref;                 // errors name the cell as written
  if (!ref.empty()) {
    uint64_t row = 0;
    if (!ParseCellRef(ref, &column, &row)) {
      return Fail(ErrorCode::kCorruptFile, fmt::format("invalid cell reference r=\"{}\"", ref));
    }
    cell_column_ = column;
    if (column >= kXlsxMaxColumns || row > kXlsxMaxRows) {
      return Fail(ErrorCode::kCorruptFile,
                  fmt::format("cell reference {} is beyond XFD{}", ref, kXlsxMaxRows));
    }
    if (!row_number_known_) {  // a row without r takes its first cell's row
      row_number_ = row;
      if (const Scan s = CheckRowNumber(); s != Scan::kOk) return s;
    } else if (row != row_number_) {
      return Fail(ErrorCode::kCorruptFile, fmt::format("cell {} is inside row {}", ref, row_number_));
    }
  } else if (!row_number_known_) {
    if (const Scan s = CheckRowNumber(); s != Scan::kOk) return s;
  }
  if (cell_count_ != 0 && column <= LastColumn()) {
    return Fail(ErrorCode::kCorruptFile,
                fmt::format("cell {} follows cell {}: cells out of order or repeated",
                            CellRefName(column, row_number_), CellRefName(LastColumn(), row_number_)));
  }
  if (column >= kXlsxMaxColumns) {
    return Fail(ErrorCode::kCorruptFile, fmt::format("a cell of row {} is beyond column XFD", row_number_));
  }
  if (column >= limits_.max_columns) {
    return Fail(ErrorCode::kResourceLimit, fmt::format("column {} is beyond the limit of {} columns",
                                                       ColumnName(column), limits_.max_columns));
  }
  cell->column = static_cast<uint32_t>(column);
  return Scan::kOk;
}

// Character data up to </element>, p just after the start tag.
Scan SheetRowParser::ReadText(const char*& p, const char* end, std::string_view element, Text* text) {
  return xml::ReadText(p, end, element, kCellTextErrors, &syntax_error_,
                       [&](std::string_view raw, xml::TextKind kind) { return Append(raw, kind, text); });
}

// The content of <is>, p just after its start tag (xml_rich_text.h).
Scan SheetRowParser::ReadInlineString(const char*& p, const char* end, Text* text) {
  return xml::ReadRichText(
      p, end, "is", kCellTextErrors, &syntax_error_,
      [&](std::string_view raw, xml::TextKind kind) { return Append(raw, kind, text); }, [] {});
}

Scan SheetRowParser::SkipUnknownElement(const char*& p, const char* end) {
  return xml::SkipElement(p, end, &syntax_error_);
}

Scan SheetRowParser::Append(std::string_view raw, xml::TextKind kind, Text* text) {
  if (raw.empty()) return Scan::kOk;
  if (kind == xml::TextKind::kPlain && text->size == 0 && !text->in_arena) {
    text->data = raw.data();
    text->size = raw.size();
    return Scan::kOk;
  }
  if (!text->in_arena) {  // move what there is into the arena, where the rest joins it
    char* dst = ArenaFor(text->size);
    if (text->size > 0) std::memcpy(dst, text->data, text->size);
    text->data = dst;
    text->in_arena = true;
    arena_used_ += text->size;
  }
  char* dst = ArenaFor(raw.size());
  size_t produced = raw.size();
  switch (kind) {
    case xml::TextKind::kPlain:
      std::memcpy(dst, raw.data(), raw.size());
      break;
    case xml::TextKind::kCdata:
      produced = NormalizeLineEnds(raw, dst);
      break;
    case xml::TextKind::kDecode:
      if (std::string_view bad; !DecodeXmlText(raw, dst, &produced, &bad)) {
        return Fail(ErrorCode::kCorruptFile, fmt::format("invalid entity reference \"{}\"", bad));
      }
      break;
  }
  arena_used_ += produced;
  text->size += produced;
  return Scan::kOk;
}

char* SheetRowParser::ArenaFor(size_t n) {
  // Sized once per Parse() call, before its first use, to the bytes given:
  // nothing in the arena is live then, and the call never needs more.
  if (arena_used_ == 0 && arena_capacity_ < arena_bound_) {
    arena_.reset(new char[arena_bound_]);
    arena_capacity_ = arena_bound_;
  }
  assert(arena_used_ + n <= arena_capacity_);
  static_cast<void>(n);
  return arena_.get() + arena_used_;
}

Scan SheetRowParser::Malformed(const char* what) {
  return Fail(ErrorCode::kCorruptFile, fmt::format("malformed worksheet XML: {}", what));
}

Scan SheetRowParser::Fail(ErrorCode code, std::string message) {
  Location location;
  location.row = row_number_;
  if (in_cell_)
    location.column = cell_ref_.empty() ? CellRefName(cell_column_, row_number_) : std::string(cell_ref_);
  error_ = Status(code, std::move(message), std::move(location));
  return Scan::kError;
}

}  // namespace flexpipe
