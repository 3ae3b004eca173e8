#include "generate/file_writers.h"

#include <algorithm>
#include <string>
#include <vector>

#include "generate/export_rows.h"
#include "generate/output_file.h"
#include "generate/random.h"
#include "generate/row_renderer.h"
#include "generate/source_csv.h"
#include "generate/workbook_export.h"

namespace flexpipe::gen {
namespace {

constexpr size_t kBinaryBytes = 4096;

Status WriteExport(OutputFile* out, const FilePlan& plan, uint64_t seed, Date as_of) {
  const std::vector<ColumnSpec> columns = ColumnsFor(plan);
  CsvDialect dialect = DialectOf(plan.style);
  if (plan.kind == FileKind::kUtf16NoBom) dialect.bom = false;
  SourceCsvWriter csv(out, dialect);
  FP_RETURN_IF_ERROR(csv.status());
  for (const ColumnSpec& spec : columns) csv.AddCell(spec.header);
  FP_RETURN_IF_ERROR(csv.EndRow());

  const bool truncate = plan.kind == FileKind::kTruncatedQuote;
  // A truncated file stops two rows after the broken one, in the middle of a row.
  const uint64_t rows = truncate ? BreakRow(plan) + 3 : plan.rows;
  for (uint64_t r = 0; r < rows; ++r) {
    DrawnRow drawn = DrawRow(plan, seed, as_of, r);
    const RowContext row = drawn.context();
    const bool last = truncate && r + 1 == rows;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (last && c == columns.size() / 2) return csv.WritePartialRow();  // cut off mid-row
      AppendCell(columns[c].column, row, csv.cell());
      if (truncate && r == BreakRow(plan) && c == 2) {
        csv.cell()->insert(0, 1, '"');  // opened, never closed
        csv.AddRawCell(*csv.cell());
        csv.cell()->clear();
        csv.StopQuoting();
        continue;
      }
      csv.EndCell();
    }
    FP_RETURN_IF_ERROR(csv.EndRow());
  }
  return Status::Ok();
}

Status WriteBinary(OutputFile* out, const FilePlan& plan) {
  Rng rng(plan.stream);
  std::string bytes;
  bytes.reserve(kBinaryBytes);
  while (bytes.size() < kBinaryBytes) {
    uint64_t word = rng.Next();
    for (int i = 0; i < 8; ++i, word >>= 8) bytes.push_back(static_cast<char>(word & 0xFF));
  }
  return out->Append(bytes);
}

}  // namespace

Status WritePlannedFile(FileSystem* fs, const std::filesystem::path& path, const FilePlan& plan,
                        uint64_t seed, Date as_of) {
  if (plan.xlsx && plan.kind != FileKind::kZeroByte && plan.kind != FileKind::kBinary) {
    return WriteWorkbookExport(fs, path, plan, seed, as_of);
  }
  const auto encoding =
      plan.kind == FileKind::kUtf16NoBom ? OutputFile::Encoding::kUtf16LeNoBom : OutputFile::Encoding::kUtf8;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> out, OutputFile::Create(fs, path, encoding));
  switch (plan.kind) {
    case FileKind::kZeroByte:
      break;
    case FileKind::kBinary:
      FP_RETURN_IF_ERROR(WriteBinary(out.get(), plan));
      break;
    default:
      FP_RETURN_IF_ERROR(WriteExport(out.get(), plan, seed, as_of));
      break;
  }
  return out->Commit();
}

}  // namespace flexpipe::gen
