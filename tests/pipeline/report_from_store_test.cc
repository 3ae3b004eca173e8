// `flexpipe report --run N` (flexpipe/report.h): a run's master CSV, master
// workbook, HTML report and JSON summary written again from the store alone,
// after its inputs and outputs are deleted, byte for byte the same.
#include "flexpipe/report.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>

#include "generate/generator.h"
#include "store/database.h"
#include "test_util.h"
#include "write/json_summary.h"

namespace flexpipe {
namespace report_from_store_test {
namespace {

using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

namespace fs = std::filesystem;

// The four outputs a run writes into `out`, by file name.
constexpr const char* kOutputs[] = {"master.csv", "master.xlsx", "report.html", "summary.json",
                                    "master_rejects.csv"};

class ReportFromStoreTest : public ::testing::Test {
 protected:
  void Generate(const std::string& scenario, const std::string& format = "csv") {
    GenerateOptions gen;
    gen.out_dir = dir_.path() / "in";
    gen.scenario = scenario;
    gen.rows = 300;
    gen.files = 3;
    gen.format = format;
    auto written = flexpipe::Generate(DefaultFs(), gen);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
  }

  PipelineOptions Options(const std::string& out) const {
    PipelineOptions o;
    o.input.paths = {(dir_.path() / "in").string()};
    o.output.master_file = (dir_.path() / out / "master.xlsx").string();
    o.output.report_file = (dir_.path() / out / "summary.json").string();
    o.output.existing = "replace";
    o.store = db_path();
    o.logging.file = "";
    o.scoring.as_of = "2025-06-30";
    o.processing.max_workers = 2;
    return o;
  }

  ReportOptions Report(int64_t run = 0) const {
    ReportOptions r;
    r.store = db_path();
    r.run = run;
    return r;
  }

  std::string db_path() const { return (dir_.path() / "db" / "flexpipe.db").string(); }

  // Each output's bytes; "" for one that is missing.
  std::map<std::string, std::string> Outputs(const std::string& out) const {
    std::map<std::string, std::string> files;
    for (const char* name : kOutputs) {
      const fs::path p = dir_.path() / out / name;
      files[name] = fs::exists(p) ? ReadFileToString(p) : "";
    }
    return files;
  }

  void ExpectSameOutputs(const std::map<std::string, std::string>& expected, const std::string& out) const {
    const auto actual = Outputs(out);
    for (const char* name : kOutputs) {
      ASSERT_FALSE(expected.at(name).empty()) << name;
      EXPECT_TRUE(actual.at(name) == expected.at(name)) << name << " differs";
    }
  }

  void Remove(const std::string& folder) const { fs::remove_all(dir_.path() / folder); }

  std::unique_ptr<Database> Db() const {
    auto db = Database::Open(db_path());
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  TempDir dir_;
};

TEST_F(ReportFromStoreTest, ARunWithFailedFilesIsWrittenAgainByteForByteWithoutItsInputs) {
  Generate("mixed");  // duplicates within and across files, and files that fail
  auto run = RunPipeline(Options("out"));
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  ASSERT_GT(run->files_failed, 0u);
  ASSERT_GT(run->duplicates_removed, 0u);
  const auto original = Outputs("out");
  Remove("in");
  Remove("out");

  auto report = ReportFromStore(Report(1));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->run, 1);
  EXPECT_EQ(report->flexpipe_version, FlexpipeVersion());
  ExpectSameOutputs(original, "out");
  EXPECT_EQ(SummaryToJson(report->summary), original.at("summary.json"));
}

TEST_F(ReportFromStoreTest, ARunThatReusedEveryFileIsWrittenAgainToo) {
  Generate("duplicates", "xlsx");
  ASSERT_TRUE(RunPipeline(Options("first")).ok());
  auto second = RunPipeline(Options("second"));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_EQ(second->files_reused, second->files_processed);
  const auto first = Outputs("first");
  const auto original = Outputs("second");
  Remove("in");
  Remove("first");
  Remove("second");

  // Without a run number: the latest completed run, the second.
  auto report = ReportFromStore(Report());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->run, 2);
  ExpectSameOutputs(original, "second");
  ASSERT_TRUE(ReportFromStore(Report(1)).ok());
  ExpectSameOutputs(first, "first");
}

TEST_F(ReportFromStoreTest, OutputsGoWhereTheyAreToldAndCanBeLeftOut) {
  Generate("valid");
  ASSERT_TRUE(RunPipeline(Options("out")).ok());
  const auto original = Outputs("out");
  ReportOptions r = Report(1);
  r.master_file = (dir_.path() / "elsewhere" / "master.xlsx").string();
  r.report_file = (dir_.path() / "elsewhere" / "summary.json").string();
  r.write_html = false;
  auto report = ReportFromStore(r);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const auto moved = Outputs("elsewhere");
  EXPECT_TRUE(moved.at("master.csv") == original.at("master.csv"));
  EXPECT_TRUE(moved.at("master.xlsx") == original.at("master.xlsx"));
  EXPECT_EQ(moved.at("report.html"), "");
  EXPECT_EQ(report->summary.master_csv, (dir_.path() / "elsewhere" / "master.csv").string());
  // The summary names the new files, and the run's HTML report (not written again).
  const std::string json = moved.at("summary.json");
  EXPECT_NE(json.find("elsewhere/master.xlsx"), std::string::npos);
  EXPECT_NE(json.find((dir_.path() / "out" / "report.html").string()), std::string::npos);
  EXPECT_EQ(json.size(), original.at("summary.json").size() + 3 * (std::string("elsewhere").size() - 3));
}

TEST_F(ReportFromStoreTest, ExistingOutputsAreKeptAsTheRunWouldKeepThem) {
  Generate("valid");
  ASSERT_TRUE(RunPipeline(Options("out")).ok());
  const auto original = Outputs("out");

  ReportOptions backup = Report(1);
  backup.existing = "backup";
  ASSERT_TRUE(ReportFromStore(backup).ok());
  ExpectSameOutputs(original, "out");
  int backups = 0;
  for (const auto& e : fs::directory_iterator(dir_.path() / "out"))
    backups += e.path().stem().extension().string().size() == 16;  // master.YYYYMMDD-HHMMSS.csv
  EXPECT_EQ(backups, 5);  // master CSV and workbook, rejects, JSON, HTML

  ReportOptions version = Report(1);
  version.existing = "version";
  auto report = ReportFromStore(version);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->summary.master_xlsx, (dir_.path() / "out" / "master_v2.xlsx").string());
  EXPECT_TRUE(ReadFileToString(dir_.path() / "out" / "master_v2.csv") == original.at("master.csv"));
  EXPECT_TRUE(fs::exists(dir_.path() / "out" / "summary_v2.json"));
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

TEST_F(ReportFromStoreTest, RunsThatCannotBeReportedSayWhy) {
  auto missing = ReportFromStore(Report());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find("no database at"), std::string::npos);

  Generate("valid");
  std::atomic<bool> cancel{false};
  CancelAfter listener(&cancel, 1);
  RunContext context;
  context.cancel = &cancel;
  context.listener = &listener;
  PipelineOptions o = Options("out");
  o.processing.max_workers = 1;
  ASSERT_EQ(RunPipeline(o, context).status().code(), ErrorCode::kCancelled);

  auto none = ReportFromStore(Report());
  EXPECT_EQ(none.status().code(), ErrorCode::kNotFound) << none.status().ToString();
  EXPECT_NE(none.status().message().find("no completed run"), std::string::npos);
  auto interrupted = ReportFromStore(Report(1));
  EXPECT_EQ(interrupted.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(interrupted.status().message(), "run 1 was interrupted; nothing to report");
  auto unknown = ReportFromStore(Report(99));
  EXPECT_EQ(unknown.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("there is no run 99"), std::string::npos);

  // A run killed outright: its row stays 'running' with nobody holding it.
  ASSERT_TRUE(Db()->Exec("UPDATE runs SET status = 'running' WHERE id = 1").ok());
  auto killed = ReportFromStore(Report(1));
  EXPECT_EQ(killed.status().message(), "run 1 was interrupted; nothing to report");
  EXPECT_EQ(*Db()->QueryText("SELECT status FROM runs WHERE id = 1"), "interrupted");
  EXPECT_FALSE(fs::exists(dir_.path() / "out"));
}

TEST_F(ReportFromStoreTest, AStoreOrSummaryFromANewerFlexpipeIsRefused) {
  Generate("valid");
  ASSERT_TRUE(RunPipeline(Options("out")).ok());
  Remove("out");
  ASSERT_TRUE(Db()->Exec("UPDATE runs SET summary = json_set(summary, '$.summary_version', 99)").ok());
  auto summary = ReportFromStore(Report(1));
  EXPECT_EQ(summary.status().code(), ErrorCode::kDatabaseIncompatible) << summary.status().ToString();

  ASSERT_TRUE(Db()->Exec("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                         "VALUES (99, 'future', 'x', '2030-01-01T00:00:00Z')")
                  .ok());
  auto store = ReportFromStore(Report(1));
  EXPECT_EQ(store.status().code(), ErrorCode::kDatabaseIncompatible) << store.status().ToString();
  EXPECT_FALSE(fs::exists(dir_.path() / "out"));
}

}  // namespace
}  // namespace report_from_store_test
}  // namespace flexpipe
