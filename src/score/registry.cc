#include "score/registry.h"

#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "score/industrial_model.h"
#include "score/weighted_model.h"

namespace flexpipe {
namespace {

using Factory = std::unique_ptr<Scorer> (*)(const ScoringProfile&, const ScoringContext&);

struct ModelEntry {
  std::string_view name;
  Factory make;
};

template <typename Model, auto kRules>
std::unique_ptr<Scorer> Make(const ScoringProfile& profile, const ScoringContext& context) {
  return std::make_unique<Model>(profile.*kRules, profile.classification, context);
}

// Every model, by name. Adding a model is one new file (src/score/<name>_model.{h,cc}: a
// class implementing Scorer, constructed from its section of ScoringProfile, the
// classification thresholds and the ScoringContext) plus one line in this table.
// A model with tunable numbers also adds its section to ScoringProfile (profile.h).
constexpr ModelEntry kModels[] = {
    {"weighted", &Make<WeightedModel, &ScoringProfile::weighted>},
    {"industrial", &Make<IndustrialModel, &ScoringProfile::industrial>},
};

}  // namespace

std::span<const std::string_view> ModelNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    for (const ModelEntry& entry : kModels) v.push_back(entry.name);
    return v;
  }();
  return names;
}

Result<std::unique_ptr<Scorer>> MakeScorer(std::string_view model, const ScoringProfile& profile,
                                           const ScoringContext& context) {
  for (const ModelEntry& entry : kModels) {
    if (entry.name != model) continue;
    FP_RETURN_IF_ERROR(ValidateScoringProfile(profile));
    return entry.make(profile, context);
  }
  return Status(ErrorCode::kConfigError, fmt::format("unknown scoring model '{}' (known models: {})", model,
                                                     fmt::join(ModelNames(), ", ")));
}

}  // namespace flexpipe
