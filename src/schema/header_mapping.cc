#include "schema/header_mapping.h"

#include <fmt/format.h>

#include <algorithm>

#include "schema/alias_index.h"
#include "schema/alias_suggest.h"
#include "schema/ascii.h"
#include "schema/header_normalize.h"

namespace flexpipe {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr size_t kMaxHeadersListed = 40;

// One entry of the configured `columns:` mapping.
struct UserRule {
  Field field;
  std::string header;      // as configured
  std::string normalized;  // NormalizeHeader(header)
};

// "Building SqFt" → "building_sqft".
std::string CanonicalSpelling(std::string_view key) {
  std::string name = NormalizeHeader(key);
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

// Canonical names ("building_sqft") and header-style spellings ("Building SqFt").
std::optional<Field> ResolveCanonical(std::string_view key) {
  if (std::optional<Field> f = FieldByName(key)) return f;
  return FieldByName(CanonicalSpelling(key));
}

Status UnknownFieldError(const std::string& key, const std::string& header) {
  std::string message =
      fmt::format("columns: '{}' (mapped to header '{}') is not a canonical field", key, header);
  if (std::optional<std::string_view> close = ClosestCanonicalName(CanonicalSpelling(key))) {
    message += fmt::format("; did you mean '{}'?", *close);
  }
  message += " Canonical fields are:";
  const std::span<const FieldInfo> fields = AllFields();
  for (size_t i = 0; i < fields.size(); ++i) message += fmt::format("{} {}", i ? "," : "", fields[i].name);
  return Status(ErrorCode::kConfigError, std::move(message));
}

Result<std::vector<UserRule>> ParseUserColumns(const std::map<std::string, std::string>& user_columns) {
  std::vector<UserRule> rules;
  for (const auto& [key, header] : user_columns) {
    const std::optional<Field> field = ResolveCanonical(key);
    if (!field) return UnknownFieldError(key, header);
    UserRule rule{*field, header, NormalizeHeader(header)};
    if (rule.normalized.empty()) {
      return Status(ErrorCode::kConfigError, fmt::format("columns: {}: header '{}' has no letters or digits",
                                                         InfoOf(*field).name, header));
    }
    for (const UserRule& other : rules) {
      if (other.field == rule.field) {
        return Status(ErrorCode::kConfigError, fmt::format("columns: {} is mapped twice ('{}' and '{}')",
                                                           InfoOf(rule.field).name, other.header, header));
      }
      if (other.normalized == rule.normalized) {
        return Status(ErrorCode::kConfigError,
                      fmt::format("columns: header '{}' is mapped to both {} and {}", header,
                                  InfoOf(other.field).name, InfoOf(rule.field).name));
      }
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::string CleanHeaderCell(std::string_view cell, size_t index) {
  if (cell.starts_with(kUtf8Bom)) cell.remove_prefix(kUtf8Bom.size());
  cell = TrimAscii(cell);
  if (cell.empty()) return fmt::format("column_{}", index + 1);
  return std::string(cell);
}

// "'Bldg SqFt' (column 5)".
std::string Describe(const ColumnMapping& c, size_t index) {
  return fmt::format("'{}' (column {})", c.header, index + 1);
}

// "headers found were "A", "B" and 3 more."
std::string HeadersFound(const std::vector<ColumnMapping>& columns) {
  if (columns.empty()) return "the header row has no columns.";
  std::string out = "headers found were ";
  for (size_t i = 0; i < columns.size() && i < kMaxHeadersListed; ++i) {
    out += fmt::format("{}\"{}\"", i ? ", " : "", columns[i].header);
  }
  if (columns.size() > kMaxHeadersListed) {
    out += fmt::format(" and {} more", columns.size() - kMaxHeadersListed);
  }
  return out + ".";
}

struct Suggestion {
  size_t column;
  AliasMatch match;
};

// Pass-through columns whose header resembles an alias of `f`, closest first.
// Columns mapped to another field are not offered: they are taken.
std::vector<Suggestion> SuggestColumnsFor(Field f, const std::vector<ColumnMapping>& columns) {
  constexpr size_t kMaxSuggestions = 3;
  std::vector<Suggestion> out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].field) continue;
    if (std::optional<AliasMatch> match = ClosestAlias(columns[i].normalized, f)) out.push_back({i, *match});
  }
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return a.match.resemblance < b.match.resemblance;
  });
  if (out.size() > kMaxSuggestions) out.resize(kMaxSuggestions);
  return out;
}

// One sentence for a missing field: the suggestions, or its aliases.
std::string Advice(Field f, const std::vector<Suggestion>& suggestions,
                   const std::vector<ColumnMapping>& columns) {
  const FieldInfo& info = InfoOf(f);
  std::string out;
  if (suggestions.empty()) {
    out = fmt::format("No header resembles {} (aliases:", info.name);
    for (size_t k = 0; k < info.aliases.size(); ++k) {
      out += fmt::format("{} \"{}\"", k ? "," : "", info.aliases[k]);
    }
    return out + ").";
  }
  out = "Did you mean ";
  for (size_t k = 0; k < suggestions.size(); ++k) {
    out += fmt::format("{}\"{}\" → {} (alias \"{}\")", k ? " or " : "", columns[suggestions[k].column].header,
                       info.name, suggestions[k].match.alias);
  }
  return out + "?";
}

}  // namespace

std::optional<size_t> HeaderMapping::ColumnOf(Field f) const {
  const int32_t column = column_of_[Index(f)];
  if (column == kNoColumn) return std::nullopt;
  return static_cast<size_t>(column);
}

std::vector<size_t> HeaderMapping::passthrough_columns() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!columns_[i].field) out.push_back(i);
  }
  return out;
}

Status ValidateUserColumns(const std::map<std::string, std::string>& user_columns) {
  return ParseUserColumns(user_columns).status();
}

Result<HeaderMapping> MapHeader(std::span<const std::string> header_cells,
                                const HeaderMappingOptions& options) {
  FP_ASSIGN_OR_RETURN(const std::vector<UserRule> rules, ParseUserColumns(options.user_columns));

  HeaderMapping m;
  m.columns_.reserve(header_cells.size());
  // What each column would map to on its own, and whether by configuration.
  std::vector<std::optional<Field>> wanted(header_cells.size());
  std::vector<const UserRule*> configured_by(header_cells.size(), nullptr);
  std::vector<bool> rule_matched(rules.size(), false);
  for (size_t i = 0; i < header_cells.size(); ++i) {
    ColumnMapping c;
    c.header = CleanHeaderCell(header_cells[i], i);
    c.normalized = NormalizeHeader(c.header);
    for (size_t r = 0; r < rules.size(); ++r) {
      if (rules[r].normalized == c.normalized) {
        configured_by[i] = &rules[r];
        rule_matched[r] = true;
      }
    }
    wanted[i] = configured_by[i] != nullptr ? std::optional<Field>(configured_by[i]->field)
                                            : FieldForAlias(c.normalized);
    m.columns_.push_back(std::move(c));
  }

  // Configured columns claim their fields first, then alias matches, each in
  // source order; a column whose field is taken is passed through.
  std::array<bool, kFieldCount> taken_by_configuration{};
  for (const bool configured_pass : {true, false}) {
    for (size_t i = 0; i < m.columns_.size(); ++i) {
      if (!wanted[i] || (configured_by[i] != nullptr) != configured_pass) continue;
      const Field f = *wanted[i];
      const int32_t winner = m.column_of_[Index(f)];
      if (winner == HeaderMapping::kNoColumn) {
        m.column_of_[Index(f)] = static_cast<int32_t>(i);
        m.columns_[i].field = f;
        taken_by_configuration[Index(f)] = configured_pass;
        continue;
      }
      const auto w = static_cast<size_t>(winner);
      const std::string loser = Describe(m.columns_[i], i);
      if (taken_by_configuration[Index(f)] && !configured_pass && w > i) {
        m.notes_.push_back(
            fmt::format("{} would map to {}, but the configured column {} is used; "
                        "{} is kept as a pass-through column",
                        loser, InfoOf(f).name, Describe(m.columns_[w], w), loser));
      } else {
        m.notes_.push_back(
            fmt::format("{} also maps to {}; the first column {} wins and {} is kept as a "
                        "pass-through column",
                        loser, InfoOf(f).name, Describe(m.columns_[w], w), loser));
      }
    }
  }

  for (size_t r = 0; r < rules.size(); ++r) {
    if (rule_matched[r]) continue;
    const Field f = rules[r].field;
    const int32_t column = m.column_of_[Index(f)];
    m.notes_.push_back(
        column == HeaderMapping::kNoColumn
            ? fmt::format("the configured column '{}' for {} matched no header; the file has no {} column",
                          rules[r].header, InfoOf(f).name, InfoOf(f).name)
            : fmt::format("the configured column '{}' for {} matched no header; {} comes from {} instead",
                          rules[r].header, InfoOf(f).name, InfoOf(f).name,
                          Describe(m.columns_[static_cast<size_t>(column)], static_cast<size_t>(column))));
  }

  for (size_t i = 0; i < m.columns_.size(); ++i) {
    if (m.columns_[i].field) m.present_.set(Index(*m.columns_[i].field));
  }
  if (m.present_.test(Index(Field::kLotSqft)) && !m.present_.test(Index(Field::kAcres))) {
    m.present_.set(Index(Field::kAcres));
    const size_t lot = *m.ColumnOf(Field::kLotSqft);
    m.notes_.push_back(fmt::format("no acres column; acres is derived as lot_sqft / 43560 from {}",
                                   Describe(m.columns_[lot], lot)));
  }
  return m;
}

Status CheckRequiredColumns(const HeaderMapping& m) {
  static constexpr Field kRequired[] = {Field::kAddress, Field::kCity};
  std::vector<Field> missing;
  for (const Field f : kRequired) {
    if (!m.ColumnOf(f)) missing.push_back(f);
  }
  if (missing.empty()) return Status::Ok();

  std::string message = "no ";
  for (size_t k = 0; k < missing.size(); ++k)
    message += fmt::format("{}{}", k ? " or " : "", InfoOf(missing[k]).name);
  message += missing.size() == 1 ? " column: " : " columns: ";
  message += HeadersFound(m.columns());
  std::string config_example;
  for (const Field f : missing) {
    const std::vector<Suggestion> suggestions = SuggestColumnsFor(f, m.columns());
    message += " " + Advice(f, suggestions, m.columns());
    config_example +=
        fmt::format("{}{}: \"{}\"", config_example.empty() ? "" : ", ", InfoOf(f).name,
                    suggestions.empty() ? "<header>" : m.columns()[suggestions.front().column].header);
  }
  message += fmt::format(" To map columns by hand, add to the config: columns: {{{}}}", config_example);
  return Status(ErrorCode::kMissingRequiredColumns, std::move(message));
}

}  // namespace flexpipe
