// Configuration written out: the effective configuration (`flexpipe config
// --print`), the commented default file (`flexpipe config --init`, committed as
// config/flexpipe.yaml) and the settings reference in docs/configuration.md.
//
// The committed files are generated; after changing a setting, regenerate them
// with  UPDATE_GOLDEN_FILES=1 flexpipe_tests --gtest_filter='ConfigOutput.*'
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "config/config.h"
#include "config/settings.h"
#include "print_options.h"
#include "test_util.h"

namespace flexpipe {
namespace config_output_test {
namespace {

using ::testing::HasSubstr;
using testing::RepoPath;
using ::testing::StartsWith;

bool UpdatingGoldenFiles() {
  const char* v = std::getenv("UPDATE_GOLDEN_FILES");
  return v != nullptr && std::string_view(v) == "1";
}

// Options with every setting away from its default, and awkward text.
PipelineOptions Unusual() {
  PipelineOptions o;
  o.input.paths = {"exports/2024", "C:\\data\\odd \"name\".csv", "  leading space", "#not a comment"};
  o.input.patterns = {"*.CSV", "[ab]*.xls?"};
  o.input.recursive = true;
  o.processing.batch_size = 3;
  o.processing.max_workers = 12;
  o.processing.memory_limit_gb = 0.75;
  o.processing.timeout_minutes = 1e-3;
  o.processing.rows_per_batch = 512;
  o.output.master_file = "out/m: one.xlsx";
  o.output.report_file = "out/r\tsummary.json";
  o.output.enable_csv_export = false;
  o.output.enable_xlsx_export = false;
  o.output.html_file = "out/<report> \"1\".html";
  o.output.enable_html = false;
  o.output.top_n = 0;
  o.output.existing = "version";
  o.filtering.min_flex_score = 7.125;
  o.filtering.enable_deduplication = false;
  o.filtering.duplicate_fields = {"parcel_id", "zip"};
  o.logging.level = "TRACE";
  o.logging.file = "";
  o.logging.progress_interval = 1;
  o.logging.progress_reporting = false;
  o.scoring.model = "industrial";
  o.scoring.as_of = "2000-02-29";
  o.scoring.profile_file = "profiles/ünïcode\nline.yaml";
  o.store = "db/other \"runs\".db";
  o.columns = {{"address", "Site \"Address\""}, {"building_sqft", "Bldg: SF # gross"}, {"zip", "Zip\\Code"}};
  return o;
}

TEST(ConfigOutput, EffectiveConfigReadsBackToTheSameOptions) {
  for (const PipelineOptions& options : {PipelineOptions(), Unusual()}) {
    const std::string yaml = EffectiveConfigYaml(options);
    PipelineOptions reread;
    const Status s = ApplyConfigYaml(yaml, "effective.yaml", &reread);
    ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << yaml;
    EXPECT_EQ(reread, options) << yaml;
  }
}

TEST(ConfigOutput, EffectiveConfigUsesTheFileLayoutInAFixedOrder) {
  EXPECT_EQ(EffectiveConfigYaml(PipelineOptions()), R"(# flexpipe effective configuration
input:
  folder: ["data/raw"]
  file_pattern: ["*.xlsx", "*.xls?", "*.csv", "*.tsv", "*.txt"]
  recursive_scan: false
  sheet: ""
  header_row: 0

processing:
  batch_size: 10
  max_workers: 0
  memory_limit_gb: 4.0
  candidate_memory_mb: 384
  timeout_minutes: 30.0
  retry_attempts: 3
  retry_backoff_seconds: 1.0
  rows_per_batch: 4096
  strict_rows: false
  max_inflate_ratio: 100.0
  max_inflated_gb: 8.0

output:
  master_file: "data/exports/all_flex_properties.xlsx"
  report_file: "data/reports/pipeline_summary.json"
  enable_csv_export: true
  enable_xlsx_export: true
  html_file: ""
  enable_html: true
  top_n: 10
  existing: "backup"
  rejects_file: ""
  enable_rejects: true
  max_rejects_per_file: 100000

filtering:
  min_flex_score: 4.0
  enable_deduplication: true
  duplicate_fields: ["address", "city", "state"]

logging:
  level: "INFO"
  file: "logs/pipeline.log"
  progress_interval: 100
  progress_reporting: true

scoring:
  model: "weighted"
  as_of: ""
  profile: ""

store: "data/flexpipe.db"

columns: {}
)");
}

TEST(ConfigOutput, ColumnMappingsAreWrittenAsABlock) {
  PipelineOptions o;
  o.columns = {{"address", "Site Address"}, {"city", "Town"}};
  EXPECT_THAT(EffectiveConfigYaml(o),
              HasSubstr("\ncolumns:\n  address: \"Site Address\"\n  city: \"Town\"\n"));
}

TEST(ConfigOutput, TheDefaultFileCommentsEveryKey) {
  const std::string text = CommentedDefaultConfig();
  EXPECT_THAT(text, StartsWith("# flexpipe configuration."));
  std::string previous;
  size_t keys = 0;
  for (size_t start = 0; start < text.size();) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    const bool is_key = line.find(':') != std::string::npos && line.find('#') == std::string::npos;
    const bool is_section = is_key && !line.starts_with(' ') && line.ends_with(":");
    if (is_key && !is_section) {
      ++keys;
      EXPECT_THAT(previous, HasSubstr("# ")) << "no comment above: " << line;
    }
    EXPECT_LE(line.size(), 110u) << line;
    previous = line;
  }
  EXPECT_EQ(keys, config::AllSettings().size());
  EXPECT_THAT(
      text,
      HasSubstr(
          "  # Threads reading files and scoring and writing rows; 0 = one per CPU core. Allowed: a whole\n"
          "  # number from 0 to 1024.\n  # Environment: FLEXPIPE_PROCESSING_MAX_WORKERS or FLEXPIPE_WORKERS. "
          "Flag: -w, "
          "--workers N.\n  max_workers: 0\n"));
}

TEST(ConfigOutput, TheCommittedDefaultFileIsTheGeneratedOne) {
  const std::filesystem::path path = RepoPath("config/flexpipe.yaml");
  if (UpdatingGoldenFiles()) std::ofstream(path, std::ios::binary) << CommentedDefaultConfig();
  EXPECT_EQ(testing::ReadFileToString(path), CommentedDefaultConfig())
      << "regenerate with UPDATE_GOLDEN_FILES=1 (see the top of this file)";
}

TEST(ConfigOutput, TheCommittedDefaultFileSetsEverySettingToItsDefault) {
  // Applied over options where every setting differs from its default, the
  // file must bring back the defaults: it names every key.
  PipelineOptions options = Unusual();
  const std::filesystem::path path = RepoPath("config/flexpipe.yaml");
  const Status s = ApplyConfigFile(testing::DefaultFs(), path, &options);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(options, PipelineOptions());  // `columns: {}` too: it empties the mapping
  EXPECT_TRUE(ValidateOptions(options).ok());
}

TEST(ConfigOutput, TheDocsListEverySettingFromTheTable) {
  const std::filesystem::path path = RepoPath("docs/configuration.md");
  constexpr std::string_view kBegin = "<!-- BEGIN GENERATED: settings reference -->\n";
  constexpr std::string_view kEnd = "<!-- END GENERATED -->";
  std::string doc = testing::ReadFileToString(path);
  const size_t begin = doc.find(kBegin);
  const size_t end = doc.find(kEnd);
  ASSERT_NE(begin, std::string::npos) << path;
  ASSERT_NE(end, std::string::npos) << path;
  const size_t body = begin + kBegin.size();
  if (UpdatingGoldenFiles()) {
    doc.replace(body, end - body, SettingsReferenceMarkdown());
    std::ofstream(path, std::ios::binary) << doc;
  }
  EXPECT_EQ(doc.substr(body, doc.find(kEnd) - body), SettingsReferenceMarkdown())
      << "regenerate with UPDATE_GOLDEN_FILES=1 (see the top of this file)";
  for (const config::Setting& s : config::AllSettings()) {
    EXPECT_THAT(doc, HasSubstr("| `" + std::string(s.key) + "` |"));
  }
}

TEST(ConfigOutput, TheReferenceListsEachSettingUnderItsOwnHeading) {
  // A section's keys under `### section`; a top-level key under a heading of its own.
  const std::string reference = SettingsReferenceMarkdown();
  for (const config::Setting& s : config::AllSettings()) {
    const size_t row = reference.find("| `" + std::string(s.key) + "` |");
    ASSERT_NE(row, std::string::npos) << s.key;
    const size_t heading = reference.rfind("### `", row);
    ASSERT_NE(heading, std::string::npos) << s.key;
    const std::string_view group = s.section().empty() ? s.key : s.section();
    EXPECT_EQ(reference.substr(heading, reference.find('\n', heading) - heading),
              "### `" + std::string(group) + "`")
        << s.key;
  }
}

}  // namespace
}  // namespace config_output_test
}  // namespace flexpipe
