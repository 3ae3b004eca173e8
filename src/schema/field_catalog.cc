// The alias table of docs/fields.md, as data.
#include <array>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {
namespace {

using SV = std::string_view;

constexpr SV kParcelId[] = {"parcel id", "parcel", "apn",           "property id",
                            "folio",     "pcn",    "parcel number", "account number"};
constexpr SV kAddress[] = {"site address",   "address",       "property address",
                           "street address", "situs address", "location address"};
constexpr SV kUnit[] = {"unit", "suite"};
constexpr SV kCity[] = {"city", "municipality", "site city", "property city"};
constexpr SV kState[] = {"state", "st", "site state"};
constexpr SV kZip[] = {"zip code", "zip", "postal code", "site zip"};
constexpr SV kCounty[] = {"county", "county name"};
constexpr SV kPropertyType[] = {"property type",   "property use", "type",
                                "use description", "land use",     "property use code detail"};
constexpr SV kZoning[] = {"zoning", "zone", "zoning code"};
constexpr SV kAcres[] = {"acres", "lot size acres", "land acres", "lot acres", "acreage"};
constexpr SV kLotSqft[] = {"lot size sqft", "lot sqft", "land sqft"};
constexpr SV kBuildingSqft[] = {"building sqft", "building sq ft", "bldg sqft",   "square feet",
                                "sqft",          "total sqft",     "living area", "gross building area"};
constexpr SV kOfficeSqft[] = {"office sqft", "subarea office sqft", "office area"};
constexpr SV kWarehouseSqft[] = {"warehouse sqft", "subarea warehouse sqft", "warehouse area"};
constexpr SV kCeilingHeight[] = {"ceiling height", "clear height"};
constexpr SV kLoadingDocks[] = {"loading docks", "dock doors", "docks"};
constexpr SV kOverheadDoors[] = {"overhead doors", "grade level doors", "drive in doors"};
constexpr SV kYearBuilt[] = {"year built", "built year", "yr built", "actual year built",
                             "effective year built"};
constexpr SV kOccupancy[] = {"occupancy", "occupancy rate", "occupied", "percent leased"};
constexpr SV kImprovementValue[] = {"improvement value", "building value", "improvements",
                                    "improvement market value"};
constexpr SV kLandValue[] = {"land value", "land market value", "assessed land value"};
constexpr SV kTotalValue[] = {"total parcel value", "total market value", "market value", "just market value",
                              "assessed value"};
constexpr SV kSaleDate[] = {"sale date", "last sale date", "sold date", "recording date"};
constexpr SV kSalePrice[] = {"sold price", "sale price", "last sale price"};
constexpr SV kOwnerName[] = {"owner name", "owner", "owner 1"};
constexpr SV kNearHighway[] = {"near highway", "highway access"};
constexpr SV kLatitude[] = {"latitude", "lat"};
constexpr SV kLongitude[] = {"longitude", "lon", "lng", "long"};

constexpr std::array<FieldInfo, kFieldCount> kFields = {{
    {Field::kParcelId, "parcel_id", FieldType::kId, kParcelId},
    {Field::kAddress, "address", FieldType::kText, kAddress},
    {Field::kUnit, "unit", FieldType::kText, kUnit},
    {Field::kCity, "city", FieldType::kText, kCity},
    {Field::kState, "state", FieldType::kText, kState},
    {Field::kZip, "zip", FieldType::kId, kZip},
    {Field::kCounty, "county", FieldType::kText, kCounty},
    {Field::kPropertyType, "property_type", FieldType::kText, kPropertyType},
    {Field::kZoning, "zoning", FieldType::kText, kZoning},
    {Field::kAcres, "acres", FieldType::kNumber, kAcres},
    {Field::kLotSqft, "lot_sqft", FieldType::kNumber, kLotSqft},
    {Field::kBuildingSqft, "building_sqft", FieldType::kNumber, kBuildingSqft},
    {Field::kOfficeSqft, "office_sqft", FieldType::kNumber, kOfficeSqft},
    {Field::kWarehouseSqft, "warehouse_sqft", FieldType::kNumber, kWarehouseSqft},
    {Field::kCeilingHeight, "ceiling_height", FieldType::kNumber, kCeilingHeight},
    {Field::kLoadingDocks, "loading_docks", FieldType::kNumber, kLoadingDocks},
    {Field::kOverheadDoors, "overhead_doors", FieldType::kNumber, kOverheadDoors},
    {Field::kYearBuilt, "year_built", FieldType::kInteger, kYearBuilt},
    {Field::kOccupancy, "occupancy", FieldType::kNumber, kOccupancy},
    {Field::kImprovementValue, "improvement_value", FieldType::kMoney, kImprovementValue},
    {Field::kLandValue, "land_value", FieldType::kMoney, kLandValue},
    {Field::kTotalValue, "total_value", FieldType::kMoney, kTotalValue},
    {Field::kSaleDate, "sale_date", FieldType::kDate, kSaleDate},
    {Field::kSalePrice, "sale_price", FieldType::kMoney, kSalePrice},
    {Field::kOwnerName, "owner_name", FieldType::kText, kOwnerName},
    {Field::kNearHighway, "near_highway", FieldType::kBoolean, kNearHighway},
    {Field::kLatitude, "latitude", FieldType::kNumber, kLatitude},
    {Field::kLongitude, "longitude", FieldType::kNumber, kLongitude},
}};

}  // namespace

std::span<const FieldInfo> AllFields() { return kFields; }

const FieldInfo& InfoOf(Field field) { return kFields[Index(field)]; }

std::optional<Field> FieldByName(std::string_view canonical_name) {
  for (const FieldInfo& info : kFields) {
    if (info.name == canonical_name) return info.field;
  }
  return std::nullopt;
}

bool IsNumeric(FieldType type) {
  return type == FieldType::kNumber || type == FieldType::kInteger || type == FieldType::kMoney;
}

}  // namespace flexpipe
