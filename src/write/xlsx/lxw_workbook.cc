#include "write/xlsx/lxw_workbook.h"

#include <xlsxwriter.h>

#include <string>
#include <utility>

#include <fmt/format.h>

#include "write/atomic_file.h"

namespace flexpipe {
namespace {

class LxwWorkbook final : public XlsxWorkbook {
 public:
  LxwWorkbook(std::filesystem::path destination, std::unique_ptr<AtomicFile> file)
      : XlsxWorkbook(std::move(destination), std::move(file)) {}
  ~LxwWorkbook() override { Abandon(); }
  LxwWorkbook(const LxwWorkbook&) = delete;
  LxwWorkbook& operator=(const LxwWorkbook&) = delete;

 protected:
  Status Start(const XlsxWorkbookOptions& options) override {
    lxw_workbook_options lxw_options{};
    lxw_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_options.use_zip64 = options.use_zip64 ? LXW_TRUE : LXW_FALSE;
    tmpdir_ = destination().has_parent_path() ? destination().parent_path().string() : std::string(".");
    lxw_options.tmpdir = tmpdir_.data();
    workbook_ = workbook_new_opt(file()->temp_path().c_str(), &lxw_options);
    if (workbook_ == nullptr) return Fail("cannot start the workbook (out of memory or temporary files)");

    author_ = options.author;
    title_ = options.title;
    lxw_doc_properties properties{};
    properties.author = author_.empty() ? nullptr : author_.data();
    properties.title = title_.empty() ? nullptr : title_.data();
    properties.created = static_cast<time_t>(options.created_unix_seconds);
    FP_RETURN_IF_ERROR(
        Check(workbook_set_properties(workbook_, &properties), "cannot set document properties"));

    for (size_t i = 0; i < kXlsxStyleCount; ++i) {
      const auto style = static_cast<XlsxStyle>(i);
      if (style == XlsxStyle::kGeneral) continue;  // no format at all
      lxw_format* format = workbook_add_format(workbook_);
      if (format == nullptr) return Fail("cannot add a cell format (out of memory)");
      if (style == XlsxStyle::kHeader) format_set_bold(format);
      if (const char* number_format = XlsxNumberFormat(style)) format_set_num_format(format, number_format);
      formats_[i] = format;
    }
    return Status::Ok();
  }

  Status DoAddSheet(const std::string& name) override {
    FP_RETURN_IF_ERROR(Check(workbook_validate_sheet_name(workbook_, name.c_str()),
                             fmt::format("bad sheet name \"{}\"", name)));
    sheet_ = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet_ == nullptr) return Fail(fmt::format("cannot add sheet \"{}\"", name));
    return Status::Ok();
  }

  Status DoSetColumnWidth(uint32_t col, double width) override {
    return Check(worksheet_set_column(sheet_, Col(col), Col(col), width, nullptr),
                 "cannot set a column width", kNoCell, col);
  }

  Status DoFreezeRows(uint32_t first_rows) override {
    worksheet_freeze_panes(sheet_, first_rows, 0);
    return Status::Ok();
  }

  Status DoSetAutofilter(uint32_t first_row, uint32_t first_col, uint32_t last_row,
                         uint32_t last_col) override {
    return Check(worksheet_autofilter(sheet_, first_row, Col(first_col), last_row, Col(last_col)),
                 "cannot set the autofilter", first_row, first_col);
  }

  Status DoWriteText(uint32_t row, uint32_t col, const std::string& text, XlsxStyle style) override {
    return Check(worksheet_write_string(sheet_, row, Col(col), text.c_str(), FormatOf(style)),
                 "cannot write a text cell", row, col);
  }

  Status DoWriteNumber(uint32_t row, uint32_t col, double value, XlsxStyle style) override {
    return Check(worksheet_write_number(sheet_, row, Col(col), value, FormatOf(style)),
                 "cannot write a number cell", row, col);
  }

  Status DoWriteBoolean(uint32_t row, uint32_t col, bool value, XlsxStyle style) override {
    return Check(worksheet_write_boolean(sheet_, row, Col(col), value ? 1 : 0, FormatOf(style)),
                 "cannot write a boolean cell", row, col);
  }

  Status DoWriteBlank(uint32_t row, uint32_t col, XlsxStyle style) override {
    return Check(worksheet_write_blank(sheet_, row, Col(col), FormatOf(style)), "cannot write a blank cell",
                 row, col);
  }

  Status DoFinish() override {
    lxw_workbook* workbook = std::exchange(workbook_, nullptr);
    sheet_ = nullptr;
    const lxw_error closed = workbook_close(workbook);  // frees the workbook, success or not
    if (closed != LXW_NO_ERROR)
      return Fail(fmt::format("cannot write the workbook: {}", lxw_strerror(closed)));
    return Status::Ok();
  }

  void DoAbandon() override {
    if (workbook_ != nullptr) lxw_workbook_free(std::exchange(workbook_, nullptr));  // writes nothing
    sheet_ = nullptr;
  }

 private:
  static lxw_col_t Col(uint32_t col) { return static_cast<lxw_col_t>(col); }
  lxw_format* FormatOf(XlsxStyle style) const { return formats_[static_cast<size_t>(style)]; }

  Status Check(int lxw_result, std::string_view doing, uint32_t row = kNoCell, uint32_t col = kNoCell) {
    if (lxw_result == LXW_NO_ERROR) return Status::Ok();
    return Fail(fmt::format("{}: {}", doing, lxw_strerror(static_cast<lxw_error>(lxw_result))), row, col);
  }

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* formats_[kXlsxStyleCount] = {};
  std::string author_, title_, tmpdir_;  // libxlsxwriter may keep pointers until close
};

}  // namespace

std::unique_ptr<XlsxWorkbook> NewLibxlsxwriterWorkbook(std::filesystem::path destination,
                                                       std::unique_ptr<AtomicFile> file) {
  return std::make_unique<LxwWorkbook>(std::move(destination), std::move(file));
}

}  // namespace flexpipe
