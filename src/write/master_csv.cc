#include "write/master_csv.h"

#include <utility>

#include "write/atomic_file.h"
#include "write/csv_writer.h"
#include "write/master_cells.h"

namespace flexpipe {

Status WriteMasterCsv(FileSystem* fs, const std::filesystem::path& path,
                      std::span<const CandidateSet* const> sets, const MergeResult& merged,
                      const MasterLayout& layout, const Scorer& scorer,
                      std::span<const std::string> file_paths, std::string backup_stamp) {
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  CsvWriter csv(file.get());
  for (const MasterColumn& c : layout.columns) csv.Field(c.name, CellKind::kText);
  FP_RETURN_IF_ERROR(csv.EndRow());

  MasterRowRenderer renderer(sets, layout, scorer, file_paths);
  for (size_t i = 0; i < merged.ranked.size(); ++i) {
    renderer.PrefetchAhead(merged.ranked, i);
    for (const MasterCell& cell : renderer.Render(merged.ranked[i])) csv.Field(cell.text, cell.csv_kind);
    FP_RETURN_IF_ERROR(csv.EndRow());
  }
  return csv.Finish();
}

}  // namespace flexpipe
