// The store is the checkpoint (docs/store.md): a real flexpipe process
// killed with SIGKILL at many points of a multi-file run, then run again
// with the same settings, writes the same master CSV byte for byte as an
// uninterrupted run, and the database passes PRAGMA integrity_check every
// time.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "generate/generator.h"
#include "store/database.h"
#include "test_util.h"

namespace flexpipe {
namespace resume_kill_test {
namespace {

using testing::DefaultFs;
using testing::ReadFileToString;
using testing::TempDir;

// Starts `flexpipe args...` in `cwd` with its output discarded.
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  const std::string binary = testing::FlexpipeBinary().string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(binary.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    FILE* null = std::freopen("/dev/null", "w", stdout);
    null = std::freopen("/dev/null", "w", stderr);
    (void)null;
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> RunArgs(const std::string& out, const std::string& db) {
  std::vector<std::string> args = {"run",
                                   "in",
                                   "--as-of",
                                   "2025-06-30",
                                   "-o",
                                   out + "/m.xlsx",
                                   "--report-file",
                                   out + "/s.json",
                                   "--no-xlsx",
                                   "--no-html",
                                   "--existing",
                                   "replace",
                                   "--log-file",
                                   "",
                                   "-q",
                                   "-w",
                                   "2"};
  if (db.empty()) {
    args.push_back("--no-db");
  } else {
    args.push_back("--db");
    args.push_back(db);
  }
  return args;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST(ResumeAfterKill, OutputsAreByteIdenticalAndTheDatabaseIntact) {
  TempDir dir;
  GenerateOptions gen;
  gen.out_dir = dir.path() / "in";
  gen.scenario = "duplicates";
  gen.rows = 3000;  // runs long enough that start-up noise does not decide where a kill lands
  gen.files = 6;
  ASSERT_TRUE(Generate(DefaultFs(), gen).ok());

  // The reference, and how long a run with a store takes.
  ASSERT_EQ(Wait(Spawn(RunArgs("ref", ""), dir.path())), 0);
  const std::string reference = ReadFileToString(dir.path() / "ref" / "m.csv");
  ASSERT_GT(reference.size(), 1000u);
  // The quickest of two runs, so that kills land before the end even when a
  // later run is quicker than the first.
  double full = 0;
  for (const char* name : {"timed1", "timed2"}) {
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(Wait(Spawn(RunArgs(name, std::string(name) + ".db"), dir.path())), 0);
    full = full == 0 ? Seconds(t0) : std::min(full, Seconds(t0));
    EXPECT_EQ(ReadFileToString(dir.path() / name / "m.csv"), reference);
  }

  constexpr int kPoints = 10;
  int killed = 0;
  std::set<int64_t> committed;  // files in the store after the kills, per point
  for (int k = 1; k <= kPoints; ++k) {
    const std::string out = "out" + std::to_string(k);
    const std::string db = "k" + std::to_string(k) + ".db";
    // Kill at k/(kPoints+2) of a full run; every other time the resumed run
    // too, at half that: it has less left to do, and under a loaded machine
    // (ctest -j, the sanitizers) the full delay often outlasts it.
    const int kills = k % 2 == 0 ? 2 : 1;
    for (int i = 0; i < kills; ++i) {
      const pid_t pid = Spawn(RunArgs(out, db), dir.path());
      const double delay = full * k / (kPoints + 2) / (i == 0 ? 1 : 2);
      std::this_thread::sleep_for(std::chrono::duration<double>(delay));
      ::kill(pid, SIGKILL);
      if (Wait(pid) == 128 + SIGKILL) ++killed;
    }
    if (std::filesystem::exists(dir.path() / db)) {
      auto before = Database::Open((dir.path() / db).string());
      ASSERT_TRUE(before.ok());
      auto files = (*before)->HasTable("files");
      committed.insert(files.ok() && *files ? *(*before)->QueryInt("SELECT count(*) FROM files") : 0);
    } else {
      committed.insert(0);
    }
    EXPECT_EQ(Wait(Spawn(RunArgs(out, db), dir.path())), 0) << "kill point " << k;
    EXPECT_EQ(ReadFileToString(dir.path() / out / "m.csv"), reference) << "kill point " << k;
    auto check = Database::Open((dir.path() / db).string());
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(*(*check)->QueryText("PRAGMA integrity_check"), "ok") << "kill point " << k;
    EXPECT_EQ(*(*check)->QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(*(*check)->QueryText("SELECT status FROM runs ORDER BY id DESC LIMIT 1"), "completed");
    // The runs it killed were marked interrupted when the next one started.
    EXPECT_EQ(*(*check)->QueryInt("SELECT count(*) FROM runs WHERE status = 'running'"), 0)
        << "kill point " << k;
  }
  EXPECT_GE(killed, kPoints) << "most runs should have been killed before they finished";
  EXPECT_GE(committed.size(), 3u) << "the kills should land before, between and after file commits";
}

}  // namespace
}  // namespace resume_kill_test
}  // namespace flexpipe
