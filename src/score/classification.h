// Classification of a final (rounded) score into the five flex classes, with
// thresholds from the scoring profile. Both models use the same thresholds.
// (ClassificationName is declared in score/scorer.h.)
#pragma once

#include "score/scorer.h"

namespace flexpipe {

// Minimum final score of each class; a score below `possible_flex` is
// UNLIKELY_FLEX. Defaults are scoring.md's.
struct ClassificationThresholds {
  double prime_flex = 8;
  double good_flex = 6;
  double potential_flex = 4;
  double possible_flex = 2;
  friend bool operator==(const ClassificationThresholds&, const ClassificationThresholds&) = default;
};

// The highest class whose threshold `score` reaches (score >= threshold).
Classification Classify(double score, const ClassificationThresholds& thresholds);

}  // namespace flexpipe
