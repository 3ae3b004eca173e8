// Numbers, booleans and missing markers; dates are in value_parse_date.cc.
#include "schema/value_parse.h"

#include <fast_float/fast_float.h>

#include <cmath>

#include "schema/ascii.h"

namespace flexpipe {
namespace {

// Longest number accepted, after dropping commas. Generous: a double needs at
// most 17 significant digits, and nobody writes 60 zeros by hand.
constexpr size_t kMaxNumberChars = 64;

// Whether `s` equals one of `words` (lower-case) ignoring ASCII case.
template <size_t N>
bool IsOneOf(std::string_view s, const std::string_view (&words)[N]) {
  for (std::string_view w : words) {
    if (EqualsIgnoreCase(s, w)) return true;
  }
  return false;
}

bool IsSign(char c) { return c == '-' || c == '+'; }

}  // namespace

bool IsMissingMarker(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {"",     "n/a",  "na",  "-",   "--",  "null",
                                                  "none", "#n/a", "nan", "nat", "<na>"};
  text = TrimAscii(text);
  return text.size() <= 4 && IsOneOf(text, kMarkers);
}

std::optional<double> ParseNumber(std::string_view text) {
  std::string_view s = TrimAscii(text);
  bool negative = false;
  // Accounting negatives: "(1,000)".
  const bool parenthesised = s.size() >= 2 && s.front() == '(' && s.back() == ')';
  if (parenthesised) s = TrimAscii(s.substr(1, s.size() - 2));
  // A sign and a currency sign in either order: "-$5", "$-5", "+5", "$ 5".
  bool signed_ = false;
  if (!s.empty() && IsSign(s.front())) {
    negative = s.front() == '-';
    signed_ = true;
    s.remove_prefix(1);
  }
  if (!s.empty() && s.front() == '$') s = TrimAscii(s.substr(1));
  if (!signed_ && !s.empty() && IsSign(s.front())) {
    negative = s.front() == '-';
    signed_ = true;
    s.remove_prefix(1);
  }
  if (parenthesised) {
    if (signed_) return std::nullopt;
    negative = true;
  }
  // Percentages keep their number: "95%" is 95.
  if (!s.empty() && s.back() == '%') s = TrimAscii(s.substr(0, s.size() - 1));
  // Rejects "inf", "nan", ".e5", "e5", ",5" and what fast_float would read as a second sign.
  if (s.empty() || !(IsAsciiDigit(s.front()) || s.front() == '.')) return std::nullopt;

  char buffer[kMaxNumberChars];
  size_t n = 0;
  for (const char c : s) {
    if (c == ',') continue;
    if (n == kMaxNumberChars) return std::nullopt;
    buffer[n++] = c;
  }
  double value = 0;
  const fast_float::from_chars_result r = fast_float::from_chars(buffer, buffer + n, value);
  if (r.ec != std::errc() || r.ptr != buffer + n || !std::isfinite(value)) return std::nullopt;
  if (value == 0) return 0.0;  // never -0: "(0)" and "-0" print as 0
  return negative ? -value : value;
}

std::optional<double> ParseInteger(std::string_view text) {
  const std::optional<double> value = ParseNumber(text);
  if (!value || std::trunc(*value) != *value) return std::nullopt;
  return value;
}

std::optional<bool> ParseBool(std::string_view text) {
  static constexpr std::string_view kTrue[] = {"true", "yes", "y", "t", "1", "1.0"};
  static constexpr std::string_view kFalse[] = {"false", "no", "n", "f", "0", "0.0"};
  text = TrimAscii(text);
  if (IsOneOf(text, kTrue)) return true;
  if (IsOneOf(text, kFalse)) return false;
  return std::nullopt;
}

std::optional<double> ParseTyped(FieldType type, std::string_view text) {
  switch (type) {
    case FieldType::kNumber:
      return ParseNumber(text);
    case FieldType::kMoney:
      return ParseMoney(text);
    case FieldType::kInteger:
      return ParseInteger(text);
    case FieldType::kDate:
      if (const std::optional<Date> d = ParseDate(text)) return static_cast<double>(d->days);
      return std::nullopt;
    case FieldType::kBoolean:
      if (const std::optional<bool> b = ParseBool(text)) return *b ? 1.0 : 0.0;
      return std::nullopt;
    case FieldType::kText:
    case FieldType::kId:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace flexpipe
