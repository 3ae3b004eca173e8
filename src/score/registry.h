// The scoring models by name: one table in registry.cc, explicit
// registration, no static-initialisation tricks. Adding a model is one new
// file with a class implementing Scorer plus one line in that table (and its
// name in scoring.model's choices, config/settings.cc: a test holds the two
// lists equal).
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include "flexpipe/status.h"
#include "score/profile.h"
#include "score/scorer.h"

namespace flexpipe {

// The model called `model` ("weighted", "industrial"), configured by
// `profile`. kConfigError for an unknown name (listing the known ones) or an
// invalid profile.
Result<std::unique_ptr<Scorer>> MakeScorer(std::string_view model, const ScoringProfile& profile,
                                           const ScoringContext& context);

// The registered model names, in table order; the first is the default.
std::span<const std::string_view> ModelNames();

}  // namespace flexpipe
