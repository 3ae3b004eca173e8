// The alias table of docs/fields.md, as data.
#include <array>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {
namespace {

using SV = std::string_view;

constexpr SV kParcelIdAliases[] = {"parcel id", "parcel", "apn",           "property id",
                                   "folio",     "pcn",    "parcel number", "account number"};
constexpr SV kAddressAliases[] = {"site address",   "address",       "property address",
                                  "street address", "situs address", "location address"};
constexpr SV kUnitAliases[] = {"unit", "suite"};
constexpr SV kCityAliases[] = {"city", "municipality", "site city", "property city"};
constexpr SV kStateAliases[] = {"state", "st", "site state"};
constexpr SV kZipAliases[] = {"zip code", "zip", "postal code", "site zip"};
constexpr SV kCountyAliases[] = {"county", "county name"};
constexpr SV kPropertyTypeAliases[] = {"property type",   "property use", "type",
                                       "use description", "land use",     "property use code detail"};
constexpr SV kZoningAliases[] = {"zoning", "zone", "zoning code"};
constexpr SV kAcresAliases[] = {"acres", "lot size acres", "land acres", "lot acres", "acreage"};
constexpr SV kLotSqftAliases[] = {"lot size sqft", "lot sqft", "land sqft"};
constexpr SV kBuildingSqftAliases[] = {
    "building sqft", "building sq ft", "bldg sqft",   "square feet",
    "sqft",          "total sqft",     "living area", "gross building area"};
constexpr SV kOfficeSqftAliases[] = {"office sqft", "subarea office sqft", "office area"};
constexpr SV kWarehouseSqftAliases[] = {"warehouse sqft", "subarea warehouse sqft", "warehouse area"};
constexpr SV kCeilingHeightAliases[] = {"ceiling height", "clear height"};
constexpr SV kLoadingDocksAliases[] = {"loading docks", "dock doors", "docks"};
constexpr SV kOverheadDoorsAliases[] = {"overhead doors", "grade level doors", "drive in doors"};
constexpr SV kYearBuiltAliases[] = {"year built", "built year", "yr built", "actual year built",
                                    "effective year built"};
constexpr SV kOccupancyAliases[] = {"occupancy", "occupancy rate", "occupied", "percent leased"};
constexpr SV kImprovementValueAliases[] = {"improvement value", "building value", "improvements",
                                           "improvement market value"};
constexpr SV kLandValueAliases[] = {"land value", "land market value", "assessed land value"};
constexpr SV kTotalValueAliases[] = {"total parcel value", "total market value", "market value",
                                     "just market value", "assessed value"};
constexpr SV kSaleDateAliases[] = {"sale date", "last sale date", "sold date", "recording date"};
constexpr SV kSalePriceAliases[] = {"sold price", "sale price", "last sale price"};
constexpr SV kOwnerNameAliases[] = {"owner name", "owner", "owner 1"};
constexpr SV kNearHighwayAliases[] = {"near highway", "highway access"};
constexpr SV kLatitudeAliases[] = {"latitude", "lat"};
constexpr SV kLongitudeAliases[] = {"longitude", "lon", "lng", "long"};

constexpr std::array<FieldInfo, kFieldCount> kFields = {{
    {Field::kParcelId, "parcel_id", FieldType::kId, kParcelIdAliases},
    {Field::kAddress, "address", FieldType::kText, kAddressAliases},
    {Field::kUnit, "unit", FieldType::kText, kUnitAliases},
    {Field::kCity, "city", FieldType::kText, kCityAliases},
    {Field::kState, "state", FieldType::kText, kStateAliases},
    {Field::kZip, "zip", FieldType::kId, kZipAliases},
    {Field::kCounty, "county", FieldType::kText, kCountyAliases},
    {Field::kPropertyType, "property_type", FieldType::kText, kPropertyTypeAliases},
    {Field::kZoning, "zoning", FieldType::kText, kZoningAliases},
    {Field::kAcres, "acres", FieldType::kNumber, kAcresAliases},
    {Field::kLotSqft, "lot_sqft", FieldType::kNumber, kLotSqftAliases},
    {Field::kBuildingSqft, "building_sqft", FieldType::kNumber, kBuildingSqftAliases},
    {Field::kOfficeSqft, "office_sqft", FieldType::kNumber, kOfficeSqftAliases},
    {Field::kWarehouseSqft, "warehouse_sqft", FieldType::kNumber, kWarehouseSqftAliases},
    {Field::kCeilingHeight, "ceiling_height", FieldType::kNumber, kCeilingHeightAliases},
    {Field::kLoadingDocks, "loading_docks", FieldType::kNumber, kLoadingDocksAliases},
    {Field::kOverheadDoors, "overhead_doors", FieldType::kNumber, kOverheadDoorsAliases},
    {Field::kYearBuilt, "year_built", FieldType::kInteger, kYearBuiltAliases},
    {Field::kOccupancy, "occupancy", FieldType::kNumber, kOccupancyAliases},
    {Field::kImprovementValue, "improvement_value", FieldType::kMoney, kImprovementValueAliases},
    {Field::kLandValue, "land_value", FieldType::kMoney, kLandValueAliases},
    {Field::kTotalValue, "total_value", FieldType::kMoney, kTotalValueAliases},
    {Field::kSaleDate, "sale_date", FieldType::kDate, kSaleDateAliases},
    {Field::kSalePrice, "sale_price", FieldType::kMoney, kSalePriceAliases},
    {Field::kOwnerName, "owner_name", FieldType::kText, kOwnerNameAliases},
    {Field::kNearHighway, "near_highway", FieldType::kBoolean, kNearHighwayAliases},
    {Field::kLatitude, "latitude", FieldType::kNumber, kLatitudeAliases},
    {Field::kLongitude, "longitude", FieldType::kNumber, kLongitudeAliases},
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
