#include "read/xlsx/xlsx_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include <fast_float/fast_float.h>
#include <fmt/format.h>

#include "core/read_ahead_file.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/cell_text.h"

namespace flexpipe {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Blank = empty or only spaces, tabs and line breaks: such a row holds no property.
bool IsBlankText(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string SheetNames(const WorkbookInfo& workbook) {
  std::string names;
  for (const SheetInfo& s : workbook.sheets) {
    if (!names.empty()) names += ", ";
    names += '"' + s.name + '"';
  }
  return names;
}

// The sheet `selector` names (see XlsxOptions::sheet).
Result<SheetInfo> SelectSheet(const WorkbookInfo& workbook, const std::string& selector) {
  if (workbook.sheets.empty()) return Status(ErrorCode::kCorruptFile, "the workbook has no worksheet");
  if (selector.empty()) {
    for (const SheetInfo& s : workbook.sheets) {
      if (s.visible) return s;
    }
    return workbook.sheets.front();  // every sheet hidden: Excel would still show one
  }
  for (const SheetInfo& s : workbook.sheets) {
    if (s.name == selector) return s;
  }
  for (const SheetInfo& s : workbook.sheets) {
    if (EqualsIgnoreCase(s.name, selector)) return s;
  }
  if (AllDigits(selector) && selector.size() < 6) {
    const int index = std::stoi(selector);
    for (const SheetInfo& s : workbook.sheets) {
      if (s.index == index) return s;
    }
  }
  return Status(ErrorCode::kConfigError, fmt::format("no sheet \"{}\" in this workbook; its sheets are {}",
                                                     selector, SheetNames(workbook)));
}

}  // namespace

Result<std::vector<SheetInfo>> ListXlsxSheets(FileSystem* fs, const std::filesystem::path& path,
                                              const ZipLimits& limits) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(fs, path, limits));
  FP_ASSIGN_OR_RETURN(WorkbookInfo workbook, ReadWorkbookInfo(zip.get()));
  return workbook.sheets;
}

XlsxReader::~XlsxReader() = default;

Status XlsxReader::Locate(const Status& status) const {
  Location location = status.location();
  if (location.file.empty()) location.file = path_;
  if (location.sheet.empty()) location.sheet = sheet_.name;
  return Status(status.code(), status.message(), std::move(location));
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::Open(FileSystem* fs, const std::filesystem::path& path,
                                                     const XlsxOptions& options) {
  std::unique_ptr<XlsxReader> r(new XlsxReader());
  r->path_ = path.string();
  r->options_ = options;
  r->options_.rows_per_batch = std::max(1, options.rows_per_batch);
  auto fail = [&r](const Status& s) { return r->Locate(s); };

  Result<std::unique_ptr<ZipArchive>> zip = ZipArchive::Open(fs, path, options.zip);
  if (!zip.ok()) return fail(zip.status());
  r->zip_ = std::move(*zip);
  Result<WorkbookInfo> workbook = ReadWorkbookInfo(r->zip_.get());
  if (!workbook.ok()) return fail(workbook.status());
  Result<SheetInfo> sheet = SelectSheet(*workbook, options.sheet);
  if (!sheet.ok()) return fail(sheet.status());
  r->sheet_ = std::move(*sheet);
  r->date1904_ = workbook->date1904;
  if (!workbook->styles_part.empty()) {
    Result<CellStyles> styles = ReadCellStyles(r->zip_.get(), workbook->styles_part);
    if (!styles.ok()) return fail(styles.status());
    r->styles_ = std::move(*styles);
  }
  if (!workbook->shared_strings_part.empty()) {
    SharedStringsOptions strings_options;
    strings_options.read_ahead = options.read_ahead;
    Result<SharedStrings> strings =
        ReadSharedStrings(r->zip_.get(), workbook->shared_strings_part, strings_options);
    if (!strings.ok()) return fail(strings.status());
    r->strings_ = std::move(*strings);
  }
  Result<std::unique_ptr<SequentialFile>> input = r->zip_->OpenEntry(r->sheet_.part);
  if (!input.ok()) return fail(input.status());
  r->sheet_input_ = std::move(*input);
  if (options.read_ahead) r->sheet_input_ = std::make_unique<ReadAheadFile>(std::move(r->sheet_input_));
  r->scanner_ = std::make_unique<SheetScanner>(r->sheet_input_.get(), options.scanner);
  return r;
}

uint64_t XlsxReader::bytes_read() const { return zip_ ? zip_->compressed_bytes_read() : 0; }

void XlsxReader::AppendCellText(const XlsxCell& cell) {
  switch (cell.type) {
    case XlsxCellType::kSharedString: {
      uint32_t index = 0;
      const char* end = cell.value.data() + cell.value.size();
      const auto [ptr, ec] = std::from_chars(cell.value.data(), end, index);
      if (ec == std::errc() && ptr == end && index < strings_.size()) {
        text_ += strings_.Get(index);
      } else if (!cell.value.empty()) {
        // Named by the column's header once there is one (as value problems are).
        issues_.push_back(
            RowIssue{ErrorCode::kCorruptFile, 0,
                     fmt::format("cell {}: shared string index '{}' does not exist (the workbook "
                                 "has {} shared strings); read as empty",
                                 ColumnName(cell.column), cell.value, strings_.size()),
                     cell.column < header_.size() ? header_[cell.column] : ColumnName(cell.column)});
      }
      return;
    }
    case XlsxCellType::kNumber: {
      if (cell.value.empty()) return;
      const size_t before = text_.size();
      if (styles_.IsDate(cell.style)) {
        double serial = 0;
        const auto r =
            fast_float::from_chars(cell.value.data(), cell.value.data() + cell.value.size(), serial);
        if (r.ec == std::errc() && AppendSerialDateText(serial, date1904_, &text_)) return;
        text_.resize(before);
      }
      if (!AppendNumberText(cell.value, &text_)) {
        text_.resize(before);
        text_ += cell.value;  // not a number after all: hand on what is there
      }
      return;
    }
    case XlsxCellType::kBoolean:
      if (!cell.value.empty()) text_ += (cell.value == "0" ? "FALSE" : "TRUE");
      return;
    case XlsxCellType::kError:
      return;  // #N/A, #DIV/0!, … are missing values
    case XlsxCellType::kInlineString:
    case XlsxCellType::kFormulaString:
    case XlsxCellType::kDate:
      text_ += cell.value;
      return;
  }
}

Result<std::vector<std::string>> XlsxReader::ReadHeader(uint64_t* row_number) {
  while (!header_read_) {
    XlsxRow row;
    Result<bool> more = scanner_->NextRow(&row);
    if (!more.ok()) return Locate(more.status());
    if (!*more) {
      return Locate(Status(ErrorCode::kNoHeader, options_.header_row == 0
                                                     ? fmt::format("sheet \"{}\" is empty", sheet_.name)
                                                     : fmt::format("sheet \"{}\" has no row {} (header_row)",
                                                                   sheet_.name, options_.header_row)));
    }
    if (options_.header_row != 0 && row.number < options_.header_row) continue;
    if (options_.header_row != 0 && row.number > options_.header_row) {
      return Locate(Status(ErrorCode::kNoHeader, fmt::format("row {} (header_row) of sheet \"{}\" is empty",
                                                             options_.header_row, sheet_.name)));
    }
    text_.clear();
    std::vector<std::string> header;
    const size_t first_issue = issues_.size();
    for (const XlsxCell& cell : row.cells) {
      text_.clear();
      AppendCellText(cell);
      if (text_.empty()) continue;
      if (header.size() <= cell.column) header.resize(cell.column + 1);
      header[cell.column] = text_;
    }
    for (size_t i = first_issue; i < issues_.size(); ++i) issues_[i].row = row.number;
    if (header.empty()) continue;  // only empty cells: not the header yet
    header_ = std::move(header);
    header_row_ = row.number;
    header_read_ = true;
  }
  if (row_number != nullptr) *row_number = header_row_;
  return header_;
}

Result<bool> XlsxReader::NextBatch(RawBatch* batch) {
  batch->Clear();
  if (!header_read_) FP_RETURN_IF_ERROR(ReadHeader(nullptr).status());
  text_.clear();
  cells_.clear();
  rows_.clear();
  const size_t width = header_.size();
  bool more = true;
  while (rows_.size() < static_cast<size_t>(options_.rows_per_batch)) {
    XlsxRow row;
    if (done_) {
      more = false;
      break;
    }
    Result<bool> next = scanner_->NextRow(&row);
    if (!next.ok()) return Locate(next.status());
    if (!*next) {
      more = false;
      done_ = true;
      break;
    }
    const size_t first_cell = cells_.size();
    const size_t first_issue = issues_.size();
    bool blank = true;
    uint32_t beyond = 0;  // first column right of the header holding a value, +1
    size_t column = 0;
    for (const XlsxCell& cell : row.cells) {
      if (cell.column >= width) {
        const size_t before = text_.size();
        AppendCellText(cell);
        if (text_.size() != before && beyond == 0) beyond = cell.column + 1;
        text_.resize(before);
        continue;
      }
      for (; column < cell.column; ++column) cells_.emplace_back(text_.size(), text_.size());
      const size_t begin = text_.size();
      AppendCellText(cell);
      if (!IsBlankText(std::string_view(text_).substr(begin))) blank = false;
      cells_.emplace_back(begin, text_.size());
      column = cell.column + 1;
    }
    for (size_t i = first_issue; i < issues_.size(); ++i) issues_[i].row = row.number;
    if (beyond != 0) {  // reported even when the row is otherwise blank: nothing vanishes unsaid
      issues_.push_back(
          RowIssue{ErrorCode::kRaggedRow,
                   row.number,
                   fmt::format("row has a value in column {}, right of the header's last "
                               "column {}; it is ignored",
                               ColumnName(beyond - 1), ColumnName(static_cast<uint32_t>(width - 1))),
                   {}});
    }
    if (blank) {
      cells_.resize(first_cell);
      continue;
    }
    for (; column < width; ++column) cells_.emplace_back(text_.size(), text_.size());
    rows_.push_back(row.number);
  }
  // text_ is complete: hand out views.
  size_t cell = 0;
  for (const uint64_t number : rows_) {
    for (size_t c = 0; c < width; ++c, ++cell) {
      const auto [begin, end] = cells_[cell];
      batch->AddCell(std::string_view(text_).substr(begin, end - begin));
    }
    batch->EndRow(number);
  }
  for (RowIssue& issue : issues_) batch->AddIssue(std::move(issue));
  issues_.clear();
  return more || batch->rows() > 0 || !batch->issues().empty();
}

}  // namespace flexpipe
