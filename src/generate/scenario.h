// Which files a generate scenario consists of: names, kinds, header styles,
// row counts and how often rows repeat an earlier property. Plans only, no I/O.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "generate/generator.h"
#include "generate/header_style.h"

namespace flexpipe::gen {

enum class FileKind : uint8_t {
  kProperties,          // a good export
  kHeaderOnly,          // empty: a header row and nothing else
  kZeroByte,            // empty: no bytes at all
  kNoAddressCity,       // missing-columns: neither an address nor a city column
  kNoCity,              // missing-columns: an address column but no city column
  kUnmappedKeyHeaders,  // missing-columns: "Addr" and "Town", which match no alias
  kTruncatedQuote,      // corrupted: a quoted field opened and never closed
  kBinary,              // corrupted: random bytes
  kUtf16NoBom,          // corrupted: an export in UTF-16LE without a byte order mark
};

struct FilePlan {
  std::filesystem::path relative_path;
  FileKind kind = FileKind::kProperties;
  HeaderStyle style = HeaderStyle::kCrexi;
  int variant = 0;
  uint64_t rows = 0;
  // Row r shows property first_property + r, unless it repeats one of the
  // properties [0, first_property + r) — duplicate_per_mille ‰ of the time.
  uint64_t first_property = 0;
  uint32_t duplicate_per_mille = 0;
  uint64_t stream = 0;  // seeds the file's own random stream
  // An .xlsx workbook rather than a CSV file (GenerateOptions::format "xlsx";
  // the UTF-16 file stays a CSV: its fault is a text encoding).
  bool xlsx = false;
};

// kInvalidArgument for an unknown scenario.
Result<std::vector<FilePlan>> PlanFiles(const GenerateOptions& options);

}  // namespace flexpipe::gen
