// Model `weighted` (docs/scoring.md): six component scores, a weighted mean,
// bonuses, a cap and Python rounding. Every formula is evaluated in doubles in
// the order the specification writes it, so scores match the original to the
// last bit. Immutable after construction; safe to share across threads.
#pragma once

#include <array>
#include <string>

#include "score/profile.h"
#include "score/scorer.h"

namespace flexpipe {

class WeightedModel final : public Scorer {
 public:
  enum Component : size_t { kZoning, kSize, kBuilding, kLocation, kActivity, kValue, kComponentCount };
  enum Flag : uint32_t { kHighPotential = 1u << 0, kIdealBuilding = 1u << 1 };

  // `profile` must be valid (ValidateScoringProfile).
  WeightedModel(const WeightedProfile& profile, const ClassificationThresholds& classes,
                const ScoringContext& context);

  std::string_view name() const override { return "weighted"; }
  std::span<const std::string> component_names() const override { return component_names_; }
  std::span<const std::string> flag_names() const override { return flag_names_; }
  // Missing numbers count as 0; `columns` is not used.
  void Score(const Record& record, const ColumnSet& columns, ScoreResult* out) const override;

  // The component scores on their own (unrounded).
  double ZoningScore(const Record& r) const;
  double SizeScore(const Record& r) const;
  double BuildingScore(const Record& r) const;
  double LocationScore(const Record& r) const;
  double ActivityScore(const Record& r) const;
  double ValueScore(const Record& r) const;

 private:
  WeightedProfile p_;
  ClassificationThresholds classes_;
  ScoringContext context_;
  double weight_sum_;
  std::array<std::string, kComponentCount> component_names_;
  std::array<std::string, 2> flag_names_;
};

}  // namespace flexpipe
