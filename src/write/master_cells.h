// The cells of the master outputs, rendered once for both writers: the text
// the master CSV holds (docs/outputs.md, "Values") and, per column, how the
// master workbook types that text (number with which format, date, boolean
// or text). The workbook converts the CSV's text, so both files always hold
// the same values.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "score/scorer.h"
#include "write/csv_writer.h"
#include "write/xlsx_workbook.h"

namespace flexpipe {

// How the workbook writes a column's cells.
enum class MasterCellType : uint8_t {
  kText,     // a string cell (IDs, text, pass-through columns: always)
  kNumber,   // a number cell with the column's style
  kDate,     // a date cell (the CSV's YYYY-MM-DD)
  kBoolean,  // a boolean cell (the CSV's true/false)
};

struct MasterColumnType {
  MasterCellType type = MasterCellType::kText;
  XlsxStyle style = XlsxStyle::kGeneral;
};

// The workbook type of a master column: money fields → kMoney, acres →
// kAcres, square feet and counts → kInteger, year_built and source_row →
// kPlainInteger, scores → kScore, other numbers → kGeneral; dates, booleans;
// IDs, text and pass-through columns → text.
MasterColumnType TypeOfMasterColumn(const MasterColumn& column);

struct MasterCell {
  std::string_view text;  // the master CSV's text; empty = missing
  CellKind csv_kind;      // kNumber cells are never formula-guarded in the CSV
};

// Renders the ranked candidates' rows. Holds views into the sets; they must
// outlive it. One thread at a time. A candidate that cannot be read back
// (a spilled set's scratch file failing) renders empty and sets status().
class MasterRowRenderer {
 public:
  MasterRowRenderer(std::span<const CandidateSet* const> sets, const MasterLayout& layout,
                    const Scorer& scorer, std::span<const std::string> file_paths);

  // One cell per layout column, valid until the next Render().
  std::span<const MasterCell> Render(CandidateRef ref);

  // Per layout column.
  std::span<const MasterColumnType> column_types() const { return types_; }

  // CandidateReader::PrefetchAhead over this renderer's sets.
  void PrefetchAhead(std::span<const CandidateRef> ranked, size_t i) const {
    reader_.PrefetchAhead(ranked, i);
  }
  const Status& status() const { return reader_.status(); }

 private:
  CandidateReader reader_;
  const MasterLayout& layout_;
  std::span<const std::string> flag_names_;
  std::span<const std::string> file_paths_;
  std::vector<MasterColumnType> types_;
  std::vector<CellKind> field_kind_;  // per field slot
  std::vector<std::string_view> slots_;
  std::vector<std::string> owned_;  // per column: text rendered here (scores, flags, row numbers)
  std::vector<MasterCell> cells_;
};

}  // namespace flexpipe
