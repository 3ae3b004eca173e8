// Defaults and validation of scoring profiles. Parsing: profile_parse.cc;
// rendering: profile_render.cc.
#include "score/profile.h"

#include <cmath>

#include <fmt/format.h>

namespace flexpipe {
namespace {

Status Invalid(std::string_view path, std::string_view message) {
  return Status(ErrorCode::kConfigError, fmt::format("{}: {}", path, message));
}

Status CheckFinite(double v, std::string_view path) {
  if (!std::isfinite(v)) return Invalid(path, "must be a finite number");
  return Status::Ok();
}

Status CheckRange(const Range& r, std::string_view path) {
  if (std::isnan(r.lower) || std::isnan(r.upper) || r.lower == std::numeric_limits<double>::infinity() ||
      r.upper == -std::numeric_limits<double>::infinity()) {
    return Invalid(path, "bounds must be finite numbers");
  }
  const bool empty = r.lower > r.upper || (r.lower == r.upper && !(r.lower_inclusive && r.upper_inclusive));
  if (empty) return Invalid(path, "the range contains no value (lower bound above upper bound)");
  return Status::Ok();
}

Status CheckBand(const Band& b, std::string_view path) {
  FP_RETURN_IF_ERROR(CheckRange(b.range, path));
  return CheckFinite(b.points, fmt::format("{}.points", path));
}

Status CheckBands(const std::vector<Band>& bands, std::string_view path) {
  for (size_t i = 0; i < bands.size(); ++i) {
    FP_RETURN_IF_ERROR(CheckBand(bands[i], fmt::format("{}[{}]", path, i)));
  }
  return Status::Ok();
}

Status CheckKeywords(const std::vector<std::string>& words, std::string_view path) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].empty()) return Invalid(fmt::format("{}[{}]", path, i), "must not be empty");
  }
  return Status::Ok();
}

Status CheckTiers(const std::vector<KeywordTier>& tiers, std::string_view path, std::string_view score_key,
                  std::string_view list_key) {
  for (size_t i = 0; i < tiers.size(); ++i) {
    const std::string tier = fmt::format("{}[{}]", path, i);
    FP_RETURN_IF_ERROR(CheckFinite(tiers[i].score, fmt::format("{}.{}", tier, score_key)));
    const std::string list = fmt::format("{}.{}", tier, list_key);
    if (tiers[i].keywords.empty()) return Invalid(list, "must list at least one entry");
    FP_RETURN_IF_ERROR(CheckKeywords(tiers[i].keywords, list));
  }
  return Status::Ok();
}

// All named numbers of a rule group: {key, value} pairs under `path`.
struct Named {
  std::string_view key;
  double value;
};
Status CheckAllFinite(std::initializer_list<Named> numbers, std::string_view path) {
  for (const Named& n : numbers) FP_RETURN_IF_ERROR(CheckFinite(n.value, fmt::format("{}.{}", path, n.key)));
  return Status::Ok();
}

Status ValidateWeighted(const WeightedProfile& p) {
  const WeightedWeights& w = p.weights;
  FP_RETURN_IF_ERROR(CheckAllFinite({{"zoning", w.zoning},
                                     {"size", w.size},
                                     {"building", w.building},
                                     {"location", w.location},
                                     {"activity", w.activity},
                                     {"value", w.value}},
                                    "weighted.weights"));
  for (double v : {w.zoning, w.size, w.building, w.location, w.activity, w.value}) {
    if (v < 0) return Invalid("weighted.weights", "weights must not be negative");
  }
  if (!(w.zoning + w.size + w.building + w.location + w.activity + w.value > 0)) {
    return Invalid("weighted.weights", "at least one weight must be above 0");
  }

  FP_RETURN_IF_ERROR(CheckTiers(p.zoning.tiers, "weighted.zoning.tiers", "score", "codes"));
  FP_RETURN_IF_ERROR(CheckFinite(p.zoning.other_score, "weighted.zoning.other_score"));

  const SizeRules& s = p.size;
  FP_RETURN_IF_ERROR(CheckAllFinite({{"none_max_acres", s.none_max_acres},
                                     {"none_score", s.none_score},
                                     {"min_acres", s.min_acres},
                                     {"small_score", s.small_score},
                                     {"max_acres", s.max_acres},
                                     {"large_score", s.large_score},
                                     {"ideal_acres", s.ideal_acres},
                                     {"ideal_score", s.ideal_score},
                                     {"ramp_base", s.ramp_base},
                                     {"ramp_points", s.ramp_points}},
                                    "weighted.size"));
  if (!(s.min_acres < s.ideal_acres && s.ideal_acres < s.max_acres)) {
    return Invalid("weighted.size", "min_acres < ideal_acres < max_acres must hold");
  }

  const BuildingRules& b = p.building;
  FP_RETURN_IF_ERROR(CheckBands(b.without_building_data, "weighted.building.without_building_data"));
  FP_RETURN_IF_ERROR(CheckAllFinite({{"base", b.base}, {"cap", b.cap}}, "weighted.building"));
  FP_RETURN_IF_ERROR(CheckBand(b.sqft, "weighted.building.sqft"));
  FP_RETURN_IF_ERROR(CheckBand(b.sqft_sweet_spot, "weighted.building.sqft_sweet_spot"));
  FP_RETURN_IF_ERROR(CheckBand(b.ceiling_height, "weighted.building.ceiling_height"));
  FP_RETURN_IF_ERROR(CheckBand(b.doors, "weighted.building.doors"));
  FP_RETURN_IF_ERROR(CheckBand(b.office_ratio, "weighted.building.office_ratio"));

  const LocationRules& l = p.location;
  FP_RETURN_IF_ERROR(
      CheckAllFinite({{"base", l.base}, {"near_highway_points", l.near_highway_points}, {"cap", l.cap}},
                     "weighted.location"));
  FP_RETURN_IF_ERROR(CheckTiers(l.city_tiers, "weighted.location.city_tiers", "points", "names"));

  const ActivityRules& a = p.activity;
  FP_RETURN_IF_ERROR(CheckAllFinite(
      {{"base", a.base}, {"recent_sale_points", a.recent_sale_points}, {"cap", a.cap}}, "weighted.activity"));
  if (a.recent_sale_days < 0) return Invalid("weighted.activity.recent_sale_days", "must not be negative");

  const ValueRules& v = p.value;
  FP_RETURN_IF_ERROR(CheckAllFinite({{"base", v.base}, {"cap", v.cap}}, "weighted.value"));
  FP_RETURN_IF_ERROR(CheckBands(v.ratio, "weighted.value.improvement_to_land_ratio"));
  FP_RETURN_IF_ERROR(CheckBands(v.improvement, "weighted.value.improvement_value"));
  FP_RETURN_IF_ERROR(CheckBand(v.price_per_sqft, "weighted.value.price_per_sqft"));

  const BonusRules& bonus = p.bonuses;
  FP_RETURN_IF_ERROR(CheckAllFinite({{"min_zoning", bonus.high_potential.min_zoning},
                                     {"min_size", bonus.high_potential.min_size},
                                     {"points", bonus.high_potential.points}},
                                    "weighted.bonuses.high_potential"));
  FP_RETURN_IF_ERROR(CheckAllFinite(
      {{"min_building", bonus.ideal_building.min_building}, {"points", bonus.ideal_building.points}},
      "weighted.bonuses.ideal_building"));
  return CheckFinite(p.cap, "weighted.cap");
}

Status ValidateIndustrial(const IndustrialProfile& p) {
  FP_RETURN_IF_ERROR(CheckKeywords(p.filters.property_types, "industrial.filters.property_types"));
  FP_RETURN_IF_ERROR(CheckRange(p.filters.building_sqft, "industrial.filters.building_sqft"));
  FP_RETURN_IF_ERROR(CheckRange(p.filters.acres, "industrial.filters.acres"));
  FP_RETURN_IF_ERROR(CheckBands(p.points.building_sqft, "industrial.points.building_sqft"));
  FP_RETURN_IF_ERROR(
      CheckTiers(p.points.property_type, "industrial.points.property_type", "points", "contains"));
  FP_RETURN_IF_ERROR(CheckBands(p.points.acres, "industrial.points.acres"));
  FP_RETURN_IF_ERROR(CheckBands(p.points.year_built, "industrial.points.year_built"));
  FP_RETURN_IF_ERROR(
      CheckFinite(p.points.occupancy.percent_above, "industrial.points.occupancy.percent_above"));
  FP_RETURN_IF_ERROR(CheckBands(p.points.occupancy.bands, "industrial.points.occupancy.bands"));
  return CheckFinite(p.cap, "industrial.cap");
}

}  // namespace

ScoringProfile DefaultScoringProfile() { return ScoringProfile{}; }

Status ValidateScoringProfile(const ScoringProfile& profile) {
  const ClassificationThresholds& c = profile.classification;
  FP_RETURN_IF_ERROR(CheckAllFinite({{"prime_flex", c.prime_flex},
                                     {"good_flex", c.good_flex},
                                     {"potential_flex", c.potential_flex},
                                     {"possible_flex", c.possible_flex}},
                                    "classification"));
  if (!(c.prime_flex >= c.good_flex && c.good_flex >= c.potential_flex &&
        c.potential_flex >= c.possible_flex)) {
    return Invalid("classification", "thresholds must not increase from prime_flex to possible_flex");
  }
  FP_RETURN_IF_ERROR(ValidateWeighted(profile.weighted));
  return ValidateIndustrial(profile.industrial);
}

}  // namespace flexpipe
