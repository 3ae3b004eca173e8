#include "write/master_xlsx.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/date.h"
#include "core/ordered_pipeline.h"
#include "core/utf8.h"
#include "score/round.h"
#include "write/master_cells.h"
#include "write/xlsx/sheet_xml.h"

namespace flexpipe {
namespace {

constexpr size_t kWorkbookBlockRows = 1024;  // rows rendered by one thread at a time
// Column widths come from the header and this many first rows.
constexpr size_t kWidthSampleRows = 200;
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 50;
// Above this many cells a sheet's XML may pass 4 GB: ZIP64 then.
constexpr uint64_t kZip64Cells = 20'000'000;
constexpr int64_t kSecondsPerDay = 86'400;

// How wide a cell shows: its text, plus the thousands separators a format adds.
size_t CellChars(std::string_view text, const MasterColumnType& type) {
  size_t n = Utf8Chars(text);
  if (type.style == XlsxStyle::kMoney || type.style == XlsxStyle::kInteger) {
    const size_t point = text.find('.');
    const size_t digits = (point == std::string_view::npos ? text.size() : point) - text.starts_with('-');
    n += digits > 0 ? (digits - 1) / 3 : 0;
    if (point != std::string_view::npos) n = n - (text.size() - point);  // shown without decimals
  }
  return n;
}

double WidthFor(size_t chars) { return std::clamp(static_cast<double>(chars) + 2, kMinWidth, kMaxWidth); }

// A bold header with an autofilter button needs more room than its text.
size_t HeaderChars(std::string_view header) { return Utf8Chars(header) + 3; }

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Rows rendered, typed and formatted as sheet XML off the workbook's thread.
struct RowBlock {
  size_t begin = 0, end = 0;    // rows of merged.ranked
  std::string xml;              // the rows' sheet XML
  std::vector<size_t> xml_end;  // per row: where its XML ends
  uint64_t truncated = 0;       // texts cut to Excel's limit
  Status status;                // why a row could not be rendered
  std::string prepared, scratch, iso;
};

// Formats `cell` as the workbook types its column, by the rules of
// XlsxWorkbook's Write* calls: a number, date or boolean when the CSV's text
// is one (a date Excel cannot show stays ISO text, a number that is not
// finite a styled blank), otherwise text; a missing cell is no cell.
void FormatMasterCell(uint32_t col, const MasterCell& cell, const MasterColumnType& type, RowBlock* block,
                      SheetXmlWriter* xml) {
  if (cell.text.empty()) return;
  std::string_view text = cell.text;
  XlsxStyle text_style = XlsxStyle::kGeneral;
  switch (type.type) {
    case MasterCellType::kNumber:
      if (const auto v = ParseNumber(cell.text)) {
        if (std::isfinite(*v)) {
          xml->Number(col, *v, type.style);
        } else if (type.style != XlsxStyle::kGeneral) {
          xml->Blank(col, type.style);
        }
        return;
      }
      break;
    case MasterCellType::kDate:
      if (const auto d = ParseIsoDate(cell.text)) {
        if (const auto serial = XlsxWorkbook::DateSerial(*d)) {
          xml->Number(col, *serial, type.style);
          return;
        }
        block->iso = FormatIso(*d);
        text = block->iso;
        text_style = type.style;
      }
      break;
    case MasterCellType::kBoolean:
      if (cell.text == "true" || cell.text == "false") {
        xml->Boolean(col, cell.text == "true", XlsxStyle::kGeneral);
        return;
      }
      break;
    case MasterCellType::kText:
      break;
  }
  if (XlsxWorkbook::PrepareText(text, &block->prepared, &block->scratch)) ++block->truncated;
  xml->Text(col, block->prepared, text_style);
}

// Header, frozen header row and widths of a table sheet.
Status StartTable(XlsxWorkbook* wb, std::string_view name, std::span<const std::string> headers,
                  std::span<const double> widths) {
  FP_RETURN_IF_ERROR(wb->AddSheet(name));
  for (uint32_t c = 0; c < widths.size(); ++c) FP_RETURN_IF_ERROR(wb->SetColumnWidth(c, widths[c]));
  FP_RETURN_IF_ERROR(wb->FreezeRows(1));
  for (uint32_t c = 0; c < headers.size(); ++c)
    FP_RETURN_IF_ERROR(wb->WriteText(0, c, headers[c], XlsxStyle::kHeader));
  return Status::Ok();
}

Status EndTable(XlsxWorkbook* wb, uint32_t data_rows, size_t columns) {
  if (columns == 0) return Status::Ok();
  return wb->SetAutofilter(0, 0, data_rows, static_cast<uint32_t>(columns - 1));
}

// Widths of the candidate columns from the header and the first rows.
std::vector<double> CandidateWidths(std::span<const CandidateSet* const> sets, const MergeResult& merged,
                                    const MasterLayout& layout, const Scorer& scorer,
                                    std::span<const std::string> file_paths) {
  std::vector<size_t> chars(layout.columns.size());
  for (size_t c = 0; c < layout.columns.size(); ++c) chars[c] = HeaderChars(layout.columns[c].name);
  MasterRowRenderer renderer(sets, layout, scorer, file_paths);
  const size_t sample = std::min(merged.ranked.size(), kWidthSampleRows);
  for (size_t r = 0; r < sample; ++r) {
    const auto cells = renderer.Render(merged.ranked[r]);
    for (size_t c = 0; c < cells.size(); ++c) {
      chars[c] = std::max(chars[c], CellChars(cells[c].text, renderer.column_types()[c]));
    }
  }
  // A row that could not be read back rendered empty; the rows' own pass reports it.
  std::vector<double> widths(chars.size());
  std::transform(chars.begin(), chars.end(), widths.begin(), WidthFor);
  return widths;
}

Status WriteCandidateSheets(XlsxWorkbook* wb, std::span<const CandidateSet* const> sets,
                            const MergeResult& merged, const MasterLayout& layout, const Scorer& scorer,
                            std::span<const std::string> file_paths, uint32_t max_rows) {
  std::vector<std::string> headers;
  for (const MasterColumn& c : layout.columns) headers.push_back(c.name);
  const std::vector<double> widths = CandidateWidths(sets, merged, layout, scorer, file_paths);

  uint32_t sheet = 1;
  uint32_t row = 0;  // data rows on the current sheet
  FP_RETURN_IF_ERROR(StartTable(wb, CandidateSheetName(sheet), headers, widths));

  // Blocks of rows are rendered, typed and formatted as sheet XML on every
  // thread; the workbook (whose compression runs on every thread too) takes
  // them in order. A row's number is known ahead: data row r (0-based, over
  // every sheet) is row r % max_rows + 1 of its sheet, under the header.
  if (!wb->accepts_formatted_rows()) {
    return Status(ErrorCode::kInternal, "the master workbook's engine must take formatted rows");
  }
  const std::span<const CandidateRef> ranked = merged.ranked;
  Status written;
  RunOrderedBlocks<RowBlock>(
      ranked.size(), kWorkbookBlockRows, [&] { return written.ok(); },
      [&](RowBlock* block) {
        block->xml.clear();
        block->xml_end.clear();
        block->truncated = 0;
        MasterRowRenderer renderer(sets, layout, scorer, file_paths);
        const auto types = renderer.column_types();
        SheetXmlWriter xml(&block->xml);
        const auto rows = ranked.subspan(block->begin, block->end - block->begin);
        for (size_t i = 0; i < rows.size(); ++i) {
          renderer.PrefetchAhead(rows, i);
          const auto cells = renderer.Render(rows[i]);
          xml.StartRow(static_cast<uint32_t>((block->begin + i) % max_rows + 1));
          for (uint32_t c = 0; c < cells.size(); ++c) FormatMasterCell(c, cells[c], types[c], block, &xml);
          xml.EndRow();
          block->xml_end.push_back(block->xml.size());
        }
        block->status = renderer.status();
      },
      [&](RowBlock* block) {
        if (written.ok()) written = block->status;
        // In runs of rows that fall on one sheet.
        const size_t rows = block->xml_end.size();
        uint64_t truncated = block->truncated;
        for (size_t r = 0; r < rows && written.ok();) {
          if (row == max_rows) {
            written = EndTable(wb, row, headers.size());
            if (written.ok()) written = StartTable(wb, CandidateSheetName(++sheet), headers, widths);
            row = 0;
            if (!written.ok()) break;
          }
          const size_t run = std::min<size_t>(rows - r, max_rows - row);
          const size_t from = r == 0 ? 0 : block->xml_end[r - 1];
          const std::string_view xml =
              std::string_view(block->xml).substr(from, block->xml_end[r + run - 1] - from);
          written = wb->WriteFormattedRows(row + 1, static_cast<uint32_t>(row + run), xml, truncated);
          truncated = 0;
          row += static_cast<uint32_t>(run);
          r += run;
        }
      });
  FP_RETURN_IF_ERROR(written);
  return EndTable(wb, row, headers.size());
}

// Writes label/value rows one after another (constant memory: in order).
class SummaryRows {
 public:
  explicit SummaryRows(XlsxWorkbook* wb) : wb_(wb) {}

  Status Section(std::string_view title) {
    if (row_ > 0) ++row_;  // a blank row between sections
    return wb_->WriteText(row_++, 0, title, XlsxStyle::kHeader);
  }
  Status Count(std::string_view label, uint64_t n) {
    FP_RETURN_IF_ERROR(wb_->WriteText(row_, 0, label));
    return wb_->WriteNumber(row_++, 1, static_cast<double>(n), XlsxStyle::kInteger);
  }
  Status Score(std::string_view label, std::optional<double> score) {
    FP_RETURN_IF_ERROR(wb_->WriteText(row_, 0, label));
    if (!score) return Next();
    return wb_->WriteNumber(row_++, 1, RoundHalfEven2(*score), XlsxStyle::kScore);
  }
  Status Text(std::string_view label, std::string_view value) {
    FP_RETURN_IF_ERROR(wb_->WriteText(row_, 0, label));
    if (value.empty()) return Next();
    return wb_->WriteText(row_++, 1, value);
  }
  Status Date(std::string_view label, std::string_view iso) {
    const auto d = ParseIsoDate(iso);
    if (!d) return Text(label, iso);
    FP_RETURN_IF_ERROR(wb_->WriteText(row_, 0, label));
    return wb_->WriteDate(row_++, 1, *d);
  }
  // A row of several text cells (a table row).
  Status Cells(std::span<const std::string_view> cells, XlsxStyle style = XlsxStyle::kGeneral) {
    for (uint32_t c = 0; c < cells.size(); ++c) {
      if (!cells[c].empty()) FP_RETURN_IF_ERROR(wb_->WriteText(row_, c, cells[c], style));
    }
    return Next();
  }

 private:
  Status Next() {
    ++row_;
    return Status::Ok();
  }

  XlsxWorkbook* wb_;
  uint32_t row_ = 0;
};

Status ProblemTable(SummaryRows* rows, std::string_view title, const std::vector<Problem>& problems) {
  if (problems.empty()) return Status::Ok();
  FP_RETURN_IF_ERROR(rows->Section(title));
  const std::array<std::string_view, 3> header = {"File", "Error", "Message"};
  FP_RETURN_IF_ERROR(rows->Cells(header, XlsxStyle::kHeader));
  for (const Problem& p : problems) {
    const std::array<std::string_view, 3> cells = {p.file, p.code, p.message};
    FP_RETURN_IF_ERROR(rows->Cells(cells));
  }
  return Status::Ok();
}

Status WriteSummarySheet(XlsxWorkbook* wb, const RunSummary& s, uint32_t candidate_sheets) {
  FP_RETURN_IF_ERROR(wb->AddSheet("Summary"));
  FP_RETURN_IF_ERROR(wb->SetColumnWidth(0, 34));
  FP_RETURN_IF_ERROR(wb->SetColumnWidth(1, 24));
  FP_RETURN_IF_ERROR(wb->SetColumnWidth(2, 80));
  SummaryRows rows(wb);

  FP_RETURN_IF_ERROR(rows.Section("Run"));
  FP_RETURN_IF_ERROR(rows.Text("flexpipe version", s.flexpipe_version));
  FP_RETURN_IF_ERROR(rows.Text("Scoring model", s.model));
  FP_RETURN_IF_ERROR(rows.Date("As of", s.as_of));
  FP_RETURN_IF_ERROR(rows.Score("Minimum flex score", s.min_flex_score));
  std::string dedup = "off";
  if (s.deduplication) dedup = fmt::format("on ({})", fmt::join(s.duplicate_fields, ", "));
  FP_RETURN_IF_ERROR(rows.Text("De-duplication", dedup));

  FP_RETURN_IF_ERROR(rows.Section("Files"));
  FP_RETURN_IF_ERROR(rows.Count("Found", s.files_found));
  FP_RETURN_IF_ERROR(rows.Count("Succeeded", s.files_succeeded));
  FP_RETURN_IF_ERROR(rows.Count("Failed", s.files_failed));
  FP_RETURN_IF_ERROR(rows.Count("Skipped", s.skipped.size()));

  FP_RETURN_IF_ERROR(rows.Section("Rows"));
  FP_RETURN_IF_ERROR(rows.Count("Read", s.rows_read));
  FP_RETURN_IF_ERROR(rows.Count("Scored", s.rows_scored));
  FP_RETURN_IF_ERROR(rows.Count("Set aside", s.rows_set_aside));

  FP_RETURN_IF_ERROR(rows.Section("Candidates"));
  FP_RETURN_IF_ERROR(rows.Count("Before de-duplication", s.candidates_before_dedup));
  FP_RETURN_IF_ERROR(rows.Count("Duplicates removed", s.duplicates_removed));
  FP_RETURN_IF_ERROR(rows.Count("Unique (listed)", s.candidates_unique));
  FP_RETURN_IF_ERROR(rows.Count("Sheets listing them", candidate_sheets));

  const bool any = s.candidates_unique > 0;
  auto score = [any](double x) { return any ? std::optional<double>(x) : std::nullopt; };
  FP_RETURN_IF_ERROR(rows.Section("Scores of the unique candidates"));
  FP_RETURN_IF_ERROR(rows.Score("Average", score(s.score_average)));
  FP_RETURN_IF_ERROR(rows.Score("Median", score(s.score_median)));
  FP_RETURN_IF_ERROR(rows.Score("Minimum", score(s.score_min)));
  FP_RETURN_IF_ERROR(rows.Score("Maximum", score(s.score_max)));

  FP_RETURN_IF_ERROR(rows.Section("Score distribution"));
  for (const std::string_view band : {"8-10", "6-8", "4-6", "below-4"}) {
    const auto it = s.score_distribution.find(std::string(band));
    if (it != s.score_distribution.end() || band != "below-4") {
      FP_RETURN_IF_ERROR(rows.Count(band, it == s.score_distribution.end() ? 0 : it->second));
    }
  }

  FP_RETURN_IF_ERROR(rows.Section("Classifications"));
  for (const std::string_view name :
       {"PRIME_FLEX", "GOOD_FLEX", "POTENTIAL_FLEX", "POSSIBLE_FLEX", "UNLIKELY_FLEX"}) {
    const auto it = s.classification_counts.find(std::string(name));
    FP_RETURN_IF_ERROR(rows.Count(name, it == s.classification_counts.end() ? 0 : it->second));
  }

  FP_RETURN_IF_ERROR(ProblemTable(&rows, "Failed files", s.failures));
  return ProblemTable(&rows, "Skipped files", s.skipped);
}

Status WriteTopSheet(XlsxWorkbook* wb, const RunSummary& s, size_t top_n) {
  static const std::array<std::string, 16> kHeaders = {
      "Rank",   "Score", "Classification", "Parcel ID",     "Address", "City",  "State",       "ZIP",
      "County", "Acres", "Building SqFt",  "Property Type", "Zoning",  "Flags", "Source File", "Source Row"};
  static constexpr std::array<double, 16> kWidths = {7,  8,  16, 20, 34, 18, 7,  11,
                                                     16, 10, 14, 24, 10, 30, 40, 11};
  FP_RETURN_IF_ERROR(StartTable(wb, "Top Candidates", kHeaders, kWidths));
  const size_t n = std::min(top_n, s.top_candidates.size());
  uint32_t row = 0;
  for (size_t i = 0; i < n; ++i) {
    const CandidateSummary& c = s.top_candidates[i];
    ++row;
    uint32_t col = 0;
    auto text = [&](std::string_view v) {
      return v.empty() ? (++col, Status::Ok()) : wb->WriteText(row, col++, v);
    };
    auto number = [&](bool has, double v, XlsxStyle style) {
      return has ? wb->WriteNumber(row, col++, v, style) : (++col, Status::Ok());
    };
    FP_RETURN_IF_ERROR(number(true, c.rank, XlsxStyle::kPlainInteger));
    FP_RETURN_IF_ERROR(number(true, RoundHalfEven2(c.score), XlsxStyle::kScore));
    FP_RETURN_IF_ERROR(text(c.classification));
    FP_RETURN_IF_ERROR(text(c.parcel_id));
    FP_RETURN_IF_ERROR(text(c.address));
    FP_RETURN_IF_ERROR(text(c.city));
    FP_RETURN_IF_ERROR(text(c.state));
    FP_RETURN_IF_ERROR(text(c.zip));
    FP_RETURN_IF_ERROR(text(c.county));
    FP_RETURN_IF_ERROR(number(c.has_acres, c.acres, XlsxStyle::kAcres));
    FP_RETURN_IF_ERROR(number(c.has_building_sqft, c.building_sqft, XlsxStyle::kInteger));
    FP_RETURN_IF_ERROR(text(c.property_type));
    FP_RETURN_IF_ERROR(text(c.zoning));
    FP_RETURN_IF_ERROR(text(fmt::format("{}", fmt::join(c.flags, ";"))));
    FP_RETURN_IF_ERROR(text(c.source_file));
    FP_RETURN_IF_ERROR(number(true, static_cast<double>(c.source_row), XlsxStyle::kPlainInteger));
  }
  return EndTable(wb, row, kHeaders.size());
}

// The run's as_of at midnight UTC; the default creation time when unknown.
XlsxWorkbookOptions WorkbookOptions(const RunSummary& s, uint64_t cells) {
  XlsxWorkbookOptions o;
  o.title = "Flex property candidates";
  o.use_zip64 = cells > kZip64Cells;
  if (const auto d = ParseIsoDate(s.as_of); d && d->days > 0)
    o.created_unix_seconds = d->days * kSecondsPerDay;
  return o;
}

}  // namespace

std::string CandidateSheetName(uint32_t sheet_number) {
  return sheet_number <= 1 ? std::string("Flex Candidates")
                           : fmt::format("Flex Candidates ({})", sheet_number);
}

Status WriteMasterXlsx(FileSystem* fs, const std::filesystem::path& path,
                       std::span<const CandidateSet* const> sets, const MergeResult& merged,
                       const MasterLayout& layout, const Scorer& scorer,
                       std::span<const std::string> file_paths, const RunSummary& summary,
                       const MasterXlsxOptions& options) {
  if (options.max_rows_per_sheet == 0 || options.max_rows_per_sheet >= XlsxWorkbook::kMaxRows) {
    return Status(ErrorCode::kInvalidArgument,
                  fmt::format("rows per sheet must be 1 to {}", XlsxWorkbook::kMaxRows - 1));
  }
  const uint64_t rows_per_sheet = std::min<uint64_t>(merged.ranked.size(), options.max_rows_per_sheet);
  FP_ASSIGN_OR_RETURN(auto wb, XlsxWorkbook::Create(
                                   fs, path, WorkbookOptions(summary, rows_per_sheet * layout.columns.size()),
                                   options.backup_stamp));
  FP_RETURN_IF_ERROR(
      WriteCandidateSheets(wb.get(), sets, merged, layout, scorer, file_paths, options.max_rows_per_sheet));
  const auto sheets =
      static_cast<uint32_t>(merged.ranked.empty() ? 1
                                                  : (merged.ranked.size() + options.max_rows_per_sheet - 1) /
                                                        options.max_rows_per_sheet);
  FP_RETURN_IF_ERROR(WriteSummarySheet(wb.get(), summary, sheets));
  FP_RETURN_IF_ERROR(WriteTopSheet(wb.get(), summary, options.top_n));
  return wb->Commit();
}

}  // namespace flexpipe
