// Writes the master workbook (docs/outputs.md, "The master workbook"):
//   "Flex Candidates"  the master CSV's columns and rows, same order, same
//                      values, as typed cells (numbers with formats, dates as
//                      dates, IDs and pass-through cells as text); bold frozen
//                      header, autofilter, widths from the header and the
//                      first rows. Past max_rows_per_sheet data rows the table
//                      goes on in "Flex Candidates (2)", "(3)", ..., each with
//                      its own header.
//   "Summary"          the run's figures: files, rows, candidates, scores,
//                      settings, failed and skipped files.
//   "Top Candidates"   the top N with their key details.
// Constant memory: rows stream from the candidate sets into the workbook.
// Written whole or not at all (write/xlsx_workbook.h). The same inputs give
// the same bytes: nothing in it depends on the clock (the document's creation
// time is the run's as_of), so the run time is left out — it is in the JSON
// summary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "core/env.h"
#include "flexpipe/summary.h"
#include "score/scorer.h"
#include "write/xlsx_workbook.h"

namespace flexpipe {

struct MasterXlsxOptions {
  // Data rows per candidates sheet. Default: 1,048,575 (Excel's last row,
  // less the header). Tests lower it.
  uint32_t max_rows_per_sheet = XlsxWorkbook::kMaxRows - 1;
  // Rows of "Top Candidates" (at most summary.top_candidates.size()).
  // Default: 10 (output.top_n).
  size_t top_n = 10;
  // Non-empty: an existing workbook is kept as <stem>.<stamp>.xlsx
  // (output.existing: backup).
  std::string backup_stamp;
};

// `summary` gives the Summary and Top Candidates sheets (filled up to the
// write stage: files, rows, candidate statistics, settings).
Status WriteMasterXlsx(FileSystem* fs, const std::filesystem::path& path,
                       std::span<const CandidateSet* const> sets, const MergeResult& merged,
                       const MasterLayout& layout, const Scorer& scorer,
                       std::span<const std::string> file_paths, const RunSummary& summary,
                       const MasterXlsxOptions& options = {});

// "Flex Candidates" for sheet 1, "Flex Candidates (2)" for sheet 2, ...
std::string CandidateSheetName(uint32_t sheet_number);

}  // namespace flexpipe
