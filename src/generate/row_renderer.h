// Writes one generated cell: a property's identity and facts spelled the way
// a messy export would — the address with Street/St, North/N., case, extra
// spaces and trailing punctuation varied (variations the de-duplication key
// of docs/scoring.md normalises away), numbers, money, dates and booleans in
// the spellings of generate/value_format.h, codes with stray case and spaces.
#pragma once

#include <cstdint>
#include <string>

#include "generate/header_style.h"
#include "generate/property.h"
#include "generate/random.h"

namespace flexpipe::gen {

struct RowContext {
  const PropertyIdentity& identity;
  const PropertyFacts& facts;
  Rng& rng;                 // this row's own stream: spelling choices
  uint64_t listing_number;  // for the Listing ID pass-through column
};

// Appends the text of `column` for the row (unquoted; the CSV writer quotes).
void AppendCell(Column column, const RowContext& row, std::string* out);

// The street address alone, spelled one of its many ways.
void AppendStreetAddress(Rng& rng, const StreetAddress& street, std::string* out);

}  // namespace flexpipe::gen
