// Building canonical Records by hand for scoring tests.
#pragma once

#include <string_view>

#include "schema/record.h"

namespace flexpipe::testing {

inline void SetNumber(Record& r, Field f, double v) {
  FieldValue& fv = r[f];
  fv.number = v;
  fv.present = true;
}

inline void SetText(Record& r, Field f, std::string_view text) {
  FieldValue& fv = r[f];
  fv.text = text;
  fv.present = !text.empty();
}

// A cell that was written but did not parse (e.g. "TBD"): missing.
inline void SetUnparsable(Record& r, Field f, std::string_view text) {
  FieldValue& fv = r[f];
  fv.text = text;
  fv.present = false;
  fv.parse_failed = true;
}

}  // namespace flexpipe::testing
