// The master workbook's writer (issue 7's hot pieces on the output side):
// the compressor against zlib's fastest level, the same bytes through
// ParallelDeflate on 1 and 2 threads, and whole rows through the streaming
// engine into a workbook on disk. Read "bytes_per_second" (of sheet XML in)
// or "items_per_second" (rows); a check for regressions, not a timed assertion.
//
//   BM_DeflateZlibLevel1     zlib deflate level 1, one call, one thread
//   BM_DeflateIsaLevel1      core/deflate.h (ISA-L level 1), one call
//   BM_ParallelDeflate/N     write/xlsx/parallel_deflate.h with N threads
//   BM_StreamWorkbookRows    40-column master-like rows into a workbook
#include <zlib.h>

#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "core/deflate.h"
#include "core/env.h"
#include "write/xlsx/parallel_deflate.h"
#include "write/xlsx_workbook.h"

namespace flexpipe {
namespace {

// ~8 MB of sheet XML shaped like the master workbook's rows.
const std::string& SheetXml() {
  static const std::string xml = [] {
    std::string s;
    uint64_t x = 88172645463325252ull;
    for (uint64_t row = 2; s.size() < 8'000'000; ++row) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      const std::string r = std::to_string(row);
      s += "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + std::to_string(x % 100000) +
           " INDUSTRIAL WAY</t></is></c><c r=\"B" + r +
           "\" t=\"inlineStr\"><is><t>Delray Beach</t></is></c>" + "<c r=\"C" + r + "\" s=\"2\"><v>" +
           std::to_string(x % 977) + "." + std::to_string(x % 100) + "</v></c><c r=\"D" + r +
           "\" s=\"3\"><v>" + std::to_string(x % 5'000'000) + "</v></c></row>";
    }
    return s;
  }();
  return xml;
}

void BM_DeflateZlibLevel1(benchmark::State& state) {
  const std::string& in = SheetXml();
  std::string out(compressBound(in.size()), '\0');
  for (auto _ : state) {
    z_stream z{};
    deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    state.counters["ratio"] = static_cast<double>(in.size()) / static_cast<double>(z.total_out);
    deflateEnd(&z);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}
BENCHMARK(BM_DeflateZlibLevel1)->Unit(benchmark::kMillisecond);

void BM_DeflateIsaLevel1(benchmark::State& state) {
  const std::string& in = SheetXml();
  DeflateScratch scratch;
  std::string out;
  for (auto _ : state) {
    if (!DeflateRaw(in, {}, &scratch, &out).ok()) state.SkipWithError("deflate failed");
    state.counters["ratio"] = static_cast<double>(in.size()) / static_cast<double>(out.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
}
BENCHMARK(BM_DeflateIsaLevel1)->Unit(benchmark::kMillisecond);

void BM_ParallelDeflate(benchmark::State& state) {
  const std::string& in = SheetXml();
  ParallelDeflateOptions options;
  options.threads = static_cast<int>(state.range(0));
  uint64_t out_bytes = 0;
  ParallelDeflate deflate(options, [&](std::string_view bytes) {
    out_bytes += bytes.size();
    return Status::Ok();
  });
  for (auto _ : state) {
    for (size_t at = 0; at < in.size(); at += 64 * 1024) {
      if (!deflate.Write(std::string_view(in).substr(at, 64 * 1024)).ok())
        state.SkipWithError("write failed");
    }
    if (!deflate.Finish().ok()) state.SkipWithError("finish failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * in.size()));
  state.counters["ratio"] =
      static_cast<double>(state.iterations() * in.size()) / static_cast<double>(out_bytes);
}
BENCHMARK(BM_ParallelDeflate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StreamWorkbookRows(benchmark::State& state) {
  constexpr uint32_t kRows = 20'000;
  constexpr uint32_t kColumns = 40;
  const auto path = std::filesystem::temp_directory_path() / "flexpipe_bench_workbook.xlsx";
  for (auto _ : state) {
    auto wb = XlsxWorkbook::Create(DefaultFileSystem(), path);
    if (!wb.ok() || !(*wb)->AddSheet("Flex Candidates").ok()) {
      state.SkipWithError("cannot start the workbook");
      break;
    }
    for (uint32_t r = 0; r < kRows; ++r) {
      for (uint32_t c = 0; c < kColumns; c += 2) {
        (void)(*wb)->WriteText(r, c, "18316 DIXIE CT");
        (void)(*wb)->WriteNumber(r, c + 1, 1234.5 + r, XlsxStyle::kMoney);
      }
    }
    if (!(*wb)->Commit().ok()) state.SkipWithError("commit failed");
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kRows));
}
BENCHMARK(BM_StreamWorkbookRows)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace flexpipe
