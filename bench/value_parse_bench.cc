// Cost of the per-cell work between reading and scoring (issue 7's hot
// pieces): parsing numbers, money and dates as exports spell them, and
// building the de-duplication key. Read "items_per_second" (cells or keys per
// second); a check for regressions, not a timed assertion.
//
//   BM_ParseNumber      plain, grouped, decimal and unit-suffixed numbers
//   BM_ParseMoney       "$1,250,000", "1.2M", "(12,500)", ...
//   BM_ParseDate        ISO, US, Excel-serial and month-name dates
//   BM_MissingMarkers   "N/A", "TBD", "-", "" (the values that are not values)
//   BM_DedupKey         address | city | state, with suffixes to abbreviate
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "aggregate/dedup_key.h"
#include "schema/value_parse.h"

namespace flexpipe {
namespace {

template <size_t N>
void RunParser(benchmark::State& state, const std::array<std::string_view, N>& cells, auto parse) {
  size_t parsed = 0;
  for (auto _ : state) {
    for (std::string_view cell : cells) {
      const auto value = parse(cell);
      parsed += value.has_value();
      benchmark::DoNotOptimize(value);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * cells.size()));
  state.counters["parsed"] = static_cast<double>(parsed) / static_cast<double>(state.iterations());
}

constexpr std::array<std::string_view, 12> kNumbers = {"12000", "12,000",    "1250000",   "3.25",
                                                       "0.75",  "24,390 SF", "2.5 acres", "1.2e3",
                                                       " 42 ",  "-17",       "N/A",       "TBD"};

constexpr std::array<std::string_view, 10> kMoney = {
    "$1,250,000", "1250000", "$2.4M", "(12,500)", "$ 950,000.00", "875000", "1.1 million", "$0", "-", "call"};

constexpr std::array<std::string_view, 10> kDates = {
    "2024-03-15",    "03/15/2024", "3/5/24",   "45366", "15-Mar-2024",
    "March 5, 2024", "2024/03/15", "20240315", "",      "unknown"};

constexpr std::array<std::string_view, 8> kMissing = {"N/A", "n/a", "TBD", "-", "", "none", "12", "Jupiter"};

void BM_ParseNumber(benchmark::State& state) { RunParser(state, kNumbers, ParseNumber); }
void BM_ParseMoney(benchmark::State& state) { RunParser(state, kMoney, ParseMoney); }
void BM_ParseDate(benchmark::State& state) { RunParser(state, kDates, ParseDate); }
void BM_MissingMarkers(benchmark::State& state) {
  RunParser(state, kMissing,
            [](std::string_view s) { return IsMissingMarker(s) ? std::optional<int>(1) : std::nullopt; });
}

void BM_DedupKey(benchmark::State& state) {
  constexpr std::array<Field, 3> kFields = {Field::kAddress, Field::kCity, Field::kState};
  const std::vector<std::array<std::string_view, 3>> rows = {
      {"1200 North Industrial Boulevard", "West Palm Beach", "FL"},
      {"  3151 SW 14th Place ", "BOYNTON BEACH", "fl"},
      {"170 Commerce Rd. #1", "Boynton  Beach", "FL"},
      {"2010 Seabird Way, Suite 4", "Riviera Beach", "Florida"},
  };
  std::string key;
  for (auto _ : state) {
    for (const auto& texts : rows) {
      benchmark::DoNotOptimize(BuildDedupKey(kFields, texts, &key));
      benchmark::DoNotOptimize(key.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rows.size()));
}

BENCHMARK(BM_ParseNumber);
BENCHMARK(BM_ParseMoney);
BENCHMARK(BM_ParseDate);
BENCHMARK(BM_MissingMarkers);
BENCHMARK(BM_DedupKey);

}  // namespace
}  // namespace flexpipe
