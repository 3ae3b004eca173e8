#include "store/run_store.h"
#include "store/snapshot.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "aggregate/statistics.h"
#include "store/schema.h"
#include "store/store_test_util.h"
#include "write/json_summary.h"
#include "write/master_csv.h"

namespace flexpipe {
namespace run_store_test {
namespace {

using testing::ColumnsOf;
using testing::DefaultFs;
using testing::FixedClock;
using testing::KeyOf;
using testing::ReadFileToString;
using testing::ReadOutcome;
using testing::SameBits;
using testing::TempDir;
using testing::TestDataPath;
using testing::TestScorer;

constexpr const char* kBrokerCsv =
    "Property Address,City,State,Zoning,Lot Size Acres,Building SqFt,Improvement Value,Sale "
    "Date,Notes,Notes\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000,\"$1,200,000\",2025-01-01,\"dock, fenced\",x\n"
    "100 Industrial St,Boca Raton,FL,IL,2.5,26000,\"$1,300,000\",2025-01-01,dup with higher score,y\n"
    "200 Commerce Way,Miami,FL,CG,1.3,,300000,not a date,=cmd,\n"
    "300 Nowhere Rd,Orlando,FL,RS,0.1,,,,low,\n"
    "8 Flex Pkwy,Jupiter,FL,M-1,3,20000,900000,2024-02-29,\"say \"\"hi\"\"\",z\n";

class RunStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scorer_ = TestScorer();
    ASSERT_NE(scorer_, nullptr);
    auto store = RunStore::Open((dir_.path() / "db" / "flexpipe.db").string(), DefaultFs(), &clock_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto run = store_->BeginRun(RunStart{"2025-06-30T11:00:00Z", "0.1.0", "s", R"({"model":"weighted"})"});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    run_ = *run;
  }

  int64_t Count(std::string_view table) {
    return *store_->database()->QueryInt(std::string("SELECT count(*) FROM ") + std::string(table));
  }

  TempDir dir_;
  FixedClock clock_;
  std::unique_ptr<Scorer> scorer_;
  std::unique_ptr<RunStore> store_;
  int64_t run_ = 0;
};

void ExpectSameSet(const CandidateSet& a, const CandidateSet& b, uint32_t b_ordinal, size_t components) {
  EXPECT_EQ(a.layout().fields, b.layout().fields);
  EXPECT_EQ(a.layout().passthrough_headers, b.layout().passthrough_headers);
  EXPECT_EQ(a.offered(), b.offered());
  EXPECT_EQ(a.duplicates(), b.duplicates());
  ASSERT_EQ(a.size(), b.size());
  std::string scratch_x, scratch_y;
  Candidate x, y;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSERT_TRUE(a.Load(i, &scratch_x, &x).ok());
    ASSERT_TRUE(b.Load(i, &scratch_y, &y).ok());
    EXPECT_EQ(y.id.file, b_ordinal);
    EXPECT_EQ(x.id.sheet, y.id.sheet);
    EXPECT_EQ(x.id.row, y.id.row);
    EXPECT_TRUE(SameBits(x.result.score, y.result.score)) << i;
    for (size_t k = 0; k < components; ++k) {
      EXPECT_TRUE(SameBits(x.result.components[k], y.result.components[k]) ||
                  (std::isnan(x.result.components[k]) && std::isnan(y.result.components[k])))
          << "row " << i << " component " << k << ": " << x.result.components[k] << " vs "
          << y.result.components[k];
    }
    EXPECT_EQ(x.result.flags, y.result.flags);
    EXPECT_EQ(x.result.classification, y.result.classification);
    EXPECT_EQ(x.result.candidate, y.result.candidate);
    EXPECT_EQ(x.packed_cells, y.packed_cells) << "row " << i;
    EXPECT_EQ(x.key, y.key);
  }
}

void ExpectSameReport(const FileOutcome& a, const FileOutcome& b) {
  const FileReport& x = a.report;
  const FileReport& y = b.report;
  EXPECT_EQ(x.path, y.path);
  EXPECT_EQ(x.format, y.format);
  EXPECT_EQ(x.size_bytes, y.size_bytes);
  EXPECT_EQ(x.succeeded, y.succeeded);
  EXPECT_EQ(x.error_code, y.error_code);
  EXPECT_EQ(x.error_category, y.error_category);
  EXPECT_EQ(x.error_message, y.error_message);
  EXPECT_EQ(x.rows_read, y.rows_read);
  EXPECT_EQ(x.rows_scored, y.rows_scored);
  EXPECT_EQ(x.rows_set_aside, y.rows_set_aside);
  EXPECT_EQ(x.candidates, y.candidates);
  EXPECT_EQ(x.duplicates_in_file, y.duplicates_in_file);
  EXPECT_EQ(x.ragged_rows, y.ragged_rows);
  EXPECT_EQ(x.value_problems, y.value_problems);
  EXPECT_EQ(x.seconds, y.seconds);
  ASSERT_EQ(x.columns.size(), y.columns.size());
  for (size_t i = 0; i < x.columns.size(); ++i) {
    EXPECT_EQ(x.columns[i].header, y.columns[i].header);
    EXPECT_EQ(x.columns[i].field, y.columns[i].field);
  }
  EXPECT_EQ(x.mapping_notes, y.mapping_notes);
  ASSERT_EQ(x.row_problems.size(), y.row_problems.size());
  for (size_t i = 0; i < x.row_problems.size(); ++i) {
    EXPECT_EQ(x.row_problems[i].file, y.row_problems[i].file);
    EXPECT_EQ(x.row_problems[i].code, y.row_problems[i].code);
    EXPECT_EQ(x.row_problems[i].category, y.row_problems[i].category);
    EXPECT_EQ(x.row_problems[i].message, y.row_problems[i].message);
    EXPECT_EQ(x.row_problems[i].row, y.row_problems[i].row);
    EXPECT_EQ(x.row_problems[i].column, y.row_problems[i].column);
  }
  EXPECT_EQ(a.columns, b.columns);
  EXPECT_EQ(a.counts.rows_with_column, b.counts.rows_with_column);
  EXPECT_EQ(a.counts.present, b.counts.present);
  EXPECT_EQ(a.counts.parse_failures, b.counts.parse_failures);
}

TEST_F(RunStoreTest, RoundTripsARealFilesOutcome) {
  const auto path = TestDataPath("pbc_flex_properties_611.csv");
  FileOutcome original = ReadOutcome(path, 0, *scorer_, &clock_);
  ASSERT_TRUE(original.report.succeeded) << original.report.error_message;
  ASSERT_GT(original.candidates->size(), 100u);

  auto ref = store_->CommitFile(run_, KeyOf(path), original, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->candidates, original.candidates->size());
  EXPECT_EQ(Count("properties"), static_cast<int64_t>(ref->candidates));

  for (auto load : {RunStore::LoadPath::kSnapshot, RunStore::LoadPath::kRows}) {
    auto loaded = store_->LoadFile(ref->file_id, 7, /*deduplicate=*/true, ColumnsOf(*scorer_), load);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->ref.first_property_id, ref->first_property_id);
    EXPECT_EQ(loaded->outcome.report.ordinal, 7u);
    ExpectSameReport(original, loaded->outcome);
    ExpectSameSet(*original.candidates, *loaded->outcome.candidates, 7, scorer_->component_names().size());
  }
}

// Snapshots are written deflated (format 2); a store written before that
// holds plain format-1 chunks, which still load as snapshots.
TEST_F(RunStoreTest, PlainSnapshotsOfAnEarlierStoreStillLoad) {
  const auto path = TestDataPath("pbc_flex_properties_611.csv");
  FileOutcome original = ReadOutcome(path, 0, *scorer_, &clock_);
  ASSERT_TRUE(original.report.succeeded) << original.report.error_message;
  auto ref = store_->CommitFile(run_, KeyOf(path), original, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  Database* db = store_->database();
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM candidate_snapshots WHERE format = 2"),
            *db->QueryInt("SELECT count(*) FROM candidate_snapshots"));

  // Rewrite every chunk as an earlier flexpipe wrote it.
  std::vector<std::pair<int64_t, std::string>> plain;
  {
    auto select = db->Prepare("SELECT seq, bytes FROM candidate_snapshots WHERE file_id = ?1 ORDER BY seq");
    ASSERT_TRUE(select.ok());
    select->Bind(1, ref->file_id);
    while (*select->Step()) {
      auto chunk = InflateSnapshotChunk(select->column_blob(1));
      ASSERT_TRUE(chunk.ok()) << chunk.status().ToString();
      EXPECT_GT(chunk->size(), 2 * select->column_blob(1).size());  // deflating pays
      plain.emplace_back(select->column_int(0), std::move(*chunk));
    }
  }
  ASSERT_FALSE(plain.empty());
  for (const auto& [seq, bytes] : plain) {
    auto update =
        db->Prepare("UPDATE candidate_snapshots SET format = 1, bytes = ?1 WHERE file_id = ?2 AND seq = ?3");
    ASSERT_TRUE(update.ok());
    update->BindBlob(1, bytes).Bind(2, ref->file_id).Bind(3, seq);
    ASSERT_TRUE(update->Run().ok());
  }
  auto loaded = store_->LoadFile(ref->file_id, 0, true, ColumnsOf(*scorer_), RunStore::LoadPath::kSnapshot);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ExpectSameSet(*original.candidates, *loaded->outcome.candidates, 0, scorer_->component_names().size());

  // A damaged deflated chunk is an error, not a short set.
  auto damaged = DeflateSnapshotChunk(plain[0].second);
  ASSERT_TRUE(damaged.ok());
  damaged->resize(damaged->size() / 2);
  EXPECT_EQ(InflateSnapshotChunk(*damaged).status().code(), ErrorCode::kDatabaseError);
}

TEST_F(RunStoreTest, RoundTripsAwkwardCellsExactly) {
  CandidateLayout layout;
  layout.fields = {Field::kParcelId, Field::kAddress,   Field::kAcres,       Field::kYearBuilt,
                   Field::kSaleDate, Field::kSalePrice, Field::kNearHighway, Field::kLongitude};
  layout.passthrough_headers = {"Notes", "Notes", "Bytes \xff", "Quote \"\\"};
  CandidateSet set(layout, /*deduplicate=*/true);
  const std::vector<std::vector<std::string>> rows = {
      {"00424701000000010", "100 Industrial Way", "2.5", "1998", "2025-03-14", "1234.5", "true", "-80.59",
       "dock-high, \"fenced\"", "", std::string("nul\0byte", 8), "line\nbreak\ttab\r"},
      {"", "", "", "", "", "", "false", "0", "", "", "", ""},
      {"33431-1234", "\xe2\x80\xa8 \xf0\x9f\x8f\xad", "1e+16", "2.5e-07", "", "1.50", "maybe", "0.1",
       "=SUM(A1)", "\\u0041", "\xc3\x28 \x80", "\x01\x1f\x7f"},
  };
  CellPacker packer;
  for (size_t r = 0; r < rows.size(); ++r) {
    packer.Clear();
    for (const std::string& cell : rows[r]) packer.Add(cell);
    ScoreResult result;
    result.score = 9.27;
    result.components = {0.1 + 0.2, -0.0, 1e-300, 10, 5.000000000000001, 2.0 / 3, 0, 0};
    result.flags = 0b11;
    result.classification = Classification::kPrimeFlex;
    result.candidate = true;
    ASSERT_TRUE(
        set.Add(RowId{0, 2, 10 + r}, result, packer.bytes(), r == 1 ? "" : "key \xff|" + std::to_string(r))
            .ok());
  }
  set.AddMergedOffers(3);  // as if three rows had been merged away
  set.Seal();
  FileOutcome outcome;
  outcome.report.path = "raw/awkward.csv";
  outcome.report.format = "csv";
  outcome.report.succeeded = true;
  outcome.report.candidates = set.size();
  outcome.report.duplicates_in_file = set.duplicates();
  outcome.candidates = std::make_unique<CandidateSet>(layout, true);
  // Copy through the public API so `set` stays for comparison.
  std::string scratch;
  Candidate c;
  for (size_t i = 0; i < set.size(); ++i) {
    ASSERT_TRUE(set.Load(i, &scratch, &c).ok());
    ASSERT_TRUE(outcome.candidates->Add(c.id, c.result, c.packed_cells, c.key).ok());
  }
  outcome.candidates->AddMergedOffers(3);
  outcome.candidates->Seal();

  FileKey key;
  key.path = outcome.report.path;
  key.content_hash = "h";
  auto ref = store_->CommitFile(run_, key, outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  for (auto load : {RunStore::LoadPath::kSnapshot, RunStore::LoadPath::kRows}) {
    auto loaded = store_->LoadFile(ref->file_id, 0, true, ColumnsOf(*scorer_), load);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ExpectSameSet(set, *loaded->outcome.candidates, 0, scorer_->component_names().size());
  }

  // SQL sees typed values.
  Database* db = store_->database();
  EXPECT_EQ(
      *db->QueryText("SELECT typeof(acres) || typeof(year_built) || typeof(near_highway) FROM properties "
                     "WHERE source_row = 10"),
      "realintegerinteger");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM properties WHERE acres > 2"), 2);
  EXPECT_EQ(*db->QueryText("SELECT typeof(sale_price) FROM properties WHERE source_row = 12"),
            "blob");  // "1.50"
  EXPECT_EQ(*db->QueryText("SELECT flags FROM properties WHERE source_row = 10"),
            "HIGH_POTENTIAL;IDEAL_BUILDING");
  EXPECT_EQ(*db->QueryText("SELECT value FROM property_passthrough WHERE header = 'Notes' AND position = 0 "
                           "AND property_id = (SELECT id FROM properties WHERE source_row = 10)"),
            "dock-high, \"fenced\"");
  EXPECT_EQ(
      *db->QueryText("SELECT json_extract(components, '$." + std::string(scorer_->component_names()[0]) +
                     "') FROM properties WHERE source_row = 10"),
      "0.3");
}

TEST_F(RunStoreTest, MasterCsvFromTheStoreIsByteIdentical) {
  const auto fixture = TestDataPath("pbc_flex_properties_611.csv");
  const auto broker = dir_.Write("in/a_broker.csv", kBrokerCsv);
  const std::vector<std::filesystem::path> paths = {broker, fixture};
  std::vector<FileOutcome> read;
  std::vector<std::string> names;
  for (uint32_t i = 0; i < paths.size(); ++i) {
    read.push_back(ReadOutcome(paths[i], i, *scorer_, &clock_));
    ASSERT_TRUE(read.back().report.succeeded);
    names.push_back(paths[i].string());
  }
  std::vector<StoredFileRef> refs;
  for (const FileOutcome& o : read) {
    auto ref = store_->CommitFile(run_, KeyOf(o.report.path), o, ColumnsOf(*scorer_));
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    refs.push_back(*ref);
  }
  std::vector<FileOutcome> loaded;
  for (uint32_t i = 0; i < refs.size(); ++i) {
    // One file through each load path.
    auto file = store_->LoadFile(refs[i].file_id, i, true, ColumnsOf(*scorer_),
                                 i % 2 == 0 ? RunStore::LoadPath::kSnapshot : RunStore::LoadPath::kRows);
    ASSERT_TRUE(file.ok()) << file.status().ToString();
    loaded.push_back(std::move(file->outcome));
  }

  auto render = [&](const std::vector<FileOutcome>& outcomes, const std::string& name, RunSummary* summary) {
    std::vector<const CandidateSet*> sets;
    for (const FileOutcome& o : outcomes) sets.push_back(o.candidates.get());
    const MergeResult merged = MergeAndRank(sets, true).value();
    const MasterLayout layout = BuildMasterLayout(sets, *scorer_);
    EXPECT_TRUE(ComputeCandidateStatistics(sets, merged, layout, *scorer_, 10, names, summary).ok());
    const auto out = dir_.path() / "out" / name;
    EXPECT_TRUE(WriteMasterCsv(DefaultFs(), out, sets, merged, layout, *scorer_, names).ok());
    return ReadFileToString(out);
  };
  RunSummary from_files, from_store;
  const std::string a = render(read, "read.csv", &from_files);
  const std::string b = render(loaded, "stored.csv", &from_store);
  EXPECT_GT(a.size(), 10000u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(SummaryToJson(from_files, false), SummaryToJson(from_store, false));
  EXPECT_EQ(from_files.duplicates_removed, from_store.duplicates_removed);
}

TEST_F(RunStoreTest, AFileWhoseCommitFailsLeavesNothing) {
  const auto broker = dir_.Write("in/a_broker.csv", kBrokerCsv);
  FileOutcome outcome = ReadOutcome(broker, 0, *scorer_, &clock_);
  ASSERT_TRUE(outcome.report.succeeded);
  ASSERT_GE(outcome.candidates->size(), 2u);
  ASSERT_FALSE(outcome.report.row_problems.empty());
  // Fail on the file's last candidate, after the file row and the others went in.
  const uint64_t last_row = outcome.candidates->id(outcome.candidates->size() - 1).row;
  Database* db = store_->database();
  ASSERT_TRUE(db->Exec("CREATE TEMP TRIGGER fail BEFORE INSERT ON properties WHEN NEW.source_row = " +
                       std::to_string(last_row) + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                  .ok());
  auto ref = store_->CommitFile(run_, KeyOf(broker), outcome, ColumnsOf(*scorer_));
  ASSERT_FALSE(ref.ok());
  EXPECT_EQ(ref.status().code(), ErrorCode::kDatabaseError);
  EXPECT_NE(ref.status().message().find("injected failure"), std::string::npos) << ref.status().message();
  EXPECT_NE(ref.status().message().find("a_broker.csv"), std::string::npos);
  for (auto table : {"files", "properties", "rejects", "run_files", "candidate_snapshots"}) {
    EXPECT_EQ(Count(table), 0) << table;
  }
  EXPECT_FALSE(db->in_transaction());

  // The store is fine afterwards: the same file commits once the fault is gone.
  ASSERT_TRUE(db->Exec("DROP TRIGGER temp.fail").ok());
  auto again = store_->CommitFile(run_, KeyOf(broker), outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(Count("files"), 1);
  EXPECT_EQ(Count("properties"), static_cast<int64_t>(outcome.candidates->size()));
  EXPECT_EQ(Count("rejects"), static_cast<int64_t>(outcome.report.row_problems.size()));
  EXPECT_EQ(*db->QueryText("PRAGMA integrity_check"), "ok");
}

TEST_F(RunStoreTest, AFailedFileIsRecordedButNeverReused) {
  const auto bad = dir_.Write("in/bad.csv", "Owner,Notes\nsomeone,nothing useful\n");
  FileOutcome outcome = ReadOutcome(bad, 3, *scorer_, &clock_);
  ASSERT_FALSE(outcome.report.succeeded);
  auto ref = store_->CommitFile(run_, KeyOf(bad), outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  EXPECT_EQ(ref->candidates, 0u);
  EXPECT_EQ(*store_->database()->QueryText("SELECT status || ' ' || error_code FROM files"),
            "failed MISSING_REQUIRED_COLUMNS");
  auto found = store_->FindCommittedFile(KeyOf(bad));
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
  auto loaded = store_->LoadFile(ref->file_id, 3, true, ColumnsOf(*scorer_));
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->outcome.candidates, nullptr);
  ExpectSameReport(outcome, loaded->outcome);
}

TEST_F(RunStoreTest, FindsACommittedFileOnlyByItsWholeKey) {
  const auto broker = dir_.Write("in/a_broker.csv", kBrokerCsv);
  FileOutcome outcome = ReadOutcome(broker, 0, *scorer_, &clock_);
  const FileKey key = KeyOf(broker, "hash-1", "settings-1");
  auto ref = store_->CommitFile(run_, key, outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok());

  auto found = store_->FindCommittedFile(key);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->file_id, ref->file_id);
  EXPECT_EQ((*found)->first_property_id, ref->first_property_id);
  EXPECT_EQ((*found)->candidates, ref->candidates);

  auto differs = [&](auto change) {
    FileKey k = key;
    change(&k);
    auto f = store_->FindCommittedFile(k);
    return f.ok() && !f->has_value();
  };
  EXPECT_TRUE(differs([](FileKey* k) { k->content_hash = "hash-2"; }));
  EXPECT_TRUE(differs([](FileKey* k) { k->settings_fingerprint = "settings-2"; }));
  EXPECT_TRUE(differs([](FileKey* k) { k->mtime_ns += 1; }));
  EXPECT_TRUE(differs([](FileKey* k) { k->size_bytes += 1; }));
  EXPECT_TRUE(differs([](FileKey* k) { k->path += "x"; }));
  EXPECT_TRUE(differs([](FileKey* k) { k->sheet = "Sheet2"; }));

  // A later run that reads it again: the newest copy is found.
  auto run2 = store_->BeginRun(RunStart{"", "0.1.0", "settings-1", "{}"});
  ASSERT_TRUE(run2.ok());
  auto ref2 = store_->CommitFile(*run2, key, outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref2.ok());
  EXPECT_EQ((*store_->FindCommittedFile(key))->file_id, ref2->file_id);
}

TEST_F(RunStoreTest, FinishRunRecordsTheRankingForTheDocumentedQuery) {
  const auto broker = dir_.Write("in/a_broker.csv", kBrokerCsv);
  FileOutcome outcome = ReadOutcome(broker, 0, *scorer_, &clock_);
  auto ref = store_->CommitFile(run_, KeyOf(broker), outcome, ColumnsOf(*scorer_));
  ASSERT_TRUE(ref.ok());
  const CandidateSet* sets[] = {outcome.candidates.get()};
  const MergeResult merged = MergeAndRank(sets, true).value();
  RunFinish finish;
  RunSummary summary;
  summary.files_found = 1;
  summary.candidates_unique = merged.ranked.size();
  finish.summary = &summary;
  finish.summary_json = SummaryToJson(summary);
  for (const CandidateRef& c : merged.ranked)
    finish.ranked_property_ids.push_back(ref->first_property_id + c.index);
  ASSERT_TRUE(store_->FinishRun(run_, finish).ok());

  // A second run that reuses the file without reading it.
  auto run2 = store_->BeginRun(RunStart{"", "0.1.0", "s", "{}"});
  ASSERT_TRUE(run2.ok());
  ASSERT_TRUE(store_->RecordReusedFile(*run2, 0, ref->file_id).ok());
  finish.files_reused = 1;
  ASSERT_TRUE(store_->FinishRun(*run2, finish).ok());

  Database* db = store_->database();
  EXPECT_EQ(*db->QueryText("SELECT status || ' ' || candidates_unique || ' ' || files_reused FROM runs "
                           "WHERE id = " +
                           std::to_string(*run2)),
            "completed " + std::to_string(merged.ranked.size()) + " 1");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM latest_ranking"), static_cast<int64_t>(merged.ranked.size()));
  EXPECT_EQ(*db->QueryInt("SELECT max(run_id) FROM latest_ranking"), *run2);
  std::string_view best_address;
  CandidateReader reader(sets);
  PackedCells(reader.Read(merged.ranked[0]).packed_cells).Next(&best_address);  // address: the first field
  ASSERT_TRUE(best_address.starts_with("100 Industrial St")) << best_address;
  EXPECT_EQ(*db->QueryText("SELECT address FROM latest_ranking WHERE rank = 1"), best_address);
  EXPECT_EQ(*db->QueryText("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);

  // The sqlite3 shell opens the database; docs/store.md's one-line query finds the top candidates.
  std::string out;
  const int rc =
      testing::RunCommand("sqlite3 -separator '|' '" + db->path() +
                              "' \"SELECT rank, flex_score, address, city FROM latest_ranking LIMIT 3\"",
                          &out);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "1|" + *db->QueryText("SELECT flex_score FROM latest_ranking LIMIT 1") + "|" +
                std::string(best_address) + "|Boca Raton");
}

}  // namespace
}  // namespace run_store_test
}  // namespace flexpipe
