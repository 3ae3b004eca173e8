// `flexpipe runs` and `flexpipe report` through the real binary: the
// outputs of a run re-created after its inputs and outputs are deleted, the
// exit statuses of runs that cannot be reported, and a run killed with
// SIGKILL listed as interrupted (docs/store.md).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "generate/generator.h"
#include "test_util.h"

namespace flexpipe {
namespace report_command_test {
namespace {

using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

namespace fs = std::filesystem;

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GenerateOptions gen;
    gen.out_dir = dir_.path() / "in";
    gen.scenario = "mixed";
    gen.rows = 200;
    gen.files = 2;
    ASSERT_TRUE(Generate(DefaultFs(), gen).ok());
  }

  // Runs `flexpipe ARGS` in the scratch folder.
  int Flexpipe(const std::string& args, std::string* output = nullptr) const {
    std::string ignored;
    return testing::RunCommand(
        "cd '" + dir_.path().string() + "' && '" + testing::FlexpipeBinary().string() + "' " + args,
        output != nullptr ? output : &ignored);
  }

  static constexpr const char* kRun =
      "run in --db db/f.db -o out/m.xlsx --report-file out/s.json --as-of 2025-06-30 --log-file '' -q";

  TempDir dir_;
};

TEST_F(ReportCommandTest, ReCreatesTheOutputsOfARunWhoseFilesAreGone) {
  ASSERT_EQ(Flexpipe(kRun), 1);  // mixed: some files fail, some values do not parse
  const char* outputs[] = {"m.csv", "m.xlsx", "report.html", "s.json", "m_rejects.csv"};
  std::string original[5];
  for (int i = 0; i < 5; ++i) original[i] = ReadFileToString(dir_.path() / "out" / outputs[i]);
  ASSERT_GT(std::count(original[4].begin(), original[4].end(), '\n'), 21);  // more than the JSON shows
  fs::remove_all(dir_.path() / "in");
  fs::remove_all(dir_.path() / "out");

  std::string output;
  ASSERT_EQ(Flexpipe("report --db db/f.db --run 1", &output), 0) << output;
  EXPECT_NE(output.find("out/m.xlsx"), std::string::npos) << output;
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(ReadFileToString(dir_.path() / "out" / outputs[i]) == original[i])
        << outputs[i] << " differs";
  }

  EXPECT_EQ(Flexpipe("report --db db/f.db --run 2", &output), 2);
  EXPECT_NE(output.find("there is no run 2"), std::string::npos) << output;
  EXPECT_EQ(Flexpipe("report --db missing.db", &output), 3);
  EXPECT_EQ(Flexpipe("report --db db/f.db --existing sometimes", &output), 2);
}

TEST_F(ReportCommandTest, ARunKilledOutrightIsListedAsInterrupted) {
  GenerateOptions big;
  big.out_dir = dir_.path() / "big";
  big.scenario = "large";
  // Enough rows that the run is still going when it is killed: a second or two
  // of a Release build, and more than that under the sanitizers with a third of them.
#ifdef FLEXPIPE_ASAN
  big.rows = 100000;
#else
  big.rows = 300000;
#endif
  ASSERT_TRUE(Generate(DefaultFs(), big).ok());
  const std::string binary = testing::FlexpipeBinary().string();
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::chdir(dir_.path().c_str()) != 0) ::_exit(127);
    ::execl(binary.c_str(), binary.c_str(), "run", "big", "--db", "db/f.db", "--no-xlsx", "--no-html", "-o",
            "out/m.xlsx", "--log-file", "", "-q", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Until its run is recorded (the store exists and lists it as running).
  std::string listed;
  for (int i = 0; i < 200 && listed.find("running") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(dir_.path() / "db" / "f.db")) Flexpipe("runs --db db/f.db --csv", &listed);
  }
  ASSERT_NE(listed.find("running"), std::string::npos) << listed;  // alive: not marked
  std::string output;
  EXPECT_EQ(Flexpipe("report --db db/f.db --run 1", &output), 2);
  EXPECT_NE(output.find("run 1 is still running"), std::string::npos) << output;

  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  ASSERT_EQ(Flexpipe("runs --db db/f.db --csv", &listed), 0) << listed;
  EXPECT_NE(listed.find("run 1 was left running by a process that is gone: marked interrupted"),
            std::string::npos)
      << listed;
  EXPECT_NE(listed.find(",interrupted,"), std::string::npos) << listed;
  EXPECT_EQ(Flexpipe("report --db db/f.db --run 1", &output), 2);
  EXPECT_NE(output.find("run 1 was interrupted; nothing to report"), std::string::npos) << output;
}

}  // namespace
}  // namespace report_command_test
}  // namespace flexpipe
