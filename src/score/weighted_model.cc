#include "score/weighted_model.h"

#include <algorithm>

#include "score/round.h"
#include "score/text_match.h"

namespace flexpipe {
namespace {

// City names in upper case, as FoldedText matching needs (profiles built in
// code may not be normalised the way ParseScoringProfile normalises them).
WeightedProfile WithFoldedKeywords(WeightedProfile p) {
  for (KeywordTier& tier : p.location.city_tiers) {
    for (std::string& name : tier.keywords) {
      std::transform(name.begin(), name.end(), name.begin(), AsciiUpper);
    }
  }
  return p;
}

// std::min(x, cap) with the original's argument order (min(score, 10)).
double Cap(double x, double cap) { return std::min(x, cap); }

}  // namespace

WeightedModel::WeightedModel(const WeightedProfile& profile, const ClassificationThresholds& classes,
                             const ScoringContext& context)
    : p_(WithFoldedKeywords(profile)),
      classes_(classes),
      context_(context),
      // Summed in the listed order, as sum(weights.values()) did.
      weight_sum_(profile.weights.zoning + profile.weights.size + profile.weights.building +
                  profile.weights.location + profile.weights.activity + profile.weights.value),
      component_names_{"zoning_score",   "size_score",     "building_score",
                       "location_score", "activity_score", "value_score"},
      flag_names_{"HIGH_POTENTIAL", "IDEAL_BUILDING"} {}

double WeightedModel::ZoningScore(const Record& r) const {
  const std::string_view zoning = TrimAscii(r.text(Field::kZoning));
  for (const KeywordTier& tier : p_.zoning.tiers) {
    for (const std::string& code : tier.keywords) {
      if (EqualsAsciiNoCase(zoning, code)) return tier.score;
    }
  }
  return p_.zoning.other_score;
}

double WeightedModel::SizeScore(const Record& r) const {
  const SizeRules& s = p_.size;
  const double a = r.num(Field::kAcres);
  if (a <= s.none_max_acres) return s.none_score;
  if (a < s.min_acres) return s.small_score;
  if (a > s.max_acres) return s.large_score;
  if (a == s.ideal_acres) return s.ideal_score;
  if (s.min_acres <= a && a < s.ideal_acres) {
    return s.ramp_base + ((a - s.min_acres) / (s.ideal_acres - s.min_acres)) * s.ramp_points;
  }
  return s.ramp_base + ((s.max_acres - a) / (s.max_acres - s.ideal_acres)) * s.ramp_points;
}

double WeightedModel::BuildingScore(const Record& r) const {
  const BuildingRules& b = p_.building;
  const double sqft = r.num(Field::kBuildingSqft);
  const double office = r.num(Field::kOfficeSqft);
  const double warehouse = r.num(Field::kWarehouseSqft);
  const double ceiling = r.num(Field::kCeilingHeight);
  const double doors = r.num(Field::kLoadingDocks) + r.num(Field::kOverheadDoors);
  const bool has_building_data = sqft > 0 || office > 0 || warehouse > 0 || ceiling > 0 || doors > 0;
  if (!has_building_data) return FirstBandPoints(b.without_building_data, r.num(Field::kImprovementValue));

  double score = b.base;
  if (b.sqft.Contains(sqft)) {
    score += b.sqft.points;
    if (b.sqft_sweet_spot.Contains(sqft)) score += b.sqft_sweet_spot.points;
  }
  if (ceiling > 0 && b.ceiling_height.Contains(ceiling)) score += b.ceiling_height.points;
  if (b.doors.Contains(doors)) score += b.doors.points;
  if (office > 0 && warehouse > 0 && b.office_ratio.Contains(office / (office + warehouse))) {
    score += b.office_ratio.points;
  }
  return Cap(score, b.cap);
}

double WeightedModel::LocationScore(const Record& r) const {
  const LocationRules& l = p_.location;
  const FoldedText city(TrimAscii(r.text(Field::kCity)), LetterCase::kUpper);
  double score = l.base;
  const auto tier = std::find_if(l.city_tiers.begin(), l.city_tiers.end(), [&city](const KeywordTier& t) {
    return std::any_of(t.keywords.begin(), t.keywords.end(),
                       [&city](const std::string& name) { return city.Contains(name); });
  });
  if (tier != l.city_tiers.end()) score += tier->score;
  if (r.num(Field::kNearHighway) != 0) score += l.near_highway_points;
  return Cap(score, l.cap);
}

double WeightedModel::ActivityScore(const Record& r) const {
  const ActivityRules& a = p_.activity;
  double score = a.base;
  // Days since 1970 are whole numbers, so the comparison is exact.
  const double cutoff = static_cast<double>(context_.as_of.days) - static_cast<double>(a.recent_sale_days);
  if (r.has(Field::kSaleDate) && r[Field::kSaleDate].number >= cutoff) score += a.recent_sale_points;
  return Cap(score, a.cap);
}

double WeightedModel::ValueScore(const Record& r) const {
  const ValueRules& v = p_.value;
  const double improvement = r.num(Field::kImprovementValue);
  const double land = r.num(Field::kLandValue);
  const double sqft = r.num(Field::kBuildingSqft);
  double score = v.base;
  if (land > 0) score += FirstBandPoints(v.ratio, improvement / land);
  score += FirstBandPoints(v.improvement, improvement);
  if (sqft > 0 && improvement > 0 && v.price_per_sqft.Contains(improvement / sqft)) {
    score += v.price_per_sqft.points;
  }
  return Cap(score, v.cap);
}

void WeightedModel::Score(const Record& record, const ColumnSet& /*columns*/, ScoreResult* out) const {
  const double zoning = ZoningScore(record);
  const double size = SizeScore(record);
  const double building = BuildingScore(record);
  const double location = LocationScore(record);
  const double activity = ActivityScore(record);
  const double value = ValueScore(record);

  const WeightedWeights& w = p_.weights;
  // Left to right in the listed order; no algebraic rearrangement.
  const double weighted_sum = zoning * w.zoning + size * w.size + building * w.building +
                              location * w.location + activity * w.activity + value * w.value;
  double score = weighted_sum / weight_sum_;

  uint32_t flags = 0;
  const BonusRules& bonus = p_.bonuses;
  if (zoning >= bonus.high_potential.min_zoning && size >= bonus.high_potential.min_size) {
    score += bonus.high_potential.points;
    flags |= kHighPotential;
  }
  if (building >= bonus.ideal_building.min_building) {
    score += bonus.ideal_building.points;
    flags |= kIdealBuilding;
  }
  score = RoundHalfEven2(Cap(score, p_.cap));

  out->score = score;
  out->components = {};
  out->components[kZoning] = zoning;
  out->components[kSize] = size;
  out->components[kBuilding] = building;
  out->components[kLocation] = location;
  out->components[kActivity] = activity;
  out->components[kValue] = value;
  out->flags = flags;
  out->classification = Classify(score, classes_);
  out->candidate = score >= context_.min_flex_score;
}

}  // namespace flexpipe
