#include "core/human_number.h"

#include <charconv>
#include <cmath>
#include <iterator>
#include <string_view>

namespace flexpipe {
namespace {

// Inserts ',' between groups of three digits of the integer part of a plain
// decimal ("-1234567.5" → "-1,234,567.5").
std::string GroupThousands(std::string_view plain) {
  const size_t sign = (!plain.empty() && plain[0] == '-') ? 1 : 0;
  size_t int_end = plain.find('.');
  if (int_end == std::string_view::npos) int_end = plain.size();
  const size_t digits = int_end - sign;
  std::string out(plain.substr(0, sign));
  for (size_t i = 0; i < digits; ++i) {
    if (i > 0 && (digits - i) % 3 == 0) out.push_back(',');
    out.push_back(plain[sign + i]);
  }
  out.append(plain.substr(int_end));
  return out;
}

std::string Fixed(double x, int decimals) {
  char buf[400];  // fixed notation of the largest double: 309 digits + sign + point + decimals
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return {};
  std::string s(buf, end);
  // "-0.00" after rounding a tiny negative: print without the sign.
  if (s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);
  return s;
}

}  // namespace

std::string WithThousands(uint64_t n) { return GroupThousands(std::to_string(n)); }

std::string DecimalWithThousands(double x, int decimals) {
  if (!std::isfinite(x) || decimals < 0 || decimals > 9) return {};
  return GroupThousands(Fixed(x, decimals));
}

std::string FormatMoney(double dollars) {
  std::string s = DecimalWithThousands(dollars, 0);
  if (s.empty()) return s;
  if (s[0] == '-') return "-$" + s.substr(1);
  return "$" + s;
}

std::string FormatAcres(double acres) {
  if (std::isfinite(acres) && acres > 0 && acres < 0.005) return "< 0.01";
  return DecimalWithThousands(acres, 2);
}

std::string FormatBytes(uint64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " B";
  static constexpr const char* kUnits[] = {"kB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes) / 1000;
  size_t unit = 0;
  while (v >= 999.95 && unit + 1 < std::size(kUnits)) v /= 1000, ++unit;
  return DecimalWithThousands(v, 1) + " " + kUnits[unit];
}

std::string FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return {};
  if (seconds < 10) return Fixed(seconds, 2) + " s";
  if (seconds < 59.95) return Fixed(seconds, 1) + " s";
  const auto whole = static_cast<uint64_t>(std::llround(seconds));
  if (whole < 3600) {
    const uint64_t s = whole % 60;
    return std::to_string(whole / 60) + " min " + (s < 10 ? "0" : "") + std::to_string(s) + " s";
  }
  const uint64_t minutes = (whole + 30) / 60;
  const uint64_t m = minutes % 60;
  return WithThousands(minutes / 60) + " h " + (m < 10 ? "0" : "") + std::to_string(m) + " min";
}

std::string FormatPercent(uint64_t part, uint64_t whole) {
  if (whole == 0) return {};
  return Fixed(100.0 * static_cast<double>(part) / static_cast<double>(whole), 1) + "%";
}

}  // namespace flexpipe
