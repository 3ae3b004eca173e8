// The synthetic properties behind generated exports. Who and where a
// property is (PropertyIdentity) is a pure function of the seed and the
// property's index, so a later file can repeat a property without the
// generator remembering it: memory stays flat however many rows are written.
// What the property is (PropertyFacts) is drawn per revision: a repeat with
// revision 0 carries the very same values (an identical score), another
// revision carries different ones.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "generate/value_format.h"

namespace flexpipe::gen {

// Indexes into the vocabulary lists (generate/vocabulary.h); -1 = none.
struct StreetAddress {
  uint32_t number = 0;
  int8_t pre_direction = -1;
  uint16_t name = 0;
  int8_t suffix = -1;
  int8_t post_direction = -1;
};

// Which of the de-duplication key's fields the property has.
enum class KeyShape : uint8_t {
  kFull,
  kAllEmpty,   // no address, city or state: never merged with another row
  kNoAddress,  // city and state only: merged with others of the same city and state
};

struct PropertyIdentity {
  StreetAddress street;
  uint16_t city = 0;
  KeyShape key_shape = KeyShape::kFull;
  uint64_t parcel = 0;  // 17 digits as Palm Beach County writes them (may start with 0)
  uint32_t zip = 0;
  uint16_t zip4 = 0;  // 0 = none
  uint16_t unit = 0;
  Quantity latitude_e4, longitude_e4;
  uint16_t dor_code = 0;
};

PropertyIdentity IdentityAt(uint64_t seed, uint64_t property_index);

struct PropertyFacts {
  int16_t property_type = -1;  // -1 = missing
  int16_t zoning = -1;
  Quantity acres_e4;  // acres × 10^4
  Quantity building_sqft;
  Quantity office_sqft;
  Quantity warehouse_sqft;
  Quantity ceiling_e1;  // feet × 10
  Quantity loading_docks;
  Quantity overhead_doors;
  Quantity year_built;
  Quantity occupancy_pct;  // 0..100
  Quantity improvement_value;
  Quantity land_value;
  Quantity total_value;
  Quantity sale_day;  // days since 1970-01-01
  Quantity sale_price;
  Quantity near_highway;  // 0 or 1
  uint16_t owner = 0;
  bool hostile_owner = false;
};

// Values spread around `as_of` (sale dates within ten years before it, a
// cluster at the two-year activity boundary) with the boundary values of
// scoring.md's bands drawn on purpose.
PropertyFacts FactsAt(uint64_t seed, uint64_t property_index, uint32_t revision, Date as_of);

}  // namespace flexpipe::gen
