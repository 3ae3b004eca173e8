// Where a setting comes from: defaults < file < environment < explicit
// settings (command-line flags and --set), applied in that order; and the
// KEY=VALUE text form that explicit settings use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"
#include "print_options.h"
#include "test_util.h"

namespace flexpipe {
namespace config_precedence_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(ConfigPrecedence, FileThenEnvironmentThenExplicitSettings) {
  testing::TempDir dir;
  const auto file = dir.Write("flexpipe.yaml", R"(
processing:
  max_workers: 2
  batch_size: 5
scoring:
  model: industrial
filtering:
  min_flex_score: 5
)");
  PipelineOptions options;
  ASSERT_TRUE(ApplyConfigFile(testing::DefaultFs(), file, &options).ok());
  ASSERT_TRUE(ApplyEnvironment(EnvironmentVariables{{"FLEXPIPE_WORKERS", "3"}, {"FLEXPIPE_MIN_SCORE", "5.5"}},
                               &options)
                  .ok());
  ASSERT_TRUE(SetOption("filtering.min_flex_score", "6", &options, "--min-score").ok());
  ASSERT_TRUE(ValidateOptions(options).ok());

  EXPECT_EQ(options.processing.timeout_minutes, 30.0);  // default: nobody set it
  EXPECT_EQ(options.processing.batch_size, 5);          // file
  EXPECT_EQ(options.scoring.model, "industrial");       // file
  EXPECT_EQ(options.processing.max_workers, 3);         // environment over file
  EXPECT_EQ(options.filtering.min_flex_score, 6.0);     // flag over environment and file
}

TEST(ConfigPrecedence, ALaterListReplacesAnEarlierOneWhole) {
  PipelineOptions options;
  ASSERT_TRUE(ApplyConfigYaml("input:\n  file_pattern: [\"*.csv\", \"*.xlsx\"]\n", "f.yaml", &options).ok());
  ASSERT_TRUE(SetOption("input.file_pattern", "*.tsv", &options).ok());
  EXPECT_THAT(options.input.patterns, ElementsAre("*.tsv"));
}

TEST(ConfigPrecedence, ColumnEntriesAddToTheMappingWhileTheWholeMappingReplacesIt) {
  PipelineOptions options;
  ASSERT_TRUE(ApplyConfigYaml("columns:\n  address: Site Address\n", "f.yaml", &options).ok());
  ASSERT_TRUE(SetOption("columns.city", "Town", &options).ok());
  EXPECT_THAT(options.columns, ElementsAre(Pair("address", "Site Address"), Pair("city", "Town")));
  ASSERT_TRUE(SetOption("columns", "zip=Postcode", &options).ok());
  EXPECT_THAT(options.columns, ElementsAre(Pair("zip", "Postcode")));
  ASSERT_TRUE(SetOption("columns", "", &options).ok());
  EXPECT_TRUE(options.columns.empty());
}

TEST(ConfigSetOption, EveryKindOfSettingFromText) {
  PipelineOptions o;
  ASSERT_TRUE(SetOption("input.folder", "a, b/c", &o).ok());
  ASSERT_TRUE(SetOption("input.recursive_scan", "yes", &o).ok());
  ASSERT_TRUE(SetOption("processing.memory_limit_gb", "1.5", &o).ok());
  ASSERT_TRUE(SetOption(" output.top_n ", "+20", &o).ok());
  ASSERT_TRUE(SetOption("scoring.model", "INDUSTRIAL", &o).ok());
  ASSERT_TRUE(SetOption("scoring.as_of", " 2023-12-31 ", &o).ok());
  ASSERT_TRUE(SetOption("filtering.duplicate_fields", "parcel id", &o).ok());
  ASSERT_TRUE(SetOption("columns.Building SqFt", "Bldg SF", &o).ok());
  EXPECT_THAT(o.input.paths, ElementsAre("a", "b/c"));
  EXPECT_TRUE(o.input.recursive);
  EXPECT_EQ(o.processing.memory_limit_gb, 1.5);
  EXPECT_EQ(o.output.top_n, 20);
  EXPECT_EQ(o.scoring.model, "industrial");
  EXPECT_EQ(o.scoring.as_of, "2023-12-31");
  EXPECT_THAT(o.filtering.duplicate_fields, ElementsAre("parcel_id"));
  EXPECT_THAT(o.columns, ElementsAre(Pair("building_sqft", "Bldg SF")));
}

TEST(ConfigSetOption, ErrorsNameTheSourceAndTheKey) {
  PipelineOptions o;
  EXPECT_EQ(SetOption("processing.max_workers", "many", &o, "--workers").message(),
            "--workers: processing.max_workers: 'many' is not a whole number; expected a whole number from 0 "
            "to 1024");
  EXPECT_EQ(
      SetOption("scoring.as_of", "31/12/2023", &o).message(),
      "scoring.as_of: '31/12/2023' is not a valid date; expected a date as YYYY-MM-DD, or empty for the "
      "current date");
  EXPECT_EQ(o, PipelineOptions());
}

TEST(ConfigSetOption, UnknownKeysSuggestTheClosestOne) {
  PipelineOptions o;
  const Status s = SetOption("filtering.min_score", "5", &o, "--set");
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  EXPECT_THAT(
      s.message(),
      HasSubstr("--set: unknown setting filtering.min_score (did you mean filtering.min_flex_score?)"));
  EXPECT_THAT(SetOption("processing.timeout", "5", &o).message(),
              HasSubstr("(did you mean processing.timeout_minutes?)"));
  EXPECT_THAT(SetOption("model", "weighted", &o).message(), HasSubstr("(did you mean scoring.model?)"));
}

}  // namespace
}  // namespace config_precedence_test
}  // namespace flexpipe
