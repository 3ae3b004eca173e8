// FLEXPIPE_* environment variables: every setting under
// FLEXPIPE_<KEY PATH, upper case, '.' → '_'>, the short aliases people type,
// and errors for variables flexpipe does not know.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "config/config.h"
#include "print_options.h"

namespace flexpipe {
namespace config_environment_test {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

Result<PipelineOptions> FromEnv(const EnvironmentVariables& env) {
  PipelineOptions options;
  FP_RETURN_IF_ERROR(ApplyEnvironment(env, &options));
  return options;
}

std::string ErrorOf(const EnvironmentVariables& env) {
  Result<PipelineOptions> o = FromEnv(env);
  EXPECT_FALSE(o.ok());
  if (o.ok()) return "";
  EXPECT_EQ(o.status().code(), ErrorCode::kConfigError);
  return o.status().message();
}

TEST(ConfigEnvironment, EverySettingHasAVariableNamedAfterItsKeyPath) {
  Result<PipelineOptions> o = FromEnv({
      {"FLEXPIPE_FILTERING_MIN_FLEX_SCORE", "5"},
      {"FLEXPIPE_SCORING_MODEL", "industrial"},
      {"FLEXPIPE_INPUT_RECURSIVE_SCAN", "true"},
      {"FLEXPIPE_PROCESSING_TIMEOUT_MINUTES", "2.5"},
      {"FLEXPIPE_OUTPUT_MASTER_FILE", "out/master.xlsx"},
      {"FLEXPIPE_LOGGING_FILE", ""},
  });
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->filtering.min_flex_score, 5.0);
  EXPECT_EQ(o->scoring.model, "industrial");
  EXPECT_TRUE(o->input.recursive);
  EXPECT_EQ(o->processing.timeout_minutes, 2.5);
  EXPECT_EQ(o->output.master_file, "out/master.xlsx");
  EXPECT_EQ(o->logging.file, "");
}

TEST(ConfigEnvironment, ListsAreCommaSeparated) {
  Result<PipelineOptions> o = FromEnv({
      {"FLEXPIPE_INPUT_FOLDER", "exports/a, exports/b"},
      {"FLEXPIPE_INPUT_FILE_PATTERN", "*.csv,*.tsv,"},
      {"FLEXPIPE_FILTERING_DUPLICATE_FIELDS", "Address, Zip"},
  });
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_THAT(o->input.paths, ElementsAre("exports/a", "exports/b"));
  EXPECT_THAT(o->input.patterns, ElementsAre("*.csv", "*.tsv"));
  EXPECT_THAT(o->filtering.duplicate_fields, ElementsAre("address", "zip"));
}

TEST(ConfigEnvironment, ShortAliases) {
  Result<PipelineOptions> o = FromEnv({
      {"FLEXPIPE_MODEL", "industrial"},
      {"FLEXPIPE_MIN_SCORE", "6.5"},
      {"FLEXPIPE_WORKERS", "3"},
      {"FLEXPIPE_AS_OF", "2024-02-29"},
      {"FLEXPIPE_LOG_LEVEL", "warning"},
  });
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->scoring.model, "industrial");
  EXPECT_EQ(o->filtering.min_flex_score, 6.5);
  EXPECT_EQ(o->processing.max_workers, 3);
  EXPECT_EQ(o->scoring.as_of, "2024-02-29");
  EXPECT_EQ(o->logging.level, "WARNING");
}

TEST(ConfigEnvironment, ColumnMappingsOnePerVariableOrAllInOne) {
  Result<PipelineOptions> o = FromEnv({
      {"FLEXPIPE_COLUMNS_BUILDING_SQFT", "Bldg Area"},
      {"FLEXPIPE_COLUMNS", "address=Site Address, city=Town"},
  });
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_THAT(o->columns, ElementsAre(Pair("address", "Site Address"), Pair("building_sqft", "Bldg Area"),
                                      Pair("city", "Town")));
}

TEST(ConfigEnvironment, OtherVariablesAndTheConfigFileVariableAreLeftAlone) {
  Result<PipelineOptions> o = FromEnv({
      {"PATH", "/usr/bin"},
      {"flexpipe_model", "fancy"},
      {"FLEXPIPE", "x"},
      {"FLEXPIPE_CONFIG", "/etc/flexpipe.yaml"},
  });
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(*o, PipelineOptions());
}

TEST(ConfigEnvironment, TheConfigFileVariableIsReadByItsOwnHelper) {
  EXPECT_EQ(ConfigFileFromEnvironment(
                EnvironmentVariables{{"HOME", "/root"}, {"FLEXPIPE_CONFIG", "conf/prod.yaml"}}),
            "conf/prod.yaml");
  EXPECT_EQ(ConfigFileFromEnvironment(EnvironmentVariables{{"FLEXPIPE_CONFIG", ""}}), std::nullopt);
  EXPECT_EQ(ConfigFileFromEnvironment(EnvironmentVariables{{"HOME", "/root"}}), std::nullopt);
}

TEST(ConfigEnvironment, AnUnknownFlexpipeVariableIsAnErrorNamingIt) {
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_COLOR", "1"}}),
              HasSubstr("environment variable FLEXPIPE_COLOR is not a flexpipe setting"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_MIN_SCOR", "5"}}),
              HasSubstr("FLEXPIPE_MIN_SCOR is not a flexpipe setting (did you mean FLEXPIPE_MIN_SCORE?)"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_MAX_WORKERS", "5"}}),
              HasSubstr("(did you mean FLEXPIPE_PROCESSING_MAX_WORKERS?)"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_CONF", "x.yaml"}}), HasSubstr("(did you mean FLEXPIPE_CONFIG?)"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_OUTPUT_FILE", "x.xlsx"}}),
              HasSubstr("(did you mean FLEXPIPE_OUTPUT_MASTER_FILE?)"));
}

TEST(ConfigEnvironment, BadValuesNameTheVariableAndTheKey) {
  EXPECT_EQ(ErrorOf({{"FLEXPIPE_WORKERS", "-3"}}),
            "environment variable FLEXPIPE_WORKERS: processing.max_workers: -3 is out of range; "
            "expected a whole number from 0 to 1024");
  EXPECT_THAT(
      ErrorOf({{"FLEXPIPE_SCORING_MODEL", "fancy"}}),
      HasSubstr("environment variable FLEXPIPE_SCORING_MODEL: scoring.model: 'fancy' is not allowed"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_COLUMNS_ADRESS", "Site"}}),
              HasSubstr("FLEXPIPE_COLUMNS_ADRESS: columns.adress: 'adress' is not a canonical field name"));
  EXPECT_THAT(ErrorOf({{"FLEXPIPE_COLUMNS", "address"}}),
              HasSubstr("'address' is not of the form field=header"));
}

TEST(ConfigEnvironment, AnAliasAndTheFullNameMayAgreeButNotDisagree) {
  Result<PipelineOptions> agree =
      FromEnv({{"FLEXPIPE_MODEL", "industrial"}, {"FLEXPIPE_SCORING_MODEL", "industrial"}});
  ASSERT_TRUE(agree.ok()) << agree.status().ToString();
  EXPECT_EQ(agree->scoring.model, "industrial");

  EXPECT_EQ(ErrorOf({{"FLEXPIPE_MODEL", "industrial"}, {"FLEXPIPE_SCORING_MODEL", "weighted"}}),
            "environment variables FLEXPIPE_MODEL=industrial and FLEXPIPE_SCORING_MODEL=weighted both set "
            "scoring.model; unset one of them");
}

TEST(ConfigEnvironment, AFailedEnvironmentChangesNothing) {
  PipelineOptions options;
  EXPECT_FALSE(
      ApplyEnvironment(EnvironmentVariables{{"FLEXPIPE_WORKERS", "2"}, {"FLEXPIPE_MODEL", "x"}}, &options)
          .ok());
  EXPECT_EQ(options, PipelineOptions());
}

TEST(ConfigEnvironment, EnvironmentFromProcessSeesTheProcessEnvironment) {
  ASSERT_EQ(::setenv("FP_CONFIG_TEST_PROBE", "a=b", 1), 0);
  const EnvironmentVariables env = EnvironmentFromProcess();
  ::unsetenv("FP_CONFIG_TEST_PROBE");
  EXPECT_THAT(env, Contains(Pair("FP_CONFIG_TEST_PROBE", "a=b")));
}

}  // namespace
}  // namespace config_environment_test
}  // namespace flexpipe
