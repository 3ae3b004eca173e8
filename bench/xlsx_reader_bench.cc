// The XLSX reader against the inflate-only floor, on a 200,000-row workbook
// written by `flexpipe generate --scenario large --format xlsx` (Crexi header
// style, 28 columns, ~197 MB of sheet XML and ~34 MB of shared strings in a
// 38 MB file). The workbook is generated once into
// <build>/bench-data/ (or taken from $FLEXPIPE_BENCH_XLSX) and never committed.
//
//   BM_InflateOnly           libzip/zlib inflate of the sheet and the shared
//                            strings into a 1 MiB buffer, nothing else: the floor
//   BM_InflateAndScan        the same plus one memchr('<') pass over every byte
//                            (issue 7's "inflate + one byte scan" floor)
//   BM_SharedStrings         ReadSharedStrings: the shared-strings part
//                            inflated (on a second thread) and scanned into
//                            the table
//   BM_SharedStringsSerial   the same with the inflate on the reading thread
//   BM_SharedStringsInflateOnly  the part inflated, nothing else: the floor
//   BM_SharedStringsScan     the scanner alone, on the part's XML held in
//                            memory (bytes_per_second: its throughput)
//   BM_XlsxReader            XlsxReader: open, shared strings, styles, every
//                            row as cell text (what the pipeline's mapping
//                            stage receives), the sheet inflated on a second
//                            thread (the default)
//   BM_XlsxReaderSerial      the same with the inflate on the reading thread
//   BM_ReaderVsFloor         floor and reader interleaved in each iteration;
//                            counters: floor_ms, reader_ms (medians) and
//                            ratio = reader / floor (issue 3's target: <= 1.5)
//
// peak_rss_MB is the process's peak resident set after the benchmark.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/env.h"
#include "generate/generator.h"
#include "memory_file.h"
#include "read/raw_batch.h"
#include "read/xlsx/shared_strings.h"
#include "read/xlsx/shared_strings_scanner.h"
#include "read/xlsx/workbook.h"
#include "read/xlsx/xlsx_reader.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {
namespace {

constexpr uint64_t kRows = 200'000;

const std::filesystem::path& Workbook() {
  static const std::filesystem::path path = [] {
    if (const char* given = std::getenv("FLEXPIPE_BENCH_XLSX")) return std::filesystem::path(given);
    const std::filesystem::path dir = std::filesystem::path(FLEXPIPE_BENCH_CACHE) / "xlsx-200k";
    const std::filesystem::path file = dir / "large_01_crexi.xlsx";
    if (!std::filesystem::exists(file)) {
      GenerateOptions options;
      options.out_dir = dir;
      options.scenario = "large";
      options.rows = kRows;
      options.files = 1;
      options.format = "xlsx";
      // In a child process: the generator's memory must not count in peak_rss_MB.
      const pid_t child = fork();
      if (child == 0) {
        auto written = Generate(DefaultFileSystem(), options);
        if (!written.ok()) fprintf(stderr, "generate: %s\n", written.status().ToString().c_str());
        _exit(written.ok() ? 0 : 1);
      }
      int status = 0;
      if (child < 0 || waitpid(child, &status, 0) != child || status != 0) std::abort();
    }
    return file;
  }();
  return path;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Inflates the sheet and shared-strings entries; returns the bytes inflated.
// With `scan`, also counts every '<' (into *tags).
uint64_t Inflate(bool scan, uint64_t* tags) {
  auto zip = ZipArchive::Open(DefaultFileSystem(), Workbook(), ZipLimits{});
  if (!zip.ok()) std::abort();
  auto info = ReadWorkbookInfo(zip->get());
  if (!info.ok() || info->sheets.empty()) std::abort();
  std::vector<char> buffer(size_t{1} << 20);
  uint64_t total = 0;
  for (const std::string& part : {info->shared_strings_part, info->sheets.front().part}) {
    if (part.empty()) continue;
    auto entry = (*zip)->OpenEntry(part);
    if (!entry.ok()) std::abort();
    while (true) {
      auto n = (*entry)->Read(buffer.data(), buffer.size());
      if (!n.ok()) std::abort();
      if (*n == 0) break;
      total += *n;
      if (scan) {
        const char* p = buffer.data();
        const char* const end = p + *n;
        while (const void* hit = std::memchr(p, '<', static_cast<size_t>(end - p))) {
          ++*tags;
          p = static_cast<const char*>(hit) + 1;
        }
      }
      benchmark::DoNotOptimize(buffer.data());
    }
  }
  return total;
}

// Reads every row of the first sheet as cell text; returns the row count.
uint64_t ReadAll(bool read_ahead, uint64_t* cells) {
  XlsxOptions options;
  options.read_ahead = read_ahead;
  auto reader = XlsxReader::Open(DefaultFileSystem(), Workbook(), options);
  if (!reader.ok()) {
    fprintf(stderr, "open: %s\n", reader.status().ToString().c_str());
    std::abort();
  }
  uint64_t header_row = 0;
  if (!(*reader)->ReadHeader(&header_row).ok()) std::abort();
  RawBatch batch;
  uint64_t rows = 0;
  while (true) {
    auto more = (*reader)->NextBatch(&batch);
    if (!more.ok()) {
      fprintf(stderr, "read: %s\n", more.status().ToString().c_str());
      std::abort();
    }
    if (!*more) break;
    rows += batch.rows();
    for (size_t i = 0; i < batch.rows(); ++i) *cells += batch.row(i).size();
  }
  return rows;
}

double Seconds(const std::chrono::steady_clock::time_point& since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

void BM_InflateOnly(benchmark::State& state) {
  uint64_t bytes = 0;
  for (auto _ : state) bytes = Inflate(false, nullptr);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["xml_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_InflateOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_InflateAndScan(benchmark::State& state) {
  uint64_t bytes = 0;
  uint64_t tags = 0;
  for (auto _ : state) bytes = Inflate(true, &tags);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  benchmark::DoNotOptimize(tags);
}
BENCHMARK(BM_InflateAndScan)->Unit(benchmark::kMillisecond)->Iterations(3);

void SharedStrings(benchmark::State& state, bool read_ahead) {
  auto zip = ZipArchive::Open(DefaultFileSystem(), Workbook(), ZipLimits{});
  if (!zip.ok()) std::abort();
  auto info = ReadWorkbookInfo(zip->get());
  if (!info.ok()) std::abort();
  size_t count = 0;
  for (auto _ : state) {
    auto strings = ReadSharedStrings(zip->get(), info->shared_strings_part, {.read_ahead = read_ahead});
    if (!strings.ok()) std::abort();
    count = strings->size();
  }
  state.counters["strings"] = static_cast<double>(count);
}
void BM_SharedStrings(benchmark::State& state) { SharedStrings(state, true); }
void BM_SharedStringsSerial(benchmark::State& state) { SharedStrings(state, false); }
BENCHMARK(BM_SharedStrings)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_SharedStringsSerial)->Unit(benchmark::kMillisecond)->Iterations(3);

// The floor of BM_SharedStrings: inflating the part into a 1 MiB buffer.
void BM_SharedStringsInflateOnly(benchmark::State& state) {
  auto zip = ZipArchive::Open(DefaultFileSystem(), Workbook(), ZipLimits{});
  if (!zip.ok()) std::abort();
  auto info = ReadWorkbookInfo(zip->get());
  if (!info.ok()) std::abort();
  std::vector<char> buffer(size_t{1} << 20);
  uint64_t bytes = 0;
  for (auto _ : state) {
    auto entry = (*zip)->OpenEntry(info->shared_strings_part);
    if (!entry.ok()) std::abort();
    bytes = 0;
    while (true) {
      auto n = (*entry)->Read(buffer.data(), buffer.size());
      if (!n.ok()) std::abort();
      if (*n == 0) break;
      bytes += *n;
      benchmark::DoNotOptimize(buffer.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_SharedStringsInflateOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

using bench::MemoryFile;

void BM_SharedStringsScan(benchmark::State& state) {
  auto zip = ZipArchive::Open(DefaultFileSystem(), Workbook(), ZipLimits{});
  if (!zip.ok()) std::abort();
  auto info = ReadWorkbookInfo(zip->get());
  if (!info.ok()) std::abort();
  auto xml = (*zip)->ReadEntry(info->shared_strings_part, size_t{1} << 30);
  if (!xml.ok()) std::abort();
  size_t count = 0;
  for (auto _ : state) {
    MemoryFile file(*xml);
    auto strings = ScanSharedStrings({&file, xml->size(), Workbook().string(), info->shared_strings_part});
    if (!strings.ok()) std::abort();
    count = strings->size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml->size()));
  state.counters["strings"] = static_cast<double>(count);
}
BENCHMARK(BM_SharedStringsScan)->Unit(benchmark::kMillisecond)->Iterations(5);

void Reader(benchmark::State& state, bool read_ahead) {
  uint64_t rows = 0;
  uint64_t cells = 0;
  for (auto _ : state) rows = ReadAll(read_ahead, &cells);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rows));
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["peak_rss_MB"] = PeakRssMb();
}
void BM_XlsxReader(benchmark::State& state) { Reader(state, true); }
void BM_XlsxReaderSerial(benchmark::State& state) { Reader(state, false); }
BENCHMARK(BM_XlsxReader)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_XlsxReaderSerial)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReaderVsFloor(benchmark::State& state) {
  std::vector<double> floor;
  std::vector<double> reader;
  uint64_t cells = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(Inflate(false, nullptr));
    floor.push_back(Seconds(start));
    start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(ReadAll(true, &cells));
    reader.push_back(Seconds(start));
    state.SetIterationTime(reader.back());
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  state.counters["floor_ms"] = median(floor) * 1e3;
  state.counters["reader_ms"] = median(reader) * 1e3;
  state.counters["ratio"] = median(reader) / median(floor);
}
BENCHMARK(BM_ReaderVsFloor)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(5);

}  // namespace
}  // namespace flexpipe
