// libFuzzer target: a delimited text file, read as the pipeline reads it.
//
// The input is the whole file. It is opened through OpenRowSource (the
// pipeline's entry point: format by signature, then Utf8Input -> sniffer ->
// CsvParser -> CsvReader), drained, mapped and turned into records
// (fuzz_util.h). Then the same bytes are read again with a tiny read buffer
// and small batches, which moves every chunk and buffer boundary: the rows,
// row numbers, issues and error must be the same. Separately, the encoding
// stage decodes the bytes whole and in small pieces, which must give the same
// valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_util.h"
#include "memory_fs.h"
#include "read/csv/csv_reader.h"
#include "read/csv/encoding.h"
#include "read/open_source.h"

namespace flexpipe::fuzz {
namespace {

constexpr std::string_view kPath = "input.csv";

SourceOptions DefaultOptions() {
  SourceOptions options;
  // Inputs are at most -max_len (64 KiB); limits well above that keep a
  // stray ZIP signature (the XLSX reader) from allocating much.
  options.csv.max_record_bytes = 1 << 20;
  options.xlsx.zip.max_total_inflated = 16 << 20;
  options.xlsx.zip.ratio_grace_bytes = 1 << 20;
  options.xlsx.scanner.max_row_bytes = 1 << 20;
  options.xlsx.scanner.max_cell_bytes = 1 << 20;
  return options;
}

// Decoding in pieces of 1..16 bytes gives what decoding at once gives.
void CheckDecoding(std::string_view data) {
  const Result<EncodingDetection> detected = DetectEncoding(data, /*whole_file=*/true);
  if (!detected.ok()) return;
  const std::string_view text = data.substr(detected->bom_bytes);
  std::string whole(MaxDecodedSize(text.size()), '\0');
  const DecodeResult all = DecodeToUtf8(detected->encoding, text, /*final=*/true, whole.data());
  whole.resize(all.produced);
  if (!IsValidUtf8(whole, /*allow_truncated_end=*/false)) Fail("decoded text is not valid UTF-8");

  std::string pieces;
  std::string out;
  size_t pos = 0;
  size_t step = 1 + text.size() % 16;
  std::string_view pending;  // bytes handed over but not consumed (an incomplete character)
  while (true) {
    const size_t end = std::min(text.size(), pos + step);
    pending = text.substr(pos - pending.size(), end - pos + pending.size());
    const bool final = end == text.size();
    out.resize(MaxDecodedSize(pending.size()));
    const DecodeResult r = DecodeToUtf8(detected->encoding, pending, final, out.data());
    pieces.append(out.data(), r.produced);
    if (r.stopped_at_nul) break;
    pending = pending.substr(r.consumed);
    pos = end;
    if (final) break;
    step = step % 16 + 1;
  }
  if (pieces != whole) Fail("decoding in pieces differs from decoding at once");
}

void TestOneInput(const uint8_t* bytes, size_t size) {
  const std::string_view data(reinterpret_cast<const char*>(bytes), size);
  MemoryFileSystem fs{std::string(kPath), data};

  const SourceOptions options = DefaultOptions();
  Drained first;
  Result<std::unique_ptr<RowSource>> source = OpenRowSource(&fs, std::string(kPath), options);
  if (source.ok()) Drain(source->get(), &first, /*pipeline=*/true);
  CheckDecoding(data);
  Result<bool> workbook = IsWorkbook(&fs, std::string(kPath));
  if (!source.ok() || !workbook.ok() || *workbook) return;  // a ZIP: read by the XLSX reader above

  CsvOptions small = options.csv;
  small.buffer_bytes = 1 + size % 61;
  small.rows_per_batch = 1 + static_cast<int>(size % 5);
  Drained second;
  Result<std::unique_ptr<RowSource>> again = OpenCsv(&fs, std::string(kPath), small);
  if (!again.ok()) Fail("the file opened with default options but not with a small buffer");
  Drain(again->get(), &second, /*pipeline=*/false);
  ExpectSame(first, second, "a small read buffer changed what the CSV reader delivered");
}

}  // namespace
}  // namespace flexpipe::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  flexpipe::fuzz::TestOneInput(bytes, size);
  return 0;
}
