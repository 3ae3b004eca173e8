// Throughput of the CSV reading stages on property-export-like text: the
// 611-row Palm Beach County fixture repeated to ~32 MiB. A sanity check for
// regressions, not a timed assertion; read the MB/s column ("bytes_per_second").
//
//   BM_DecodeUtf8     encoding stage alone (validate + copy)
//   BM_CsvParser      record parser alone, in memory
//   BM_CsvParserQuoted  same, with every cell quoted and some "" escapes
//   BM_CsvReaderFile  the whole RowSource from a (page-cached) file: decode,
//                     parse, batches
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "core/env.h"
#include "read/csv/csv_reader.h"
#include "read/csv/encoding.h"
#include "read/csv/parser.h"
#include "read/raw_batch.h"

namespace flexpipe {
namespace {

constexpr size_t kTargetBytes = 32 << 20;

std::string FixtureText() {
  std::ifstream in(std::filesystem::path(FLEXPIPE_BENCH_DATA) / "pbc_flex_properties_611.csv",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The fixture's data rows repeated after its header up to kTargetBytes.
const std::string& PlainCsv() {
  static const std::string text = [] {
    const std::string fixture = FixtureText();
    const size_t body = fixture.find('\n') + 1;
    std::string out = fixture;
    while (out.size() < kTargetBytes) out.append(fixture, body, std::string::npos);
    return out;
  }();
  return text;
}

// Every cell quoted; owner names get an embedded "" pair.
const std::string& QuotedCsv() {
  static const std::string text = [] {
    std::string out;
    const std::string& plain = PlainCsv();
    out.reserve(plain.size() * 3 / 2);
    bool cell_start = true;
    for (const char c : plain) {
      if (cell_start && c != '\n') out += '"';
      cell_start = false;
      if (c == ',' || c == '\n') {
        out += "\"";
        out += c;
        cell_start = true;
      } else if (c == 'L' && out.back() == 'L') {
        out += "\"\"";  // LLC -> L""LC
      } else {
        out += c;
      }
    }
    return out;
  }();
  return text;
}

void BM_DecodeUtf8(benchmark::State& state) {
  const std::string& text = PlainCsv();
  std::string out(MaxDecodedSize(64 << 10), '\0');
  for (auto _ : state) {
    size_t produced = 0;
    for (size_t pos = 0; pos < text.size(); pos += 64 << 10) {
      const std::string_view chunk = std::string_view(text).substr(pos, 64 << 10);
      produced += DecodeToUtf8(TextEncoding::kUtf8, chunk, true, out.data()).produced;
    }
    benchmark::DoNotOptimize(produced);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);

void ParseAll(benchmark::State& state, const std::string& source) {
  std::string text;
  CsvParser parser(CsvDialect{',', '"'});
  CsvRecord record;
  for (auto _ : state) {
    state.PauseTiming();
    text = source;  // the parser unescapes "" in place
    state.ResumeTiming();
    std::span<char> rest(text);
    size_t cells = 0;
    size_t consumed = 0;
    while (parser.Next(rest, true, &record, &consumed) == CsvParser::Outcome::kRecord) {
      cells += record.cells.size();
      rest = rest.subspan(consumed);
    }
    benchmark::DoNotOptimize(cells);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void BM_CsvParser(benchmark::State& state) { ParseAll(state, PlainCsv()); }
BENCHMARK(BM_CsvParser)->Unit(benchmark::kMillisecond);

void BM_CsvParserQuoted(benchmark::State& state) { ParseAll(state, QuotedCsv()); }
BENCHMARK(BM_CsvParserQuoted)->Unit(benchmark::kMillisecond);

void BM_CsvReaderFile(benchmark::State& state) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "flexpipe_csv_bench.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << PlainCsv();
  }
  uint64_t rows = 0;
  for (auto _ : state) {
    auto source = OpenCsv(DefaultFileSystem(), path, CsvOptions{});
    if (!source.ok() || !(*source)->ReadHeader(nullptr).ok()) {
      state.SkipWithError("cannot open the benchmark file");
      break;
    }
    RawBatch batch;
    rows = 0;
    while (true) {
      auto more = (*source)->NextBatch(&batch);
      if (!more.ok() || !*more) break;
      rows += batch.rows();
    }
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * PlainCsv().size()));
  std::filesystem::remove(path);
}
BENCHMARK(BM_CsvReaderFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace flexpipe
