// The YAML configuration file: the seed's layout (02_pipeline_design.md,
// pipeline_config.yaml) plus flexpipe's own keys, and every way a file can be
// wrong. Errors name the source, line, column, full key path and what is allowed.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "config/config.h"
#include "print_options.h"
#include "test_util.h"

namespace flexpipe {
namespace config_yaml_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

Result<PipelineOptions> Load(std::string_view yaml) {
  PipelineOptions options;
  FP_RETURN_IF_ERROR(ApplyConfigYaml(yaml, "flexpipe.yaml", &options));
  return options;
}

// The message of the error that loading `yaml` must give.
std::string ErrorOf(std::string_view yaml) {
  Result<PipelineOptions> loaded = Load(yaml);
  EXPECT_FALSE(loaded.ok()) << "accepted:\n" << yaml;
  if (loaded.ok()) return "";
  EXPECT_EQ(loaded.status().code(), ErrorCode::kConfigError);
  return loaded.status().message();
}

// What a file may say.

TEST(ConfigYaml, TheSeedPipelineConfigIsAcceptedAsWritten) {
  constexpr std::string_view kSeed = R"(# pipeline_config.yaml
input:
  folder: "data/raw"
  file_pattern: "*.xlsx"
  recursive_scan: false

processing:
  batch_size: 10
  max_workers: 4
  memory_limit_gb: 4
  timeout_minutes: 30

output:
  master_file: "data/exports/all_flex_properties.xlsx"
  report_file: "data/reports/pipeline_summary.json"
  enable_csv_export: true

filtering:
  min_flex_score: 4.0
  enable_deduplication: true
  duplicate_fields: ["Address", "City", "State"]

logging:
  level: "INFO"
  file: "logs/pipeline.log"
  progress_interval: 100
)";
  Result<PipelineOptions> o = Load(kSeed);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_THAT(o->input.paths, ElementsAre("data/raw"));
  EXPECT_THAT(o->input.patterns, ElementsAre("*.xlsx"));
  EXPECT_FALSE(o->input.recursive);
  EXPECT_EQ(o->processing.batch_size, 10);
  EXPECT_EQ(o->processing.max_workers, 4);
  EXPECT_EQ(o->processing.memory_limit_gb, 4.0);
  EXPECT_EQ(o->processing.timeout_minutes, 30.0);
  EXPECT_EQ(o->output.master_file, "data/exports/all_flex_properties.xlsx");
  EXPECT_EQ(o->output.report_file, "data/reports/pipeline_summary.json");
  EXPECT_TRUE(o->output.enable_csv_export);
  EXPECT_EQ(o->filtering.min_flex_score, 4.0);
  EXPECT_TRUE(o->filtering.enable_deduplication);
  EXPECT_EQ(o->logging.level, "INFO");
  EXPECT_EQ(o->logging.file, "logs/pipeline.log");
  EXPECT_EQ(o->logging.progress_interval, 100);
}

TEST(ConfigYaml, DuplicateFieldsInHeaderSpellingAreStoredAsCanonicalNames) {
  Result<PipelineOptions> o =
      Load("filtering:\n  duplicate_fields: [\"Address\", \"ZIP\", \"Building SqFt\", address]\n");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_THAT(o->filtering.duplicate_fields, ElementsAre("address", "zip", "building_sqft"));
}

TEST(ConfigYaml, FlexpipeKeysBeyondTheSeed) {
  Result<PipelineOptions> o = Load(R"yaml(
scoring:
  model: industrial
  as_of: 2024-06-30
  profile: config/profiles/strict.yaml
output:
  top_n: 25
  enable_xlsx_export: false
processing:
  rows_per_batch: 1024
logging:
  progress_reporting: no
columns:
  address: "Site Address"
  building_sqft: "Bldg Area (SF)"
)yaml");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->scoring.model, "industrial");
  EXPECT_EQ(o->scoring.as_of, "2024-06-30");
  EXPECT_EQ(o->scoring.profile_file, "config/profiles/strict.yaml");
  EXPECT_EQ(o->output.top_n, 25);
  EXPECT_FALSE(o->output.enable_xlsx_export);
  EXPECT_EQ(o->processing.rows_per_batch, 1024);
  EXPECT_FALSE(o->logging.progress_reporting);
  EXPECT_THAT(o->columns,
              ElementsAre(Pair("address", "Site Address"), Pair("building_sqft", "Bldg Area (SF)")));
}

TEST(ConfigYaml, FolderIsOnePathOrAList) {
  Result<PipelineOptions> one = Load("input:\n  folder: exports/2024\n");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_THAT(one->input.paths, ElementsAre("exports/2024"));

  Result<PipelineOptions> many = Load("input:\n  folder:\n    - exports/2024\n    - extra/one file.csv\n");
  ASSERT_TRUE(many.ok()) << many.status().ToString();
  EXPECT_THAT(many->input.paths, ElementsAre("exports/2024", "extra/one file.csv"));
}

TEST(ConfigYaml, FilePatternIsOnePatternOrAList) {
  Result<PipelineOptions> one = Load("input:\n  file_pattern: \"*.csv\"\n");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_THAT(one->input.patterns, ElementsAre("*.csv"));

  Result<PipelineOptions> many = Load("input:\n  file_pattern: [\"*.csv\", \"*.xlsx\"]\n");
  ASSERT_TRUE(many.ok()) << many.status().ToString();
  EXPECT_THAT(many->input.patterns, ElementsAre("*.csv", "*.xlsx"));
}

TEST(ConfigYaml, ChoicesAreMatchedInAnyCaseAndStoredInTheirOwnSpelling) {
  Result<PipelineOptions> o = Load("scoring:\n  model: Industrial\nlogging:\n  level: debug\n");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->scoring.model, "industrial");
  EXPECT_EQ(o->logging.level, "DEBUG");
}

TEST(ConfigYaml, SwitchesAcceptTrueFalseYesNoOnOff) {
  Result<PipelineOptions> o = Load(
      "input: {recursive_scan: yes}\noutput: {enable_csv_export: off, enable_xlsx_export: False}\n"
      "filtering: {enable_deduplication: 0}\n");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_TRUE(o->input.recursive);
  EXPECT_FALSE(o->output.enable_csv_export);
  EXPECT_FALSE(o->output.enable_xlsx_export);
  EXPECT_FALSE(o->filtering.enable_deduplication);
}

TEST(ConfigYaml, AnEmptyValueClearsATextSetting) {
  Result<PipelineOptions> o = Load("logging:\n  file:\nscoring:\n  as_of: ~\n  profile: \"\"\n");
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->logging.file, "");
  EXPECT_EQ(o->scoring.as_of, "");
  EXPECT_EQ(o->scoring.profile_file, "");
}

TEST(ConfigYaml, KeysLeftOutKeepTheirCurrentValues) {
  PipelineOptions options;
  options.processing.max_workers = 7;
  options.scoring.model = "industrial";
  ASSERT_TRUE(ApplyConfigYaml("scoring:\n  as_of: 2025-01-31\nprocessing:\n", "f.yaml", &options).ok());
  EXPECT_EQ(options.processing.max_workers, 7);
  EXPECT_EQ(options.scoring.model, "industrial");
  EXPECT_EQ(options.scoring.as_of, "2025-01-31");
}

TEST(ConfigYaml, AnEmptyOrCommentOnlyFileChangesNothing) {
  for (const std::string_view text : {"", "\n\n", "# nothing configured yet\n", "---\n"}) {
    Result<PipelineOptions> o = Load(text);
    ASSERT_TRUE(o.ok()) << o.status().ToString();
    EXPECT_EQ(*o, PipelineOptions()) << text;
  }
}

TEST(ConfigYaml, ApplyConfigFileReadsARealFile) {
  testing::TempDir dir;
  const auto path = dir.Write("conf/flexpipe.yaml", "processing:\n  max_workers: 3\n");
  PipelineOptions options;
  ASSERT_TRUE(ApplyConfigFile(testing::DefaultFs(), path, &options).ok());
  EXPECT_EQ(options.processing.max_workers, 3);
}

// What a file may not say.

TEST(ConfigYaml, ErrorsGiveSourceLineColumnKeyAndWhatIsAllowed) {
  EXPECT_EQ(ErrorOf("processing:\n  max_workers: -3\n"),
            "flexpipe.yaml:2:16: processing.max_workers: -3 is out of range; expected a whole number from 0 "
            "to 1024");
}

TEST(ConfigYaml, BadValuesNameTheKeyAndTheAllowedValues) {
  EXPECT_THAT(ErrorOf("filtering:\n  min_flex_score: \"high\"\n"),
              HasSubstr("filtering.min_flex_score: 'high' is not a number; expected a number from 0 to 10"));
  EXPECT_THAT(ErrorOf("filtering:\n  min_flex_score: 10.5\n"),
              HasSubstr("filtering.min_flex_score: 10.5 is out of range; expected a number from 0 to 10"));
  EXPECT_THAT(ErrorOf("scoring:\n  model: fancy\n"),
              HasSubstr("scoring.model: 'fancy' is not allowed; expected one of weighted, industrial"));
  EXPECT_THAT(ErrorOf("scoring:\n  as_of: 2025-13-01\n"),
              HasSubstr("scoring.as_of: '2025-13-01' is not a valid date; expected a date as YYYY-MM-DD"));
  EXPECT_THAT(
      ErrorOf("logging:\n  level: LOUD\n"),
      HasSubstr("logging.level: 'LOUD' is not allowed; expected one of TRACE, DEBUG, INFO, WARNING, ERROR"));
  EXPECT_THAT(ErrorOf("input:\n  recursive_scan: maybe\n"),
              HasSubstr("input.recursive_scan: 'maybe' is not a true/false value; expected true or false"));
  EXPECT_THAT(
      ErrorOf("processing:\n  batch_size: 2.5\n"),
      HasSubstr("processing.batch_size: '2.5' is not a whole number; expected a whole number of at least 1"));
  EXPECT_THAT(ErrorOf("processing:\n  timeout_minutes: 0\n"),
              HasSubstr("processing.timeout_minutes: 0 is out of range; expected a number greater than 0"));
  EXPECT_THAT(ErrorOf("processing:\n  max_workers: 99999999999999999999\n"),
              HasSubstr("processing.max_workers: 99999999999999999999 is out of range"));
  EXPECT_THAT(ErrorOf("output:\n  top_n: -1\n"), HasSubstr("output.top_n: -1 is out of range"));
  EXPECT_THAT(ErrorOf("filtering:\n  min_flex_score: .nan\n"),
              HasSubstr("filtering.min_flex_score: '.nan' is not"));
  EXPECT_THAT(ErrorOf("processing:\n  max_workers:\n"),
              HasSubstr("processing.max_workers: no value is given; expected a whole number"));
}

TEST(ConfigYaml, ListsMayNotBeEmptyOrHoldEmptyEntries) {
  EXPECT_THAT(ErrorOf("input:\n  folder: []\n"), HasSubstr("input.folder: the list is empty"));
  EXPECT_THAT(ErrorOf("input:\n  file_pattern: [\"*.csv\", \"\"]\n"),
              HasSubstr("input.file_pattern: an entry is empty"));
}

TEST(ConfigYaml, UnknownKeysAreErrorsWithASuggestion) {
  EXPECT_EQ(ErrorOf("processing:\n  max_worker: 4\n"),
            "flexpipe.yaml:2:3: unknown key processing.max_worker (did you mean processing.max_workers?); "
            "processing has: batch_size, max_workers, memory_limit_gb, candidate_memory_mb, timeout_minutes, "
            "retry_attempts, "
            "retry_backoff_seconds, rows_per_batch, strict_rows, max_inflate_ratio, max_inflated_gb");
  EXPECT_EQ(
      ErrorOf("procesing:\n  max_workers: 4\n"),
      "flexpipe.yaml:1:1: unknown key procesing (did you mean processing?); the file has: input, processing, "
      "output, filtering, logging, scoring, store, columns");
}

TEST(ConfigYaml, KeysInTheWrongPlaceSuggestWhereTheyBelong) {
  EXPECT_THAT(ErrorOf("input:\n  min_flex_score: 5\n"),
              HasSubstr("unknown key input.min_flex_score (did you mean filtering.min_flex_score?)"));
  // The flat style of 01_pipeline_developer_guide.md.
  EXPECT_THAT(ErrorOf("max_workers: 2\n"),
              HasSubstr("unknown key max_workers (did you mean processing.max_workers?)"));
  EXPECT_THAT(ErrorOf("input_folder: test_data\n"), HasSubstr("(did you mean input.folder?)"));
  EXPECT_THAT(ErrorOf("log_level: DEBUG\n"), HasSubstr("(did you mean logging.level?)"));
  EXPECT_THAT(ErrorOf("output_file: out.xlsx\n"),
              HasSubstr("unknown key output_file (did you mean output.master_file?)"));
  EXPECT_THAT(ErrorOf("output:\n  file: out.xlsx\n"), HasSubstr("(did you mean output.master_file?)"));
}

TEST(ConfigYaml, EveryFieldOfTheSeedsPipelineConfigurationSuggestsItsKey) {
  // PipelineConfiguration (02_pipeline_design.md) written flat, as its fields.
  const std::pair<std::string_view, std::string_view> fields[] = {
      {"input_folder: data/raw", "input.folder"},
      {"output_file: data/exports/all_flex_properties.xlsx", "output.master_file"},
      {"batch_size: 10", "processing.batch_size"},
      {"max_workers: 4", "processing.max_workers"},
      {"enable_deduplication: true", "filtering.enable_deduplication"},
      {"min_flex_score: 4.0", "filtering.min_flex_score"},
      {"progress_reporting: true", "logging.progress_reporting"},
  };
  for (const auto& [line, key] : fields) {
    EXPECT_THAT(ErrorOf(std::string(line) + "\n"), HasSubstr(fmt::format("(did you mean {}?)", key))) << line;
  }
}

TEST(ConfigYaml, KeysAreNestedNotDotted) {
  EXPECT_THAT(
      ErrorOf("scoring.model: industrial\n"),
      HasSubstr(
          "flexpipe.yaml:1:1: scoring.model: dotted keys are not read; nest the key under its section"));
}

TEST(ConfigYaml, AKeyGivenTwiceIsAnError) {
  EXPECT_THAT(ErrorOf("scoring:\n  model: weighted\n  model: industrial\n"),
              HasSubstr("flexpipe.yaml:3:3: scoring.model: appears twice"));
}

TEST(ConfigYaml, ValuesOfTheWrongShapeAreErrors) {
  EXPECT_THAT(ErrorOf("input: data/raw\n"),
              HasSubstr("flexpipe.yaml:1:8: input: expected a mapping of keys (folder, file_pattern, "
                        "recursive_scan, sheet, header_row)"));
  EXPECT_THAT(ErrorOf("scoring:\n  model: [weighted]\n"),
              HasSubstr("scoring.model: a list is not allowed here"));
  EXPECT_THAT(ErrorOf("input:\n  folder: [[a, b]]\n"),
              HasSubstr("input.folder: list entries must be single values"));
  EXPECT_THAT(ErrorOf("input:\n  folder: {a: b}\n"),
              HasSubstr("input.folder: a mapping is not allowed here"));
  EXPECT_THAT(ErrorOf("columns: address\n"), HasSubstr("columns: a single value is not allowed here"));
  EXPECT_THAT(ErrorOf("- input\n- output\n"),
              HasSubstr("flexpipe.yaml:1:1: the file must be a mapping of sections"));
}

TEST(ConfigYaml, FieldNamesMustBeCanonical) {
  EXPECT_THAT(ErrorOf("filtering:\n  duplicate_fields: [Adress, city]\n"),
              HasSubstr("filtering.duplicate_fields: 'Adress' is not a canonical field name (did you mean "
                        "'address'?); canonical fields are: parcel_id, address,"));
  EXPECT_THAT(
      ErrorOf("columns:\n  bulding_sqft: Bldg SF\n"),
      HasSubstr("columns: 'bulding_sqft' is not a canonical field name (did you mean 'building_sqft'?)"));
  EXPECT_THAT(ErrorOf("columns:\n  address: Site\n  Address: Street\n"),
              HasSubstr("columns: address is mapped twice"));
  EXPECT_THAT(ErrorOf("columns:\n  address: Site\n  city: site\n"),
              HasSubstr("columns: the header 'site' is given to both address and city"));
}

TEST(ConfigYaml, SyntaxErrorsGiveLineAndColumn) {
  EXPECT_THAT(ErrorOf("input:\n  folder: [data/raw\n"), HasSubstr("flexpipe.yaml:3:1: YAML syntax error: "));
  EXPECT_THAT(ErrorOf("scoring:\n  model: weighted: fancy\n"),
              HasSubstr("flexpipe.yaml:2:18: YAML syntax error: illegal map value"));
}

TEST(ConfigYaml, AFailedFileChangesNothing) {
  PipelineOptions options;
  const Status s =
      ApplyConfigYaml("processing:\n  max_workers: 2\nscoring:\n  model: fancy\n", "f.yaml", &options);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(options, PipelineOptions());
}

TEST(ConfigYaml, AMissingFileIsNotFoundAndNamesThePath) {
  testing::TempDir dir;
  PipelineOptions options;
  const Status s = ApplyConfigFile(testing::DefaultFs(), dir.path() / "absent.yaml", &options);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_THAT(s.ToString(), HasSubstr("absent.yaml"));
  EXPECT_THAT(s.message(), HasSubstr("configuration file"));
}

TEST(ConfigYaml, ErrorsFromAFileNameItsPath) {
  testing::TempDir dir;
  const auto path = dir.Write("bad.yaml", "scoring:\n  model: fancy\n");
  PipelineOptions options;
  const Status s = ApplyConfigFile(testing::DefaultFs(), path, &options);
  EXPECT_THAT(s.message(), HasSubstr(path.string() + ":2:10: scoring.model:"));
}

}  // namespace
}  // namespace config_yaml_test
}  // namespace flexpipe
