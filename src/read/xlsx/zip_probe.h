// A look at a ZIP archive's end-of-central-directory record before libzip
// parses the archive, for two reasons:
//   - clear errors: an empty file, an OLE2 compound file (legacy .xls or a
//     password-protected workbook), a file that is not a ZIP archive at all,
//     and a ZIP archive whose end is missing (a truncated download) each get
//     their own message, where libzip would say "Not a zip archive" to all;
//   - bounded memory: the entry count is checked against the limit before
//     libzip allocates a record per central-directory entry.
// Reads at most the first 8 bytes, the last 64 KiB + 22 bytes and the 56-byte
// ZIP64 end record of the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

// The first bytes of a ZIP archive's first entry, and of an OLE2 compound file
// (a legacy .xls, or a workbook saved with a password).
inline constexpr std::string_view kZipLocalHeaderMagic = "PK\x03\x04";
inline constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

struct ZipDirectoryInfo {
  uint64_t entries = 0;  // central-directory records (ZIP64 count when present)
  bool zip64 = false;    // the archive has a ZIP64 end record
};

// Errors (all located in `path`): kEmptyFile (0 bytes); kUnsupportedFormat
// (OLE2 compound file; split archive); kCorruptFile ("not a ZIP archive", or
// "truncated or damaged archive (incomplete download?)" when the file starts
// like a ZIP archive but has no end record); kResourceLimit (more than
// `max_entries` entries); read errors as the file reports them.
Result<ZipDirectoryInfo> ProbeZipDirectory(RandomAccessFile* file, const std::string& path,
                                           uint64_t max_entries);

}  // namespace flexpipe
