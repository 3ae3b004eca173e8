// Opens any supported input file as a RowSource, choosing the reader by the
// file's first bytes and its extension:
//   - OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): a legacy .xls (BIFF) or a
//     password-protected workbook -> kUnsupportedFormat, asking for an .xlsx
//     saved without a password (under a name other than .xls/.xlsx/.xlsm the
//     message says the file is an Office file, not text);
//   - .xlsx / .xlsm, or a ZIP archive (PK 03 04) under any other name (an
//     XLSX saved with the wrong extension) -> the XLSX reader. A ZIP under
//     another name that it cannot open fails saying it is a ZIP archive, not
//     text, with the reader's reason: kUnsupportedFormat where the reader
//     says kCorruptFile, the reader's code otherwise;
//   - a binary format's signature (gzip, PDF, PNG, JPEG, 7-Zip, RAR, xz) ->
//     kBadEncoding naming the format;
//   - anything else (.csv .tsv .txt, or an unknown extension) -> the CSV
//     reader, which detects encoding and delimiter (TAB preferred for .tsv)
//     and fails a file with a NUL byte in its first 64 KiB (kBadEncoding).
// Errors carry the file path.
#pragma once

#include <filesystem>
#include <memory>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/csv/csv_reader.h"
#include "read/row_source.h"
#include "read/xlsx/xlsx_reader.h"

namespace flexpipe {

struct SourceOptions {
  CsvOptions csv;    // for delimited text files. Default: CsvOptions defaults.
  XlsxOptions xlsx;  // for workbooks. Default: XlsxOptions defaults.
};

// True when the file is read as a workbook (by extension or ZIP signature).
Result<bool> IsWorkbook(FileSystem* fs, const std::filesystem::path& path);

Result<std::unique_ptr<RowSource>> OpenRowSource(FileSystem* fs, const std::filesystem::path& path,
                                                 const SourceOptions& options);

}  // namespace flexpipe
