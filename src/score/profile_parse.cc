// ParseScoringProfile: a strict reader of the YAML layout that
// RenderScoringProfileYaml writes. yaml-cpp throws; nothing escapes this file.
#include <charconv>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "schema/ascii.h"
#include "score/profile.h"
#include "score/text_match.h"

namespace flexpipe {
namespace {

enum class KeywordCase { kUpper, kLower };

std::string Normalize(std::string_view text, KeywordCase c) {
  std::string out(TrimAscii(text));
  for (char& ch : out) ch = c == KeywordCase::kLower ? AsciiLower(ch) : AsciiUpper(ch);
  return out;
}

std::string_view KindOf(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a single value";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string Child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

// Reads one YAML document into a profile, key by key, naming the key path of
// the first problem.
class ProfileParser {
 public:
  explicit ProfileParser(std::string_view source) : source_(source) {}

  Status Parse(const YAML::Node& root, ScoringProfile* p) const {
    return Map(
        root, "",
        {{"classification",
          [&](auto& n, auto& path) { return ReadClassification(n, path, &p->classification); }},
         {"weighted", [&](auto& n, auto& path) { return ReadWeighted(n, path, &p->weighted); }},
         {"industrial", [&](auto& n, auto& path) { return ReadIndustrial(n, path, &p->industrial); }}});
  }

  Status Error(const YAML::Node& node, const std::string& path, std::string_view message) const {
    Location where{std::string(source_), "", 0, ""};
    const YAML::Mark mark = node.Mark();
    if (mark.line >= 0) where.row = static_cast<uint64_t>(mark.line) + 1;
    return Status(ErrorCode::kConfigError,
                  fmt::format("{}: {}", path.empty() ? "(top level)" : path, message), std::move(where));
  }

 private:
  using Reader = std::function<Status(const YAML::Node&, const std::string&)>;
  struct Key {
    std::string_view name;
    Reader read;
  };

  // A map of settings: every key must be known; a null node (a key written
  // with nothing under it, e.g. all of its lines commented out) overrides nothing.
  Status Map(const YAML::Node& node, const std::string& path, std::initializer_list<Key> keys) const {
    if (node.IsNull()) return Status::Ok();
    if (!node.IsMap()) {
      return Error(node, path, fmt::format("expected a map of settings, got {}", KindOf(node)));
    }
    std::set<std::string> seen;
    for (const auto& kv : node) {
      if (!kv.first.IsScalar()) return Error(kv.first, path, "keys must be plain names");
      const std::string& name = kv.first.Scalar();
      const std::string child = Child(path, name);
      const Key* key = nullptr;
      for (const Key& k : keys) {
        if (k.name == name) key = &k;
      }
      if (key == nullptr) {
        std::string known;
        for (const Key& k : keys) known += fmt::format("{}{}", known.empty() ? "" : ", ", k.name);
        return Error(kv.first, child, fmt::format("unknown key (expected one of: {})", known));
      }
      if (!seen.insert(name).second) return Error(kv.first, child, "key given twice");
      FP_RETURN_IF_ERROR(key->read(kv.second, child));
    }
    return Status::Ok();
  }

  Status ReadNumber(const YAML::Node& node, const std::string& path, double* out) const {
    if (!node.IsScalar()) return Error(node, path, fmt::format("expected a number, got {}", KindOf(node)));
    std::string_view text = TrimAscii(node.Scalar());
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
      return Error(node, path, fmt::format("expected a number, got '{}'", node.Scalar()));
    }
    *out = v;
    return Status::Ok();
  }

  Reader Number(double* out) const {
    return [this, out](const YAML::Node& n, const std::string& path) { return ReadNumber(n, path, out); };
  }

  Reader Days(int32_t* out) const {
    return [this, out](const YAML::Node& n, const std::string& path) {
      double v = 0;
      FP_RETURN_IF_ERROR(ReadNumber(n, path, &v));
      if (v != std::floor(v) || v < 0 || v > 1e6) return Error(n, path, "expected a whole number of days");
      *out = static_cast<int32_t>(v);
      return Status::Ok();
    };
  }

  // {min|above: x, max|below: y}, replacing the default as a whole.
  Status ReadRange(const YAML::Node& node, const std::string& path, Range* out, double* points) const {
    if (!node.IsMap()) {
      return Error(node, path,
                   fmt::format("expected a range such as {{min: 1, max: 5{}}}, got {}",
                               points ? ", points: 2" : "", KindOf(node)));
    }
    Range r;
    bool has_min = false, has_above = false, has_max = false, has_below = false, has_points = false;
    auto bound = [&](double* dst, bool* given) {
      return [this, dst, given](const YAML::Node& n, const std::string& p) {
        *given = true;
        return ReadNumber(n, p, dst);
      };
    };
    double lower_incl = 0, lower_excl = 0, upper_incl = 0, upper_excl = 0, pts = 0;
    if (points != nullptr) {
      FP_RETURN_IF_ERROR(Map(node, path,
                             {{"min", bound(&lower_incl, &has_min)},
                              {"above", bound(&lower_excl, &has_above)},
                              {"max", bound(&upper_incl, &has_max)},
                              {"below", bound(&upper_excl, &has_below)},
                              {"points", bound(&pts, &has_points)}}));
      if (!has_points) return Error(node, Child(path, "points"), "required");
      *points = pts;
    } else {
      FP_RETURN_IF_ERROR(Map(node, path,
                             {{"min", bound(&lower_incl, &has_min)},
                              {"above", bound(&lower_excl, &has_above)},
                              {"max", bound(&upper_incl, &has_max)},
                              {"below", bound(&upper_excl, &has_below)}}));
    }
    if (has_min && has_above) return Error(node, path, "give either min or above, not both");
    if (has_max && has_below) return Error(node, path, "give either max or below, not both");
    if (has_min) r.lower = lower_incl;
    if (has_above) {
      r.lower = lower_excl;
      r.lower_inclusive = false;
    }
    if (has_max) r.upper = upper_incl;
    if (has_below) {
      r.upper = upper_excl;
      r.upper_inclusive = false;
    }
    if (r.lower > r.upper || (r.lower == r.upper && !(r.lower_inclusive && r.upper_inclusive))) {
      return Error(node, path, "the range contains no value");
    }
    *out = r;
    return Status::Ok();
  }

  Reader RangeOf(Range* out) const {
    return [this, out](const YAML::Node& n, const std::string& path) {
      return ReadRange(n, path, out, nullptr);
    };
  }

  Reader BandOf(Band* out) const {
    return [this, out](const YAML::Node& n, const std::string& path) {
      return ReadRange(n, path, &out->range, &out->points);
    };
  }

  // A list replaces the default list as a whole.
  template <typename T>
  Status ReadList(const YAML::Node& node, const std::string& path, std::vector<T>* out,
                  const std::function<Status(const YAML::Node&, const std::string&, T*)>& item) const {
    if (!node.IsSequence()) return Error(node, path, fmt::format("expected a list, got {}", KindOf(node)));
    std::vector<T> items(node.size());
    for (size_t i = 0; i < node.size(); ++i) {
      FP_RETURN_IF_ERROR(item(node[i], fmt::format("{}[{}]", path, i), &items[i]));
    }
    *out = std::move(items);
    return Status::Ok();
  }

  Reader Bands(std::vector<Band>* out) const {
    return [this, out](const YAML::Node& n, const std::string& path) {
      return ReadList<Band>(n, path, out, [this](const YAML::Node& item, const std::string& p, Band* b) {
        return ReadRange(item, p, &b->range, &b->points);
      });
    };
  }

  Reader Keywords(std::vector<std::string>* out, KeywordCase c) const {
    return [this, out, c](const YAML::Node& n, const std::string& path) {
      return ReadList<std::string>(
          n, path, out, [this, c](const YAML::Node& item, const std::string& p, std::string* s) {
            if (!item.IsScalar()) {
              return Error(item, p, fmt::format("expected a word or phrase, got {}", KindOf(item)));
            }
            *s = Normalize(item.Scalar(), c);
            if (s->empty()) return Error(item, p, "must not be empty");
            return Status::Ok();
          });
    };
  }

  // [{<score_key>: x, <list_key>: [...]}, ...]
  Reader Tiers(std::vector<KeywordTier>* out, std::string_view score_key, std::string_view list_key,
               KeywordCase c) const {
    return [=, this](const YAML::Node& n, const std::string& path) {
      return ReadList<KeywordTier>(
          n, path, out, [&](const YAML::Node& item, const std::string& p, KeywordTier* t) {
            if (!item.IsMap()) {
              return Error(
                  item, p,
                  fmt::format("expected {{{}: 3, {}: [...]}}, got {}", score_key, list_key, KindOf(item)));
            }
            bool has_score = false, has_list = false;
            FP_RETURN_IF_ERROR(Map(item, p,
                                   {{score_key,
                                     [&](auto& v, auto& vp) {
                                       has_score = true;
                                       return ReadNumber(v, vp, &t->score);
                                     }},
                                    {list_key, [&](auto& v, auto& vp) {
                                       has_list = true;
                                       return Keywords(&t->keywords, c)(v, vp);
                                     }}}));
            if (!has_score) return Error(item, Child(p, score_key), "required");
            if (!has_list) return Error(item, Child(p, list_key), "required");
            if (t->keywords.empty()) return Error(item, Child(p, list_key), "must list at least one entry");
            return Status::Ok();
          });
    };
  }

  Status ReadClassification(const YAML::Node& n, const std::string& path, ClassificationThresholds* c) const {
    return Map(n, path,
               {{"prime_flex", Number(&c->prime_flex)},
                {"good_flex", Number(&c->good_flex)},
                {"potential_flex", Number(&c->potential_flex)},
                {"possible_flex", Number(&c->possible_flex)}});
  }

  Status ReadWeighted(const YAML::Node& n, const std::string& path, WeightedProfile* w) const {
    return Map(n, path,
               {{"weights",
                 [&](auto& v, auto& p) {
                   return Map(v, p,
                              {{"zoning", Number(&w->weights.zoning)},
                               {"size", Number(&w->weights.size)},
                               {"building", Number(&w->weights.building)},
                               {"location", Number(&w->weights.location)},
                               {"activity", Number(&w->weights.activity)},
                               {"value", Number(&w->weights.value)}});
                 }},
                {"zoning",
                 [&](auto& v, auto& p) {
                   return Map(v, p,
                              {{"tiers", Tiers(&w->zoning.tiers, "score", "codes", KeywordCase::kUpper)},
                               {"other_score", Number(&w->zoning.other_score)}});
                 }},
                {"size",
                 [&](auto& v, auto& p) {
                   SizeRules& s = w->size;
                   return Map(v, p,
                              {{"none_max_acres", Number(&s.none_max_acres)},
                               {"none_score", Number(&s.none_score)},
                               {"min_acres", Number(&s.min_acres)},
                               {"small_score", Number(&s.small_score)},
                               {"max_acres", Number(&s.max_acres)},
                               {"large_score", Number(&s.large_score)},
                               {"ideal_acres", Number(&s.ideal_acres)},
                               {"ideal_score", Number(&s.ideal_score)},
                               {"ramp_base", Number(&s.ramp_base)},
                               {"ramp_points", Number(&s.ramp_points)}});
                 }},
                {"building",
                 [&](auto& v, auto& p) {
                   BuildingRules& b = w->building;
                   return Map(v, p,
                              {{"without_building_data", Bands(&b.without_building_data)},
                               {"base", Number(&b.base)},
                               {"sqft", BandOf(&b.sqft)},
                               {"sqft_sweet_spot", BandOf(&b.sqft_sweet_spot)},
                               {"ceiling_height", BandOf(&b.ceiling_height)},
                               {"doors", BandOf(&b.doors)},
                               {"office_ratio", BandOf(&b.office_ratio)},
                               {"cap", Number(&b.cap)}});
                 }},
                {"location",
                 [&](auto& v, auto& p) {
                   LocationRules& l = w->location;
                   return Map(v, p,
                              {{"base", Number(&l.base)},
                               {"city_tiers", Tiers(&l.city_tiers, "points", "names", KeywordCase::kUpper)},
                               {"near_highway_points", Number(&l.near_highway_points)},
                               {"cap", Number(&l.cap)}});
                 }},
                {"activity",
                 [&](auto& v, auto& p) {
                   ActivityRules& a = w->activity;
                   return Map(v, p,
                              {{"base", Number(&a.base)},
                               {"recent_sale_days", Days(&a.recent_sale_days)},
                               {"recent_sale_points", Number(&a.recent_sale_points)},
                               {"cap", Number(&a.cap)}});
                 }},
                {"value",
                 [&](auto& v, auto& p) {
                   ValueRules& r = w->value;
                   return Map(v, p,
                              {{"base", Number(&r.base)},
                               {"improvement_to_land_ratio", Bands(&r.ratio)},
                               {"improvement_value", Bands(&r.improvement)},
                               {"price_per_sqft", BandOf(&r.price_per_sqft)},
                               {"cap", Number(&r.cap)}});
                 }},
                {"bonuses",
                 [&](auto& v, auto& p) {
                   BonusRules& b = w->bonuses;
                   return Map(v, p,
                              {{"high_potential",
                                [&](auto& hv, auto& hp) {
                                  return Map(hv, hp,
                                             {{"min_zoning", Number(&b.high_potential.min_zoning)},
                                              {"min_size", Number(&b.high_potential.min_size)},
                                              {"points", Number(&b.high_potential.points)}});
                                }},
                               {"ideal_building", [&](auto& iv, auto& ip) {
                                  return Map(iv, ip,
                                             {{"min_building", Number(&b.ideal_building.min_building)},
                                              {"points", Number(&b.ideal_building.points)}});
                                }}});
                 }},
                {"cap", Number(&w->cap)}});
  }

  Status ReadIndustrial(const YAML::Node& n, const std::string& path, IndustrialProfile* ind) const {
    return Map(n, path,
               {{"filters",
                 [&](auto& v, auto& p) {
                   IndustrialFilters& f = ind->filters;
                   return Map(v, p,
                              {{"property_types", Keywords(&f.property_types, KeywordCase::kLower)},
                               {"building_sqft", RangeOf(&f.building_sqft)},
                               {"acres", RangeOf(&f.acres)}});
                 }},
                {"points",
                 [&](auto& v, auto& p) {
                   IndustrialPoints& pts = ind->points;
                   return Map(v, p,
                              {{"building_sqft", Bands(&pts.building_sqft)},
                               {"property_type",
                                Tiers(&pts.property_type, "points", "contains", KeywordCase::kLower)},
                               {"acres", Bands(&pts.acres)},
                               {"year_built", Bands(&pts.year_built)},
                               {"occupancy", [&](auto& ov, auto& op) {
                                  return Map(ov, op,
                                             {{"percent_above", Number(&pts.occupancy.percent_above)},
                                              {"bands", Bands(&pts.occupancy.bands)}});
                                }}});
                 }},
                {"cap", Number(&ind->cap)}});
  }

  std::string_view source_;
};

}  // namespace

Result<ScoringProfile> ParseScoringProfile(std::string_view yaml_text, std::string_view source_name) {
  ScoringProfile profile = DefaultScoringProfile();
  const ProfileParser parser(source_name);
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    FP_RETURN_IF_ERROR(parser.Parse(root, &profile));
  } catch (const YAML::Exception& e) {
    Location where{std::string(source_name), "", 0, ""};
    if (e.mark.line >= 0) where.row = static_cast<uint64_t>(e.mark.line) + 1;
    return Status(ErrorCode::kConfigError, fmt::format("not valid YAML: {}", e.msg), std::move(where));
  } catch (const std::exception& e) {
    return Status(ErrorCode::kConfigError, fmt::format("cannot read the scoring profile: {}", e.what()),
                  Location{std::string(source_name), "", 0, ""});
  }
  Status valid = ValidateScoringProfile(profile);
  if (!valid.ok()) return valid.WithFile(std::string(source_name));
  return profile;
}

}  // namespace flexpipe
