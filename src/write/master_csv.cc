#include "write/master_csv.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/ordered_pipeline.h"
#include "write/atomic_file.h"
#include "write/csv_writer.h"
#include "write/master_cells.h"

namespace flexpipe {
namespace {

constexpr size_t kCsvBlockRows = 2048;  // rows rendered by one thread at a time (~0.8 MB of CSV)

struct Block {
  size_t begin = 0, end = 0;  // rows of merged.ranked
  std::string text;
  Status status;  // why a row could not be rendered
};

}  // namespace

Status WriteMasterCsv(FileSystem* fs, const std::filesystem::path& path,
                      std::span<const CandidateSet* const> sets, const MergeResult& merged,
                      const MasterLayout& layout, const Scorer& scorer,
                      std::span<const std::string> file_paths, std::string backup_stamp) {
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  std::string header;
  CsvWriter header_row(&header);
  for (const MasterColumn& c : layout.columns) header_row.Field(c.name, CellKind::kText);
  FP_RETURN_IF_ERROR(header_row.EndRow());
  FP_RETURN_IF_ERROR(file->Append(header));

  // Blocks of rows are rendered on every thread and written in order.
  const std::span<const CandidateRef> ranked = merged.ranked;
  Status written;
  RunOrderedBlocks<Block>(
      ranked.size(), kCsvBlockRows, [&] { return written.ok(); },
      [&](Block* block) {
        block->text.clear();
        CsvWriter csv(&block->text);
        MasterRowRenderer renderer(sets, layout, scorer, file_paths);
        const auto rows = ranked.subspan(block->begin, block->end - block->begin);
        for (size_t i = 0; i < rows.size(); ++i) {
          renderer.PrefetchAhead(rows, i);
          for (const MasterCell& cell : renderer.Render(rows[i])) csv.Field(cell.text, cell.csv_kind);
          (void)csv.EndRow();  // a string sink cannot fail
        }
        block->status = renderer.status();
      },
      [&](Block* block) {
        if (written.ok()) written = block->status;
        if (written.ok()) written = file->Append(block->text);
      });
  FP_RETURN_IF_ERROR(written);
  return file->Commit();
}

}  // namespace flexpipe
