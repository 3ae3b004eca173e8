#include "generate/file_writers.h"

#include <algorithm>
#include <string>
#include <vector>

#include "generate/output_file.h"
#include "generate/property.h"
#include "generate/random.h"
#include "generate/row_renderer.h"
#include "generate/source_csv.h"

namespace flexpipe::gen {
namespace {

constexpr size_t kBinaryBytes = 4096;

// The columns a file of `plan`'s kind has: its style's, less the removed ones.
std::vector<ColumnSpec> ColumnsFor(const FilePlan& plan) {
  std::vector<ColumnSpec> columns;
  for (const ColumnSpec& spec : ColumnsOf(plan.style, plan.variant)) {
    const bool is_address = spec.column == Column::kAddress;
    const bool is_city = spec.column == Column::kCity;
    if (plan.kind == FileKind::kNoAddressCity && (is_address || is_city)) continue;
    if (plan.kind == FileKind::kNoCity && is_city) continue;
    ColumnSpec copy = spec;
    if (plan.kind == FileKind::kUnmappedKeyHeaders && is_address) copy.header = "Addr";
    if (plan.kind == FileKind::kUnmappedKeyHeaders && is_city) copy.header = "Town";
    columns.push_back(copy);
  }
  return columns;
}

// The row at which a truncated-quote file opens its never-closed quote.
uint64_t BreakRow(const FilePlan& plan) { return plan.rows / 2; }

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
    Rng rng(MixSeed(seed, plan.stream, r));
    uint64_t property = plan.first_property + r;
    uint32_t revision = 0;
    if (property > 0 && rng.Chance(plan.duplicate_per_mille)) {
      property = rng.Below(property);  // an earlier property, in this file or an earlier one
      revision = rng.Chance(500) ? 0 : 1 + static_cast<uint32_t>(rng.Below(3));
    }
    const PropertyIdentity identity = IdentityAt(seed, property);
    const PropertyFacts facts = FactsAt(seed, property, revision, as_of);
    const RowContext row{identity, facts, rng, MixSeed(plan.stream, r)};
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
