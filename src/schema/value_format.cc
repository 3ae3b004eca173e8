#include "schema/value_format.h"

#include <charconv>
#include <cmath>

#include "core/date.h"
#include "schema/ascii.h"

namespace flexpipe {
namespace {

// Appends `value` with at least `width` digits (zero-padded).
void AppendPadded(int64_t value, int width, std::string* out) {
  if (value < 0) {
    out->push_back('-');
    value = -value;
  }
  char buffer[24];
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, value);
  for (auto digits = static_cast<int>(r.ptr - buffer); digits < width; ++digits) out->push_back('0');
  out->append(buffer, r.ptr);
}

// Consumes a run of digits from the front of *s; returns how many.
size_t SkipDigits(std::string_view* s) {
  size_t n = 0;
  while (n < s->size() && IsAsciiDigit((*s)[n])) ++n;
  s->remove_prefix(n);
  return n;
}

bool SkipSign(std::string_view* s) {
  if (s->empty() || (s->front() != '+' && s->front() != '-')) return false;
  s->remove_prefix(1);
  return true;
}

}  // namespace

void AppendNumber(double x, std::string* out) {
  if (x == 0) {
    out->push_back('0');
    return;
  }
  const double magnitude = std::fabs(x);
  const std::chars_format format =
      magnitude >= 1e-6 && magnitude < 1e16 ? std::chars_format::fixed : std::chars_format::general;
  char buffer[64];  // fixed form below 1e16 needs at most 1 + 16 + 1 + 23 characters
  const std::to_chars_result r = std::to_chars(buffer, buffer + sizeof buffer, x, format);
  out->append(buffer, r.ptr);
}

void AppendDate(Date date, std::string* out) {
  const CivilDate c = ToCivil(date);
  AppendPadded(c.year, 4, out);
  out->push_back('-');
  AppendPadded(c.month, 2, out);
  out->push_back('-');
  AppendPadded(c.day, 2, out);
}

void AppendCanonical(const FieldValue& v, FieldType type, std::string* out) {
  if (!v.present) return;
  switch (type) {
    case FieldType::kText:
    case FieldType::kId:
      out->append(v.text);
      return;
    case FieldType::kNumber:
    case FieldType::kMoney:
    case FieldType::kInteger:
      AppendNumber(v.number, out);
      return;
    case FieldType::kDate:
      AppendDate(Date{static_cast<int32_t>(v.number)}, out);
      return;
    case FieldType::kBoolean:
      out->append(v.number != 0 ? "true" : "false");
      return;
  }
}

bool LooksNumeric(std::string_view cell) {
  SkipSign(&cell);
  size_t digits = SkipDigits(&cell);
  if (!cell.empty() && cell.front() == '.') {
    cell.remove_prefix(1);
    digits += SkipDigits(&cell);
  }
  if (digits == 0) return false;
  if (!cell.empty() && (cell.front() == 'e' || cell.front() == 'E')) {
    cell.remove_prefix(1);
    SkipSign(&cell);
    if (SkipDigits(&cell) == 0) return false;
  }
  return cell.empty();
}

}  // namespace flexpipe
