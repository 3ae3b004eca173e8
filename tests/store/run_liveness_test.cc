// Runs left 'running' by a process that is gone are found and marked
// 'interrupted'; a run whose process is alive never is (store/run_liveness.h).
#include "store/run_liveness.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "store/run_store.h"
#include "store/store_test_util.h"

namespace flexpipe {
namespace run_liveness_test {
namespace {

using testing::FixedClock;
using testing::TempDir;

class RunLivenessTest : public ::testing::Test {
 protected:
  std::string db_path() const { return (dir_.path() / "flexpipe.db").string(); }

  std::unique_ptr<RunStore> OpenStore() {
    auto store = RunStore::Open(db_path(), testing::DefaultFs(), &clock_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // A run row as a killed process leaves it: 'running', no lock held.
  int64_t InsertRunningRow(RunStore* store) {
    EXPECT_TRUE(store->database()
                    ->Exec("INSERT INTO runs (started_at, status, flexpipe_version, settings_fingerprint, "
                           "config) VALUES ('2025-06-30T10:00:00Z', 'running', '0.1.0', 's', '{}')")
                    .ok());
    return store->database()->last_insert_rowid();
  }

  std::string Status(RunStore* store, int64_t run) {
    auto text = store->database()->QueryText("SELECT status FROM runs WHERE id = " + std::to_string(run));
    return text.ok() ? *text : text.status().ToString();
  }

  TempDir dir_;
  FixedClock clock_;
};

TEST_F(RunLivenessTest, ALockIsSeenFromAnotherOpenFileAndGoesWithIt) {
  auto holder = RunLiveness::Open(db_path());
  auto prober = RunLiveness::Open(db_path());
  ASSERT_TRUE(holder.ok() && prober.ok());
  EXPECT_FALSE((*prober)->IsHeld(3));
  ASSERT_TRUE((*holder)->Hold(3).ok());
  EXPECT_TRUE((*prober)->IsHeld(3));
  EXPECT_TRUE((*holder)->IsHeld(3));  // its own hold counts too
  EXPECT_FALSE((*prober)->IsHeld(4));
  (*holder)->Release(3);
  EXPECT_FALSE((*prober)->IsHeld(3));
  ASSERT_TRUE((*holder)->Hold(5).ok());
  holder->reset();  // closed: as when its process ends
  EXPECT_FALSE((*prober)->IsHeld(5));
  EXPECT_TRUE(std::filesystem::exists(RunLiveness::LockPath(db_path())));
}

TEST_F(RunLivenessTest, ALockHeldByAProcessGoesWhenItIsKilled) {
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto held = RunLiveness::Open(db_path());
    const char ok = held.ok() && (*held)->Hold(7).ok() ? 'y' : 'n';
    (void)!::write(ready[1], &ok, 1);
    ::pause();
    ::_exit(0);
  }
  char ok = 0;
  ASSERT_EQ(::read(ready[0], &ok, 1), 1);
  ASSERT_EQ(ok, 'y');
  auto prober = RunLiveness::Open(db_path());
  ASSERT_TRUE(prober.ok());
  EXPECT_TRUE((*prober)->IsHeld(7));
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_FALSE((*prober)->IsHeld(7));
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_F(RunLivenessTest, ANewRunMarksRunsLeftRunningByAGoneProcess) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  const int64_t killed = InsertRunningRow(store.get());
  auto run = store->BeginRun(RunStart{"2025-06-30T11:00:00Z", "0.1.0", "s", "{}"});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(Status(store.get(), killed), "interrupted");
  EXPECT_EQ(*store->database()->QueryInt("SELECT count(*) FROM runs WHERE finished_at IS NULL"), 2);

  // The new run is alive while it runs: a second store sees it held.
  auto other = OpenStore();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->BeginRun(RunStart{"2025-06-30T11:00:01Z", "0.1.0", "s", "{}"}).ok());
  EXPECT_EQ(Status(other.get(), *run), "running");
  auto marked = MarkAbandonedRuns(db_path());
  ASSERT_TRUE(marked.ok()) << marked.status().ToString();
  EXPECT_TRUE(marked->empty());

  RunFinish finish;
  ASSERT_TRUE(store->FinishRun(*run, finish).ok());
  EXPECT_EQ(Status(store.get(), *run), "completed");
}

TEST_F(RunLivenessTest, MarkAbandonedRunsLeavesLiveAndFinishedRunsAlone) {
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  const int64_t gone = InsertRunningRow(store.get());
  const int64_t alive = InsertRunningRow(store.get());
  ASSERT_TRUE(
      store->database()
          ->Exec("INSERT INTO runs (started_at, status, flexpipe_version, settings_fingerprint, config) "
                 "VALUES ('2025-06-30T09:00:00Z', 'completed', '0.1.0', 's', '{}')")
          .ok());
  auto holder = RunLiveness::Open(db_path());
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE((*holder)->Hold(alive).ok());

  auto marked = MarkAbandonedRuns(db_path());
  ASSERT_TRUE(marked.ok()) << marked.status().ToString();
  EXPECT_EQ(*marked, std::vector<int64_t>{gone});
  EXPECT_EQ(Status(store.get(), gone), "interrupted");
  EXPECT_EQ(Status(store.get(), alive), "running");
  EXPECT_EQ(*store->database()->QueryText(
                "SELECT group_concat(status, ',') FROM (SELECT status FROM runs ORDER BY id)"),
            "interrupted,running,completed");
}

TEST_F(RunLivenessTest, ADatabaseThatIsNotAFileHasNoLockFile) {
  auto memory = RunLiveness::Open(":memory:");
  ASSERT_TRUE(memory.ok());
  EXPECT_TRUE((*memory)->Hold(1).ok());
  EXPECT_TRUE((*memory)->IsHeld(2));  // cannot be told: alive
}

}  // namespace
}  // namespace run_liveness_test
}  // namespace flexpipe
