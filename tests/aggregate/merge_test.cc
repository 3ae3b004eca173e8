#include "aggregate/merge.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace merge_test {
namespace {

ScoreResult Scored(double score) {
  ScoreResult r;
  r.score = score;
  r.candidate = true;
  return r;
}

std::unique_ptr<CandidateSet> MakeSet(uint32_t file,
                                      std::vector<std::tuple<uint64_t, double, std::string>> rows,
                                      bool dedup = true) {
  auto set = std::make_unique<CandidateSet>(CandidateLayout{{Field::kAddress}, {}}, dedup);
  for (const auto& [row, score, key] : rows) {
    CellPacker packer;
    packer.Add(key);
    EXPECT_TRUE(set->Add(RowId{file, 0, row}, Scored(score), packer.bytes(), key).ok());
  }
  set->Seal();
  return set;
}

std::vector<std::pair<uint32_t, uint64_t>> Ids(const std::vector<const CandidateSet*>& sets,
                                               const MergeResult& m) {
  std::vector<std::pair<uint32_t, uint64_t>> out;
  CandidateReader reader(sets);
  for (CandidateRef ref : m.ranked) {
    const Candidate& c = reader.Read(ref);
    out.emplace_back(c.id.file, c.id.row);
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return out;
}

TEST(CandidateSet, KeepsTheHighestScoreWithinAFileAndTheFirstOnTies) {
  auto set = MakeSet(0, {{2, 5.0, "a"}, {3, 6.0, "a"}, {4, 6.0, "a"}, {5, 4.0, "b"}});
  ASSERT_EQ(set->size(), 2u);
  EXPECT_EQ(set->id(0).row, 3u);
  EXPECT_EQ(set->offered(), 4u);
  EXPECT_EQ(set->duplicates(), 2u);
}

TEST(CandidateSet, NeverMergesRowsWithoutAKey) {
  auto set = MakeSet(0, {{2, 5.0, ""}, {3, 5.0, ""}});
  EXPECT_EQ(set->size(), 2u);
}

TEST(CandidateSet, PacksCellsLosslessly) {
  CellPacker packer;
  const std::string big(300, 'x');
  packer.Add("");
  packer.Add("a,b\n\"c\"");
  packer.Add(big);
  PackedCells cells(packer.bytes());
  std::string_view cell;
  ASSERT_TRUE(cells.Next(&cell));
  EXPECT_EQ(cell, "");
  ASSERT_TRUE(cells.Next(&cell));
  EXPECT_EQ(cell, "a,b\n\"c\"");
  ASSERT_TRUE(cells.Next(&cell));
  EXPECT_EQ(cell, big);
  EXPECT_FALSE(cells.Next(&cell));
}

TEST(MergeAndRank, HighestScoreWinsAcrossFilesAndTiesGoToTheEarlierFile) {
  auto f0 = MakeSet(0, {{2, 5.0, "a"}, {3, 7.0, "b"}});
  auto f1 = MakeSet(1, {{2, 6.0, "a"}, {3, 7.0, "b"}, {4, 9.0, "c"}});
  std::vector<const CandidateSet*> sets{f0.get(), nullptr, f1.get()};
  auto merged = MergeAndRank(sets, true);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  const MergeResult& m = *merged;
  EXPECT_EQ(Ids(sets, m), (std::vector<std::pair<uint32_t, uint64_t>>{{1, 4}, {0, 3}, {1, 2}}));
  EXPECT_EQ(m.before_dedup, 5u);
  EXPECT_EQ(m.duplicates_removed, 2u);
}

TEST(MergeAndRank, RanksByScoreThenRowIdentityWhenDeduplicationIsOff) {
  auto f0 = MakeSet(0, {{9, 5.0, "a"}, {3, 5.0, "a"}}, false);
  auto f1 = MakeSet(1, {{2, 8.0, "a"}}, false);
  std::vector<const CandidateSet*> sets{f1.get(), f0.get()};  // order of sets does not matter for ties
  auto merged = MergeAndRank(sets, false);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  const MergeResult& m = *merged;
  EXPECT_EQ(Ids(sets, m), (std::vector<std::pair<uint32_t, uint64_t>>{{1, 2}, {0, 3}, {0, 9}}));
  EXPECT_EQ(m.duplicates_removed, 0u);
}

}  // namespace
}  // namespace merge_test
}  // namespace flexpipe
