#include "write/xlsx/stream_workbook.h"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "write/atomic_file.h"
#include "write/xlsx/package_parts.h"
#include "write/xlsx/sheet_xml.h"
#include "write/xlsx/zip_writer.h"

namespace flexpipe {
namespace {

constexpr size_t kFlushBytes = 64 * 1024;  // sheet XML handed to the deflater at a time
constexpr uint32_t kNoRow = UINT32_MAX;

class StreamWorkbook final : public XlsxWorkbook {
 public:
  StreamWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file)
      : XlsxWorkbook(std::move(destination), std::move(file)) {}
  ~StreamWorkbook() override { Abandon(); }
  StreamWorkbook(const StreamWorkbook&) = delete;
  StreamWorkbook& operator=(const StreamWorkbook&) = delete;

 protected:
  Status Start(const XlsxWorkbookOptions& options) override {
    author_ = options.author;
    title_ = options.title;
    created_ = options.created_unix_seconds;
    ParallelDeflateOptions deflate;
    deflate.threads = options.deflate_threads;
    zip_ = std::make_unique<ZipWriter>(file(), deflate, options.use_zip64);
    buffer_.reserve(2 * kFlushBytes);
    return Status::Ok();
  }

  Status DoAddSheet(const std::string& name) override {
    FP_RETURN_IF_ERROR(EndSheet());
    sheets_.push_back(SheetLayout{name, {}, 0, std::nullopt});
    FP_RETURN_IF_ERROR(zip_->BeginEntry(fmt::format("xl/worksheets/sheet{}.xml", sheets_.size())));
    sheet_open_ = true;
    head_written_ = false;
    row_ = kNoRow;
    col_ = kNoRow;
    return Status::Ok();
  }

  Status DoSetColumnWidth(uint32_t col, double width) override {
    if (head_written_) return Fail("column widths must be set before the sheet's first cell", kNoCell, col);
    sheets_.back().widths[col] = width;
    return Status::Ok();
  }

  Status DoFreezeRows(uint32_t first_rows) override {
    if (head_written_) return Fail("frozen rows must be set before the sheet's first cell");
    sheets_.back().frozen_rows = first_rows;
    return Status::Ok();
  }

  Status DoSetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                         uint32_t last_col) override {
    sheets_.back().autofilter = CellRange{first_row, first_col, last_row, last_col};
    return Status::Ok();
  }

  Status DoWriteText(uint32_t row, uint32_t col, const std::string& text, XlsxStyle style) override {
    FP_RETURN_IF_ERROR(StartCell(row, col));
    cells_.Text(col, text, style);
    return MaybeFlush();
  }

  Status DoWriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style) override {
    FP_RETURN_IF_ERROR(StartCell(row, col));
    cells_.Number(col, value, style);
    return MaybeFlush();
  }

  Status DoWriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style) override {
    FP_RETURN_IF_ERROR(StartCell(row, col));
    cells_.Boolean(col, value, style);
    return MaybeFlush();
  }

  Status DoWriteBlank(uint32_t row, uint32_t col, XlsxStyle style) override {
    FP_RETURN_IF_ERROR(StartCell(row, col));
    cells_.Blank(col, style);
    return MaybeFlush();
  }

  bool DoesFormattedRows() const override { return true; }

  Status DoWriteFormattedRows(uint32_t first_row, uint32_t last_row, std::string_view xml) override {
    FP_RETURN_IF_ERROR(StartRows(first_row));
    cells_.EndRow();
    FP_RETURN_IF_ERROR(Flush());
    row_ = last_row;
    col_ = kNoRow;  // the last row is closed: no more cells on it
    return zip_->Write(xml);
  }

  Status DoFinish() override {
    if (sheets_.empty()) FP_RETURN_IF_ERROR(AddSheet("Sheet1"));  // a workbook has at least one sheet
    FP_RETURN_IF_ERROR(EndSheet());
    FP_RETURN_IF_ERROR(zip_->AddEntry("[Content_Types].xml", ContentTypesXml(sheets_.size())));
    FP_RETURN_IF_ERROR(zip_->AddEntry("_rels/.rels", RootRelationshipsXml()));
    FP_RETURN_IF_ERROR(zip_->AddEntry("docProps/app.xml", AppPropertiesXml(sheets_)));
    FP_RETURN_IF_ERROR(zip_->AddEntry("docProps/core.xml", CorePropertiesXml(author_, title_, created_)));
    FP_RETURN_IF_ERROR(
        zip_->AddEntry("xl/_rels/workbook.xml.rels", WorkbookRelationshipsXml(sheets_.size())));
    FP_RETURN_IF_ERROR(zip_->AddEntry("xl/workbook.xml", WorkbookXml(sheets_)));
    FP_RETURN_IF_ERROR(zip_->AddEntry("xl/styles.xml", StylesXml()));
    return zip_->Finish();
  }

  void DoAbandon() override { zip_.reset(); }

 private:
  // Checks that rows from `row` on may follow what was written (`col`: the
  // cell asking, for the message).
  Status StartRows(uint32_t row, uint32_t col = kNoCell) {
    if (!head_written_) {
      buffer_.append(SheetHeadXml(sheets_.back(), sheets_.size() == 1));
      head_written_ = true;
    }
    if (row_ != kNoRow && row <= row_) {
      return Fail(fmt::format("cells must come row by row (row {} after row {})", row + 1, row_ + 1), row,
                  col);
    }
    return Status::Ok();
  }

  // Checks the order of cell (row, col) and opens its row when new.
  Status StartCell(uint32_t row, uint32_t col) {
    if (row != row_) {
      FP_RETURN_IF_ERROR(StartRows(row, col));
      cells_.StartRow(row);
      row_ = row;
    } else if (col_ != kNoRow && col <= col_) {
      return Fail("cells of a row must come left to right", row, col);
    } else if (col_ == kNoRow) {
      return Fail(fmt::format("cells must come row by row (row {} after row {})", row + 1, row_ + 1), row,
                  col);
    }
    col_ = col;
    return Status::Ok();
  }

  Status MaybeFlush() {
    if (buffer_.size() < kFlushBytes) return Status::Ok();
    return Flush();
  }

  Status Flush() {
    Status s = zip_->Write(buffer_);
    buffer_.clear();
    return s;
  }

  Status EndSheet() {
    if (!sheet_open_) return Status::Ok();
    sheet_open_ = false;
    if (!head_written_) buffer_.append(SheetHeadXml(sheets_.back(), sheets_.size() == 1));
    cells_.EndRow();
    buffer_.append(SheetTailXml(sheets_.back()));
    return Flush();
  }

  std::unique_ptr<ZipWriter> zip_;
  std::string author_, title_;
  int64_t created_ = 0;
  std::vector<SheetLayout> sheets_;
  bool sheet_open_ = false;
  bool head_written_ = false;
  uint32_t row_ = kNoRow;  // the last row written to
  uint32_t col_ = kNoRow;  // its last cell; kNoRow: the row is closed
  std::string buffer_;
  SheetXmlWriter cells_{&buffer_};
};

}  // namespace

std::unique_ptr<XlsxWorkbook> NewStreamingWorkbook(std::filesystem::path destination,
                                                   std::unique_ptr<AtomicFile> file) {
  return std::make_unique<StreamWorkbook>(std::move(destination), std::move(file));
}

}  // namespace flexpipe
