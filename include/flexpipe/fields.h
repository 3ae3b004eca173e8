// The canonical fields of a property record (docs: ../../docs/fields.md, the
// project's copy of the field specification). The order of this enum is the
// order of the canonical columns in every output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace flexpipe {

enum class Field : uint8_t {
  kParcelId,
  kAddress,
  kUnit,
  kCity,
  kState,
  kZip,
  kCounty,
  kPropertyType,
  kZoning,
  kAcres,
  kLotSqft,
  kBuildingSqft,
  kOfficeSqft,
  kWarehouseSqft,
  kCeilingHeight,
  kLoadingDocks,
  kOverheadDoors,
  kYearBuilt,
  kOccupancy,
  kImprovementValue,
  kLandValue,
  kTotalValue,
  kSaleDate,
  kSalePrice,
  kOwnerName,
  kNearHighway,
  kLatitude,
  kLongitude,
};
inline constexpr size_t kFieldCount = static_cast<size_t>(Field::kLongitude) + 1;

constexpr size_t Index(Field f) { return static_cast<size_t>(f); }

enum class FieldType : uint8_t {
  kText,     // kept as written (trimmed)
  kId,       // text that must never be re-formatted (parcel ids, ZIP codes)
  kNumber,   // decimal number
  kInteger,  // whole number (year built)
  kMoney,    // number, may carry $ , ( ) decoration
  kDate,     // calendar date
  kBoolean,  // true/false, yes/no, y/n, 1/0
};

struct FieldInfo {
  Field field;
  std::string_view name;  // canonical snake_case name, e.g. "building_sqft"
  FieldType type;
  std::span<const std::string_view> aliases;  // already normalised (see NormalizeHeader)
};

// All fields, in enum order.
std::span<const FieldInfo> AllFields();
const FieldInfo& InfoOf(Field field);
// Canonical name → field; nullopt when the name is not canonical.
std::optional<Field> FieldByName(std::string_view canonical_name);
bool IsNumeric(FieldType type);

}  // namespace flexpipe
