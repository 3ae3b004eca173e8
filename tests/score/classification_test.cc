// scoring.md, "Classification of the final score".
#include "score/classification.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace classification_test {
namespace {

TEST(Classify, DefaultThresholdsAreInclusive) {
  const ClassificationThresholds t;
  const struct {
    double score;
    Classification expected;
  } cases[] = {
      {10, Classification::kPrimeFlex},       {8, Classification::kPrimeFlex},
      {7.99, Classification::kGoodFlex},      {6, Classification::kGoodFlex},
      {5.99, Classification::kPotentialFlex}, {4, Classification::kPotentialFlex},
      {3.99, Classification::kPossibleFlex},  {2, Classification::kPossibleFlex},
      {1.99, Classification::kUnlikelyFlex},  {0, Classification::kUnlikelyFlex},
  };
  for (const auto& c : cases) EXPECT_EQ(Classify(c.score, t), c.expected) << c.score;
}

TEST(Classify, ThresholdsComeFromTheProfile) {
  const ClassificationThresholds t{9, 7, 5, 3};
  EXPECT_EQ(Classify(8.5, t), Classification::kGoodFlex);
  EXPECT_EQ(Classify(9, t), Classification::kPrimeFlex);
  EXPECT_EQ(Classify(2.5, t), Classification::kUnlikelyFlex);
}

TEST(ClassificationName, UpperSnakeNames) {
  EXPECT_EQ(ClassificationName(Classification::kPrimeFlex), "PRIME_FLEX");
  EXPECT_EQ(ClassificationName(Classification::kGoodFlex), "GOOD_FLEX");
  EXPECT_EQ(ClassificationName(Classification::kPotentialFlex), "POTENTIAL_FLEX");
  EXPECT_EQ(ClassificationName(Classification::kPossibleFlex), "POSSIBLE_FLEX");
  EXPECT_EQ(ClassificationName(Classification::kUnlikelyFlex), "UNLIKELY_FLEX");
}

}  // namespace
}  // namespace classification_test
}  // namespace flexpipe
