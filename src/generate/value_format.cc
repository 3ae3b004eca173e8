#include "generate/value_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace flexpipe::gen {
namespace {

constexpr int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

void AppendInt(std::string* out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// Fraction digits needed to write `scaled` exactly (0..decimals).
int SignificantFraction(int64_t scaled, int decimals) {
  uint64_t frac = Magnitude(scaled) % static_cast<uint64_t>(kPow10[decimals]);
  int digits = decimals;
  while (digits > 0 && frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  return digits;
}

// 1200000 → "1.2e6"; false when the value has too many significant digits
// to be written so (or is too small to be worth it).
bool AppendScientific(std::string* out, int64_t whole) {
  if (whole < 1000) return false;
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, whole);
  const auto len = static_cast<int>(end - digits);
  int significant = len;
  while (significant > 1 && digits[significant - 1] == '0') --significant;
  if (significant > 3) return false;
  out->push_back(digits[0]);
  if (significant > 1) {
    out->push_back('.');
    out->append(digits + 1, digits + significant);
  }
  out->push_back('e');
  AppendInt(out, static_cast<uint64_t>(len - 1));
  return true;
}

constexpr std::array<std::string_view, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

void AppendTwoDigits(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

}  // namespace

void AppendFixed(std::string* out, int64_t scaled, int decimals, int frac_digits) {
  const uint64_t mag = Magnitude(scaled);
  const auto unit = static_cast<uint64_t>(kPow10[decimals]);
  if (scaled < 0) out->push_back('-');
  AppendInt(out, mag / unit);
  const int digits = std::max(frac_digits, SignificantFraction(scaled, decimals));
  if (digits == 0) return;
  out->push_back('.');
  const uint64_t frac = mag % unit;
  for (int i = 0; i < digits; ++i) {
    const int position = decimals - 1 - i;  // digit weight 10^position of the fraction
    out->push_back(
        position >= 0 ? static_cast<char>('0' + frac / static_cast<uint64_t>(kPow10[position]) % 10) : '0');
  }
}

void AppendGrouped(std::string* out, int64_t whole) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, Magnitude(whole));
  const auto len = static_cast<size_t>(end - digits);
  if (whole < 0) out->push_back('-');
  for (size_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out->push_back(',');
    out->push_back(digits[i]);
  }
}

void AppendMissing(Rng& rng, std::string* out) {
  static constexpr std::string_view kSpellings[] = {"", "", "", "", "N/A", "n/a", "-", "NULL", "#N/A", " "};
  out->append(rng.Pick(kSpellings));
}

void AppendJunk(Rng& rng, std::string* out) {
  static constexpr std::string_view kJunk[] = {"TBD", "see notes", "unknown", "?", "call broker", "n.a.x"};
  out->append(rng.Pick(kJunk));
}

void AppendNumber(Rng& rng, std::string* out, int64_t scaled, int decimals) {
  const bool whole = SignificantFraction(scaled, decimals) == 0;
  const int64_t whole_value = scaled / kPow10[decimals];
  switch (rng.Below(8)) {
    case 0:  // thousands separators
      if (whole && whole_value >= 1000) {
        AppendGrouped(out, whole_value);
        return;
      }
      break;
    case 1:  // stray spaces
      out->push_back(' ');
      AppendFixed(out, scaled, decimals, 0);
      out->push_back(' ');
      return;
    case 2:  // a spreadsheet's float: "25000.0", "2.50"
      AppendFixed(out, scaled, decimals, whole ? 1 : std::min(decimals, 2));
      return;
    case 3:  // scientific
      if (whole && scaled >= 0 && AppendScientific(out, whole_value)) return;
      break;
    default:
      break;
  }
  AppendFixed(out, scaled, decimals, 0);
}

void AppendMoney(Rng& rng, std::string* out, int64_t dollars) {
  if (dollars < 0) {
    if (rng.Chance(700)) {  // accounting negative
      out->push_back('(');
      AppendGrouped(out, -dollars);
      out->push_back(')');
    } else {
      AppendFixed(out, dollars, 0, 0);
    }
    return;
  }
  switch (rng.Below(9)) {
    case 0:
    case 1:
    case 2:
      out->push_back('$');
      AppendGrouped(out, dollars);
      return;
    case 3:
      out->push_back('$');
      AppendGrouped(out, dollars);
      out->append(".00");
      return;
    case 4:
      AppendGrouped(out, dollars);
      return;
    case 5:
      out->append(" $");
      AppendGrouped(out, dollars);
      out->push_back(' ');
      return;
    case 6:
      if (AppendScientific(out, dollars)) return;
      break;
    default:
      break;
  }
  AppendFixed(out, dollars, 0, 0);
}

void AppendOccupancy(Rng& rng, std::string* out, int64_t percent) {
  // A bare "1" means 100 %, so 1 % is only ever written as a fraction.
  const uint64_t style = percent == 1 ? 0 : rng.Below(4);
  switch (style) {
    case 0:
      AppendFixed(out, percent, 2, 0);
      return;
    case 1:
      AppendFixed(out, percent, 0, 0);
      return;
    case 2:
      AppendFixed(out, percent, 0, 0);
      out->push_back('%');
      return;
    default:
      AppendFixed(out, percent, 0, 1);
      return;
  }
}

void AppendDate(Rng& rng, std::string* out, Date date) {
  const CivilDate c = ToCivil(date);
  const auto year = static_cast<uint64_t>(c.year);
  const bool two_digit_year_ok = c.year >= 2000 && c.year < 2050;
  uint64_t style = rng.Below(10);
  if (style == 4 && !two_digit_year_ok) style = 3;
  switch (style) {
    case 0:
    case 1:
    case 2:  // ISO, sometimes with a time
      AppendInt(out, year);
      out->push_back('-');
      AppendTwoDigits(out, c.month);
      out->push_back('-');
      AppendTwoDigits(out, c.day);
      if (style == 1) out->append(" 00:00:00");
      if (style == 2) out->append("T14:30:00");
      return;
    case 3:  // 03/14/2025
      AppendTwoDigits(out, c.month);
      out->push_back('/');
      AppendTwoDigits(out, c.day);
      out->push_back('/');
      AppendInt(out, year);
      return;
    case 4:  // 3/14/25
      AppendInt(out, c.month);
      out->push_back('/');
      AppendInt(out, c.day);
      out->push_back('/');
      AppendTwoDigits(out, static_cast<uint32_t>(year % 100));
      return;
    case 5:  // March 14, 2025
      out->append(kMonthNames[c.month - 1]);
      out->push_back(' ');
      AppendInt(out, c.day);
      out->append(", ");
      AppendInt(out, year);
      return;
    case 6:  // 14-Mar-2025
      AppendTwoDigits(out, c.day);
      out->push_back('-');
      out->append(kMonthNames[c.month - 1].substr(0, 3));
      out->push_back('-');
      AppendInt(out, year);
      return;
    case 7:  // 3/14/2025 with a time
      AppendInt(out, c.month);
      out->push_back('/');
      AppendInt(out, c.day);
      out->push_back('/');
      AppendInt(out, year);
      out->append(" 00:00:00");
      return;
    default: {  // epoch milliseconds as pandas writes them: UTC midnight or Florida midnight (05:00Z)
      const int64_t ms = int64_t{date.days} * 86'400'000 + (rng.Chance(500) ? 18'000'000 : 0);
      if (ms < 1'000'000'000'000) {  // before 2001-09-09 it is not 13 digits: write ISO
        AppendInt(out, year);
        out->push_back('-');
        AppendTwoDigits(out, c.month);
        out->push_back('-');
        AppendTwoDigits(out, c.day);
        return;
      }
      AppendFixed(out, ms, 0, 0);
      if (rng.Chance(400)) out->append(".0");
      return;
    }
  }
}

void AppendBool(Rng& rng, std::string* out, bool value) {
  static constexpr std::string_view kTrue[] = {"yes", "Yes", "YES", "Y", "y", "true", "TRUE", "True", "1"};
  static constexpr std::string_view kFalse[] = {"no", "No", "NO", "N", "n", "false", "FALSE", "False", "0"};
  out->append(value ? rng.Pick(kTrue) : rng.Pick(kFalse));
}

}  // namespace flexpipe::gen
