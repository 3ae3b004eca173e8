// output.html_file / output.enable_html: the HTML report is one of the run's
// outputs, so it must not be the same file as another one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.h"

namespace flexpipe {
namespace config_html_output_test {
namespace {

using ::testing::HasSubstr;

TEST(ConfigHtmlOutput, TheReportMustBeADifferentFileFromTheOtherOutputs) {
  PipelineOptions o;
  o.output.html_file = o.output.report_file;
  const Status s = ValidateOptions(o);
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  EXPECT_THAT(s.message(), HasSubstr("output.html_file"));
  o.output.enable_html = false;  // not written: no clash
  EXPECT_TRUE(ValidateOptions(o).ok());
}

TEST(ConfigHtmlOutput, TheDefaultReportSitsBesideTheMasterFileAndClashesWithNothing) {
  PipelineOptions o;
  o.output.master_file = "out/report.xlsx";
  o.output.enable_xlsx_export = false;
  EXPECT_TRUE(ValidateOptions(o).ok());  // out/report.csv and out/report.html
  o.output.html_file = "out/report.csv";
  EXPECT_THAT(ValidateOptions(o).message(), HasSubstr("are the same file"));
}

TEST(ConfigHtmlOutput, FlagsAndEnvironmentSetIt) {
  PipelineOptions o;
  ASSERT_TRUE(SetOption("output.html_file", "r/run.html", &o).ok());
  ASSERT_TRUE(SetOption("output.enable_html", "false", &o).ok());
  EXPECT_EQ(o.output.html_file, "r/run.html");
  EXPECT_FALSE(o.output.enable_html);
  const EnvironmentVariables env = {{"FLEXPIPE_OUTPUT_ENABLE_HTML", "true"}};
  ASSERT_TRUE(ApplyEnvironment(env, &o).ok());
  EXPECT_TRUE(o.output.enable_html);
}

}  // namespace
}  // namespace config_html_output_test
}  // namespace flexpipe
