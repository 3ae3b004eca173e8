// Throughput of the store's hot paths on a real database file (in $TMPDIR),
// 1,000,000 candidate rows shaped like a wide property export (16 canonical
// fields, 4 pass-through columns, 6 components as the weighted model makes
// them, a de-duplication key).
// Read "items_per_second" (candidate rows per second).
//
//   BM_StoreCommit/R   commit 1M rows as files of R rows, one transaction
//                      per file (R = 1M: one big file; R = 10k: 100 files)
//   BM_StoreLoad/0     load a stored 1M-row file back into a CandidateSet
//                      from its binary snapshot (the reuse path)
//   BM_StoreLoad/1     the same through the relational rows
//   BM_ContentHash     SHA-256 of a 64 MiB file (bytes_per_second)
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "core/env.h"
#include "store/content_hash.h"
#include "store/run_store.h"

namespace flexpipe {
namespace {

constexpr uint64_t kTotalRows = 1'000'000;
const std::string kComponents[] = {"zoning_score",   "size_score",     "building_score",
                                   "location_score", "activity_score", "value_score"};
const std::string kFlags[] = {"HIGH_POTENTIAL", "IDEAL_BUILDING", "RECENT_SALE"};
const ScoreColumns kColumns{kComponents, kFlags};

class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "flexpipe-bench-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::unique_ptr<CandidateSet> MakeSet(uint32_t ordinal, uint64_t rows, uint64_t seed) {
  CandidateLayout layout;
  layout.fields = {Field::kParcelId,  Field::kAddress,          Field::kCity,      Field::kState,
                   Field::kZip,       Field::kZoning,           Field::kAcres,     Field::kBuildingSqft,
                   Field::kYearBuilt, Field::kImprovementValue, Field::kLandValue, Field::kSaleDate,
                   Field::kSalePrice, Field::kOwnerName,        Field::kLatitude,  Field::kLongitude};
  layout.passthrough_headers = {"Broker Notes", "Listing ID", "Agent", "Status"};
  auto set = std::make_unique<CandidateSet>(std::move(layout), true);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  CellPacker packer;
  std::string key;
  for (uint64_t i = 0; i < rows; ++i) {
    const uint64_t n = seed * rows + i;
    packer.Clear();
    packer.Add(fmt::format("{:017d}", n * 7919 % 100000000000000000));
    const std::string address = fmt::format("{} Industrial Way", n);
    packer.Add(address);
    packer.Add("West Palm Beach");
    packer.Add("FL");
    packer.Add(fmt::format("{}", 33400 + n % 100));
    packer.Add("IL");
    packer.Add(fmt::format("{}", static_cast<double>(n % 1000) / 100 + 0.25));
    packer.Add(fmt::format("{}", 10000 + n % 50000));
    packer.Add(fmt::format("{}", 1950 + n % 70));
    packer.Add(fmt::format("{}", 250000 + n % 2000000));
    packer.Add(fmt::format("{}", 100000 + n % 900000));
    packer.Add(fmt::format("20{:02d}-{:02d}-{:02d}", n % 25, 1 + n % 12, 1 + n % 28));
    packer.Add(fmt::format("{}", 500000 + n % 5000000));
    packer.Add(fmt::format("OWNER {} LLC", n % 10007));
    packer.Add(fmt::format("{}", 26.5 + static_cast<double>(n % 10000) / 10000));
    packer.Add(fmt::format("{}", -80.5 + static_cast<double>(n % 10000) / 10000));
    packer.Add(i % 3 == 0 ? "Dock-high, fenced yard" : "");
    packer.Add(fmt::format("L{}", n));
    packer.Add("Jane Doe");
    packer.Add("Active");
    ScoreResult r;
    r.score = std::round(unit(rng) * 1000) / 100;
    // As the weighted model: tier points (whole or half) and one ramp (any value).
    for (size_t k = 0; k < 6; ++k) r.components[k] = std::round(unit(rng) * 20) / 2;
    r.components[1] = unit(rng) * 10;
    r.flags = static_cast<uint32_t>(n % 8);
    r.classification = Classification::kGoodFlex;
    r.candidate = true;
    key = fmt::format("{}|west palm beach|fl", address);
    (void)set->Add(RowId{ordinal, 0, i + 2}, r, packer.bytes(), key);  // in memory: cannot fail
  }
  set->Seal();
  return set;
}

FileOutcome MakeOutcome(uint32_t ordinal, uint64_t rows, uint64_t seed) {
  FileOutcome o;
  o.report.path = fmt::format("data/raw/export_{:04d}.csv", ordinal);
  o.report.ordinal = ordinal;
  o.report.format = "csv";
  o.report.succeeded = true;
  o.report.rows_read = o.report.rows_scored = rows;
  o.candidates = MakeSet(ordinal, rows, seed);
  o.report.candidates = o.candidates->size();
  return o;
}

std::unique_ptr<RunStore> OpenStore(const std::filesystem::path& path) {
  auto store = RunStore::Open(path.string(), DefaultFileSystem(), DefaultClock());
  return store.ok() ? std::move(store).value() : nullptr;
}

void BM_StoreCommit(benchmark::State& state) {
  const auto rows_per_file = static_cast<uint64_t>(state.range(0));
  const uint64_t files = kTotalRows / rows_per_file;
  std::vector<FileOutcome> outcomes;
  for (uint64_t f = 0; f < files; ++f)
    outcomes.push_back(MakeOutcome(static_cast<uint32_t>(f), rows_per_file, f));
  double db_mib = 0;
  for (auto _ : state) {
    state.PauseTiming();
    ScratchDir dir;
    auto store = OpenStore(dir.path() / "bench.db");
    auto run = store->BeginRun(RunStart{"", "bench", "s", "{}"});
    state.ResumeTiming();
    for (const FileOutcome& o : outcomes) {
      FileKey key;
      key.path = o.report.path;
      auto ref = store->CommitFile(*run, key, o, kColumns);
      if (!ref.ok()) state.SkipWithError(ref.status().ToString().c_str());
    }
    state.PauseTiming();
    db_mib = static_cast<double>(std::filesystem::file_size(dir.path() / "bench.db") +
                                 std::filesystem::file_size(dir.path() / "bench.db-wal")) /
             (1 << 20);
    store.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kTotalRows));
  state.counters["db_MiB"] = db_mib;
}
BENCHMARK(BM_StoreCommit)
    ->Arg(1'000'000)
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

void BM_StoreLoad(benchmark::State& state) {
  ScratchDir dir;
  auto store = OpenStore(dir.path() / "bench.db");
  auto run = store->BeginRun(RunStart{"", "bench", "s", "{}"});
  const FileOutcome o = MakeOutcome(0, kTotalRows, 1);
  FileKey key;
  key.path = o.report.path;
  auto ref = store->CommitFile(*run, key, o, kColumns);
  if (!ref.ok()) state.SkipWithError(ref.status().ToString().c_str());
  for (auto _ : state) {
    auto loaded =
        store->LoadFile(ref->file_id, 0, true, kColumns,
                        state.range(0) == 0 ? RunStore::LoadPath::kSnapshot : RunStore::LoadPath::kRows);
    if (!loaded.ok()) state.SkipWithError(loaded.status().ToString().c_str());
    benchmark::DoNotOptimize(loaded);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kTotalRows));
}
BENCHMARK(BM_StoreLoad)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

void BM_ContentHash(benchmark::State& state) {
  ScratchDir dir;
  const auto path = dir.path() / "input.csv";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string line = "123,100 Industrial Way,Boca Raton,FL,IL,2.5,25000,\"Dock-high, fenced\"\n";
    for (size_t written = 0; written < (64u << 20); written += line.size()) out << line;
  }
  const auto bytes = static_cast<int64_t>(std::filesystem::file_size(path));
  for (auto _ : state) {
    auto hash = HashFileContent(DefaultFileSystem(), path);
    benchmark::DoNotOptimize(hash);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ContentHash)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace flexpipe
