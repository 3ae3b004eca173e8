#include "store/snapshot.h"

#include <string>

#include <gtest/gtest.h>

namespace flexpipe {
namespace snapshot_test {
namespace {

// A set big enough for several ~1 MiB snapshot chunks.
std::unique_ptr<CandidateSet> BigSet(size_t candidates) {
  CandidateLayout layout;
  layout.fields = {Field::kAddress, Field::kCity};
  auto set = std::make_unique<CandidateSet>(layout, /*deduplicate=*/false);
  CellPacker packer;
  ScoreResult result;
  result.candidate = true;
  for (size_t i = 0; i < candidates; ++i) {
    packer.Clear();
    packer.Add(std::to_string(i * 7919 % 100'003) + " INDUSTRIAL WAY, SUITE " + std::to_string(i % 97));
    packer.Add(i % 2 == 0 ? "DELRAY BEACH" : "BOCA RATON");
    result.score = static_cast<double>(i % 1000) / 100;
    EXPECT_TRUE(set->Add(RowId{0, 0, i + 2}, result, packer.bytes(), {}).ok());
  }
  set->Seal();
  return set;
}

TEST(SnapshotChunks, CoverEveryCandidateInOrderAndReadBack) {
  const auto set = BigSet(60'000);
  SnapshotChunks chunks(*set, 0);
  SnapshotChunks::Chunk chunk;
  size_t next = 0, count = 0;
  CandidateSet back(set->layout(), false);
  while (chunks.Next(&chunk)) {
    ASSERT_TRUE(chunk.status.ok());
    EXPECT_EQ(chunk.begin, next);
    EXPECT_GT(chunk.end, chunk.begin);
    next = chunk.end;
    ++count;
    auto plain = InflateSnapshotChunk(chunk.bytes);
    ASSERT_TRUE(plain.ok());
    auto n = ReadSnapshot(*plain, 0, 0, &back);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(*n, chunk.end - chunk.begin);
  }
  EXPECT_EQ(next, set->size());
  EXPECT_GT(count, 2u);
  ASSERT_EQ(back.size(), set->size());
  std::string scratch_a, scratch_b;
  Candidate a, b;
  ASSERT_TRUE(back.Load(back.size() - 1, &scratch_a, &a).ok());
  ASSERT_TRUE(set->Load(set->size() - 1, &scratch_b, &b).ok());
  EXPECT_EQ(a.packed_cells, b.packed_cells);
  EXPECT_EQ(a.id, b.id);
}

TEST(SnapshotChunks, ACallerThatStopsEarlyDoesNotWaitForTheRest) {
  const auto set = BigSet(200'000);
  SnapshotChunks::Chunk chunk;
  {
    SnapshotChunks chunks(*set, 0);
    ASSERT_TRUE(chunks.Next(&chunk));
  }  // the builder, blocked kAhead chunks ahead, is stopped and joined
  EXPECT_EQ(chunk.begin, 0u);
  const CandidateSet none(CandidateLayout{}, false);
  SnapshotChunks empty(none, 0);
  EXPECT_FALSE(empty.Next(&chunk));
}

}  // namespace
}  // namespace snapshot_test
}  // namespace flexpipe
