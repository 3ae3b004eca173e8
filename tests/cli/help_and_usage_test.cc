// The command line through the real binary: `config` taking a run's setting
// flags, usage errors ("flexpipe: <message>", a hint, exit status 2), the
// help of every command (layout, width, exit-status footers) and the docs
// listing what the binary accepts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace flexpipe {
namespace help_and_usage_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RepoPath;
using ::testing::StartsWith;

constexpr const char* kCommands = "run, validate, config, db, query, runs, report, generate, help";

class HelpAndUsageTest : public ::testing::Test {
 protected:
  // Runs `flexpipe ARGS` in the scratch folder; `output` gets stdout and stderr.
  int Flexpipe(const std::string& args, std::string* output) const {
    return testing::RunCommand(
        "cd '" + dir_.path().string() + "' && '" + testing::FlexpipeBinary().string() + "' " + args, output);
  }

  std::string Help(const std::string& command) const {
    std::string output;
    EXPECT_EQ(Flexpipe(command + " --help", &output), 0) << command;
    return output;
  }

  testing::TempDir dir_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(HelpAndUsageTest, ConfigPrintTakesTheSettingFlagsOfARun) {
  dir_.Write("c.yaml", "filtering:\n  min_flex_score: 5\noutput:\n  top_n: 4\n");
  std::string output;
  ASSERT_EQ(Flexpipe("config --print -c c.yaml --min-score 7 --no-dedup --pattern '*.csv' in1 "
                     "--set output.existing=replace in2",
                     &output),
            0)
      << output;
  EXPECT_THAT(output, HasSubstr("  min_flex_score: 7.0\n"));  // the flag over the file
  EXPECT_THAT(output, HasSubstr("  top_n: 4\n"));             // the file over the default
  EXPECT_THAT(output, HasSubstr("  enable_deduplication: false\n"));
  EXPECT_THAT(output, HasSubstr("  folder: [\"in1\", \"in2\"]\n"));  // --pattern takes one value
  EXPECT_THAT(output, HasSubstr("  file_pattern: [\"*.csv\"]\n"));
  EXPECT_THAT(output, HasSubstr("  existing: \"replace\"\n"));

  // Without --print, the same.
  std::string again;
  ASSERT_EQ(Flexpipe("config -c c.yaml --min-score 7 --no-dedup --pattern '*.csv' in1 "
                     "--set output.existing=replace in2",
                     &again),
            0);
  EXPECT_EQ(again, output);
}

TEST_F(HelpAndUsageTest, ConfigInitTakesNoSettings) {
  std::string output;
  EXPECT_EQ(Flexpipe("config --init new.yaml --min-score 7", &output), 2);
  EXPECT_EQ(output, "flexpipe: --init excludes --min-score\nRun 'flexpipe config --help' for usage.\n");
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "new.yaml"));
  EXPECT_EQ(Flexpipe("config --init new.yaml", &output), 0) << output;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "new.yaml"));
}

TEST_F(HelpAndUsageTest, AnUnknownOrMissingCommandIsNamedWithTheCommands) {
  std::string output;
  EXPECT_EQ(Flexpipe("bogus", &output), 2);
  EXPECT_EQ(output, std::string("flexpipe: unknown command 'bogus'; commands: ") + kCommands +
                        "\nRun 'flexpipe --help' for usage.\n");
  EXPECT_EQ(Flexpipe("", &output), 2);
  EXPECT_EQ(output, std::string("flexpipe: a command is required; commands: ") + kCommands +
                        "\nRun 'flexpipe --help' for usage.\n");
  EXPECT_EQ(Flexpipe("db bogus", &output), 2);
  EXPECT_EQ(output,
            "flexpipe: unknown db command 'bogus'; commands: status, migrate, rollback\n"
            "Run 'flexpipe db --help' for usage.\n");
  EXPECT_EQ(Flexpipe("help bogus", &output), 2);
  EXPECT_THAT(output, StartsWith("flexpipe: unknown command 'bogus'; commands: run,"));
}

TEST_F(HelpAndUsageTest, HelpShowsTheTopLevelHelpOrACommands) {
  std::string output;
  EXPECT_EQ(Flexpipe("help", &output), 0);
  EXPECT_EQ(output, Help(""));
  EXPECT_EQ(Flexpipe("help run", &output), 0);
  EXPECT_EQ(output, Help("run"));
  EXPECT_EQ(Flexpipe("help db status", &output), 0);
  EXPECT_EQ(output, Help("db status"));
}

TEST_F(HelpAndUsageTest, ParseErrorsArePrefixedAndPointToTheCommandsHelp) {
  std::string output;
  EXPECT_EQ(Flexpipe("run --bogus", &output), 2);
  EXPECT_EQ(output,
            "flexpipe: the following argument was not expected: --bogus\n"
            "Run 'flexpipe run --help' for usage.\n");
  EXPECT_EQ(Flexpipe("generate --rows many", &output), 2);
  EXPECT_THAT(output, StartsWith("flexpipe: "));
  EXPECT_THAT(output, HasSubstr("\nRun 'flexpipe generate --help' for usage.\n"));
  EXPECT_EQ(Flexpipe("db status --bogus", &output), 2);
  EXPECT_THAT(output, HasSubstr("\nRun 'flexpipe db status --help' for usage.\n"));
  EXPECT_EQ(Flexpipe("query 'SELECT 1' --csv --json", &output), 2);
  EXPECT_THAT(output, StartsWith("flexpipe: --csv excludes --json\n"));
}

TEST_F(HelpAndUsageTest, QuietAndVerboseExcludeEachOther) {
  std::string output;
  for (const char* command : {"run -q -v", "validate --verbose --quiet", "run --dry-run -v -q"}) {
    EXPECT_EQ(Flexpipe(std::string(command) + " in", &output), 2) << command;
    EXPECT_THAT(output, StartsWith("flexpipe: --")) << command;
    EXPECT_THAT(output, HasSubstr(" excludes --")) << command;
  }
}

TEST_F(HelpAndUsageTest, EveryHelpFitsAHundredColumnsWithItsOwnExitStatus) {
  const std::string commands[] = {"",          "run",        "validate",    "config", "db",
                                  "db status", "db migrate", "db rollback", "query",  "runs",
                                  "report",    "generate",   "help"};
  for (const std::string& command : commands) {
    const std::string help = Help(command);
    const std::vector<std::string> lines = Lines(help);
    ASSERT_GE(lines.size(), 4u) << command;
    for (const std::string& line : lines) EXPECT_LE(line.size(), 100u) << command << ": " << line;
    EXPECT_THAT(help, HasSubstr("\n\nUsage: flexpipe")) << command;
    EXPECT_THAT(help, Not(HasSubstr("\n\n\n"))) << command;
    EXPECT_THAT(help, Not(HasSubstr(" TEXT"))) << command;
    EXPECT_THAT(help, Not(HasSubstr("Excludes:"))) << command;
    const bool reads_files = command == "run" || command == "validate";
    EXPECT_EQ(help.find("all files succeeded") != std::string::npos, command == "run") << command;
    if (command != "help") {
      EXPECT_THAT(help, HasSubstr("\nExit status: 0 ")) << command;
    }
    if (!reads_files && !command.empty()) {
      EXPECT_THAT(help, Not(HasSubstr("some files failed"))) << command;
    }
  }
}

TEST_F(HelpAndUsageTest, OptionsShowTheirValueAndDefault) {
  const std::string run = Help("run");
  EXPECT_THAT(run,
              HasSubstr("  --as-of YYYY-MM-DD          Date scoring treats as today (default: today)\n"));
  const std::string config = Help("config");
  EXPECT_THAT(config, HasSubstr("  --init PATH "));
  EXPECT_THAT(config, HasSubstr("  -c,--config PATH "));
  EXPECT_THAT(config, HasSubstr("  --min-score X "));
  const std::string generate = Help("generate");
  EXPECT_THAT(generate, Not(HasSubstr("=")));
  EXPECT_THAT(generate, HasSubstr("  --rows N                    Data rows per file (default: 1000)\n"));
  EXPECT_THAT(generate, HasSubstr("  --format csv|xlsx "));
  EXPECT_THAT(Help(""), HasSubstr("CSV, TSV, TXT and XLSX"));
}

// Every option of `flexpipe run --help` is in docs/configuration.md's table of
// flags, and every command of `flexpipe --help` is in README.md.
TEST_F(HelpAndUsageTest, TheDocsListWhatTheBinaryAccepts) {
  const std::string configuration = testing::ReadFileToString(RepoPath("docs/configuration.md"));
  const std::string flags_table = configuration.substr(
      configuration.find("## Command-line flags"),
      configuration.find("## Checks between settings") - configuration.find("## Command-line flags"));
  const std::regex option(R"(^  (?:-\w,)?(--[a-z-]+))");
  std::set<std::string> options;
  for (const char* command : {"run", "validate", "config"}) {
    for (const std::string& line : Lines(Help(command))) {
      std::smatch m;
      if (std::regex_search(line, m, option) && m[1] != "--help") options.insert(m[1]);
    }
  }
  ASSERT_GT(options.size(), 30u);
  for (const std::string& name : options) {
    const bool listed = flags_table.find("`" + name) != std::string::npos ||
                        flags_table.find(", " + name) != std::string::npos;  // `-c, --config PATH`
    EXPECT_TRUE(listed) << name << " is missing from docs/configuration.md";
  }

  const std::string readme = testing::ReadFileToString(RepoPath("README.md"));
  std::istringstream commands(kCommands);
  for (std::string command; std::getline(commands, command, ',');) {
    if (command.starts_with(' ')) command.erase(0, 1);
    EXPECT_THAT(readme, HasSubstr("flexpipe " + command + " ")) << command << " is missing from README.md";
  }
}

}  // namespace
}  // namespace help_and_usage_test
}  // namespace flexpipe
