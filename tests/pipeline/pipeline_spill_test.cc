// Candidate rows beyond the run's memory for them (processing.candidate_memory_mb)
// go to a scratch file and are read back for every output: the outputs are
// the same as when every row stays in memory, nothing is left on disk, and a
// scratch file that fails fails its file alone.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "flexpipe/pipeline.h"
#include "flexpipe/report.h"
#include "generate/generator.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace pipeline_spill_test {
namespace {

using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::TempDir;

PipelineOptions Options(const std::filesystem::path& in, const std::filesystem::path& out, int memory_mb) {
  PipelineOptions o;
  o.input.paths = {in.string()};
  o.output.master_file = (out / "master.xlsx").string();
  o.output.report_file = (out / "summary.json").string();
  o.output.enable_html = false;
  o.store = (out / "flexpipe.db").string();
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  o.processing.max_workers = 2;
  o.processing.candidate_memory_mb = memory_mb;
  return o;
}

// The JSON summary without what the clock decides, and with the files'
// notes (which say where their rows went) taken out into `notes`.
std::string Comparable(const std::filesystem::path& summary_file, std::vector<std::string>* notes) {
  nlohmann::json j = nlohmann::json::parse(ReadFileToString(summary_file));
  for (const char* key : {"timing", "outputs"}) j.erase(key);  // clock readings; the two runs' folders
  j["run"].erase("started_at");
  for (auto& f : j["files"]["details"]) {
    for (const char* key : {"seconds", "rows_per_second"}) f.erase(key);
    for (const auto& note : f["notes"]) notes->push_back(note.get<std::string>());
    f.erase("notes");
  }
  return j.dump(1);
}

// `files` generated exports of 12,000 rows (~2.5 MB of candidate rows each) in dir/in.
void GenerateExports(const TempDir& dir, const std::string& scenario, int files) {
  GenerateOptions gen;
  gen.out_dir = dir.path() / "in";
  gen.scenario = scenario;
  gen.rows = 12'000;
  gen.files = files;
  ASSERT_TRUE(Generate(testing::DefaultFs(), gen).ok());
}

std::string Ranking(const std::filesystem::path& db) {
  std::string out;
  EXPECT_EQ(testing::RunCommand("sqlite3 '" + db.string() +
                                    "' \"SELECT rank, flex_score, address, source_row FROM latest_ranking\"",
                                &out),
            0)
      << out;
  return out;
}

TEST(PipelineSpill, SpilledCandidatesGiveTheSameOutputsAsCandidatesInMemory) {
  TempDir dir;
  GenerateExports(dir, "duplicates", 3);  // duplicates inside and across files

  std::vector<std::string> csv, json, ranking;
  std::vector<std::vector<std::string>> notes(2);
  for (const int memory_mb : {0, 1}) {  // 0: all in memory; 1 MB: every file spills
    SCOPED_TRACE(memory_mb);
    const auto out = dir.path() / ("out" + std::to_string(memory_mb));
    auto summary = RunPipeline(Options(dir.path() / "in", out, memory_mb));
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->files_failed, 0u);
    EXPECT_GT(summary->duplicates_removed, 1000u);
    csv.push_back(ReadFileToString(out / "master.csv"));
    json.push_back(Comparable(out / "summary.json", &notes[memory_mb]));
    ranking.push_back(Ranking(out / "flexpipe.db"));
    // Nothing but the outputs (and the store) in the folder the scratch files were in.
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(out)) {
      const std::string name = e.path().filename().string();
      if (!name.starts_with("flexpipe.db")) names.push_back(name);  // the store and its lock file
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names,
              (std::vector<std::string>{"master.csv", "master.xlsx", "master_rejects.csv", "summary.json"}));
  }
  EXPECT_GT(csv[0].size(), 1'000'000u);
  EXPECT_TRUE(csv[1] == csv[0]);  // (not printed: megabytes)
  if (json[1] != json[0]) {
    std::ofstream(dir.path() / "a.json") << json[0];
    std::ofstream(dir.path() / "b.json") << json[1];
    std::string diff;
    testing::RunCommand("diff " + (dir.path() / "a.json").string() + " " + (dir.path() / "b.json").string(),
                        &diff);
    ADD_FAILURE() << "summaries differ:\n" << diff.substr(0, 4000);
  }
  EXPECT_TRUE(ranking[1] == ranking[0]);
  EXPECT_GT(ranking[0].size(), 100'000u);
  EXPECT_TRUE(notes[0].empty());
  ASSERT_EQ(notes[1].size(), 3u);  // one per file: each says where its rows went
  EXPECT_NE(notes[1][0].find("processing.candidate_memory_mb"), std::string::npos) << notes[1][0];

  // Run again on the same store: the files are reused from it (rows loaded
  // back from the store), and the outputs are the same again.
  const auto out = dir.path() / "out1";
  auto again = RunPipeline(Options(dir.path() / "in", out, 1));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->files_reused, 3u);
  EXPECT_TRUE(ReadFileToString(out / "master.csv") == csv[0]);

  // `flexpipe report` writes the run's outputs again from the store, its
  // candidates spilled the same way.
  ReportOptions report;
  report.store = (out / "flexpipe.db").string();
  report.master_file = (dir.path() / "report" / "master.xlsx").string();
  report.report_file = (dir.path() / "report" / "summary.json").string();
  report.candidate_memory_mb = 1;
  auto reported = ReportFromStore(report, RunContext{});
  ASSERT_TRUE(reported.ok()) << reported.status().ToString();
  EXPECT_TRUE(ReadFileToString(dir.path() / "report" / "master.csv") == csv[0]);
}

TEST(PipelineSpill, AScratchFileThatCannotBeMadeFailsItsFileAloneWithTheReason) {
  TempDir dir;
  GenerateExports(dir, "valid", 1);
  dir.Write("in/a_small.csv",
            "Address,City,State,Zoning,Acres,Building SqFt\n1 Flex Way,Boca Raton,FL,IL,2,20000\n");
  FaultInjectionFileSystem fs;
  fs.FailAlways(FsOp::kCreateScratchFile);
  PipelineOptions o = Options(dir.path() / "in", dir.path() / "out", 1);
  o.processing.max_workers = 1;
  RunContext context;
  context.fs = &fs;
  auto summary = RunPipeline(o, context);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files_succeeded, 1u);
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_NE(summary->failures[0].file.find("valid_01"), std::string::npos) << summary->failures[0].file;
  EXPECT_EQ(summary->failures[0].code, "IO_ERROR");
  EXPECT_NE(summary->failures[0].message.find("candidates could not be kept"), std::string::npos)
      << summary->failures[0].message;
  EXPECT_EQ(summary->candidates_unique, 1u);  // the small file's row landed
}

// Breaks reading back from scratch files once the run starts writing.
class FailReadsWhenWriting final : public ProgressListener {
 public:
  explicit FailReadsWhenWriting(FaultInjectionFileSystem* fs) : fs_(fs) {}
  void OnStage(std::string_view stage) override {
    if (stage == "write") fs_->FailAlways(FsOp::kReadAt);
  }

 private:
  FaultInjectionFileSystem* fs_;
};

TEST(PipelineSpill, CandidatesThatCannotBeReadBackFailTheRunAndNoOutputIsWritten) {
  TempDir dir;
  GenerateExports(dir, "valid", 2);
  for (const int workers : {1, 2}) {  // statistics counted before the outputs, or beside the master CSV
    SCOPED_TRACE(workers);
    FaultInjectionFileSystem fs;
    FailReadsWhenWriting listener(&fs);
    PipelineOptions o = Options(dir.path() / "in", dir.path() / "out", 1);
    o.processing.max_workers = workers;
    o.store.clear();
    RunContext context;
    context.fs = &fs;
    context.listener = &listener;
    auto summary = RunPipeline(o, context);
    ASSERT_FALSE(summary.ok());
    EXPECT_NE(summary.status().message().find("injected fault in ReadAt"), std::string::npos)
        << summary.status().ToString();
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "master.csv"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "out" / "summary.json"));
  }
}

}  // namespace
}  // namespace pipeline_spill_test
}  // namespace flexpipe
