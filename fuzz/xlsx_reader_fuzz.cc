// libFuzzer target: a whole .xlsx file, read as the pipeline reads it.
//
// The input is the workbook's bytes, or its parts as text, which the target
// zips (parts_zip.h) so that mutations reach the XML intact. It is served
// from memory through the FileSystem interface (memory_fs.h), so the ZIP
// layer, content types, relationships, styles, shared strings and the sheet
// scanner all see fuzzed data. Like `sheet: all`, the worksheets are listed
// and each (up to kMaxSheets) is opened by position and drained, its header
// mapped and its rows turned into records (fuzz_util.h); the first sheet is
// read again with a tiny scanner buffer and small batches, and with
// header_row naming the row it found as the header: both must deliver the
// same rows, issues and error. Limits are far below the
// defaults so that a zip bomb ends with kResourceLimit, not an out-of-memory
// report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "memory_fs.h"
#include "parts_zip.h"
#include "read/xlsx/xlsx_reader.h"

namespace flexpipe::fuzz {
namespace {

constexpr std::string_view kPath = "input.xlsx";
constexpr size_t kMaxSheets = 4;
constexpr size_t kMaxParts = 64;

XlsxOptions Options() {
  XlsxOptions options;
  options.zip.max_total_inflated = 16 << 20;
  options.zip.ratio_grace_bytes = 1 << 20;
  options.zip.max_entries = 1000;
  options.scanner.max_row_bytes = 1 << 20;
  options.scanner.max_cell_bytes = 1 << 20;
  options.rows_per_batch = 256;
  return options;
}

void ReadSheet(FileSystem* fs, const XlsxOptions& options, Drained* out, bool pipeline) {
  Result<std::unique_ptr<XlsxReader>> reader = XlsxReader::Open(fs, std::string(kPath), options);
  if (!reader.ok()) {
    out->error = reader.status().code();
    return;
  }
  Drain(reader->get(), out, pipeline);
}

void TestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view data(reinterpret_cast<const char*>(bytes), size);
  std::string zipped;
  if (data.starts_with(kPartMarker)) {
    const auto parts = SplitParts(data);
    if (parts.size() > kMaxParts) return;
    zipped = StoredZip(parts);
    data = zipped;
  }
  MemoryFileSystem fs{std::string(kPath), data};
  XlsxOptions options = Options();

  Result<std::vector<SheetInfo>> sheets = ListXlsxSheets(&fs, std::string(kPath), options.zip);
  std::vector<std::string> selectors;
  if (sheets.ok()) {
    for (const SheetInfo& s : *sheets) {
      if (selectors.size() == kMaxSheets) break;
      selectors.push_back(std::to_string(s.index));
    }
  }
  if (selectors.empty()) selectors.emplace_back();  // the default sheet: exercises Open's errors

  Drained first;
  for (size_t i = 0; i < selectors.size(); ++i) {
    options.sheet = selectors[i];
    Drained drained;
    ReadSheet(&fs, options, &drained, /*pipeline=*/true);
    if (i == 0) first = std::move(drained);
  }

  options.sheet = selectors.front();
  options.scanner.buffer_bytes = 1 + size % 127;
  options.rows_per_batch = 1 + static_cast<int>(size % 3);
  Drained second;
  ReadSheet(&fs, options, &second, /*pipeline=*/false);
  ExpectSame(first, second, "a small scanner buffer changed what the XLSX reader delivered");

  if (first.header_row == 0) return;
  options = Options();
  options.sheet = selectors.front();
  options.header_row = first.header_row;  // naming the row found gives the same rows
  Drained third;
  ReadSheet(&fs, options, &third, /*pipeline=*/false);
  Drained from_header = first;  // less the issues of rows above the header, which are then not read
  from_header.issues.clear();
  from_header.issue_rows.clear();
  for (size_t i = 0; i < first.issues.size(); ++i) {
    if (first.issue_rows[i] < first.header_row) continue;
    from_header.issues.push_back(first.issues[i]);
    from_header.issue_rows.push_back(first.issue_rows[i]);
  }
  ExpectSame(from_header, third,
             "header_row set to the detected header row changed what the XLSX reader delivered");
}

}  // namespace
}  // namespace flexpipe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  flexpipe::fuzz::TestOneInput(bytes, size);
  return 0;
}
