#include "generate/workbook_export.h"

#include <charconv>
#include <string>
#include <vector>

#include "generate/export_rows.h"
#include "generate/output_file.h"
#include "schema/value_format.h"
#include "write/xlsx_workbook.h"

namespace flexpipe::gen {
namespace {

// Above this many rows a workbook is written in constant memory.
constexpr uint64_t kSharedStringRows = 200'000;
// Integers up to 2^53 are exact in a double.
constexpr uint64_t kMaxExactInteger = uint64_t{1} << 53;
// A workbook's documents are dated (deterministically) at the plan's as_of.
constexpr int64_t kSecondsPerDay = 86'400;

bool IsNumberColumn(Column c) {
  switch (c) {
    case Column::kAcres:
    case Column::kLotSqft:
    case Column::kBuildingSqft:
    case Column::kOfficeSqft:
    case Column::kWarehouseSqft:
    case Column::kCeilingHeight:
    case Column::kLoadingDocks:
    case Column::kOverheadDoors:
    case Column::kYearBuilt:
    case Column::kOccupancy:
    case Column::kImprovementValue:
    case Column::kLandValue:
    case Column::kTotalValue:
    case Column::kSalePrice:
    case Column::kLatitude:
    case Column::kLongitude:
      return true;
    default:
      return false;
  }
}

// The look a broker-site export gives its numbers; the others show them bare.
XlsxStyle NumberStyle(HeaderStyle style, Column c) {
  if (style != HeaderStyle::kCrexi) return XlsxStyle::kGeneral;
  switch (c) {
    case Column::kImprovementValue:
    case Column::kLandValue:
    case Column::kTotalValue:
    case Column::kSalePrice:
      return XlsxStyle::kMoney;
    case Column::kBuildingSqft:
    case Column::kOfficeSqft:
    case Column::kWarehouseSqft:
      return XlsxStyle::kInteger;
    default:
      return XlsxStyle::kGeneral;
  }
}

// The number a plain decimal spells ("+5", ".5" and "2.5e4" included).
bool PlainNumber(std::string_view text, double* value) {
  if (!LooksNumeric(text)) return false;
  if (text.front() == '+') text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

class WorkbookRows {
 public:
  WorkbookRows(XlsxWorkbook* wb, const FilePlan& plan) : wb_(wb), plan_(plan) {}

  // Writes the cell whose CSV text is `text`, typed as described in the header.
  Status Cell(uint32_t row, uint32_t col, Column column, const DrawnRow& drawn, const std::string& text) {
    const bool appraiser = plan_.style == HeaderStyle::kAppraiser;
    double number = 0;
    switch (column) {
      case Column::kSaleDate:
        if (plan_.style != HeaderStyle::kOdd && drawn.facts.sale_day.has_value()) {
          return wb_->WriteDate(row, col, Date{static_cast<int32_t>(drawn.facts.sale_day.value)});
        }
        break;
      case Column::kParcelId:
        if (appraiser && drawn.identity.parcel < kMaxExactInteger) {
          return wb_->WriteNumber(row, col, static_cast<double>(drawn.identity.parcel));
        }
        break;
      case Column::kZip:
        if (appraiser && PlainNumber(text, &number)) return wb_->WriteNumber(row, col, number);
        break;
      default:
        if (IsNumberColumn(column) && PlainNumber(text, &number)) {
          return wb_->WriteNumber(row, col, number, NumberStyle(plan_.style, column));
        }
        break;
    }
    if (text.empty()) return Status::Ok();  // an empty cell is no cell
    return wb_->WriteText(row, col, text);
  }

 private:
  XlsxWorkbook* wb_;
  const FilePlan& plan_;
};

Status WriteRows(XlsxWorkbook* wb, const FilePlan& plan, uint64_t seed, Date as_of, uint64_t rows) {
  const std::vector<ColumnSpec> columns = ColumnsFor(plan);
  FP_RETURN_IF_ERROR(wb->AddSheet(StyleName(plan.style, plan.variant)));
  for (uint32_t c = 0; c < columns.size(); ++c) FP_RETURN_IF_ERROR(wb->WriteText(0, c, columns[c].header));
  WorkbookRows cells(wb, plan);
  std::string text;
  for (uint64_t r = 0; r < rows; ++r) {
    DrawnRow drawn = DrawRow(plan, seed, as_of, r);
    const RowContext context = drawn.context();
    for (uint32_t c = 0; c < columns.size(); ++c) {
      text.clear();
      AppendCell(columns[c].column, context,
                 &text);  // draws the spelling even when unused: same stream as CSV
      FP_RETURN_IF_ERROR(cells.Cell(static_cast<uint32_t>(r + 1), c, columns[c].column, drawn, text));
    }
  }
  return Status::Ok();
}

// Rewrites `path` with the first half of its bytes.
Status CutInHalf(FileSystem* fs, const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(const std::string bytes, ReadSmallFile(fs, path, size_t{1} << 31));
  FP_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(fs, path));
  FP_RETURN_IF_ERROR(out->Append(std::string_view(bytes).substr(0, bytes.size() / 2)));
  return out->Commit();
}

}  // namespace

Status WriteWorkbookExport(FileSystem* fs, const std::filesystem::path& path, const FilePlan& plan,
                           uint64_t seed, Date as_of) {
  const bool truncate = plan.kind == FileKind::kTruncatedQuote;
  const uint64_t rows = truncate ? BreakRow(plan) + 3 : plan.rows;
  XlsxWorkbookOptions options;
  options.engine = XlsxEngine::kLibxlsxwriter;  // laid out as Excel saves it, by another program
  options.constant_memory = plan.style == HeaderStyle::kOdd || rows > kSharedStringRows;
  options.author = "";
  if (as_of.days > 0) options.created_unix_seconds = as_of.days * kSecondsPerDay;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<XlsxWorkbook> wb, XlsxWorkbook::Create(fs, path, options));
  FP_RETURN_IF_ERROR(WriteRows(wb.get(), plan, seed, as_of, rows));
  FP_RETURN_IF_ERROR(wb->Commit());
  return truncate ? CutInHalf(fs, path) : Status::Ok();
}

}  // namespace flexpipe::gen
