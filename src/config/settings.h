// The one table of settings. Every way of setting an option (YAML file,
// FLEXPIPE_* environment variables, `--set KEY=VALUE`), ValidateOptions, the
// effective and default configuration files and the reference table in
// docs/configuration.md are driven by this table, so adding a setting is one
// entry in settings.cc (plus its field in include/flexpipe/options.h).
// The table is immutable; everything here is thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flexpipe/options.h"

namespace flexpipe::config {

// What a setting holds and how its text is checked.
enum class SettingKind : uint8_t {
  kText,       // any string; YAML null means ""
  kChoice,     // one of `choices`, any ASCII case, stored as spelled in `choices`
  kDate,       // "" (today) or a valid YYYY-MM-DD
  kTextList,   // non-empty strings; one string is a one-item list
  kFieldList,  // canonical field names; header spellings ("Address") are normalised
  kBool,       // true/false, yes/no, on/off, 1/0 (any case)
  kInt,        // whole number within `range`
  kNumber,     // finite decimal number within `range`
  kFieldMap,   // canonical field name → header text (`columns`)
};

// Typed access to one field of PipelineOptions (plain function pointers, so
// the table is a compile-time constant).
template <typename T>
struct Member {
  T& (*get)(PipelineOptions&);
  const T& (*read)(const PipelineOptions&);
};
using FieldMap = std::map<std::string, std::string>;
using MemberRef = std::variant<Member<std::string>, Member<std::vector<std::string>>, Member<bool>,
                               Member<int>, Member<double>, Member<FieldMap>>;

struct NumberRange {
  double min = std::numeric_limits<int>::min();
  double max = std::numeric_limits<int>::max();
  bool min_exclusive = false;  // "> min" rather than ">= min"
};

struct Setting {
  std::string_view key;  // key path, e.g. "filtering.min_flex_score"
  SettingKind kind;
  MemberRef member;
  std::string_view doc;                         // one line, for people
  NumberRange range{};                          // kInt, kNumber
  std::span<const std::string_view> choices{};  // kChoice
  std::string_view env_alias{};                 // a short extra variable, e.g. "FLEXPIPE_MODEL"
  std::string_view cli_flag{};                  // the dedicated command-line flag, for docs ("" = --set only)

  constexpr Setting Range(double min, double max, bool min_exclusive = false) const {
    Setting s = *this;
    s.range = NumberRange{min, max, min_exclusive};
    return s;
  }
  constexpr Setting Alias(std::string_view env) const {
    Setting s = *this;
    s.env_alias = env;
    return s;
  }
  constexpr Setting Flag(std::string_view flag) const {
    Setting s = *this;
    s.cli_flag = flag;
    return s;
  }

  // "filtering" for "filtering.min_flex_score"; "" for a top-level key.
  std::string_view section() const;
  // "min_flex_score" for "filtering.min_flex_score".
  std::string_view leaf() const;
};

// All settings in file order (sections in order, then keys within each).
std::span<const Setting> AllSettings();
// The setting with this exact key path; null when there is none.
const Setting* FindSetting(std::string_view key);
// The sections ("input", "processing", …, "columns") in file order.
std::span<const std::string_view> SectionNames();

// "FLEXPIPE_FILTERING_MIN_FLEX_SCORE" for "filtering.min_flex_score".
std::string EnvVarName(const Setting& setting);
inline constexpr std::string_view kEnvPrefix = "FLEXPIPE_";
// Names a configuration file (read by the CLI, not by ApplyEnvironment).
inline constexpr std::string_view kConfigFileEnvVar = "FLEXPIPE_CONFIG";

}  // namespace flexpipe::config
