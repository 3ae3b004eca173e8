#include "score/round.h"

#include <charconv>
#include <cmath>

namespace flexpipe {
namespace internal {

double RoundHalfEven2ByPrinting(double x) {
  if (!std::isfinite(x)) return x;
  // std::to_chars with a precision is specified to round like printf: from the
  // exact binary value, ties to even. The largest double needs 309 integer
  // digits, a sign, a point and two decimals.
  char buf[320];
  const auto printed = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::fixed, 2);
  double rounded = x;
  std::from_chars(buf, printed.ptr, rounded, std::chars_format::fixed);
  return rounded;
}

}  // namespace internal

// PERF NOTE: printing and parsing costs ~150 ns; scoring calls this once per
// row. The fast path computes y = x * 100, which differs from the exact
// product by at most half an ulp of y. When y's fraction is clearly away
// from .5 (further than a few ulps), the exact product rounds to the same
// integer n as y does, and n / 100 (one correctly rounded division of two
// exact doubles) is the double nearest to the decimal n/100 — exactly what
// parsing "n/100" would give. Only near-ties take the slow, exact path.
double RoundHalfEven2(double x) {
  const double y = x * 100.0;
  // 2^52: beyond it every double is an integer (and the fraction test is moot).
  if (!(std::fabs(y) < 4503599627370496.0)) return internal::RoundHalfEven2ByPrinting(x);
  const double floor_y = std::floor(y);
  const double frac = y - floor_y;  // exact: y and floor(y) share an exponent range
  const double margin = std::fabs(y) * 0x1p-48 + 0x1p-1070;
  if (std::fabs(frac - 0.5) <= margin) return internal::RoundHalfEven2ByPrinting(x);
  const double n = frac < 0.5 ? floor_y : floor_y + 1.0;
  // Keep the sign of results that round to zero, as Python does.
  return n == 0.0 ? std::copysign(0.0, x) : n / 100.0;
}

std::string FormatScore(double x) {
  if (x == 0.0) x = 0.0;  // drop the sign of -0.0
  char buf[320];
  const auto printed = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::fixed, 2);
  return std::string(buf, printed.ptr);
}

}  // namespace flexpipe
