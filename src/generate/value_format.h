// Writes numbers, money, dates and booleans the many ways people type them in
// property exports (docs/fields.md lists the spellings the pipeline parses).
// Every spelling chosen for a value parses back to that same value, so the
// random choice of spelling never changes a score. All arithmetic is on
// integers, so the text is byte-identical on every machine.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "generate/random.h"

namespace flexpipe::gen {

// A generated cell: a value, nothing (empty, "N/A", "-"...), or junk text
// that does not parse as the field's type. Numbers are scaled integers.
enum class Presence : uint8_t { kValue, kMissing, kJunk };
struct Quantity {
  int64_t value = 0;
  Presence presence = Presence::kMissing;
  static constexpr Quantity Of(int64_t v) { return {v, Presence::kValue}; }
  static constexpr Quantity Missing() { return {}; }
  static constexpr Quantity Junk() { return {0, Presence::kJunk}; }
  bool has_value() const { return presence == Presence::kValue; }
};

// `scaled` / 10^decimals with exactly `frac_digits` fraction digits (at least
// the significant ones): AppendFixed(out, 25000, 4, 0) → "2.5", (…, 2) → "2.50".
void AppendFixed(std::string* out, int64_t scaled, int decimals, int frac_digits);
// 1234567 → "1,234,567"; -5 → "-5".
void AppendGrouped(std::string* out, int64_t whole);

// One of the spellings of nothing: "", "N/A", "n/a", "-", "NULL", "#N/A", " ".
void AppendMissing(Rng& rng, std::string* out);
// Text that is not a number, date or boolean ("TBD", "see notes"...).
void AppendJunk(Rng& rng, std::string* out);

// A number: "25000", "25,000", " 25000 ", "25000.0", "2.5e4", "2.50"...
void AppendNumber(Rng& rng, std::string* out, int64_t scaled, int decimals);
// Whole dollars: "$1,200,000", "1200000", "$1,200,000.00", "1.2e6",
// negatives as "(1,000)" or "-1000".
void AppendMoney(Rng& rng, std::string* out, int64_t dollars);
// A whole percentage 0..100 as a fraction or percent: "0.85", "85", "85%", "85.0".
void AppendOccupancy(Rng& rng, std::string* out, int64_t percent);
// ISO (with or without a time), 03/14/2025, 3/14/25, March 14, 2025,
// 14-Mar-2025, or 13-digit Unix epoch milliseconds.
void AppendDate(Rng& rng, std::string* out, Date date);
// yes/no, Y/N, true/false, 1/0 in assorted cases.
void AppendBool(Rng& rng, std::string* out, bool value);

// Appends a Quantity through `append_value` when present, else a missing or junk spelling.
template <typename AppendValue>
void AppendQuantity(Rng& rng, std::string* out, const Quantity& q, AppendValue&& append_value) {
  switch (q.presence) {
    case Presence::kValue:
      append_value(q.value);
      break;
    case Presence::kMissing:
      AppendMissing(rng, out);
      break;
    case Presence::kJunk:
      AppendJunk(rng, out);
      break;
  }
}

}  // namespace flexpipe::gen
