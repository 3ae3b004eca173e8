// A property row after header mapping and value parsing: one slot per
// canonical field. Records are reused row after row; text views point into
// the reader's current batch and are valid only until the next batch.
#pragma once

#include <array>
#include <bitset>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {

struct FieldValue {
  std::string_view text;  // trimmed source text; empty when the cell is empty or absent
  // Parsed value: numbers and money as written (after cleaning), integers as
  // whole numbers, booleans as 0/1, dates as days since 1970-01-01.
  double number = 0;
  bool present = false;       // has a usable value (text fields: non-empty)
  bool parse_failed = false;  // non-empty, not a missing-marker, and did not parse
};

// Which canonical fields a file's header row provides.
using ColumnSet = std::bitset<kFieldCount>;

struct Record {
  std::array<FieldValue, kFieldCount> values{};

  const FieldValue& operator[](Field f) const { return values[Index(f)]; }
  FieldValue& operator[](Field f) { return values[Index(f)]; }
  bool has(Field f) const { return values[Index(f)].present; }
  // The parsed number, or 0 when missing (the `weighted` model's rule).
  double num(Field f) const { return has(f) ? values[Index(f)].number : 0.0; }
  std::string_view text(Field f) const { return values[Index(f)].text; }
  void Clear() { values.fill(FieldValue{}); }
};

}  // namespace flexpipe
