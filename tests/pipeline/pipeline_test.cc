// The whole pipeline on real files in a scratch folder.
#include "flexpipe/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <sstream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "generate/generator.h"
#include "test_util.h"

namespace flexpipe {
namespace pipeline_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

// Title Case like a broker export.
constexpr const char* kBrokerCsv =
    "Property Address,City,State,Zoning,Lot Size Acres,Building SqFt,Office SqFt,Warehouse SqFt,Improvement "
    "Value,"
    "Land Value,Sale Date,Notes\n"
    "100 Industrial Street,Boca Raton,FL,IL,2.5,25000,5000,20000,\"$1,200,000\",400000,2025-01-01,first\n"
    "200 Commerce Way,Miami,FL,CG,1.3,,,,300000,0,2025-01-01,=cmd\n"
    "300 Nowhere Rd,Orlando,FL,RS,0.1,,,,,,,low\n";
// snake_case like an appraiser extract; row 2 is the same property as the
// broker's row 2 ("Street" vs "St"), scoring lower.
constexpr const char* kAppraiserCsv =
    "site_address,municipality,site_state,zoning_code,acreage,bldg_sqft,improvement_value,land_value\n"
    "100 industrial st,BOCA RATON,fl,IG,2.5,25000,1200000,400000\n"
    "555 Flex Pkwy,Jupiter,FL,M-1,3,20000,900000,300000\n";

PipelineOptions Options(const TempDir& dir, int workers = 1) {
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / "out" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "out" / "summary.json").string();
  o.store = (dir.path() / "flexpipe.db").string();  // docs/store.md
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  o.processing.max_workers = workers;
  return o;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Pipeline, WritesRankedDeduplicatedMasterCsvWithProvenance) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  dir.Write("in/b_appraiser.csv", kAppraiserCsv);
  auto summary = RunPipeline(Options(dir));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->files_found, 2u);
  EXPECT_EQ(summary->files_succeeded, 2u);
  EXPECT_EQ(summary->rows_read, 5u);
  EXPECT_EQ(summary->rows_scored, 5u);

  const auto lines = Lines(ReadFileToString(dir.path() / "out" / "master.csv"));
  ASSERT_EQ(lines.size(), 4u);  // header + 3 unique candidates
  EXPECT_EQ(
      lines[0],
      "address,city,state,zoning,acres,building_sqft,office_sqft,warehouse_sqft,improvement_value,land_value,"
      "sale_date,flex_score,"
      "classification,zoning_score,size_score,building_score,location_score,activity_score,value_score,"
      "flags,source_file,source_row,Notes");
  // The worked example of scoring.md: capped at 10, both flags; the broker's
  // row wins its duplicate (10.00 against the appraiser's lower score).
  const std::string a = (dir.path() / "in" / "a_broker.csv").string();
  EXPECT_EQ(lines[1],
            "100 Industrial Street,Boca "
            "Raton,FL,IL,2.5,25000,5000,20000,1200000,400000,2025-01-01,10.00,PRIME_FLEX,"
            "10.00,10.00,10.00,8.00,6.00,9.00,HIGH_POTENTIAL;IDEAL_BUILDING," +
                a + ",2,first");
  EXPECT_NE(lines[2].find("555 Flex Pkwy"), std::string::npos);
  // Second worked example: 4.82, and the formula-looking note is guarded.
  EXPECT_EQ(lines[3],
            "200 Commerce Way,Miami,FL,CG,1.3,,,,300000,0,2025-01-01,4.82,POTENTIAL_FLEX,"
            "4.00,7.00,3.00,5.00,6.00,6.00,," +
                a + ",3,'=cmd");
  EXPECT_EQ(summary->candidates_before_dedup, 4u);
  EXPECT_EQ(summary->candidates_unique, 3u);
  EXPECT_EQ(summary->duplicates_removed, 1u);
}

TEST(Pipeline, OneBadFileFailsAloneWithItsReason) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  dir.Write("in/b_no_address.csv", "Owner,Acres\nX,3\n");
  auto summary = RunPipeline(Options(dir));
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->files_succeeded, 1u);
  EXPECT_EQ(summary->files_failed, 1u);
  ASSERT_EQ(summary->failures.size(), 1u);
  EXPECT_EQ(summary->failures[0].code, "MISSING_REQUIRED_COLUMNS");
  EXPECT_NE(summary->failures[0].file.find("b_no_address.csv"), std::string::npos);
  EXPECT_EQ(summary->candidates_unique, 2u);
}

TEST(Pipeline, OutputsAreByteIdenticalWhateverTheNumberOfWorkers) {
  TempDir dir;
  for (int i = 0; i < 6; ++i) {
    dir.Write("in/f" + std::to_string(i) + "_broker.csv", kBrokerCsv);
    dir.Write("in/f" + std::to_string(i) + "_appraiser.csv", kAppraiserCsv);
  }
  ASSERT_TRUE(RunPipeline(Options(dir, 1)).ok());
  const std::string one = ReadFileToString(dir.path() / "out" / "master.csv");
  ASSERT_TRUE(RunPipeline(Options(dir, 4)).ok());
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.csv"), one);
}

// Drops what the clock decides (timings, start and end times) from a summary.
void WithoutClockReadings(nlohmann::json* j) {
  if (j->is_object()) {
    for (const char* key : {"timing", "seconds", "rows_per_second", "started_at", "finished_at"})
      j->erase(key);
  }
  if (j->is_structured()) {
    for (auto& child : *j) WithoutClockReadings(&child);
  }
}

// One big file is scored on every worker in batches (pipeline/batch_scorer.h)
// and applied in row order: the same outputs as one worker, with duplicates
// inside the file, messy values (listed up to the cap) and rows set aside.
TEST(Pipeline, OneFileScoredOnManyWorkersGivesTheSameOutputs) {
  TempDir dir;
  GenerateOptions gen;
  gen.out_dir = dir.path() / "in";
  gen.scenario = "mixed";  // messy values, duplicates inside and across files
  gen.rows = 12'000;       // three 4,096-row batches per file
  gen.files = 1;
  ASSERT_TRUE(Generate(testing::DefaultFs(), gen).ok());
  for (const bool strict : {false, true}) {
    SCOPED_TRACE(strict ? "strict rows" : "lenient rows");
    std::vector<std::string> outputs;
    for (const int workers : {1, 4}) {
      PipelineOptions o = Options(dir, workers);
      o.store.clear();
      o.processing.strict_rows = strict;
      o.output.max_rejects_per_file = 500;
      auto summary = RunPipeline(o);
      ASSERT_TRUE(summary.ok()) << summary.status().ToString();
      EXPECT_GT(summary->duplicates_removed, 0u);
      nlohmann::json json = nlohmann::json::parse(ReadFileToString(dir.path() / "out" / "summary.json"));
      WithoutClockReadings(&json);
      outputs.push_back(ReadFileToString(dir.path() / "out" / "master.csv") +
                        ReadFileToString(dir.path() / "out" / "master_rejects.csv") + json.dump(1));
    }
    EXPECT_GT(outputs[0].size(), 500'000u);
    EXPECT_EQ(outputs[1], outputs[0]);
  }
}

TEST(Pipeline, NoDedupKeepsEveryCandidate) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  dir.Write("in/b_appraiser.csv", kAppraiserCsv);
  PipelineOptions o = Options(dir);
  o.filtering.enable_deduplication = false;
  auto summary = RunPipeline(o);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->candidates_unique, 4u);
  EXPECT_EQ(summary->duplicates_removed, 0u);
}

TEST(Pipeline, MissingInputIsAnErrorNamingIt) {
  TempDir dir;
  auto summary = RunPipeline(Options(dir));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(summary.status().message().find("in"), std::string::npos);
}

TEST(Pipeline, AnEmptyInputFolderIsAnErrorAndTheLastOutputsStay) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  ASSERT_TRUE(RunPipeline(Options(dir)).ok());
  const std::string master = ReadFileToString(dir.path() / "out" / "master.csv");
  std::filesystem::remove(dir.path() / "in" / "a_broker.csv");
  dir.Write("in/notes.md", "not an export\n");
  auto summary = RunPipeline(Options(dir));
  ASSERT_FALSE(summary.ok());
  EXPECT_EQ(summary.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(summary.status().message().find("no input files found in " + (dir.path() / "in").string()),
            std::string::npos)
      << summary.status().message();
  EXPECT_NE(summary.status().message().find("*.csv"), std::string::npos);
  EXPECT_NE(summary.status().message().find("nothing was written"), std::string::npos);
  EXPECT_EQ(ReadFileToString(dir.path() / "out" / "master.csv"), master);
  size_t files_in_out = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / "out"))
    files_in_out += e.is_regular_file();
  EXPECT_EQ(files_in_out, 5u);  // master CSV and workbook, rejects, summary, HTML report: no backups
}

TEST(Pipeline, OutputsWrittenIntoTheInputFolderAreNotReadBack) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  dir.Write("in/b_appraiser.csv", kAppraiserCsv);
  PipelineOptions o = Options(dir);
  o.output.master_file = (dir.path() / "in" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "in" / "summary.json").string();
  o.store = "";
  for (int run = 0; run < 3; ++run) {  // later runs keep backups of the outputs beside the inputs
    auto summary = RunPipeline(o);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->files_found, 2u) << "run " << run;
    EXPECT_EQ(summary->candidates_unique, 3u) << "run " << run;
    if (run == 0) o.output.existing = "version";  // then master_v2.*, also never read
  }
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "in" / "master_v2.csv"));
}

// Sets the run's cancel flag (as SIGINT does) when a stage starts.
class CancelAtStage final : public ProgressListener {
 public:
  explicit CancelAtStage(std::string stage) : stage_(std::move(stage)) {}
  void OnStage(std::string_view stage) override {
    if (stage == stage_) cancel.store(true);
  }
  std::atomic<bool> cancel{false};

 private:
  std::string stage_;
};

TEST(Pipeline, InterruptedWhileMergingOrWritingReplacesNoOutput) {
  TempDir dir;
  dir.Write("in/a_broker.csv", kBrokerCsv);
  dir.Write("in/b_appraiser.csv", kAppraiserCsv);
  ASSERT_TRUE(RunPipeline(Options(dir)).ok());
  std::map<std::string, std::string> before;
  for (const auto& e : std::filesystem::directory_iterator(dir.path() / "out")) {
    before[e.path().filename().string()] = ReadFileToString(e.path());
  }
  ASSERT_EQ(before.size(), 5u);
  dir.Write("in/c_more.csv", kAppraiserCsv);  // the run would change the outputs
  for (const char* stage : {"merge", "write"}) {
    for (int workers : {1, 2}) {
      CancelAtStage listener(stage);
      RunContext context;
      context.listener = &listener;
      context.cancel = &listener.cancel;
      auto summary = RunPipeline(Options(dir, workers), context);
      ASSERT_FALSE(summary.ok()) << stage;
      EXPECT_EQ(summary.status().code(), ErrorCode::kCancelled)
          << stage << ": " << summary.status().ToString();
      std::map<std::string, std::string> after;
      for (const auto& e : std::filesystem::directory_iterator(dir.path() / "out")) {
        after[e.path().filename().string()] = ReadFileToString(e.path());
      }
      EXPECT_TRUE(after == before) << stage << ", " << workers << " workers: outputs changed or left behind";
    }
  }
  EXPECT_TRUE(RunPipeline(Options(dir)).ok());  // and the store takes the next run as usual
}

TEST(Pipeline, PlacesSpelledInAnotherCaseOrSpacingAreOnePlaceInTheGeography) {
  TempDir dir;
  dir.Write("in/places.csv",
            "Address,City,State,Zoning,Acres\n"
            "1 A St,West Palm Beach,FL,IL,2.5\n"
            "2 B St,WEST  PALM BEACH,fl,IL,2.5\n"
            "3 C St,West Palm Beach,Fl,IL,2.5\n"
            "4 D St,Savannah,GA,IL,2.5\n"
            "5 E St,savannah,FL,IL,2.5\n");
  auto summary = RunPipeline(Options(dir));
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_EQ(summary->candidates_unique, 5u);
  EXPECT_EQ(summary->states, (std::map<std::string, uint64_t>{{"FL", 4}, {"GA", 1}}));
  // A tie between spellings goes to the first in byte order.
  EXPECT_EQ(summary->cities, (std::map<std::string, uint64_t>{{"Savannah", 2}, {"West Palm Beach", 3}}));
}

}  // namespace
}  // namespace pipeline_test
}  // namespace flexpipe
