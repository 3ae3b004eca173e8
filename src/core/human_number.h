// Numbers formatted for people (console report, HTML report): thousands
// separators, money, acres, durations, percentages. Locale-independent (','
// groups thousands, '.' is the decimal point) and deterministic: rounding is
// std::to_chars's, from the exact binary value, ties to even. A value that is
// not finite formats as "" so a missing figure shows as an empty cell, never
// as "nan". Pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>

namespace flexpipe {

// "1,234,567".
std::string WithThousands(uint64_t n);

// `x` with exactly `decimals` decimals (0..9) and thousands separators:
// (24567.891, 2) → "24,567.89"; (-1000, 0) → "-1,000". -0 prints as "0".
std::string DecimalWithThousands(double x, int decimals);

// Whole dollars: 2569458.4 → "$2,569,458"; -1000 → "-$1,000".
std::string FormatMoney(double dollars);

// Acres with 2 decimals ("2.50", "1,234.00"); a positive area too small to
// show that way is "< 0.01".
std::string FormatAcres(double acres);

// A size in bytes, decimal units: 999 → "999 B", 12345 → "12.3 kB",
// 2500000 → "2.5 MB", then "GB", "TB".
std::string FormatBytes(uint64_t bytes);

// A duration for people: "0.42 s", "12.3 s", "2 min 05 s", "1 h 02 min".
std::string FormatDuration(double seconds);

// part / whole as a percentage with one decimal: (934, 1000) → "93.4%";
// "" when whole is 0.
std::string FormatPercent(uint64_t part, uint64_t whole);

}  // namespace flexpipe
