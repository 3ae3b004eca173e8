// Throughput of the worksheet scanner on a generated, realistic sheet held in
// memory: 200,000 rows x 28 columns as Excel writes a property export (an ID,
// shared-string text columns, prices and areas, date serials, a few inline
// strings, some with entities, blank styled cells), ~180 MB of XML. Read the
// MB/s column ("bytes_per_second").
//
//   BM_MemchrFloor           memchr('<') over the same bytes, counting every
//                            '<': the floor for any tag-by-tag scanner
//   BM_CopyFloor             the same bytes copied through the scanner's 1 MiB
//                            buffer by SequentialFile reads, no scanning
//   BM_SheetScanner          SheetScanner::NextRow over the whole sheet
//                            (reads through a SequentialFile, as from inflate)
//   BM_SheetScannerInline    an openpyxl-style sheet (every string inline, t="n")
//   BM_AppendNumberText      cell_text.h on typical raw <v> numbers (per cell)
#include <cstring>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "core/env.h"
#include "memory_file.h"
#include "read/xlsx/cell_ref.h"
#include "read/xlsx/cell_text.h"
#include "read/xlsx/sheet_scanner.h"

namespace flexpipe {
namespace {

constexpr int kRows = 200000;
constexpr int kColumns = 28;

using bench::MemoryFile;

// A deterministic pseudo-random sequence (xorshift), so every run scans the same bytes.
struct Random {
  uint64_t state = 0x9E3779B97F4A7C15u;
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  uint64_t Below(uint64_t n) { return Next() % n; }
};

std::string Sheet(bool openpyxl_style) {
  static const char* kWords[] = {"INDUSTRIAL", "WAREHOUSE", "FLEX",    "PALM BEACH", "LLC",   "HOLDINGS",
                                 "Main St",    "Suite 200", "Jupiter", "Boca Raton", "Trust", "Partners"};
  Random rng;
  std::string xml;
  xml.reserve(size_t{190} << 20);
  xml +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\">";
  xml += fmt::format(
      "<dimension ref=\"A1:AB{}\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
      "<sheetFormatPr defaultRowHeight=\"15\" x14ac:dyDescent=\"0.25\"/><cols>",
      kRows);
  for (int c = 1; c <= kColumns; ++c) xml += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"14.7\"/>", c);
  xml += "</cols><sheetData>";
  std::string text;
  for (int r = 1; r <= kRows; ++r) {
    xml += openpyxl_style ? fmt::format("<row r=\"{}\">", r)
                          : fmt::format("<row r=\"{}\" spans=\"1:28\" x14ac:dyDescent=\"0.25\">", r);
    for (int c = 0; c < kColumns; ++c) {
      const std::string ref = CellRefName(static_cast<uint32_t>(c), static_cast<uint64_t>(r));
      const auto inline_text = [&] {
        text = kWords[rng.Below(12)];
        text += ' ';
        text += kWords[rng.Below(12)];
        if (rng.Below(50) == 0) text += " &amp; Sons";
        return fmt::format("<c r=\"{}\" t=\"inlineStr\"><is><t>{}</t></is></c>", ref, text);
      };
      if (c == 0) {  // parcel ID
        xml +=
            fmt::format("<c r=\"{}\" s=\"1\"><v>{}</v></c>", ref, 8434605080000130 + rng.Below(1000000000));
      } else if (c <= 12) {  // text columns
        xml += openpyxl_style ? inline_text()
                              : fmt::format("<c r=\"{}\" t=\"s\"><v>{}</v></c>", ref, rng.Below(60000));
      } else if (c <= 20) {  // prices, areas, years, coordinates
        switch (c % 4) {
          case 0:
            xml += fmt::format("<c r=\"{}\" s=\"4\"><v>{}</v></c>", ref, 50000 + rng.Below(5000000));
            break;
          case 1:
            xml += fmt::format("<c r=\"{}\"><v>{}.{}</v></c>", ref, rng.Below(90000), rng.Below(100));
            break;
          case 2:
            xml += fmt::format("<c r=\"{}\"><v>{}</v></c>", ref, 1950 + rng.Below(75));
            break;
          default:
            xml += fmt::format("<c r=\"{}\"><v>26.{}</v></c>", ref, 1000000 + rng.Below(8999999));
            break;
        }
      } else if (c <= 23) {  // dates
        xml += fmt::format("<c r=\"{}\" s=\"2\"><v>{}</v></c>", ref, 30000 + rng.Below(16000));
      } else if (c <= 26) {
        xml += inline_text();
      } else {
        xml += fmt::format("<c r=\"{}\" s=\"3\"/>", ref);  // blank, formatted
      }
    }
    xml += "</row>";
  }
  xml +=
      "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells><pageMargins left=\"0.7\" "
      "right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>";
  return xml;
}

const std::string& ExcelSheet() {
  static const std::string xml = Sheet(false);
  return xml;
}

const std::string& OpenpyxlSheet() {
  static const std::string xml = Sheet(true);
  return xml;
}

void BM_MemchrFloor(benchmark::State& state) {
  const std::string& xml = ExcelSheet();
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    const char* p = xml.data();
    const char* const end = p + xml.size();
    while (const void* hit = std::memchr(p, '<', static_cast<size_t>(end - p))) {
      ++count;
      p = static_cast<const char*>(hit) + 1;
    }
    benchmark::DoNotOptimize(count);
  }
  state.counters["tags"] = static_cast<double>(count);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
}
BENCHMARK(BM_MemchrFloor)->Unit(benchmark::kMillisecond);

void BM_CopyFloor(benchmark::State& state) {
  const std::string& xml = ExcelSheet();
  std::string buffer(1 << 20, '\0');
  for (auto _ : state) {
    MemoryFile file(xml);
    size_t total = 0;
    while (true) {
      const size_t n = *file.Read(buffer.data(), buffer.size());
      if (n == 0) break;
      total += n;
      benchmark::DoNotOptimize(buffer.data());
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
}
BENCHMARK(BM_CopyFloor)->Unit(benchmark::kMillisecond);

void ScanAll(benchmark::State& state, const std::string& xml) {
  size_t rows = 0;
  size_t cells = 0;
  for (auto _ : state) {
    MemoryFile file(xml);
    SheetScanner scanner(&file, SheetScannerOptions{});
    XlsxRow row;
    rows = 0;
    cells = 0;
    while (true) {
      Result<bool> more = scanner.NextRow(&row);
      if (!more.ok()) {
        state.SkipWithError(more.status().ToString().c_str());
        return;
      }
      if (!*more) break;
      ++rows;
      cells += row.cells.size();
      benchmark::DoNotOptimize(row.cells.back().value.data());
    }
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["MB"] = static_cast<double>(xml.size()) / 1e6;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * xml.size()));
}

void BM_SheetScanner(benchmark::State& state) { ScanAll(state, ExcelSheet()); }
BENCHMARK(BM_SheetScanner)->Unit(benchmark::kMillisecond);

void BM_SheetScannerInline(benchmark::State& state) { ScanAll(state, OpenpyxlSheet()); }
BENCHMARK(BM_SheetScannerInline)->Unit(benchmark::kMillisecond);

void BM_AppendNumberText(benchmark::State& state) {
  const std::vector<std::string> raw = {"8434605080000130",       "1250000", "12345.67", "1987", "26.7153424",
                                        "8.4346050800001296E+15", "0.1",     "45000"};
  std::string out;
  for (auto _ : state) {
    for (const std::string& r : raw) {
      out.clear();
      AppendNumberText(r, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * raw.size()));
}
BENCHMARK(BM_AppendNumberText);

}  // namespace
}  // namespace flexpipe
