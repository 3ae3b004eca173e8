// The settings table itself: one entry per option field, unique keys and
// variable names, documentation for every entry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <variant>

#include "config/settings.h"

namespace flexpipe::config {
namespace config_table_test {
namespace {

using ::testing::ElementsAre;

const void* AddressOf(const Setting& s, const PipelineOptions& o) {
  return std::visit([&](const auto& m) -> const void* { return &m.read(o); }, s.member);
}

TEST(ConfigTable, EverySettingIsADifferentField) {
  const PipelineOptions o;
  std::set<const void*> fields;
  for (const Setting& s : AllSettings()) EXPECT_TRUE(fields.insert(AddressOf(s, o)).second) << s.key;
}

TEST(ConfigTable, KeysAndEnvironmentNamesAreUnique) {
  std::set<std::string> keys;
  std::set<std::string> variables = {std::string(kConfigFileEnvVar)};
  for (const Setting& s : AllSettings()) {
    EXPECT_TRUE(keys.insert(std::string(s.key)).second) << s.key;
    EXPECT_TRUE(variables.insert(EnvVarName(s)).second) << EnvVarName(s);
    if (!s.env_alias.empty()) {
      EXPECT_TRUE(s.env_alias.starts_with(kEnvPrefix)) << s.env_alias;
      EXPECT_TRUE(variables.insert(std::string(s.env_alias)).second) << s.env_alias;
    }
  }
}

TEST(ConfigTable, EnvironmentNamesFollowTheKeyPath) {
  EXPECT_EQ(EnvVarName(*FindSetting("filtering.min_flex_score")), "FLEXPIPE_FILTERING_MIN_FLEX_SCORE");
  EXPECT_EQ(EnvVarName(*FindSetting("columns")), "FLEXPIPE_COLUMNS");
}

TEST(ConfigTable, EverySettingIsDocumentedInOneSentence) {
  for (const Setting& s : AllSettings()) {
    EXPECT_FALSE(s.doc.empty()) << s.key;
    EXPECT_TRUE(s.doc.ends_with('.')) << s.key;
    EXPECT_EQ(s.doc.find('\n'), std::string_view::npos) << s.key;
  }
}

TEST(ConfigTable, SectionsFollowTheSeedLayout) {
  EXPECT_THAT(SectionNames(),
              ElementsAre("input", "processing", "output", "filtering", "logging", "scoring"));
  EXPECT_EQ(FindSetting("input.folder")->section(), "input");
  EXPECT_EQ(FindSetting("input.folder")->leaf(), "folder");
  EXPECT_EQ(FindSetting("columns")->section(), "");
  EXPECT_EQ(FindSetting("input.paths"), nullptr);
}

TEST(ConfigTable, TheSeedsSettingsAllExist) {
  for (const std::string_view key : {"input.folder",
                                     "input.file_pattern",
                                     "input.recursive_scan",
                                     "processing.batch_size",
                                     "processing.max_workers",
                                     "processing.memory_limit_gb",
                                     "processing.timeout_minutes",
                                     "output.master_file",
                                     "output.report_file",
                                     "output.enable_csv_export",
                                     "filtering.min_flex_score",
                                     "filtering.enable_deduplication",
                                     "filtering.duplicate_fields",
                                     "logging.level",
                                     "logging.file",
                                     "logging.progress_interval",
                                     "logging.progress_reporting",
                                     "scoring.model",
                                     "scoring.as_of",
                                     "scoring.profile",
                                     "output.top_n",
                                     "output.enable_xlsx_export",
                                     "columns"}) {
    EXPECT_NE(FindSetting(key), nullptr) << key;
  }
}

}  // namespace
}  // namespace config_table_test
}  // namespace flexpipe::config
