// Cost of scoring one row with each model, and of the score rounding, on
// pseudo-random records shaped like property exports. Read "items_per_second"
// (rows per second); a sanity check for regressions, not a timed assertion.
//
//   BM_WeightedScore      model `weighted`, default profile
//   BM_IndustrialScore    model `industrial`, default profile, all filter columns
//   BM_RoundHalfEven2     round(x, 2): fast path with exact fallback near ties
//   BM_RoundByPrinting    round(x, 2): print and parse back (the reference path)
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "score/industrial_model.h"
#include "score/profile.h"
#include "score/round.h"
#include "score/weighted_model.h"

namespace flexpipe {
namespace {

constexpr size_t kRows = 4096;

struct Rows {
  std::vector<Record> records;
  ColumnSet columns;
};

void SetNumber(Record& r, Field f, double v) {
  r[f].number = v;
  r[f].present = true;
}

void SetText(Record& r, Field f, std::string_view v) {
  r[f].text = v;
  r[f].present = !v.empty();
}

const Rows& SampleRows() {
  static const Rows rows = [] {
    static const std::string_view kZoning[] = {"IL", "m-1", "IG", "CG", "RS-1", "PUD", "MUPD", ""};
    static const std::string_view kCity[] = {
        "Boca Raton",         "WEST PALM BEACH",  "Jupiter", "Belle Glade",
        "Palm Beach Gardens", "Lake Worth Beach", ""};
    static const std::string_view kType[] = {"Flex Warehouse",   "Industrial",   "Retail", "Office/Showroom",
                                             "Light Industrial", "Self Storage", ""};
    std::mt19937_64 rng(611);
    auto uniform = [&rng](double lo, double hi) {
      return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    auto pick = [&rng](std::span<const std::string_view> items) {
      return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
    };
    Rows out;
    out.records.resize(kRows);
    for (Record& r : out.records) {
      SetText(r, Field::kZoning, pick(kZoning));
      SetText(r, Field::kCity, pick(kCity));
      SetText(r, Field::kPropertyType, pick(kType));
      SetNumber(r, Field::kAcres, uniform(0, 25));
      SetNumber(r, Field::kBuildingSqft, uniform(0, 150000));
      SetNumber(r, Field::kOfficeSqft, uniform(0, 8000));
      SetNumber(r, Field::kWarehouseSqft, uniform(0, 40000));
      SetNumber(r, Field::kCeilingHeight, uniform(0, 30));
      SetNumber(r, Field::kLoadingDocks, std::floor(uniform(0, 4)));
      SetNumber(r, Field::kImprovementValue, uniform(0, 6e6));
      SetNumber(r, Field::kLandValue, uniform(0, 2e6));
      SetNumber(r, Field::kSaleDate, std::floor(uniform(17000, 20500)));
      SetNumber(r, Field::kYearBuilt, std::floor(uniform(1950, 2024)));
      SetNumber(r, Field::kOccupancy, uniform(0, 100));
    }
    out.columns.set();
    return out;
  }();
  return rows;
}

void RunScorer(benchmark::State& state, const Scorer& scorer) {
  const Rows& rows = SampleRows();
  ScoreResult result;
  size_t i = 0;
  for (auto _ : state) {
    scorer.Score(rows.records[i], rows.columns, &result);
    benchmark::DoNotOptimize(result);
    i = (i + 1) % kRows;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_WeightedScore(benchmark::State& state) {
  const ScoringProfile p = DefaultScoringProfile();
  RunScorer(state, WeightedModel(p.weighted, p.classification, {Date{20000}, 4.0}));
}
BENCHMARK(BM_WeightedScore);

void BM_IndustrialScore(benchmark::State& state) {
  const ScoringProfile p = DefaultScoringProfile();
  RunScorer(state, IndustrialModel(p.industrial, p.classification, {Date{20000}, 4.0}));
}
BENCHMARK(BM_IndustrialScore);

std::vector<double> SampleScores() {
  std::mt19937_64 rng(7);
  std::vector<double> v(kRows);
  for (double& x : v) x = std::uniform_real_distribution<double>(0, 10.8)(rng);
  return v;
}

void BM_RoundHalfEven2(benchmark::State& state) {
  const std::vector<double> xs = SampleScores();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(RoundHalfEven2(xs[i]));
    i = (i + 1) % kRows;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RoundHalfEven2);

void BM_RoundByPrinting(benchmark::State& state) {
  const std::vector<double> xs = SampleScores();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(internal::RoundHalfEven2ByPrinting(xs[i]));
    i = (i + 1) % kRows;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RoundByPrinting);

}  // namespace
}  // namespace flexpipe
