// ValidateOptions: each setting's own rule, for options however they were
// built, and the rules between settings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"

namespace flexpipe {
namespace config_validate_test {
namespace {

using ::testing::HasSubstr;

std::string ErrorOf(const PipelineOptions& o) {
  const Status s = ValidateOptions(o);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  return s.message();
}

TEST(ConfigValidate, TheDefaultsAreValid) { EXPECT_TRUE(ValidateOptions(PipelineOptions()).ok()); }

TEST(ConfigValidate, EachSettingsOwnRuleApplies) {
  PipelineOptions o;
  o.filtering.min_flex_score = 11;
  EXPECT_THAT(ErrorOf(o),
              HasSubstr("filtering.min_flex_score: 11.0 is out of range; expected a number from 0 to 10"));
  o = {};
  o.output.top_n = -1;
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.top_n: -1 is out of range"));
  o = {};
  o.scoring.model = "fancy";
  EXPECT_THAT(ErrorOf(o), HasSubstr("scoring.model: 'fancy' is not allowed"));
  o = {};
  o.scoring.as_of = "2025-02-30";
  EXPECT_THAT(ErrorOf(o), HasSubstr("scoring.as_of: '2025-02-30' is not a valid date"));
  o = {};
  o.logging.level = "info";  // programmatic options must use the stored spelling
  EXPECT_THAT(ErrorOf(o), HasSubstr("logging.level: 'info' is not allowed"));
  o = {};
  o.input.paths.clear();
  EXPECT_THAT(ErrorOf(o), HasSubstr("input.folder: the list is empty"));
  o = {};
  o.input.patterns = {"*.csv", " "};
  EXPECT_THAT(ErrorOf(o), HasSubstr("input.file_pattern: an entry is empty"));
}

TEST(ConfigValidate, DuplicateFieldsMayBeHeaderSpellingsButMustNameFields) {
  PipelineOptions o;
  o.filtering.duplicate_fields = {"Address", "Zip"};
  EXPECT_TRUE(ValidateOptions(o).ok());
  o.filtering.duplicate_fields = {"address", "suburb"};
  EXPECT_THAT(ErrorOf(o), HasSubstr("filtering.duplicate_fields: 'suburb' is not a canonical field name"));
}

TEST(ConfigValidate, DeduplicationNeedsKeyFields) {
  PipelineOptions o;
  o.filtering.duplicate_fields.clear();
  EXPECT_THAT(ErrorOf(o),
              HasSubstr("filtering.duplicate_fields: is empty while filtering.enable_deduplication is true"));
  o.filtering.enable_deduplication = false;
  EXPECT_TRUE(ValidateOptions(o).ok());
}

TEST(ConfigValidate, ColumnKeysAreFieldsAndHeadersAreDistinct) {
  PipelineOptions o;
  o.columns = {{"Address", "Site Address"}, {"city", "Town"}};
  EXPECT_TRUE(ValidateOptions(o).ok());
  o.columns = {{"suburb", "Town"}};
  EXPECT_THAT(ErrorOf(o), HasSubstr("columns: 'suburb' is not a canonical field name"));
  o.columns = {{"address", "Site"}, {"Address", "Street"}};
  EXPECT_THAT(ErrorOf(o), HasSubstr("columns: address is mapped twice"));
  o.columns = {{"address", "Site Address"}, {"city", "site-address"}};
  EXPECT_THAT(ErrorOf(o), HasSubstr("columns: the header 'site-address' is given to both address and city"));
  o.columns = {{"address", " - "}};
  EXPECT_THAT(ErrorOf(o), HasSubstr("columns: the header for address has no letters or digits"));
}

TEST(ConfigValidate, OutputsMustBeDistinctFiles) {
  PipelineOptions o;
  o.output.master_file = "out/master.csv";  // the workbook and the CSV would be the same file
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.master_file and output.master_file (its .csv) are the same file "
                                    "(out/master.csv); the master workbook needs the extension .xlsx"));
  o.output.enable_xlsx_export = false;  // only the CSV: fine
  EXPECT_TRUE(ValidateOptions(o).ok());

  o = {};
  o.output.report_file = "data/exports/./all_flex_properties.csv";
  EXPECT_THAT(ErrorOf(o),
              HasSubstr("output.master_file (its .csv) and output.report_file are the same file"));
  o = {};
  o.logging.file = o.output.report_file;
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.report_file and logging.file are the same file"));
}

TEST(ConfigValidate, OutputPathsMustBeGiven) {
  PipelineOptions o;
  o.output.report_file = "";
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.report_file: is empty"));
  o = {};
  o.output.master_file = "";
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.master_file: is empty"));
  o.output.enable_csv_export = false;
  o.output.enable_xlsx_export = false;
  EXPECT_TRUE(ValidateOptions(o).ok());
}

}  // namespace
}  // namespace config_validate_test
}  // namespace flexpipe

namespace flexpipe {
namespace config_validate_test {
namespace {

TEST(ConfigValidate, ExistingOutputIsOneOfThreePolicies) {
  PipelineOptions o;
  EXPECT_EQ(o.output.existing, "backup");
  for (const char* policy : {"replace", "backup", "version"}) {
    o.output.existing = policy;
    EXPECT_TRUE(ValidateOptions(o).ok()) << policy;
  }
  o.output.existing = "overwrite";
  EXPECT_THAT(ErrorOf(o), HasSubstr("output.existing: 'overwrite' is not allowed; expected one of replace, "
                                    "backup, version"));
  ASSERT_TRUE(SetOption("output.existing", "Version", &o).ok());
  EXPECT_EQ(o.output.existing, "version");
}

}  // namespace
}  // namespace config_validate_test
}  // namespace flexpipe
