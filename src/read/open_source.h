// Opens any supported input file as a RowSource, choosing the reader by the
// file's first bytes and its extension:
//   - OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): a legacy .xls (BIFF) or a
//     password-protected workbook -> kUnsupportedFormat, asking for an .xlsx
//     saved without a password;
//   - .xlsx / .xlsm -> kUnsupportedFormat for now (XLSX reading comes later);
//   - a ZIP archive (PK 03 04) under any other name -> kUnsupportedFormat: it
//     is really a workbook, not delimited text;
//   - anything else (.csv .tsv .txt, or an unknown extension) -> the CSV
//     reader, which detects encoding and delimiter (TAB preferred for .tsv).
// Errors carry the file path.
#pragma once

#include <filesystem>
#include <memory>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/csv/csv_reader.h"
#include "read/row_source.h"

namespace flexpipe {

struct SourceOptions {
  CsvOptions csv;  // for delimited text files. Default: CsvOptions defaults.
};

Result<std::unique_ptr<RowSource>> OpenRowSource(FileSystem* fs, const std::filesystem::path& path,
                                                 const SourceOptions& options);

}  // namespace flexpipe
