// The store in a run (docs/store.md): every file committed as it finishes,
// unchanged files reused by later runs with byte-identical outputs, an
// interrupted run resumed, an incompatible store refused.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "flexpipe/pipeline.h"
#include "generate/generator.h"
#include "store/database.h"
#include "test_util.h"
#include "write/json_summary.h"

namespace flexpipe {
namespace pipeline_store_test {
namespace {

using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

class PipelineStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GenerateOptions gen;
    gen.out_dir = dir_.path() / "in";
    gen.scenario = "duplicates";  // duplicates within and across files
    gen.rows = 400;
    gen.files = 4;
    auto written = Generate(DefaultFs(), gen);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    files_ = written->size();
    ASSERT_GE(files_, 4u);
  }

  PipelineOptions Options(const std::string& out, bool store = true) const {
    PipelineOptions o;
    o.input.paths = {(dir_.path() / "in").string()};
    o.output.master_file = (dir_.path() / out / "master.xlsx").string();
    o.output.report_file = (dir_.path() / out / "summary.json").string();
    o.output.enable_xlsx_export = false;
    o.output.enable_html = false;
    o.output.existing = "replace";
    o.store = store ? db_path() : "";
    o.logging.file = "";
    o.scoring.as_of = "2025-06-30";
    o.processing.max_workers = 2;
    return o;
  }

  std::string db_path() const { return (dir_.path() / "db" / "flexpipe.db").string(); }
  std::string Csv(const std::string& out) const { return ReadFileToString(dir_.path() / out / "master.csv"); }

  std::unique_ptr<Database> Db() const {
    auto db = Database::Open(db_path());
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  TempDir dir_;
  size_t files_ = 0;
};

TEST_F(PipelineStoreTest, ASecondRunReusesEveryFileWithIdenticalOutputs) {
  auto first = RunPipeline(Options("out"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->files_reused, 0u);
  EXPECT_GT(first->duplicates_removed, 0u);
  const std::string first_csv = Csv("out");

  auto second = RunPipeline(Options("out"));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->files_reused, files_);
  for (const FileReport& r : second->files) EXPECT_TRUE(r.reused) << r.path;
  EXPECT_EQ(Csv("out"), first_csv);
  EXPECT_EQ(SummaryToJson(*first, false), SummaryToJson(*second, false));

  // Without a store: the same bytes again.
  auto plain = RunPipeline(Options("plain", /*store=*/false));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Csv("plain"), first_csv);

  auto db = Db();
  EXPECT_EQ(*db->QueryText("SELECT group_concat(status || ':' || files_reused, ' ') FROM runs"),
            "completed:0 completed:" + std::to_string(files_));
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM files"), static_cast<int64_t>(files_));  // read once
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM run_files WHERE run_id = 2 AND reused = 1"),
            static_cast<int64_t>(files_));
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM run_results WHERE run_id = 2"),
            static_cast<int64_t>(second->candidates_unique));
  // The store's ranking is the master CSV's: rank 1 is its first row.
  const std::string csv = Csv("out");
  const std::string row1 =
      csv.substr(csv.find('\n') + 1, csv.find('\n', csv.find('\n') + 1) - csv.find('\n') - 1);
  const std::string address = *db->QueryText("SELECT address FROM latest_ranking WHERE rank = 1");
  EXPECT_NE(row1.find(address), std::string::npos) << row1 << " / " << address;
  EXPECT_EQ(*db->QueryText("PRAGMA integrity_check"), "ok");
}

TEST_F(PipelineStoreTest, FullReadsEveryFileAgain) {
  ASSERT_TRUE(RunPipeline(Options("first")).ok());
  RunContext full;
  full.reuse_stored_files = false;
  auto again = RunPipeline(Options("full"), full);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files_reused, 0u);
  EXPECT_EQ(Csv("first"), Csv("full"));
  EXPECT_EQ(*Db()->QueryInt("SELECT count(*) FROM files"), static_cast<int64_t>(2 * files_));
}

TEST_F(PipelineStoreTest, OnlyChangedFilesAreReadAgain) {
  ASSERT_TRUE(RunPipeline(Options("first")).ok());
  // One file gets a row more.
  std::filesystem::path changed;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "in")) changed = e.path();
  std::string text = ReadFileToString(changed);
  text += text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n'));
  dir_.Write(std::filesystem::relative(changed, dir_.path()).string(), text);

  auto second = RunPipeline(Options("second"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->files_reused, files_ - 1);
  auto plain = RunPipeline(Options("plain", /*store=*/false));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Csv("second"), Csv("plain"));

  // Other settings: nothing is reused.
  PipelineOptions other = Options("other");
  other.filtering.min_flex_score = 5;
  auto third = RunPipeline(other);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->files_reused, 0u);
}

TEST_F(PipelineStoreTest, WithoutAStoreNothingIsCreated) {
  auto run = RunPipeline(Options("plain", /*store=*/false));
  ASSERT_TRUE(run.ok());
  EXPECT_FALSE(std::filesystem::exists(db_path()));
  EXPECT_EQ(run->stage_seconds.count("store"), 0u);
}

TEST_F(PipelineStoreTest, AnIncompatibleStoreIsRefusedBeforeAnythingIsRead) {
  ASSERT_TRUE(RunPipeline(Options("first")).ok());
  ASSERT_TRUE(Db()->Exec("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").ok());
  auto run = RunPipeline(Options("second"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "second"));
}

// Stops the run once `after` files have finished.
class CancelAfter final : public ProgressListener {
 public:
  CancelAfter(std::atomic<bool>* cancel, int after) : cancel_(cancel), left_(after) {}
  void OnFileFinished(const FileReport& /*report*/) override {
    if (--left_ <= 0) cancel_->store(true);
  }

 private:
  std::atomic<bool>* cancel_;
  std::atomic<int> left_;
};

TEST_F(PipelineStoreTest, AnInterruptedRunResumesWithIdenticalOutputs) {
  std::atomic<bool> cancel{false};
  CancelAfter listener(&cancel, 2);
  RunContext context;
  context.cancel = &cancel;
  context.listener = &listener;
  PipelineOptions o = Options("resumed");
  o.processing.max_workers = 1;
  auto interrupted = RunPipeline(o, context);
  ASSERT_FALSE(interrupted.ok());
  EXPECT_EQ(interrupted.status().code(), ErrorCode::kCancelled);
  EXPECT_NE(interrupted.status().message().find("resume"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "resumed" / "master.csv"));
  {
    auto db = Db();
    EXPECT_EQ(*db->QueryText("SELECT status FROM runs"), "interrupted");
    EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM files"), 2);  // those finished before the stop
    EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM run_results"), 0);
  }

  auto resumed = RunPipeline(o);
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  EXPECT_EQ(resumed->files_reused, 2u);
  auto plain = RunPipeline(Options("plain", /*store=*/false));
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(Csv("resumed"), Csv("plain"));
  EXPECT_EQ(*Db()->QueryText("PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace pipeline_store_test
}  // namespace flexpipe
