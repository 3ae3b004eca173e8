#include "write/rejects_csv.h"

#include <utility>

#include <fmt/format.h>

#include "write/atomic_file.h"
#include "write/csv_writer.h"

namespace flexpipe {
namespace {

// "book.xlsx#Sheet 2" (one sheet of several, see pipeline/file_task.h) → "book.xlsx".
std::string_view SourceFile(const FileReport& r) {
  std::string_view path = r.path;
  if (!r.sheet_name.empty() && path.size() > r.sheet_name.size() + 1 && path.ends_with(r.sheet_name) &&
      path[path.size() - r.sheet_name.size() - 1] == '#') {
    path.remove_suffix(r.sheet_name.size() + 1);
  }
  return path;
}

}  // namespace

std::filesystem::path DefaultRejectsPath(const std::filesystem::path& master_file) {
  std::filesystem::path p = master_file;
  p.replace_filename(master_file.stem().string() + "_rejects.csv");
  return p;
}

Status WriteRejectsCsv(FileSystem* fs, const std::filesystem::path& path,
                       const std::vector<FileReport>& files, std::string backup_stamp) {
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  CsvWriter csv(file.get());
  for (const char* name : {"source_file", "sheet", "row", "column", "raw_value", "code", "reason"}) {
    csv.Field(name, CellKind::kText);
  }
  FP_RETURN_IF_ERROR(csv.EndRow());
  std::string row;
  for (const FileReport& r : files) {
    const std::string_view source = SourceFile(r);
    for (const Problem& p : r.row_problems) {
      row = fmt::format("{}", p.row);
      csv.Field(source, CellKind::kText);
      csv.Field(r.sheet_name, CellKind::kText);
      csv.Field(row, CellKind::kNumber);
      csv.Field(p.column, CellKind::kText);
      csv.Field(p.value, CellKind::kText);
      csv.Field(p.code, CellKind::kText);
      csv.Field(p.message, CellKind::kText);
      FP_RETURN_IF_ERROR(csv.EndRow());
    }
    if (r.rejects_not_listed > 0) {
      csv.Field(source, CellKind::kText);
      csv.Field(r.sheet_name, CellKind::kText);
      for (int i = 0; i < 4; ++i) csv.Field("", CellKind::kText);
      csv.Field(
          fmt::format("{} more row-level problems in this file, not listed (output.max_rejects_per_file)",
                      r.rejects_not_listed),
          CellKind::kText);
      FP_RETURN_IF_ERROR(csv.EndRow());
    }
  }
  return csv.Finish();
}

}  // namespace flexpipe
