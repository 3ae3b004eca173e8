#include "score/classification.h"

namespace flexpipe {

std::string_view ClassificationName(Classification c) {
  switch (c) {
    case Classification::kPrimeFlex:
      return "PRIME_FLEX";
    case Classification::kGoodFlex:
      return "GOOD_FLEX";
    case Classification::kPotentialFlex:
      return "POTENTIAL_FLEX";
    case Classification::kPossibleFlex:
      return "POSSIBLE_FLEX";
    case Classification::kUnlikelyFlex:
      return "UNLIKELY_FLEX";
  }
  return "UNLIKELY_FLEX";
}

Classification Classify(double score, const ClassificationThresholds& t) {
  if (score >= t.prime_flex) return Classification::kPrimeFlex;
  if (score >= t.good_flex) return Classification::kGoodFlex;
  if (score >= t.potential_flex) return Classification::kPotentialFlex;
  if (score >= t.possible_flex) return Classification::kPossibleFlex;
  return Classification::kUnlikelyFlex;
}

}  // namespace flexpipe
