#include "read/xlsx/cell_text.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <system_error>

#include <fast_float/fast_float.h>

#include "core/date.h"

namespace flexpipe {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

// "-?digits" with at most 21 significant digits: copied as an integer.
bool AppendPlainInteger(std::string_view raw, std::string* out) {
  const bool negative = !raw.empty() && raw[0] == '-';
  std::string_view digits = raw.substr(negative ? 1 : 0);
  if (digits.empty()) return false;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) {  // zero, "-0", "000"
    out->push_back('0');
    return true;
  }
  digits.remove_prefix(first);
  if (digits.size() > 21) return false;  // 1e21 and up take the exponent form
  if (negative) out->push_back('-');
  out->append(digits);
  return true;
}

// How many of text[from..] are `lo`..`hi` in a row.
size_t CountRun(std::string_view text, size_t from, char lo, char hi) {
  size_t i = from;
  while (i < text.size() && text[i] >= lo && text[i] <= hi) ++i;
  return i - from;
}

// "-?int.frac" that is already its own shortest round-trip text: copied.
// A decimal of at most 15 significant digits (DBL_DIG) reads back from the
// nearest double unchanged, and no shorter decimal maps to that double, so
// with no redundant zeros and no need for an exponent it is exactly what the
// general path would print.
bool AppendPlainDecimal(std::string_view raw, std::string* out) {
  const size_t int_begin = !raw.empty() && raw[0] == '-' ? 1 : 0;
  const size_t int_digits = CountRun(raw, int_begin, '0', '9');
  const size_t dot = int_begin + int_digits;
  if (int_digits == 0 || dot >= raw.size() || raw[dot] != '.') return false;
  const size_t frac_digits = CountRun(raw, dot + 1, '0', '9');
  if (frac_digits == 0 || dot + 1 + frac_digits != raw.size() || raw.back() == '0') return false;
  size_t significant = int_digits + frac_digits;
  if (raw[int_begin] == '0') {  // "0.xxx"
    if (int_digits > 1) return false;
    const size_t zeros = CountRun(raw, dot + 1, '0', '0');
    if (zeros >= 6) return false;  // below 1e-6: the exponent form
    significant = frac_digits - zeros;
  }
  if (significant > 15) return false;
  out->append(raw);
  return true;
}

void AppendChars(const char* begin, const char* end, std::string* out) {
  for (const char* p = begin; p != end; ++p) out->push_back(*p == 'e' ? 'E' : *p);
}

// An integral value in [9e18, 1e21): its shortest round-trip digits padded
// with zeros, as JavaScript prints it ("12345678901234567000"), rather than
// the double's exact expansion ("12345678901234567168"), whose last digits
// are noise.
void AppendLargeInteger(double x, std::string* out) {
  char buf[32];
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  const std::string_view text(buf, static_cast<size_t>(r.ptr - buf));  // "-1.2345678901234567e+19"
  const size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + 2, text.data() + text.size(), exponent);  // after "e+"
  size_t digits = 0;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] == '-') out->push_back('-');
    if (text[i] >= '0' && text[i] <= '9') {
      out->push_back(text[i]);
      ++digits;
    }
  }
  out->append(static_cast<size_t>(exponent) + 1 - digits, '0');
}

void AppendDouble(double x, std::string* out) {
  if (x == 0) {
    out->push_back('0');
    return;
  }
  // Fixed notation here is for magnitudes in [1e-6, 1e21): at most 21 integer
  // digits, or "0.00000" and 17 significant digits.
  char buf[64];
  const double magnitude = std::fabs(x);
  std::to_chars_result r{};
  if (magnitude < 1e21 && x == std::trunc(x)) {
    if (magnitude >= 9e18) {
      AppendLargeInteger(x, out);
      return;
    }
    r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(x));
  } else if (magnitude >= 1e-6 && magnitude < 1e21) {
    r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  } else {
    r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  }
  AppendChars(buf, r.ptr, out);
}

void AppendTwoDigits(int64_t value, std::string* out) {
  out->push_back(static_cast<char>('0' + value / 10));
  out->push_back(static_cast<char>('0' + value % 10));
}

}  // namespace

bool AppendNumberText(std::string_view raw, std::string* out) {
  if (!raw.empty() && raw[0] == '+') {
    raw.remove_prefix(1);
    if (raw.empty() || raw[0] == '-' || raw[0] == '+') return false;
  }
  // PERF: most cells are integers or short decimals, copied as they are.
  if (AppendPlainInteger(raw, out) || AppendPlainDecimal(raw, out)) return true;
  double x = 0;
  const char* const end = raw.data() + raw.size();
  const fast_float::from_chars_result r = fast_float::from_chars(raw.data(), end, x);
  if (r.ec != std::errc() || r.ptr != end || !std::isfinite(x)) return false;
  AppendDouble(x, out);
  return true;
}

bool AppendSerialDateText(double serial, bool date1904, std::string* out) {
  // Last representable instant: 9999-12-31 23:59:59 (1900: serial 2958465).
  const double limit = date1904 ? 2957004.0 : 2958466.0;
  if (!(serial >= 0) || serial >= limit) return false;  // also NaN
  const auto seconds = static_cast<int64_t>(std::llround(serial * kSecondsPerDay));
  int64_t days = seconds / kSecondsPerDay;
  const int64_t time = seconds % kSecondsPerDay;
  Date date;
  if (date1904) {
    date.days = FromCivil(1904, 1, 1).days + static_cast<int32_t>(days);
  } else {
    if (days == 0 || days == 60) return false;  // "1900-01-00", the phantom 1900-02-29
    if (days < 60) ++days;                      // before the phantom day: one day early
    date.days = FromCivil(1899, 12, 30).days + static_cast<int32_t>(days);
  }
  const CivilDate civil = ToCivil(date);
  if (civil.year > 9999) return false;  // rounded past the last second
  char buf[4];
  std::to_chars(buf, buf + 4, civil.year);
  out->append(buf, 4);
  out->push_back('-');
  AppendTwoDigits(civil.month, out);
  out->push_back('-');
  AppendTwoDigits(civil.day, out);
  if (time != 0) {
    out->push_back(' ');
    AppendTwoDigits(time / 3600, out);
    out->push_back(':');
    AppendTwoDigits(time / 60 % 60, out);
    out->push_back(':');
    AppendTwoDigits(time % 60, out);
  }
  return true;
}

}  // namespace flexpipe
