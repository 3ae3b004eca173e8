// Scores are rounded and printed the way the original Python system did:
// `round(x, 2)` (correct rounding of the exact binary value, ties to even)
// and two fixed decimals. Pure functions, no allocation except FormatScore's
// result, safe from any thread.
#pragma once

#include <string>

namespace flexpipe {

// Exactly Python's `round(x, 2)` for every double: the decimal with two
// places nearest to the exact value of `x` (ties to even), returned as the
// double nearest to that decimal. 0.125 → 0.12, 0.375 → 0.38, 2.675 → 2.67
// (2.675 is really 2.67499999…). NaN and infinities are returned unchanged;
// the sign of zero is kept (-0.001 → -0.0).
double RoundHalfEven2(double x);

// `x` with exactly two decimals: 10 → "10.00", 4.818 → "4.82" (rounded as
// RoundHalfEven2). Negative zero prints as "0.00".
std::string FormatScore(double x);

namespace internal {
// The slow, obviously correct path of RoundHalfEven2 (print with two
// decimals, parse back); exposed so tests can check the fast path against it.
double RoundHalfEven2ByPrinting(double x);
}  // namespace internal

}  // namespace flexpipe
