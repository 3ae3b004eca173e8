// ParseDate (declared in value_parse.h): a hand-written scanner over the
// handful of layouts people and exporters use. No allocation, no locale.
#include <cstdint>

#include "schema/ascii.h"
#include "schema/value_parse.h"

namespace flexpipe {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool done() const { return i_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  bool Consume(char c) {
    if (done() || s_[i_] != c) return false;
    ++i_;
    return true;
  }
  // Consumes a run of ASCII spaces; returns how many.
  size_t Spaces() {
    size_t n = 0;
    while (!done() && s_[i_] == ' ') ++i_, ++n;
    return n;
  }
  // Consumes a whole run of digits; returns its length (0 when none). Runs
  // longer than 9 digits are consumed but report length 10 and value 0.
  size_t Digits(int32_t* value) {
    size_t n = 0;
    int32_t v = 0;
    while (!done() && IsAsciiDigit(s_[i_])) {
      if (n < 9) v = v * 10 + (s_[i_] - '0');
      ++i_, ++n;
    }
    *value = n <= 9 ? v : 0;
    return n <= 9 ? n : 10;
  }
  // Consumes a run of letters; returns it.
  std::string_view Letters() {
    const size_t start = i_;
    while (!done() && IsAsciiAlpha(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// "March", "Mar", "mar.", "Sept" → 1..12; 0 when not a month name.
uint32_t MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (EqualsIgnoreCase(word, "sept")) return 9;
  for (uint32_t m = 0; m < 12; ++m) {
    if (EqualsIgnoreCase(word, kMonths[m]) || EqualsIgnoreCase(word, kMonths[m].substr(0, 3))) return m + 1;
  }
  return 0;
}

uint32_t MonthName(Scanner& sc) {
  const uint32_t month = MonthNumber(sc.Letters());
  sc.Consume('.');  // "Mar. 14, 2025"
  return month;
}

// A 4-digit year, or a 2-digit one read as Python's %y does.
bool Year(Scanner& sc, int32_t* year) {
  const size_t n = sc.Digits(year);
  if (n == 2) *year += *year < 69 ? 2000 : 1900;
  return n == 2 || n == 4;
}

bool OneOrTwoDigits(Scanner& sc, int32_t* value) {
  const size_t n = sc.Digits(value);
  return n == 1 || n == 2;
}

struct Ymd {
  int32_t year = 0, month = 0, day = 0;
};

// "March 14, 2025", "Mar 14 2025", "Mar. 14,2025".
bool MonthFirst(Scanner& sc, Ymd* d) {
  d->month = static_cast<int32_t>(MonthName(sc));
  if (d->month == 0 || sc.Spaces() == 0 || !OneOrTwoDigits(sc, &d->day)) return false;
  const bool comma = sc.Consume(',');
  if (sc.Spaces() == 0 && !comma) return false;
  return sc.Digits(&d->year) == 4;
}

// Layouts starting with a number: 2025-03-14, 2025/03/14, 03/14/2025, 3-14-25,
// 14-Mar-2025, 14 Mar 2025.
bool NumberFirst(Scanner& sc, Ymd* d) {
  int32_t first = 0;
  const size_t first_digits = sc.Digits(&first);
  const char sep = sc.peek();
  if (first_digits == 4) {  // year first
    d->year = first;
    return (sep == '-' || sep == '/') && sc.Consume(sep) && OneOrTwoDigits(sc, &d->month) &&
           sc.Consume(sep) && OneOrTwoDigits(sc, &d->day);
  }
  if (first_digits != 1 && first_digits != 2) return false;
  if (sep == ' ') {  // 14 Mar 2025
    d->day = first;
    sc.Spaces();
    d->month = static_cast<int32_t>(MonthName(sc));
    return d->month != 0 && sc.Spaces() > 0 && Year(sc, &d->year);
  }
  if (sep != '-' && sep != '/') return false;
  sc.Consume(sep);
  if (IsAsciiAlpha(sc.peek())) {  // 14-Mar-2025
    d->day = first;
    d->month = static_cast<int32_t>(MonthName(sc));
    return d->month != 0 && sc.Consume(sep) && Year(sc, &d->year);
  }
  d->month = first;  // US order: 03/14/2025
  return OneOrTwoDigits(sc, &d->day) && sc.Consume(sep) && Year(sc, &d->year);
}

// "AM", "pm", "a.m.", "P.M.".
bool Meridiem(Scanner& sc) {
  const std::string_view word = sc.Letters();
  if (EqualsIgnoreCase(word, "am") || EqualsIgnoreCase(word, "pm")) return true;
  if (!(EqualsIgnoreCase(word, "a") || EqualsIgnoreCase(word, "p")) || !sc.Consume('.')) return false;
  if (!EqualsIgnoreCase(sc.Letters(), "m")) return false;
  sc.Consume('.');
  return true;
}

// A time of day after the date, validated and ignored: "T10:00:00",
// " 10:15", " 10:15:00.123", " 10:15:00 AM", optionally followed by "Z" or a
// UTC offset ("+05:00", "-0500").
bool TimeOfDay(Scanner& sc) {
  if (!sc.Consume('T') && sc.Spaces() == 0) return false;
  int32_t hour = 0, minute = 0, second = 0, fraction = 0;
  if (!OneOrTwoDigits(sc, &hour) || !sc.Consume(':') || sc.Digits(&minute) != 2 || minute > 59) return false;
  if (sc.Consume(':')) {
    if (sc.Digits(&second) != 2 || second > 60) return false;
    if (sc.Consume('.') && sc.Digits(&fraction) == 0) return false;
  }
  sc.Spaces();
  if (sc.peek() != 'Z' && IsAsciiAlpha(sc.peek())) {
    if (!Meridiem(sc) || hour < 1 || hour > 12) return false;
    sc.Spaces();
  } else if (hour > 23) {
    return false;
  }
  if (sc.Consume('Z')) return sc.done();
  if (sc.peek() == '+' || sc.peek() == '-') {
    sc.Consume(sc.peek());
    int32_t offset = 0;
    const size_t n = sc.Digits(&offset);
    if (n == 2 && sc.Consume(':')) return sc.Digits(&offset) == 2 && sc.done();
    return (n == 2 || n == 4) && sc.done();
  }
  return sc.done();
}

// [-]DDDDDDDDDDD[DD][.0…] → epoch milliseconds → UTC date.
std::optional<Date> EpochMillis(std::string_view s) {
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  if (const size_t dot = s.find('.'); dot != std::string_view::npos) {
    const std::string_view fraction = s.substr(dot + 1);
    if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) return std::nullopt;
    s = s.substr(0, dot);
  }
  if (s.size() < 11 || s.size() > 13) return std::nullopt;
  int64_t millis = 0;
  for (const char c : s) {
    if (!IsAsciiDigit(c)) return std::nullopt;
    millis = millis * 10 + (c - '0');
  }
  if (negative) millis = -millis;
  int64_t days = millis / kMillisPerDay;
  if (millis % kMillisPerDay < 0) --days;  // floor, for dates before 1970
  return Date{static_cast<int32_t>(days)};
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
  text = TrimAscii(text);
  if (text.empty()) return std::nullopt;
  if (IsAsciiDigit(text.back()) && (IsAsciiDigit(text.front()) || text.front() == '-')) {
    if (std::optional<Date> d = EpochMillis(text)) return d;
  }
  Scanner sc(text);
  Ymd d;
  const bool calendar = IsAsciiAlpha(sc.peek()) ? MonthFirst(sc, &d) : NumberFirst(sc, &d);
  if (!calendar || (!sc.done() && !TimeOfDay(sc))) return std::nullopt;
  if (!IsValidCivil(d.year, static_cast<uint32_t>(d.month), static_cast<uint32_t>(d.day)))
    return std::nullopt;
  return FromCivil(d.year, static_cast<uint32_t>(d.month), static_cast<uint32_t>(d.day));
}

}  // namespace flexpipe
