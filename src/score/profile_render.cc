// RenderScoringProfileYaml: a profile as the commented YAML a broker edits.
// The layout here and the reader in profile_parse.cc must agree; the tests
// round-trip both ways and pin config/profiles/default.yaml to the output.
#include <algorithm>
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "schema/ascii.h"
#include "score/profile.h"

namespace flexpipe {
namespace {

constexpr std::string_view kHeader =
    R"(# flexpipe scoring profile: every number, list and threshold of the scoring
# models (docs/scoring.md). This file shows the built-in defaults.
#
# A profile file (scoring.profile in the configuration) may set any subset of
# these keys; whatever it leaves out keeps the value shown here. Maps merge key
# by key; a list, or a range such as {min: 1, max: 5}, replaces the default as a
# whole. Unknown keys and values of the wrong type are errors.
#
# Ranges have at most one lower and one upper bound:
#   min: x    value >= x            above: x    value > x
#   max: x    value <= x            below: x    value < x
# In a list of bands the first band containing the value gives its points; a
# value in no band earns 0. Codes, names and keywords ignore upper/lower case.
)";

// Shortest decimal that reads back to the same double, never in exponent form.
std::string Num(double v) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

bool IsPlainSafe(std::string_view s) {
  if (s.empty() || !IsAsciiAlnum(s.front()) || IsAsciiSpace(s.back())) return false;
  if (s == "null" || s == "Null" || s == "NULL") return false;
  for (char c : s) {
    if (!IsAsciiAlnum(c) && std::string_view(" -/._&()'").find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::string Text(std::string_view s) {
  if (IsPlainSafe(s)) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A flow list. When `column` (where the list starts on its line) is given,
// long lists wrap before kWrapColumn and continue under the first item.
constexpr size_t kWrapColumn = 100;
std::string Words(const std::vector<std::string>& words, size_t column = 0) {
  if (words.empty()) return "[]";
  std::string out = "[";
  size_t col = column + 1;  // the column after the text so far
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string item = Text(words[i]) + (i + 1 < words.size() ? "," : "]");
    if (i > 0 && column > 0 && col + 1 + item.size() > kWrapColumn) {
      out += '\n';
      out.append(column + 1, ' ');
      col = column + 1;
    } else if (i > 0) {
      out += ' ';
      ++col;
    }
    out += item;
    col += item.size();
  }
  return out;
}

std::string RangeFields(const Range& r) {
  std::string out;
  auto add = [&out](std::string_view key, double v) {
    out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", key, Num(v));
  };
  if (r.has_lower()) add(r.lower_inclusive ? "min" : "above", r.lower);
  if (r.has_upper()) add(r.upper_inclusive ? "max" : "below", r.upper);
  return out;
}

std::string RangeYaml(const Range& r) { return fmt::format("{{{}}}", RangeFields(r)); }

std::string BandYaml(const Band& b) {
  const std::string range = RangeFields(b.range);
  return fmt::format("{{{}{}points: {}}}", range, range.empty() ? "" : ", ", Num(b.points));
}

class Writer {
 public:
  // `text` at `indent`, with an optional comment: after it, aligned at
  // kCommentColumn, when the text leaves room; otherwise on the line above.
  void Line(int indent, std::string_view text, std::string_view comment = {}) {
    constexpr size_t kCommentColumn = 40;
    std::string line(static_cast<size_t>(indent), ' ');
    line += text;
    if (!comment.empty() && line.size() + 1 > kCommentColumn) {
      Comment(indent, comment);
    } else if (!comment.empty()) {
      line.resize(kCommentColumn, ' ');
      line += "# ";
      line += comment;
    }
    out_ += line;
    out_ += '\n';
  }
  void Comment(int indent, std::string_view text) {
    out_.append(static_cast<size_t>(indent), ' ');
    out_ += "# ";
    out_ += text;
    out_ += '\n';
  }
  void Raw(std::string_view text) { out_ += text; }
  void Blank() { out_ += '\n'; }
  void Value(int indent, std::string_view key, std::string_view value) {
    Line(indent, fmt::format("{}: {}", key, value));
  }
  void Key(int indent, std::string_view key, double v, std::string_view comment = {}) {
    Line(indent, fmt::format("{}: {}", key, Num(v)), comment);
  }
  void Bands(int indent, std::string_view key, const std::vector<Band>& bands,
             std::string_view comment = {}) {
    if (bands.empty()) {
      Line(indent, fmt::format("{}: []", key), comment);
      return;
    }
    Line(indent, fmt::format("{}:", key), comment);
    for (const Band& b : bands) Line(indent + 2, fmt::format("- {}", BandYaml(b)));
  }
  void Tiers(int indent, std::string_view key, const std::vector<KeywordTier>& tiers,
             std::string_view score_key, std::string_view list_key, std::string_view comment = {}) {
    if (tiers.empty()) {
      Line(indent, fmt::format("{}: []", key), comment);
      return;
    }
    Line(indent, fmt::format("{}:", key), comment);
    for (const KeywordTier& t : tiers) {
      const std::string head = fmt::format("- {{{}: {}, {}: ", score_key, Num(t.score), list_key);
      Line(indent + 2, head + Words(t.keywords, static_cast<size_t>(indent) + 2 + head.size()) + "}");
    }
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

void RenderWeighted(const WeightedProfile& p, Writer& w) {
  w.Comment(0, "Model `weighted`: six component scores (0-10) combined as");
  w.Comment(0, "sum(component * weight) / sum(weights), then bonuses, then the cap.");
  w.Comment(0, "Missing numbers count as 0.");
  w.Line(0, "weighted:");
  w.Line(2, "weights:");
  w.Key(4, "zoning", p.weights.zoning);
  w.Key(4, "size", p.weights.size);
  w.Key(4, "building", p.weights.building);
  w.Key(4, "location", p.weights.location);
  w.Key(4, "activity", p.weights.activity);
  w.Key(4, "value", p.weights.value);
  w.Blank();

  w.Comment(2, "Zoning code (trimmed, any case): the first tier listing it gives the score.");
  w.Line(2, "zoning:");
  w.Tiers(4, "tiers", p.zoning.tiers, "score", "codes");
  w.Key(4, "other_score", p.zoning.other_score, "any other code, or none");
  w.Blank();

  const SizeRules& s = p.size;
  w.Comment(2, "Lot size from acres, checked in this order:");
  w.Comment(2, "  acres <= none_max_acres           -> none_score");
  w.Comment(2, "  acres <  min_acres                -> small_score");
  w.Comment(2, "  acres >  max_acres                -> large_score");
  w.Comment(2, "  acres == ideal_acres              -> ideal_score");
  w.Comment(2, "  min_acres <= acres < ideal_acres  -> ramp_base + ((acres - min_acres)");
  w.Comment(2, "                                        / (ideal_acres - min_acres)) * ramp_points");
  w.Comment(2, "  otherwise (up to max_acres)       -> ramp_base + ((max_acres - acres)");
  w.Comment(2, "                                        / (max_acres - ideal_acres)) * ramp_points");
  w.Line(2, "size:");
  w.Key(4, "none_max_acres", s.none_max_acres);
  w.Key(4, "none_score", s.none_score);
  w.Key(4, "min_acres", s.min_acres);
  w.Key(4, "small_score", s.small_score);
  w.Key(4, "max_acres", s.max_acres);
  w.Key(4, "large_score", s.large_score);
  w.Key(4, "ideal_acres", s.ideal_acres);
  w.Key(4, "ideal_score", s.ideal_score);
  w.Key(4, "ramp_base", s.ramp_base);
  w.Key(4, "ramp_points", s.ramp_points);
  w.Blank();

  const BuildingRules& b = p.building;
  w.Comment(2, "Building. Without building data (none of building_sqft, office_sqft, warehouse_sqft,");
  w.Comment(2, "ceiling_height, loading_docks + overhead_doors above 0) the score comes from");
  w.Comment(2, "improvement_value alone; with it, base plus the points below, capped.");
  w.Line(2, "building:");
  w.Bands(4, "without_building_data", b.without_building_data, "bands of improvement_value");
  w.Key(4, "base", b.base);
  w.Comment(4, "building_sqft; sqft_sweet_spot adds its points only when sqft applied");
  w.Value(4, "sqft", BandYaml(b.sqft));
  w.Value(4, "sqft_sweet_spot", BandYaml(b.sqft_sweet_spot));
  w.Comment(4, "ceiling_height in feet, when above 0");
  w.Value(4, "ceiling_height", BandYaml(b.ceiling_height));
  w.Comment(4, "loading_docks + overhead_doors");
  w.Value(4, "doors", BandYaml(b.doors));
  w.Comment(4, "office_sqft / (office_sqft + warehouse_sqft), when both are above 0");
  w.Value(4, "office_ratio", BandYaml(b.office_ratio));
  w.Key(4, "cap", b.cap);
  w.Blank();

  const LocationRules& l = p.location;
  w.Comment(2, "City (trimmed, any case): base, plus the points of the first tier with a name");
  w.Comment(2, "contained in the city, plus near_highway_points when near_highway is true.");
  w.Line(2, "location:");
  w.Key(4, "base", l.base);
  w.Tiers(4, "city_tiers", l.city_tiers, "points", "names");
  w.Key(4, "near_highway_points", l.near_highway_points);
  w.Key(4, "cap", l.cap);
  w.Blank();

  const ActivityRules& a = p.activity;
  w.Comment(2, "Activity: base, plus recent_sale_points when sale_date is at most recent_sale_days");
  w.Comment(2, "before the as-of date (later dates count as recent too).");
  w.Line(2, "activity:");
  w.Key(4, "base", a.base);
  w.Line(4, fmt::format("recent_sale_days: {}", a.recent_sale_days));
  w.Key(4, "recent_sale_points", a.recent_sale_points);
  w.Key(4, "cap", a.cap);
  w.Blank();

  const ValueRules& v = p.value;
  w.Comment(2, "Value: base, plus the points of each rule below, capped.");
  w.Line(2, "value:");
  w.Key(4, "base", v.base);
  w.Comment(4, "improvement_value / land_value, when land_value is above 0");
  w.Bands(4, "improvement_to_land_ratio", v.ratio);
  w.Bands(4, "improvement_value", v.improvement);
  w.Comment(4, "improvement_value / building_sqft, when both are above 0");
  w.Value(4, "price_per_sqft", BandYaml(v.price_per_sqft));
  w.Key(4, "cap", v.cap);
  w.Blank();

  const BonusRules& bonus = p.bonuses;
  w.Comment(2, "Added to the combined score, and reported as flags, when the components reach the minimums.");
  w.Line(2, "bonuses:");
  w.Comment(4, "flag HIGH_POTENTIAL: zoning score >= min_zoning and size score >= min_size");
  w.Line(4, fmt::format("high_potential: {{min_zoning: {}, min_size: {}, points: {}}}",
                        Num(bonus.high_potential.min_zoning), Num(bonus.high_potential.min_size),
                        Num(bonus.high_potential.points)));
  w.Comment(4, "flag IDEAL_BUILDING: building score >= min_building");
  w.Line(4, fmt::format("ideal_building: {{min_building: {}, points: {}}}",
                        Num(bonus.ideal_building.min_building), Num(bonus.ideal_building.points)));
  w.Key(2, "cap", p.cap, "of the final score, after bonuses");
}

void RenderIndustrial(const IndustrialProfile& p, Writer& w) {
  w.Comment(0, "Model `industrial`: filters, then the sum of points, capped.");
  w.Line(0, "industrial:");
  w.Comment(2, "A row is a candidate only when it passes every filter whose column the file has");
  w.Comment(2, "(and its score reaches min_flex_score). A missing value fails its filter.");
  w.Line(2, "filters:");
  w.Comment(4, "property_type contains one of these (an empty list: no filter)");
  w.Value(4, "property_types",
          Words(p.filters.property_types, 4 + std::string_view("property_types: ").size()));
  w.Value(4, "building_sqft", RangeYaml(p.filters.building_sqft));
  w.Value(4, "acres", RangeYaml(p.filters.acres));
  w.Blank();
  w.Comment(2, "Points per field; a missing value earns 0.");
  w.Line(2, "points:");
  w.Bands(4, "building_sqft", p.points.building_sqft);
  w.Comment(4, "property_type: the first tier with a keyword the type contains");
  w.Tiers(4, "property_type", p.points.property_type, "points", "contains");
  w.Bands(4, "acres", p.points.acres);
  w.Bands(4, "year_built", p.points.year_built);
  w.Line(4, "occupancy:");
  w.Key(6, "percent_above", p.points.occupancy.percent_above,
        "larger values are percentages: divided by 100");
  w.Comment(6, "points by occupied fraction (vacancy is an opportunity)");
  w.Bands(6, "bands", p.points.occupancy.bands);
  w.Key(2, "cap", p.cap, "of the sum of the points");
}

}  // namespace

std::string RenderScoringProfileYaml(const ScoringProfile& profile) {
  Writer w;
  w.Raw(kHeader);
  w.Blank();
  const ClassificationThresholds& c = profile.classification;
  w.Comment(0, "Class of the final (rounded) score, both models: the highest class whose minimum");
  w.Comment(0, "the score reaches; below possible_flex it is UNLIKELY_FLEX.");
  w.Line(0, "classification:");
  w.Key(2, "prime_flex", c.prime_flex);
  w.Key(2, "good_flex", c.good_flex);
  w.Key(2, "potential_flex", c.potential_flex);
  w.Key(2, "possible_flex", c.possible_flex);
  w.Blank();
  RenderWeighted(profile.weighted, w);
  w.Blank();
  RenderIndustrial(profile.industrial, w);
  return w.Take();
}

std::string DefaultScoringProfileYaml() { return RenderScoringProfileYaml(DefaultScoringProfile()); }

}  // namespace flexpipe
