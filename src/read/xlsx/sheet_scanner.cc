#include "read/xlsx/sheet_scanner.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "read/fill_buffer.h"

namespace flexpipe {

using xml::Scan;

SheetScanner::SheetScanner(SequentialFile* input, const SheetScannerOptions& options)
    : input_(input),
      row_limit_(options.max_row_bytes),
      buffer_(options.buffer_bytes),
      row_parser_(SheetRowLimits{options.max_cell_bytes, options.max_columns, options.max_rows}) {
  if (options.buffer_bytes == 0 || options.max_row_bytes == 0 || options.max_columns == 0 ||
      options.max_rows == 0) {
    error_ = Status(
        ErrorCode::kInvalidArgument,
        "sheet scanner options: buffer_bytes, max_row_bytes, max_columns and max_rows must be positive");
  }
}

Result<bool> SheetScanner::NextRow(XlsxRow* row) {
  while (error_.ok()) {
    Step step = Step::kPhaseDone;
    switch (phase_) {
      case Phase::kPrelude:
        step = ScanPrelude();
        break;
      case Phase::kSheetData:
        step = ScanSheetData(row);
        break;
      case Phase::kEpilogue:
        step = ScanEpilogue();
        break;
      case Phase::kDone:
        return false;
    }
    if (step == Step::kRow) return true;
    if (step == Step::kNeedInput) {
      if (Status s = NeedInput(); !s.ok()) error_ = std::move(s);
    }
  }
  return error_;
}

// One tag (or comment, processing instruction) outside <sheetData> starting
// at `p`, its `ref` attribute kept; kRow when read, p then past it.
SheetScanner::Step SheetScanner::ReadOuterTag(const char*& p, const char* end, std::string_view where,
                                              TagKind* kind, std::string_view* name, std::string_view* ref) {
  const char* const start = p;
  const Scan s = ReadConstruct(p, end, kind, name, [&](std::string_view attribute, std::string_view value) {
    if (attribute == "ref") *ref = value;
    return true;
  });
  if (s == Scan::kIncomplete) return Step::kNeedInput;
  if (s == Scan::kError) {
    error_ = Malformed(syntax_error_);
    return Step::kError;
  }
  if (static_cast<size_t>(p - start) > row_limit_) {
    error_ = Fail(ErrorCode::kResourceLimit,
                  fmt::format("a tag {} is longer than the limit of {} bytes", where, row_limit_));
    return Step::kError;
  }
  return Step::kRow;
}

// Before <sheetData>: skip everything, note <dimension>.
SheetScanner::Step SheetScanner::ScanPrelude() {
  while (true) {
    const char* p = buffer_.data();
    const char* const end = p + buffer_.size();
    if (bytes_consumed_ == 0) {
      if (end - p < 2 && !input_done_) return Step::kNeedInput;
      if (end - p >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') || (p[0] == '\xFE' && p[1] == '\xFF'))) {
        error_ = Fail(ErrorCode::kBadEncoding, "UTF-16 worksheet XML is not supported");
        return Step::kError;
      }
    }
    p = xml::FindLt(p, end);
    Consume(p);  // text (a byte-order mark, white space) between tags
    if (p == end) return Step::kNeedInput;
    TagKind kind = TagKind::kOther;
    std::string_view name;
    std::string_view ref;
    if (const Step step = ReadOuterTag(p, end, "before <sheetData>", &kind, &name, &ref); step != Step::kRow)
      return step;
    Consume(p);
    if (kind == TagKind::kStart || kind == TagKind::kEmpty) {
      if (name == "sheetData") {
        phase_ = kind == TagKind::kEmpty ? Phase::kEpilogue : Phase::kSheetData;
        return Step::kPhaseDone;
      }
      XlsxCellRange range;
      if (name == "dimension" && ParseCellRange(ref, &range)) dimension_ = range;
    }
    if (kind == TagKind::kStart) ++depth_;
    if (kind == TagKind::kEnd) --depth_;
  }
}

// Inside <sheetData>: rows, until </sheetData>.
SheetScanner::Step SheetScanner::ScanSheetData(XlsxRow* row) {
  while (true) {
    const char* p = xml::FindLt(buffer_.data(), buffer_.data() + buffer_.size());
    const char* const end = buffer_.data() + buffer_.size();
    Consume(p);
    if (end - p < 2) return Step::kNeedInput;
    if (p[1] != '/' && p[1] != '!' && p[1] != '?') {
      const char* name_end = p + 1;
      std::string_view name;
      const Scan s = xml::ReadName(name_end, end, &name, &syntax_error_);
      if (s == Scan::kIncomplete) return Step::kNeedInput;
      if (s == Scan::kError) {
        error_ = Malformed(syntax_error_);
        return Step::kError;
      }
      if (name == "row") {
        in_row_ = true;
        size_t consumed = 0;
        switch (row_parser_.Parse(std::string_view(p, static_cast<size_t>(end - p)), previous_row_, row,
                                  &consumed)) {
          case SheetRowParser::Outcome::kIncomplete:
            return Step::kNeedInput;
          case SheetRowParser::Outcome::kError:
            error_ = row_parser_.error();
            return Step::kError;
          case SheetRowParser::Outcome::kRow:
            break;
        }
        in_row_ = false;
        if (consumed > row_limit_) {
          error_ = Fail(ErrorCode::kResourceLimit,
                        fmt::format("row {} is longer than the limit of {} bytes", row->number, row_limit_),
                        row->number);
          return Step::kError;
        }
        previous_row_ = row->number;
        Consume(p + consumed);
        if (!row->cells.empty()) return Step::kRow;
        continue;
      }
    }
    // Anything else: the end of <sheetData>, a comment, or an element that
    // has no business here (skipped).
    TagKind kind = TagKind::kOther;
    std::string_view name;
    Scan s = ReadConstruct(p, end, &kind, &name, [](std::string_view, std::string_view) { return true; });
    if (s == Scan::kOk && kind == TagKind::kStart) s = xml::SkipElement(p, end, &syntax_error_);
    if (s == Scan::kIncomplete) return Step::kNeedInput;
    if (s == Scan::kOk && kind == TagKind::kEnd && name != "sheetData") {
      syntax_error_ = "unexpected end tag in <sheetData>";
      s = Scan::kError;
    }
    if (s == Scan::kError) {
      error_ = Malformed(syntax_error_);
      return Step::kError;
    }
    Consume(p);
    if (kind == TagKind::kEnd) {
      phase_ = Phase::kEpilogue;
      return Step::kPhaseDone;
    }
  }
}

// After </sheetData>: collect <mergeCell>, skip the rest, to the end tag.
SheetScanner::Step SheetScanner::ScanEpilogue() {
  while (true) {
    const char* p = xml::FindLt(buffer_.data(), buffer_.data() + buffer_.size());
    const char* const end = buffer_.data() + buffer_.size();
    Consume(p);
    if (p == end) return Step::kNeedInput;
    TagKind kind = TagKind::kOther;
    std::string_view name;
    std::string_view ref;
    if (const Step step = ReadOuterTag(p, end, "after </sheetData>", &kind, &name, &ref); step != Step::kRow)
      return step;
    if ((kind == TagKind::kStart || kind == TagKind::kEmpty) && name == "mergeCell") {
      XlsxCellRange range;
      if (!ParseCellRange(ref, &range)) {
        error_ = Fail(ErrorCode::kCorruptFile, fmt::format("invalid merged cell range ref=\"{}\"", ref));
        return Step::kError;
      }
      merge_cells_.push_back(range);
    }
    if (kind == TagKind::kStart) ++depth_;
    if (kind == TagKind::kEnd) --depth_;
    Consume(p);
  }
}

template <typename OnAttribute>
Scan SheetScanner::ReadConstruct(const char*& p, const char* end, TagKind* kind, std::string_view* local,
                                 OnAttribute&& on_attribute) {
  if (end - p < 2) return Scan::kIncomplete;
  if (p[1] == '/') {
    *kind = TagKind::kEnd;
    return xml::ReadEndTag(p, end, local, &syntax_error_);
  }
  if (p[1] == '!' || p[1] == '?') {
    *kind = TagKind::kOther;
    xml::Markup markup;
    std::string_view cdata;
    return xml::ReadMarkup(p, end, &markup, &cdata, &syntax_error_);
  }
  ++p;
  if (const Scan s = xml::ReadName(p, end, local, &syntax_error_); s != Scan::kOk) return s;
  bool self_closing = false;
  const Scan s = xml::ReadAttributes(p, end, &self_closing, &syntax_error_, on_attribute);
  *kind = self_closing ? TagKind::kEmpty : TagKind::kStart;
  return s;
}

Status SheetScanner::NeedInput() {
  if (!input_done_) {
    if (!input_error_.ok()) return input_error_;
    return Refill();
  }
  switch (phase_) {
    case Phase::kPrelude:
      if (buffer_.size() == 0) {
        return Fail(ErrorCode::kCorruptFile,
                    bytes_read_ == 0 ? "the worksheet part is empty" : "the worksheet has no <sheetData>");
      }
      return Fail(ErrorCode::kCorruptFile, "the worksheet XML ends inside a tag (truncated?)");
    case Phase::kSheetData:
      if (in_row_) {
        return Fail(
            ErrorCode::kCorruptFile,
            fmt::format("the worksheet XML ends inside row {} (truncated?)", row_parser_.row_number()),
            row_parser_.row_number());
      }
      return Fail(ErrorCode::kCorruptFile,
                  previous_row_ == 0
                      ? std::string("the worksheet XML ends inside <sheetData> (truncated?)")
                      : fmt::format("the worksheet XML ends inside <sheetData> after row {} (truncated?)",
                                    previous_row_));
    case Phase::kEpilogue:
      if (buffer_.size() == 0 && depth_ <= 0) {
        phase_ = Phase::kDone;
        return Status::Ok();
      }
      return Fail(ErrorCode::kCorruptFile, "the worksheet XML ends before its end tag (truncated?)");
    case Phase::kDone:
      break;
  }
  return Status::Ok();
}

Status SheetScanner::Refill() {
  if (buffer_.size() == buffer_.capacity() && !buffer_.Grow(row_limit_)) {  // one construct fills it
    if (in_row_) {
      return Fail(
          ErrorCode::kResourceLimit,
          fmt::format("row {} is longer than the limit of {} bytes", row_parser_.row_number(), row_limit_),
          row_parser_.row_number());
    }
    return Fail(ErrorCode::kResourceLimit,
                fmt::format("a tag of the worksheet is longer than the limit of {} bytes", row_limit_));
  }
  buffer_.Compact();
  bytes_read_ += FillBuffer(input_, &buffer_, &input_done_, &input_error_);
  return Status::Ok();
}

void SheetScanner::Consume(const char* upto) {
  const auto n = static_cast<size_t>(upto - buffer_.data());
  buffer_.Consume(n);
  bytes_consumed_ += n;
}

Status SheetScanner::Malformed(const char* what) {
  return Fail(ErrorCode::kCorruptFile, fmt::format("malformed worksheet XML: {}", what));
}

Status SheetScanner::Fail(ErrorCode code, std::string message, uint64_t row) {
  return Status(code, std::move(message), Location{"", "", row, ""});
}

}  // namespace flexpipe
