#include "config/setting_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "core/date.h"
#include "flexpipe/fields.h"
#include "schema/alias_suggest.h"
#include "schema/ascii.h"
#include "schema/header_normalize.h"

namespace flexpipe::config {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

using Shape = RawValue::Shape;

Status Problem(std::string message) { return Status(ErrorCode::kConfigError, std::move(message)); }

Status Expected(const Setting& s, std::string_view what) {
  return Problem(fmt::format("{}; expected {}", what, DescribeAllowed(s)));
}

// "Building SqFt" → "building_sqft".
std::string CanonicalSpelling(std::string_view name) {
  std::string out = NormalizeHeader(name);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

Status UnknownField(std::string_view name) {
  std::string message = fmt::format("'{}' is not a canonical field name", name);
  if (std::optional<std::string_view> close = ClosestCanonicalName(CanonicalSpelling(name))) {
    message += fmt::format(" (did you mean '{}'?)", *close);
  }
  message += "; canonical fields are:";
  const std::span<const FieldInfo> fields = AllFields();
  for (size_t i = 0; i < fields.size(); ++i)
    message += fmt::format("{} {}", i == 0 ? "" : ",", fields[i].name);
  return Problem(std::move(message));
}

// Shortest text that reads back as `v`, always with a decimal point or
// exponent so it reads as a number with a fraction: 4 → "4.0".
std::string FormatNumber(double v) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  std::string out(buf, ec == std::errc() ? end : buf);
  if (out.find_first_of(".en") == std::string::npos) out += ".0";
  return out;
}

// From values as written to typed values.

Result<std::string> ScalarOf(const Setting& s, const RawValue& raw) {
  switch (raw.shape) {
    case Shape::kNull:
      return std::string();
    case Shape::kScalar:
      return raw.scalar;
    case Shape::kList:
      return Expected(s, "a list is not allowed here");
    case Shape::kMap:
      return Expected(s, "a mapping is not allowed here");
  }
  return Status(ErrorCode::kInternal, "unknown value shape");
}

// A scalar for a number or switch: trimmed and not empty.
Result<std::string_view> NonEmptyScalar(const Setting& s, const RawValue& raw, std::string* storage) {
  FP_ASSIGN_OR_RETURN(*storage, ScalarOf(s, raw));
  const std::string_view text = TrimAscii(*storage);
  if (text.empty()) return Expected(s, "no value is given");
  return text;
}

Result<std::string> ParseString(const Setting& s, const RawValue& raw) {
  FP_ASSIGN_OR_RETURN(std::string text, ScalarOf(s, raw));
  if (s.kind == SettingKind::kText) return text;
  const std::string_view trimmed = TrimAscii(text);
  if (s.kind == SettingKind::kChoice) {
    for (const std::string_view choice : s.choices) {
      if (trimmed.size() == choice.size() &&
          std::equal(trimmed.begin(), trimmed.end(), choice.begin(),
                     [](char a, char b) { return AsciiLower(a) == AsciiLower(b); })) {
        return std::string(choice);
      }
    }
  }
  return std::string(trimmed);
}

Result<bool> ParseBool(const Setting& s, const RawValue& raw) {
  std::string storage;
  FP_ASSIGN_OR_RETURN(const std::string_view text, NonEmptyScalar(s, raw, &storage));
  for (const std::string_view yes : {"true", "yes", "on", "1"}) {
    if (EqualsIgnoreCase(text, yes)) return true;
  }
  for (const std::string_view no : {"false", "no", "off", "0"}) {
    if (EqualsIgnoreCase(text, no)) return false;
  }
  return Expected(s, fmt::format("'{}' is not a true/false value", text));
}

Result<int> ParseInt(const Setting& s, const RawValue& raw) {
  std::string storage;
  FP_ASSIGN_OR_RETURN(std::string_view text, NonEmptyScalar(s, raw, &storage));
  const std::string_view written = text;
  if (text.front() == '+') text.remove_prefix(1);
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) return Expected(s, fmt::format("{} is out of range", written));
  if (ec != std::errc() || end != text.data() + text.size()) {
    return Expected(s, fmt::format("'{}' is not a whole number", written));
  }
  const NumberRange& r = s.range;
  if (v < r.min || v > r.max || (r.min_exclusive && v == r.min)) {
    return Expected(s, fmt::format("{} is out of range", written));
  }
  return static_cast<int>(v);
}

Result<double> ParseNumber(const Setting& s, const RawValue& raw) {
  std::string storage;
  FP_ASSIGN_OR_RETURN(std::string_view text, NonEmptyScalar(s, raw, &storage));
  const std::string_view written = text;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) return Expected(s, fmt::format("{} is out of range", written));
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    return Expected(s, fmt::format("'{}' is not a number", written));
  }
  return v;
}

Result<std::vector<std::string>> ParseList(const Setting& s, const RawValue& raw) {
  std::vector<std::string> items;
  switch (raw.shape) {
    case Shape::kNull:
      break;
    case Shape::kScalar:
      items.push_back(raw.scalar);
      break;
    case Shape::kList:
      items = raw.items;
      break;
    case Shape::kMap:
      return Expected(s, "a mapping is not allowed here");
  }
  if (s.kind != SettingKind::kFieldList) return items;
  // Canonical spelling, first mention kept.
  std::vector<std::string> fields;
  for (const std::string& item : items) {
    const std::optional<std::string_view> name = ResolveFieldName(item);
    if (!name) return UnknownField(item);
    if (std::find(fields.begin(), fields.end(), *name) == fields.end()) fields.emplace_back(*name);
  }
  return fields;
}

Result<FieldMap> ParseMap(const Setting& s, const RawValue& raw, const FieldMap& current, bool merge) {
  if (raw.shape == Shape::kScalar || raw.shape == Shape::kList) {
    return Expected(
        s, raw.shape == Shape::kList ? "a list is not allowed here" : "a single value is not allowed here");
  }
  FieldMap out = merge ? current : FieldMap();
  std::vector<std::string_view> seen;
  for (const auto& [key, header] : raw.entries) {
    const std::optional<std::string_view> name = ResolveFieldName(key);
    if (!name) return UnknownField(key);
    if (std::find(seen.begin(), seen.end(), *name) != seen.end()) {
      return Problem(fmt::format("{} is mapped twice", *name));
    }
    seen.push_back(*name);
    out[std::string(*name)] = header;
  }
  return out;
}

// Checks of typed values.

Status CheckString(const Setting& s, const std::string& v) {
  switch (s.kind) {
    case SettingKind::kChoice:
      if (std::find(s.choices.begin(), s.choices.end(), v) == s.choices.end()) {
        return Expected(s, fmt::format("'{}' is not allowed", v));
      }
      return Status();
    case SettingKind::kDate:
      if (!v.empty() && !ParseIsoDate(v)) return Expected(s, fmt::format("'{}' is not a valid date", v));
      return Status();
    default:
      return Status();
  }
}

Status CheckList(const Setting& s, const std::vector<std::string>& v) {
  if (s.kind == SettingKind::kFieldList) {
    for (const std::string& name : v) {
      if (!ResolveFieldName(name)) return UnknownField(name);
    }
    return Status();
  }
  if (v.empty()) return Expected(s, "the list is empty");
  for (const std::string& item : v) {
    if (TrimAscii(item).empty()) return Expected(s, "an entry is empty");
  }
  return Status();
}

Status CheckNumber(const Setting& s, double v, std::string_view shown) {
  const NumberRange& r = s.range;
  const bool too_low = r.min_exclusive ? v <= r.min : v < r.min;
  if (!std::isfinite(v)) return Expected(s, fmt::format("{} is not a number", shown));
  if (too_low || v > r.max) return Expected(s, fmt::format("{} is out of range", shown));
  return Status();
}

Status CheckMap(const FieldMap& m) {
  std::vector<std::string_view> fields;
  std::map<std::string, std::string_view> field_of_header;  // normalised header → field
  for (const auto& [key, header] : m) {
    const std::optional<std::string_view> name = ResolveFieldName(key);
    if (!name) return UnknownField(key);
    if (std::find(fields.begin(), fields.end(), *name) != fields.end()) {
      return Problem(fmt::format("{} is mapped twice", *name));
    }
    fields.push_back(*name);
    std::string normalized = NormalizeHeader(header);
    if (normalized.empty()) return Problem(fmt::format("the header for {} has no letters or digits", *name));
    const auto [it, inserted] = field_of_header.emplace(std::move(normalized), *name);
    if (!inserted) {
      return Problem(fmt::format("the header '{}' is given to both {} and {}", header, it->second, *name));
    }
  }
  return Status();
}

bool IsPlainKey(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '_';
  }) && !IsAsciiDigit(key.front());
}

}  // namespace

Result<RawValue> RawFromText(const Setting& setting, std::string_view text) {
  RawValue raw;
  const bool list = setting.kind == SettingKind::kTextList || setting.kind == SettingKind::kFieldList;
  if (!list && setting.kind != SettingKind::kFieldMap) {
    raw.shape = Shape::kScalar;
    raw.scalar = std::string(text);
    return raw;
  }
  raw.shape = list ? Shape::kList : Shape::kMap;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view item = TrimAscii(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) continue;
    if (list) {
      raw.items.emplace_back(item);
      continue;
    }
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Problem(
          fmt::format("'{}' is not of the form field=header; expected {}", item, DescribeAllowed(setting)));
    }
    raw.entries.emplace_back(TrimAscii(item.substr(0, eq)), TrimAscii(item.substr(eq + 1)));
  }
  return raw;
}

Status AssignValue(const Setting& setting, const RawValue& raw, PipelineOptions* options, bool merge) {
  return std::visit(Overloaded{
                        [&](const Member<std::string>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(std::string v, ParseString(setting, raw));
                          FP_RETURN_IF_ERROR(CheckString(setting, v));
                          m.get(*options) = std::move(v);
                          return Status();
                        },
                        [&](const Member<std::vector<std::string>>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(std::vector<std::string> v, ParseList(setting, raw));
                          FP_RETURN_IF_ERROR(CheckList(setting, v));
                          m.get(*options) = std::move(v);
                          return Status();
                        },
                        [&](const Member<bool>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(m.get(*options), ParseBool(setting, raw));
                          return Status();
                        },
                        [&](const Member<int>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(m.get(*options), ParseInt(setting, raw));
                          return Status();
                        },
                        [&](const Member<double>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(const double v, ParseNumber(setting, raw));
                          FP_RETURN_IF_ERROR(CheckNumber(setting, v, TrimAscii(raw.scalar)));
                          m.get(*options) = v;
                          return Status();
                        },
                        [&](const Member<FieldMap>& m) -> Status {
                          FP_ASSIGN_OR_RETURN(FieldMap v, ParseMap(setting, raw, m.read(*options), merge));
                          FP_RETURN_IF_ERROR(CheckMap(v));
                          m.get(*options) = std::move(v);
                          return Status();
                        },
                    },
                    setting.member);
}

Status CheckValue(const Setting& setting, const PipelineOptions& options) {
  return std::visit(
      Overloaded{
          [&](const Member<std::string>& m) { return CheckString(setting, m.read(options)); },
          [&](const Member<std::vector<std::string>>& m) { return CheckList(setting, m.read(options)); },
          [&](const Member<bool>&) { return Status(); },
          [&](const Member<int>& m) {
            const int v = m.read(options);
            return CheckNumber(setting, v, std::to_string(v));
          },
          [&](const Member<double>& m) {
            const double v = m.read(options);
            return CheckNumber(setting, v, FormatNumber(v));
          },
          [&](const Member<FieldMap>& m) { return CheckMap(m.read(options)); },
      },
      setting.member);
}

std::string DescribeAllowed(const Setting& s) {
  const NumberRange& r = s.range;
  const bool unbounded = r.max >= std::numeric_limits<int>::max();
  const std::string_view number = s.kind == SettingKind::kInt ? "a whole number" : "a number";
  switch (s.kind) {
    case SettingKind::kText:
      return "text";
    case SettingKind::kChoice: {
      std::string out = "one of";
      for (size_t i = 0; i < s.choices.size(); ++i)
        out += fmt::format("{} {}", i == 0 ? "" : ",", s.choices[i]);
      return out;
    }
    case SettingKind::kDate:
      return "a date as YYYY-MM-DD, or empty for the current date";
    case SettingKind::kTextList:
      return "one non-empty value or a list of them";
    case SettingKind::kFieldList:
      return "a list of canonical field names";
    case SettingKind::kBool:
      return "true or false";
    case SettingKind::kInt:
    case SettingKind::kNumber:
      if (r.min_exclusive) {
        return unbounded ? fmt::format("{} greater than {}", number, r.min)
                         : fmt::format("{} greater than {} and at most {}", number, r.min, r.max);
      }
      return unbounded ? fmt::format("{} of at least {}", number, r.min)
                       : fmt::format("{} from {} to {}", number, r.min, r.max);
    case SettingKind::kFieldMap:
      return "a mapping of canonical field names to headers, e.g. address: \"Site Address\"";
  }
  return "";
}

std::string FormatValueYaml(const Setting& setting, const PipelineOptions& options, int indent) {
  return std::visit(
      Overloaded{
          [&](const Member<std::string>& m) { return QuoteYaml(m.read(options)); },
          [&](const Member<std::vector<std::string>>& m) {
            std::string out = "[";
            for (const std::string& item : m.read(options)) {
              if (out.size() > 1) out += ", ";
              out += QuoteYaml(item);
            }
            return out + "]";
          },
          [&](const Member<bool>& m) { return std::string(m.read(options) ? "true" : "false"); },
          [&](const Member<int>& m) { return std::to_string(m.read(options)); },
          [&](const Member<double>& m) { return FormatNumber(m.read(options)); },
          [&](const Member<FieldMap>& m) {
            const FieldMap& map = m.read(options);
            if (map.empty()) return std::string("{}");
            std::string out;
            for (const auto& [key, header] : map) {
              out += fmt::format("\n{:{}}{}: {}", "", indent, IsPlainKey(key) ? key : QuoteYaml(key),
                                 QuoteYaml(header));
            }
            return out;
          },
      },
      setting.member);
}

std::string QuoteYaml(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

std::optional<std::string_view> ResolveFieldName(std::string_view name) {
  if (const std::optional<Field> f = FieldByName(name)) return InfoOf(*f).name;
  if (const std::optional<Field> f = FieldByName(CanonicalSpelling(name))) return InfoOf(*f).name;
  return std::nullopt;
}

}  // namespace flexpipe::config
