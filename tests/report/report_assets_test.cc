#include "report/report_assets.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace flexpipe {
namespace report_assets_test {
namespace {

// The page's Content-Security-Policy names the script by its hash: a script
// edited without updating kReportScriptSha256 would not run.
TEST(ReportAssets, TheScriptHashMatchesTheScript) {
  testing::TempDir dir;
  const auto script = dir.Write("report.js", kReportScript);
  std::string output;
  ASSERT_EQ(
      testing::RunCommand("python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256("
                          "open(sys.argv[1], \"rb\").read()).digest()).decode(), end=\"\")' '" +
                              script.string() + "'",
                          &output),
      0)
      << output;
  EXPECT_EQ(output, kReportScriptSha256)
      << "update kReportScriptSha256 in src/report/report_assets.cc to " << output;
}

TEST(ReportAssets, TheScriptCannotEndItsOwnElement) {
  EXPECT_EQ(kReportScript.find("</"), std::string_view::npos);
  EXPECT_EQ(kReportCss.find("</"), std::string_view::npos);
}

}  // namespace
}  // namespace report_assets_test
}  // namespace flexpipe
