#include "write/master_csv.h"

#include <charconv>

#include "schema/value_format.h"
#include "score/round.h"
#include "write/atomic_file.h"
#include "write/csv_writer.h"

namespace flexpipe {

Status WriteMasterCsv(FileSystem* fs, const std::filesystem::path& path,
                      std::span<const CandidateSet* const> sets, const MergeResult& merged,
                      const MasterLayout& layout, const Scorer& scorer,
                      std::span<const std::string> file_paths) {
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  CsvWriter csv(file.get());
  for (const MasterColumn& c : layout.columns) csv.Field(c.name, CellKind::kText);
  FP_RETURN_IF_ERROR(csv.EndRow());

  // Which master field columns hold numbers (never formula-guarded).
  std::vector<bool> numeric_field(layout.fields.size());
  for (size_t i = 0; i < layout.fields.size(); ++i)
    numeric_field[i] = IsNumeric(InfoOf(layout.fields[i]).type);

  const auto flag_names = scorer.flag_names();
  std::vector<std::string_view> slots;
  std::string flags;
  char buf[32];
  for (const CandidateRef ref : merged.ranked) {
    const Candidate& c = Resolve(sets, ref);
    UnpackSlots(layout, ref.set, c, &slots);
    for (const MasterColumn& col : layout.columns) {
      switch (col.kind) {
        case ColumnKind::kField: {
          csv.Field(slots[col.index], numeric_field[col.index] ? CellKind::kNumber : CellKind::kText);
          break;
        }
        case ColumnKind::kScore:
          csv.Field(FormatScore(c.result.score), CellKind::kNumber);
          break;
        case ColumnKind::kClass:
          csv.Field(ClassificationName(c.result.classification), CellKind::kText);
          break;
        case ColumnKind::kComponent:
          csv.Field(FormatScore(RoundHalfEven2(c.result.components[col.index])), CellKind::kNumber);
          break;
        case ColumnKind::kFlags:
          flags.clear();
          for (size_t f = 0; f < flag_names.size(); ++f) {
            if ((c.result.flags & (1u << f)) == 0) continue;
            if (!flags.empty()) flags += ';';
            flags += flag_names[f];
          }
          csv.Field(flags, CellKind::kText);
          break;
        case ColumnKind::kSourceFile:
          csv.Field(file_paths[c.id.file], CellKind::kText);
          break;
        case ColumnKind::kSourceRow: {
          auto [end, ec] = std::to_chars(buf, buf + sizeof buf, c.id.row);
          (void)ec;
          csv.Field(std::string_view(buf, static_cast<size_t>(end - buf)), CellKind::kNumber);
          break;
        }
        case ColumnKind::kPassthrough: {
          const std::string_view cell = slots[layout.fields.size() + col.index];
          csv.Field(cell, LooksNumeric(cell) ? CellKind::kNumber : CellKind::kText);
          break;
        }
      }
    }
    FP_RETURN_IF_ERROR(csv.EndRow());
  }
  return csv.Finish();
}

}  // namespace flexpipe
