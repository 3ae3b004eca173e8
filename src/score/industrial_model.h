// Model `industrial` (docs/scoring.md): the broker-export classifier. Rows
// must pass the filters on property type, building size and acreage (each
// skipped when the file lacks the column; a missing value fails it); the score
// is a capped sum of points per field. Immutable after construction; safe to
// share across threads.
#pragma once

#include <array>
#include <string>

#include "score/profile.h"
#include "score/scorer.h"
#include "score/text_match.h"

namespace flexpipe {

class IndustrialModel final : public Scorer {
 public:
  enum Component : size_t { kSize, kType, kLot, kAge, kOccupancy, kComponentCount };

  // `profile` must be valid (ValidateScoringProfile).
  IndustrialModel(const IndustrialProfile& profile, const ClassificationThresholds& classes,
                  const ScoringContext& context);

  std::string_view name() const override { return "industrial"; }
  std::span<const std::string> component_names() const override { return component_names_; }
  std::span<const std::string> flag_names() const override { return {}; }
  void Score(const Record& record, const ColumnSet& columns, ScoreResult* out) const override;

  // Whether the row passes every filter whose column is in `columns`.
  bool PassesFilters(const Record& record, const ColumnSet& columns) const;
  // Points of the first property-type tier with a keyword contained in `type`.
  double PropertyTypePoints(std::string_view type) const;
  double OccupancyPoints(const Record& record) const;

 private:
  bool PassesFilters(const Record& record, const ColumnSet& columns, const FoldedText& type) const;
  double PropertyTypePoints(const FoldedText& type) const;

  IndustrialProfile p_;
  ClassificationThresholds classes_;
  ScoringContext context_;
  std::array<std::string, kComponentCount> component_names_;
};

}  // namespace flexpipe
