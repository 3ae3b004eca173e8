#include "core/record_log.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/fault_injection_fs.h"

namespace flexpipe {
namespace record_log_test {
namespace {

using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::TempDir;

// Records of every awkward size: empty, one byte, 127/128 (the length's
// varint grows), a chunk's worth, and bigger than a chunk.
std::vector<std::string> AwkwardRecords() {
  std::vector<std::string> out;
  for (const size_t n : {size_t{0}, size_t{1}, size_t{127}, size_t{128}, size_t{5000}, RecordLog::kChunkBytes,
                         RecordLog::kChunkBytes * 2 + 17}) {
    std::string r(n, '\0');
    for (size_t i = 0; i < n; ++i) r[i] = static_cast<char>('a' + (i * 7 + n) % 26);
    out.push_back(std::move(r));
  }
  for (int i = 0; i < 20'000; ++i) out.push_back("row " + std::to_string(i) + std::string(i % 300, 'x'));
  return out;
}

void AppendAll(RecordLog* log, const std::vector<std::string>& records, std::vector<uint64_t>* offsets) {
  for (const std::string& r : records) {
    auto offset = log->Append(r);
    ASSERT_TRUE(offset.ok()) << offset.status().ToString();
    offsets->push_back(*offset);
  }
}

void ExpectAllReadBack(const RecordLog& log, const std::vector<std::string>& records,
                       const std::vector<uint64_t>& offsets) {
  std::string scratch;
  for (size_t i = records.size(); i-- > 0;) {  // backwards: no help from read order
    std::string_view got;
    ASSERT_TRUE(log.Read(offsets[i], &scratch, &got).ok());
    ASSERT_EQ(got, records[i]) << "record " << i;
  }
}

TEST(RecordLog, WithoutABudgetKeepsEveryRecordInMemory) {
  RecordLog log;
  const auto records = AwkwardRecords();
  std::vector<uint64_t> offsets;
  AppendAll(&log, records, &offsets);
  EXPECT_FALSE(log.spilled());
  ExpectAllReadBack(log, records, offsets);
  EXPECT_GE(log.memory_bytes(), log.size());
}

TEST(RecordLog, OverItsBudgetSpillsToANamelessFileAndReadsEverythingBack) {
  TempDir dir;
  MemoryBudget budget(3 * RecordLog::kChunkBytes);
  RecordLog log(SpillOptions{testing::DefaultFs(), dir.path() / "spill", &budget});
  const auto records = AwkwardRecords();
  std::vector<uint64_t> offsets;
  AppendAll(&log, records, &offsets);
  ASSERT_TRUE(log.spilled());
  EXPECT_EQ(log.memory_bytes(), RecordLog::kChunkBytes);                       // the write buffer only
  EXPECT_EQ(budget.left(), static_cast<int64_t>(3 * RecordLog::kChunkBytes));  // all given back
  ExpectAllReadBack(log, records, offsets);
  // The folder was made for the scratch file, which has no name in it.
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "spill"));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path() / "spill"));
}

TEST(RecordLog, LogsShareOneBudgetAndGiveItBackWhenDestroyed) {
  TempDir dir;
  MemoryBudget budget(2 * RecordLog::kChunkBytes);
  const std::string record(100'000, 'r');
  {
    RecordLog first(SpillOptions{testing::DefaultFs(), dir.path(), &budget});
    RecordLog second(SpillOptions{testing::DefaultFs(), dir.path(), &budget});
    for (int i = 0; i < 15; ++i) ASSERT_TRUE(first.Append(record).ok());  // 1.5 MB: both chunks
    EXPECT_FALSE(first.spilled());
    EXPECT_EQ(budget.left(), 0);
    ASSERT_TRUE(second.Append(record).ok());  // nothing left: the second spills
    EXPECT_TRUE(second.spilled());
    EXPECT_FALSE(first.spilled());
  }
  EXPECT_EQ(budget.left(), static_cast<int64_t>(2 * RecordLog::kChunkBytes));
}

TEST(RecordLog, AScratchFileThatCannotBeMadeOrWrittenIsAnError) {
  TempDir dir;
  const std::string record(700'000, 'r');
  for (const FsOp op : {FsOp::kCreateScratchFile, FsOp::kAppend}) {
    SCOPED_TRACE(testing::FsOpName(op));
    FaultInjectionFileSystem fs;
    fs.FailAlways(op);
    MemoryBudget budget(0);
    RecordLog log(SpillOptions{&fs, dir.path(), &budget});
    Status failed;
    for (int i = 0; i < 4 && failed.ok(); ++i) failed = log.Append(record).status();
    EXPECT_EQ(failed.code(), ErrorCode::kIoError);
    EXPECT_NE(failed.message().find("injected fault"), std::string::npos) << failed.message();
  }
}

TEST(RecordLog, AFailedReadBackIsAnError) {
  TempDir dir;
  FaultInjectionFileSystem fs;
  MemoryBudget budget(0);
  RecordLog log(SpillOptions{&fs, dir.path(), &budget});
  const std::string record(3000, 'r');
  std::vector<uint64_t> offsets;
  for (int i = 0; i < 1000; ++i) offsets.push_back(log.Append(record).value());
  ASSERT_TRUE(log.spilled());
  fs.FailAlways(FsOp::kReadAt);
  std::string scratch;
  std::string_view got;
  EXPECT_EQ(log.Read(offsets[0], &scratch, &got).code(), ErrorCode::kIoError);
  fs.ClearFaults();
  ASSERT_TRUE(log.Read(offsets[0], &scratch, &got).ok());
  EXPECT_EQ(got, record);
}

}  // namespace
}  // namespace record_log_test
}  // namespace flexpipe
