// The scoring extension point (the seed's "custom scorer"): a model turns a
// canonical Record into a ScoreResult. A new model is one new file with a
// class implementing Scorer plus one line in the registry (score/registry.cc).
// Scorers are immutable after construction and safe to share across threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "flexpipe/status.h"
#include "schema/record.h"

namespace flexpipe {

inline constexpr size_t kMaxComponents = 8;
inline constexpr size_t kMaxFlags = 16;

enum class Classification : uint8_t { kPrimeFlex, kGoodFlex, kPotentialFlex, kPossibleFlex, kUnlikelyFlex };
std::string_view ClassificationName(Classification c);  // "PRIME_FLEX", ...

struct ScoreResult {
  double score = 0;  // final score, already rounded to 2 decimals (Python round())
  std::array<double, kMaxComponents> components{};  // unrounded, in component_names() order
  uint32_t flags = 0;                               // bit i set ⇔ flag_names()[i] applies
  Classification classification = Classification::kUnlikelyFlex;
  bool candidate = false;  // passes the model's filters and score >= min_flex_score
};

// Run-level settings every model receives.
struct ScoringContext {
  Date as_of;                   // "today" for recency rules
  double min_flex_score = 4.0;  // candidate threshold
};

class Scorer {
 public:
  virtual ~Scorer() = default;
  virtual std::string_view name() const = 0;
  // Output column names of the component scores, e.g. "zoning_score".
  virtual std::span<const std::string> component_names() const = 0;
  virtual std::span<const std::string> flag_names() const = 0;
  // `columns` says which fields the file's header provides (the `industrial`
  // model skips filters on absent columns).
  virtual void Score(const Record& record, const ColumnSet& columns, ScoreResult* out) const = 0;
};

}  // namespace flexpipe
