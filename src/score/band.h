// Ranges of values and the points a value in range earns: the building block
// of every threshold rule in a scoring profile. A range has at most one lower
// bound (inclusive `min` or exclusive `above`) and at most one upper bound
// (inclusive `max` or exclusive `below`); a missing bound is infinite.
#pragma once

#include <limits>
#include <span>

namespace flexpipe {

struct Range {
  double lower = -std::numeric_limits<double>::infinity();
  bool lower_inclusive = true;  // `min` (>=) when true, `above` (>) when false
  double upper = std::numeric_limits<double>::infinity();
  bool upper_inclusive = true;  // `max` (<=) when true, `below` (<) when false

  static Range Min(double v) { return {v, true}; }
  static Range Above(double v) { return {v, false}; }
  static Range Max(double v) { return {-std::numeric_limits<double>::infinity(), true, v, true}; }
  static Range Below(double v) { return {-std::numeric_limits<double>::infinity(), true, v, false}; }
  static Range MinMax(double lo, double hi) { return {lo, true, hi, true}; }
  static Range MinBelow(double lo, double hi) { return {lo, true, hi, false}; }
  static Range AboveMax(double lo, double hi) { return {lo, false, hi, true}; }
  bool has_lower() const { return lower != -std::numeric_limits<double>::infinity(); }
  bool has_upper() const { return upper != std::numeric_limits<double>::infinity(); }

  // False for NaN.
  bool Contains(double x) const {
    return (lower_inclusive ? x >= lower : x > lower) && (upper_inclusive ? x <= upper : x < upper);
  }
  friend bool operator==(const Range&, const Range&) = default;
};

// A range and the points a value inside it earns.
struct Band {
  Range range;
  double points = 0;
  bool Contains(double x) const { return range.Contains(x); }
  friend bool operator==(const Band&, const Band&) = default;
};

// The points of the first band containing `x`; 0 when none does.
inline double FirstBandPoints(std::span<const Band> bands, double x) {
  for (const Band& b : bands) {
    if (b.Contains(x)) return b.points;
  }
  return 0;
}

}  // namespace flexpipe
