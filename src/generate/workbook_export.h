// Writes a planned export as an .xlsx workbook through write/xlsx_workbook.h:
// one sheet named after the style, the same header and rows as the CSV of
// the same plan (generate/export_rows.h), cells typed the way a person's
// export has them:
//   - a number column's cell whose text is a plain decimal ("25000",
//     "-80.15", "2.5e4") is a number cell; other spellings ("$1,200,000",
//     "25,000", " 42 ", "N/A") stay text, as they do when typed into Excel;
//   - sale dates are date cells (yyyy-mm-dd) in the crexi and appraiser
//     styles and text, spelled as in the CSV, in the odd style;
//   - IDs are text, except in the appraiser style, where ZIP codes and the
//     parcel IDs a double holds exactly (below 2^53) are number cells — so
//     those parcel IDs lose their leading zeros, as in a real Excel export;
//   - every other cell is text (shared strings; inline strings in the odd
//     style and in files of more than 200,000 rows, which are written in
//     constant memory).
// The corrupted scenario's truncated file is a whole workbook cut off halfway
// (no ZIP central directory). Deterministic: the same plan gives the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/date.h"
#include "core/env.h"
#include "generate/scenario.h"

namespace flexpipe::gen {

Status WriteWorkbookExport(FileSystem* fs, const std::filesystem::path& path, const FilePlan& plan,
                           uint64_t seed, Date as_of);

}  // namespace flexpipe::gen
