// A scoring profile: every number, list and threshold of both scoring models
// (docs/scoring.md), with scoring.md's values as defaults. A YAML profile file
// overrides any subset of them; config/profiles/default.yaml is the rendered
// default profile (DefaultScoringProfileYaml), the reference for its layout.
//
// Overriding rules: maps merge key by key; lists and ranges ({min: .., max: ..})
// replace the default as a whole. Unknown keys, wrong types and inconsistent
// values are kConfigError naming the key path ("weighted.weights.zoning").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "score/band.h"
#include "score/classification.h"

namespace flexpipe {

// Values that earn `score` when the matched text equals or contains one of
// `keywords` (each rule says which), compared ignoring ASCII case. Keywords
// are stored trimmed, in the rule's canonical case (upper for zoning and
// cities, lower for property types).
struct KeywordTier {
  double score = 0;
  std::vector<std::string> keywords;
  friend bool operator==(const KeywordTier&, const KeywordTier&) = default;
};

// ---- Model `weighted` ----

struct WeightedWeights {
  double zoning = 3.0;
  double size = 2.0;
  double building = 2.5;
  double location = 1.5;
  double activity = 1.0;
  double value = 1.0;
  friend bool operator==(const WeightedWeights&, const WeightedWeights&) = default;
};

// Z = upper(trim(zoning)); the first tier listing Z gives the score.
struct ZoningRules {
  std::vector<KeywordTier> tiers = {
      {10, {"IL", "IP", "PIPD", "M-1"}},
      {8, {"IG", "IND", "M-2"}},
      {6, {"MUPD", "MXPD", "AGR/IND"}},
      {4, {"CG", "CH", "CS"}},
  };
  double other_score = 0;  // zoning in no tier (or missing)
  friend bool operator==(const ZoningRules&, const ZoningRules&) = default;
};

// From a = acres, checked in this order:
//   a <= none_max_acres → none_score; a < min_acres → small_score;
//   a > max_acres → large_score; a == ideal_acres → ideal_score;
//   min_acres <= a < ideal_acres → ramp_base + ((a - min_acres) / (ideal_acres - min_acres)) * ramp_points;
//   otherwise → ramp_base + ((max_acres - a) / (max_acres - ideal_acres)) * ramp_points.
struct SizeRules {
  double none_max_acres = 0;
  double none_score = 0;
  double min_acres = 0.5;
  double small_score = 2;
  double max_acres = 20;
  double large_score = 3;
  double ideal_acres = 2.5;
  double ideal_score = 10;
  double ramp_base = 5;
  double ramp_points = 5;
  friend bool operator==(const SizeRules&, const SizeRules&) = default;
};

struct BuildingRules {
  // Without building data (no building_sqft, office_sqft, warehouse_sqft,
  // ceiling_height or loading_docks + overhead_doors > 0): the first band
  // containing improvement_value gives the score.
  std::vector<Band> without_building_data = {{Range::Above(100000), 3}};
  double base = 5;
  Band sqft = {Range::MinMax(5000, 100000), 2};
  Band sqft_sweet_spot = {Range::MinMax(15000, 35000), 1};  // only when `sqft` applied
  Band ceiling_height = {Range::MinMax(14, 24), 2};         // only when ceiling_height > 0
  Band doors = {Range::Min(1), 1};                          // loading_docks + overhead_doors
  Band office_ratio = {Range::MinMax(0.15, 0.50), 2};       // office / (office + warehouse), both > 0
  double cap = 10;
  friend bool operator==(const BuildingRules&, const BuildingRules&) = default;
};

// C = upper(trim(city)); the first tier with a name contained in C adds its points.
struct LocationRules {
  double base = 5;
  std::vector<KeywordTier> city_tiers = {
      {3, {"BOCA RATON", "DELRAY BEACH", "BOYNTON BEACH", "WEST PALM BEACH"}},
      {2, {"LAKE WORTH", "RIVIERA BEACH", "JUPITER", "WELLINGTON"}},
  };
  double near_highway_points = 2;
  double cap = 10;
  friend bool operator==(const LocationRules&, const LocationRules&) = default;
};

struct ActivityRules {
  double base = 5;
  int32_t recent_sale_days = 730;  // sale_date >= as_of - recent_sale_days (future dates too)
  double recent_sale_points = 1;
  double cap = 10;
  friend bool operator==(const ActivityRules&, const ActivityRules&) = default;
};

struct ValueRules {
  double base = 5;
  // ratio = improvement_value / land_value, when land_value > 0.
  std::vector<Band> ratio = {{Range::Above(1.5), 2}, {Range::Above(0.5), 1}};
  std::vector<Band> improvement = {{Range::MinMax(500000, 5000000), 2}, {Range::MinBelow(250000, 500000), 1}};
  // improvement_value / building_sqft, when both > 0.
  Band price_per_sqft = {Range::MinMax(50, 150), 1};
  double cap = 10;
  friend bool operator==(const ValueRules&, const ValueRules&) = default;
};

// Flag HIGH_POTENTIAL and add `points` when zoning >= min_zoning and size >= min_size.
struct HighPotentialBonus {
  double min_zoning = 8;
  double min_size = 7;
  double points = 0.5;
  friend bool operator==(const HighPotentialBonus&, const HighPotentialBonus&) = default;
};

// Flag IDEAL_BUILDING and add `points` when building >= min_building.
struct IdealBuildingBonus {
  double min_building = 8;
  double points = 0.3;
  friend bool operator==(const IdealBuildingBonus&, const IdealBuildingBonus&) = default;
};

struct BonusRules {
  HighPotentialBonus high_potential;
  IdealBuildingBonus ideal_building;
  friend bool operator==(const BonusRules&, const BonusRules&) = default;
};

struct WeightedProfile {
  WeightedWeights weights;
  ZoningRules zoning;
  SizeRules size;
  BuildingRules building;
  LocationRules location;
  ActivityRules activity;
  ValueRules value;
  BonusRules bonuses;
  double cap = 10;  // of the final score, after bonuses
  friend bool operator==(const WeightedProfile&, const WeightedProfile&) = default;
};

// ---- Model `industrial` ----

// A row is a candidate only when it passes every filter whose column the file
// has. A missing value fails its filter.
struct IndustrialFilters {
  // property_type contains one of these, ignoring case. Empty = no filter.
  std::vector<std::string> property_types = {"industrial", "warehouse",       "distribution",
                                             "flex",       "manufacturing",   "storage",
                                             "logistics",  "light industrial"};
  Range building_sqft = Range::Min(20000);
  Range acres = Range::MinMax(0.5, 20);
  friend bool operator==(const IndustrialFilters&, const IndustrialFilters&) = default;
};

// Occupancy values above `percent_above` are percentages (divided by 100);
// the resulting fraction earns the points of its first band.
struct OccupancyRules {
  double percent_above = 1;
  std::vector<Band> bands = {{Range::Below(1.0), 1}};  // vacancy is an opportunity
  friend bool operator==(const OccupancyRules&, const OccupancyRules&) = default;
};

// Each list: the first band (tier) containing the value gives its points; a
// missing value earns 0.
struct IndustrialPoints {
  std::vector<Band> building_sqft = {{Range::MinBelow(20000, 50000), 3},
                                     {Range::MinBelow(50000, 100000), 2},
                                     {Range::MinBelow(100000, 200000), 1}};
  // Lower-cased property_type; the first tier with a contained keyword wins.
  std::vector<KeywordTier> property_type = {
      {3, {"flex"}},         {2.5, {"warehouse", "distribution"}},           {2, {"light industrial"}},
      {1.5, {"industrial"}}, {1, {"manufacturing", "storage", "logistics"}},
  };
  std::vector<Band> acres = {{Range::MinMax(1, 5), 2},
                             {Range::AboveMax(5, 10), 1.5},
                             {Range::MinBelow(0.5, 1), 1},
                             {Range::AboveMax(10, 20), 1}};
  std::vector<Band> year_built = {{Range::Min(1990), 1}, {Range::Min(1980), 0.5}};
  OccupancyRules occupancy;
  friend bool operator==(const IndustrialPoints&, const IndustrialPoints&) = default;
};

struct IndustrialProfile {
  IndustrialFilters filters;
  IndustrialPoints points;
  double cap = 10;  // of the sum of the points
  friend bool operator==(const IndustrialProfile&, const IndustrialProfile&) = default;
};

struct ScoringProfile {
  ClassificationThresholds classification;
  WeightedProfile weighted;
  IndustrialProfile industrial;
  friend bool operator==(const ScoringProfile&, const ScoringProfile&) = default;
};

// scoring.md's values.
ScoringProfile DefaultScoringProfile();

// Checks what the types cannot: positive weight sum, ordered size breakpoints,
// descending class thresholds, non-empty keywords, non-empty ranges, finite
// numbers. The message names the offending key path.
Status ValidateScoringProfile(const ScoringProfile& profile);

// Overrides the defaults with the keys of a YAML document. `source_name`
// (usually the file path) goes into error locations. An empty document gives
// the defaults. Never throws.
Result<ScoringProfile> ParseScoringProfile(std::string_view yaml_text, std::string_view source_name);

// `profile` as a complete, commented YAML document that ParseScoringProfile
// reads back to an equal profile.
std::string RenderScoringProfileYaml(const ScoringProfile& profile);
// RenderScoringProfileYaml(DefaultScoringProfile()); config/profiles/default.yaml.
std::string DefaultScoringProfileYaml();

}  // namespace flexpipe
