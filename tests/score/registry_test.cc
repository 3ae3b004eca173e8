// Models are chosen by name from one table.
#include "score/registry.h"

#include <gtest/gtest.h>

#include "config/settings.h"
#include "score/score_test_util.h"

namespace flexpipe {
namespace registry_test {
namespace {

TEST(ScorerRegistry, KnowsBothModelsWeightedFirst) {
  const std::vector<std::string_view> names(ModelNames().begin(), ModelNames().end());
  EXPECT_EQ(names, (std::vector<std::string_view>{"weighted", "industrial"}));
}

// scoring.model's allowed values (config/settings.cc) are checked when the
// configuration is read, before the registry is asked: the two lists are one.
TEST(ScorerRegistry, TheSettingAcceptsExactlyTheRegisteredModels) {
  const config::Setting* model = config::FindSetting("scoring.model");
  ASSERT_NE(model, nullptr);
  const std::vector<std::string_view> choices(model->choices.begin(), model->choices.end());
  EXPECT_EQ(choices, std::vector<std::string_view>(ModelNames().begin(), ModelNames().end()));
}

TEST(ScorerRegistry, MakesEveryRegisteredModelUnderItsName) {
  for (std::string_view name : ModelNames()) {
    auto scorer = MakeScorer(name, DefaultScoringProfile(), ScoringContext{});
    ASSERT_TRUE(scorer.ok()) << scorer.status().ToString();
    EXPECT_EQ((*scorer)->name(), name);
  }
}

TEST(ScorerRegistry, UnknownModelIsAConfigErrorListingTheKnownOnes) {
  auto scorer = MakeScorer("flexy", DefaultScoringProfile(), ScoringContext{});
  ASSERT_FALSE(scorer.ok());
  EXPECT_EQ(scorer.status().code(), ErrorCode::kConfigError);
  EXPECT_NE(scorer.status().message().find("'flexy'"), std::string::npos);
  EXPECT_NE(scorer.status().message().find("weighted, industrial"), std::string::npos);
}

TEST(ScorerRegistry, RejectsAnInvalidProfile) {
  ScoringProfile p = DefaultScoringProfile();
  p.weighted.weights = {0, 0, 0, 0, 0, 0};
  auto scorer = MakeScorer("weighted", p, ScoringContext{});
  ASSERT_FALSE(scorer.ok());
  EXPECT_EQ(scorer.status().code(), ErrorCode::kConfigError);
}

TEST(ScorerRegistry, TheScorerUsesTheProfileAndContext) {
  ScoringProfile p = DefaultScoringProfile();
  p.weighted.zoning.tiers = {{10, {"PUD"}}};
  auto scorer = MakeScorer("weighted", p, ScoringContext{Date{20000}, 1.0});
  ASSERT_TRUE(scorer.ok());
  Record r;
  testing::SetText(r, Field::kZoning, "pud");
  ScoreResult s;
  (*scorer)->Score(r, ColumnSet(), &s);
  EXPECT_EQ(s.components[0], 10);
  EXPECT_EQ(s.score, 4.32);  // (30 + 0 + 0 + 7.5 + 5 + 5) / 11 = 4.318…
  EXPECT_TRUE(s.candidate);
}

}  // namespace
}  // namespace registry_test
}  // namespace flexpipe
