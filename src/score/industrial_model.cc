#include "score/industrial_model.h"

#include <algorithm>

#include "score/round.h"
#include "score/text_match.h"

namespace flexpipe {
namespace {

bool ContainsAny(const FoldedText& text, const std::vector<std::string>& keywords) {
  return std::any_of(keywords.begin(), keywords.end(),
                     [&text](const std::string& k) { return text.Contains(k); });
}

// Keywords in lower case, as FoldedText matching needs (profiles built in
// code may not be normalised the way ParseScoringProfile normalises them).
IndustrialProfile WithFoldedKeywords(IndustrialProfile p) {
  auto fold = [](std::string& s) { std::transform(s.begin(), s.end(), s.begin(), AsciiLower); };
  for (std::string& k : p.filters.property_types) fold(k);
  for (KeywordTier& tier : p.points.property_type) {
    for (std::string& k : tier.keywords) fold(k);
  }
  return p;
}

// Points of the first band containing the field's value; 0 when missing.
double FieldPoints(const Record& r, Field f, const std::vector<Band>& bands) {
  return r.has(f) ? FirstBandPoints(bands, r[f].number) : 0.0;
}

// Missing values fail.
bool InRange(const Record& r, Field f, const Range& range) { return r.has(f) && range.Contains(r[f].number); }

}  // namespace

IndustrialModel::IndustrialModel(const IndustrialProfile& profile, const ClassificationThresholds& classes,
                                 const ScoringContext& context)
    : p_(WithFoldedKeywords(profile)),
      classes_(classes),
      context_(context),
      component_names_{"size_score", "type_score", "lot_score", "age_score", "occupancy_score"} {}

bool IndustrialModel::PassesFilters(const Record& r, const ColumnSet& columns) const {
  return PassesFilters(r, columns, FoldedText(r.text(Field::kPropertyType), LetterCase::kLower));
}

bool IndustrialModel::PassesFilters(const Record& r, const ColumnSet& columns, const FoldedText& type) const {
  const IndustrialFilters& f = p_.filters;
  if (columns.test(Index(Field::kPropertyType)) && !f.property_types.empty() &&
      !ContainsAny(type, f.property_types)) {
    return false;
  }
  if (columns.test(Index(Field::kBuildingSqft)) && !InRange(r, Field::kBuildingSqft, f.building_sqft)) {
    return false;
  }
  if (columns.test(Index(Field::kAcres)) && !InRange(r, Field::kAcres, f.acres)) return false;
  return true;
}

double IndustrialModel::PropertyTypePoints(std::string_view type) const {
  return PropertyTypePoints(FoldedText(type, LetterCase::kLower));
}

double IndustrialModel::PropertyTypePoints(const FoldedText& type) const {
  for (const KeywordTier& tier : p_.points.property_type) {
    if (ContainsAny(type, tier.keywords)) return tier.score;
  }
  return 0;
}

double IndustrialModel::OccupancyPoints(const Record& r) const {
  if (!r.has(Field::kOccupancy)) return 0;
  const OccupancyRules& o = p_.points.occupancy;
  double occupancy = r[Field::kOccupancy].number;
  if (occupancy > o.percent_above) occupancy = occupancy / 100;
  return FirstBandPoints(o.bands, occupancy);
}

void IndustrialModel::Score(const Record& record, const ColumnSet& columns, ScoreResult* out) const {
  const IndustrialPoints& pts = p_.points;
  const double size = FieldPoints(record, Field::kBuildingSqft, pts.building_sqft);
  const FoldedText property_type(record.text(Field::kPropertyType), LetterCase::kLower);
  const double type = PropertyTypePoints(property_type);
  const double lot = FieldPoints(record, Field::kAcres, pts.acres);
  const double age = FieldPoints(record, Field::kYearBuilt, pts.year_built);
  const double occupancy = OccupancyPoints(record);
  // Summed in the listed order.
  const double score = RoundHalfEven2(std::min(size + type + lot + age + occupancy, p_.cap));

  out->score = score;
  out->components = {};
  out->components[kSize] = size;
  out->components[kType] = type;
  out->components[kLot] = lot;
  out->components[kAge] = age;
  out->components[kOccupancy] = occupancy;
  out->flags = 0;
  out->classification = Classify(score, classes_);
  out->candidate = PassesFilters(record, columns, property_type) && score >= context_.min_flex_score;
}

}  // namespace flexpipe
