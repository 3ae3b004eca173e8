#include "generate/header_style.h"

namespace flexpipe::gen {
namespace {

using C = Column;

constexpr ColumnSpec kCrexi[] = {
    {C::kListingId, "Listing ID"},
    {C::kParcelIdDashed, "APN"},
    {C::kAddress, "Property Address"},
    {C::kUnit, "Suite"},
    {C::kCity, "City"},
    {C::kState, "State"},
    {C::kZip, "Zip Code"},
    {C::kCounty, "County"},
    {C::kPropertyType, "Property Type"},
    {C::kZoning, "Zoning"},
    {C::kAcres, "Lot Size Acres"},
    {C::kBuildingSqft, "Building SqFt"},
    {C::kOfficeSqft, "Office SqFt"},
    {C::kWarehouseSqft, "Warehouse SqFt"},
    {C::kCeilingHeight, "Clear Height"},
    {C::kLoadingDocks, "Loading Docks"},
    {C::kOverheadDoors, "Grade Level Doors"},
    {C::kYearBuilt, "Year Built"},
    {C::kOccupancy, "Occupancy"},
    {C::kImprovementValue, "Improvement Value"},
    {C::kLandValue, "Land Value"},
    {C::kTotalValue, "Market Value"},
    {C::kSaleDate, "Sale Date"},
    {C::kSalePrice, "Sold Price"},
    {C::kOwnerName, "Owner Name"},
    {C::kNearHighway, "Near Highway"},
    {C::kLatitude, "Latitude"},
    {C::kLongitude, "Longitude"},
    {C::kBroker, "Broker"},
    {C::kNotes, "Notes"},
};

constexpr ColumnSpec kCrexiAlt[] = {
    {C::kListingId, "Listing ID"},
    {C::kParcelIdDashed, "Property ID"},
    {C::kAddress, "Street Address"},
    {C::kCity, "Property City"},
    {C::kState, "State"},
    {C::kZip, "Postal Code"},
    {C::kPropertyType, "Type"},
    {C::kZoning, "Zoning"},
    {C::kAcres, "Acres"},
    {C::kBuildingSqft, "Gross Building Area"},
    {C::kCeilingHeight, "Clear Height"},
    {C::kLoadingDocks, "Loading Docks"},
    {C::kOverheadDoors, "Overhead Doors"},
    {C::kYearBuilt, "Built Year"},
    {C::kOccupancy, "Occupancy Rate"},
    {C::kImprovementValue, "Improvements"},
    {C::kLandValue, "Land Value"},
    {C::kTotalValue, "Total Parcel Value"},
    {C::kSaleDate, "Sold Date"},
    {C::kSalePrice, "Sale Price"},
    {C::kOwnerName, "Owner"},
    {C::kNearHighway, "Near Highway"},
    {C::kLatitude, "Lat"},
    {C::kLongitude, "Long"},
    {C::kBroker, "Broker"},
    {C::kNotes, "Notes"},
};

constexpr ColumnSpec kAppraiser[] = {
    {C::kParcelId, "parcel_id"},
    {C::kAddress, "site_address"},
    {C::kCity, "municipality"},
    {C::kState, "site_state"},
    {C::kZip, "zip_code"},
    {C::kCounty, "county_name"},
    {C::kPropertyType, "property_use"},
    {C::kDorCode, "dor_code"},
    {C::kZoning, "zoning_code"},
    {C::kAcres, "acreage"},
    {C::kBuildingSqft, "bldg_sqft"},
    {C::kOfficeSqft, "subarea_office_sqft"},
    {C::kWarehouseSqft, "subarea_warehouse_sqft"},
    {C::kYearBuilt, "actual_year_built"},
    {C::kImprovementValue, "improvement_market_value"},
    {C::kLandValue, "land_market_value"},
    {C::kTotalValue, "total_market_value"},
    {C::kSaleDate, "last_sale_date"},
    {C::kSalePrice, "last_sale_price"},
    {C::kOwnerName, "owner_1"},
    {C::kNotes, "notes"},
};

constexpr ColumnSpec kAppraiserAlt[] = {
    {C::kParcelId, "account_number"},
    {C::kAddress, "location_address"},
    {C::kCity, "site_city"},
    {C::kState, "state"},
    {C::kZip, "site_zip"},
    {C::kCounty, "county"},
    {C::kPropertyType, "land_use"},
    {C::kDorCode, "dor_code"},
    {C::kZoning, "zoning_code"},
    {C::kAcres, "land_acres"},
    {C::kLotSqft, "lot_size_sqft"},
    {C::kBuildingSqft, "total_sqft"},
    {C::kOfficeSqft, "subarea_office_sqft"},
    {C::kWarehouseSqft, "subarea_warehouse_sqft"},
    {C::kYearBuilt, "effective_year_built"},
    {C::kImprovementValue, "building_value"},
    {C::kLandValue, "land_value"},
    {C::kTotalValue, "assessed_value"},
    {C::kSaleDate, "recording_date"},
    {C::kSalePrice, "sale_price"},
    {C::kOwnerName, "owner_name"},
    {C::kNotes, "notes"},
};

constexpr ColumnSpec kOdd[] = {
    {C::kParcelId, "FOLIO"},
    {C::kAddress, "Situs Address"},
    {C::kUnit, "Unit"},
    {C::kCity, "Site City"},
    {C::kState, "ST"},
    {C::kZip, "ZIP"},
    {C::kCounty, "County Name"},
    {C::kPropertyType, "Use Description"},
    {C::kZoning, "Zone"},
    {C::kAcres, "LOT ACRES"},
    {C::kBuildingSqft, " BUILDING-SQFT "},
    {C::kOfficeSqft, "Office Area"},
    {C::kWarehouseSqft, "Warehouse Area"},
    {C::kCeilingHeight, "Ceiling Height"},
    {C::kLoadingDocks, "Dock Doors"},
    {C::kOverheadDoors, "Drive-In Doors"},
    {C::kYearBuilt, "Yr. Built"},
    {C::kOccupancy, "Percent Leased"},
    {C::kImprovementValue, "Building Value"},
    {C::kLandValue, "Assessed Land Value"},
    {C::kTotalValue, "Just Market Value"},
    {C::kSaleDate, "Recording Date"},
    {C::kSalePrice, "Last Sale Price"},
    {C::kOwnerName, "OWNER"},
    {C::kNearHighway, "Highway Access"},
    {C::kLatitude, "Lat"},
    {C::kLongitude, "Lng"},
    {C::kBroker, "Broker"},
    {C::kNotes, "Notes "},
};

constexpr ColumnSpec kOddAlt[] = {
    {C::kParcelId, "Parcel Number"},
    {C::kAddress, "Address"},
    {C::kUnit, "Suite"},
    {C::kCity, "CITY"},
    {C::kState, "Site State"},
    {C::kZip, "Zip"},
    {C::kPropertyType, "Property Use Code Detail"},
    {C::kZoning, "Zoning Code"},
    {C::kLotSqft, "Land SqFt"},  // no acres column: acres = lot_sqft / 43560
    {C::kBuildingSqft, "Square Feet"},
    {C::kOfficeSqft, "Office Area"},
    {C::kWarehouseSqft, "Warehouse Area"},
    {C::kCeilingHeight, "Ceiling Height"},
    {C::kLoadingDocks, "Docks"},
    {C::kOverheadDoors, "Drive In Doors"},
    {C::kYearBuilt, "Yr Built"},
    {C::kOccupancy, "Occupied"},
    {C::kImprovementValue, "Improvement_Value"},
    {C::kLandValue, "LAND VALUE"},
    {C::kTotalValue, "Market Value"},
    {C::kSaleDate, "Last Sale Date"},
    {C::kSalePrice, "Sold Price"},
    {C::kOwnerName, "Owner 1"},
    {C::kNearHighway, "Highway Access"},
    {C::kLatitude, "Latitude"},
    {C::kLongitude, "Lon"},
    {C::kNotes, "NOTES"},
};

}  // namespace

std::string_view StyleName(HeaderStyle style, int variant) {
  static constexpr std::string_view kNames[kHeaderStyleCount][kVariantCount] = {
      {"crexi", "crexi-alt"}, {"appraiser", "appraiser-alt"}, {"odd", "odd-alt"}};
  return kNames[static_cast<int>(style)][variant == 0 ? 0 : 1];
}

std::span<const ColumnSpec> ColumnsOf(HeaderStyle style, int variant) {
  const bool alt = variant != 0;
  switch (style) {
    case HeaderStyle::kCrexi:
      return alt ? std::span<const ColumnSpec>(kCrexiAlt) : kCrexi;
    case HeaderStyle::kAppraiser:
      return alt ? std::span<const ColumnSpec>(kAppraiserAlt) : kAppraiser;
    case HeaderStyle::kOdd:
      return alt ? std::span<const ColumnSpec>(kOddAlt) : kOdd;
  }
  return kCrexi;
}

CsvDialect DialectOf(HeaderStyle style) {
  switch (style) {
    case HeaderStyle::kCrexi:
      return {.bom = true, .crlf = true, .quote_all = false};
    case HeaderStyle::kAppraiser:
      return {.bom = false, .crlf = false, .quote_all = false};
    case HeaderStyle::kOdd:
      return {.bom = false, .crlf = true, .quote_all = true};
  }
  return {};
}

}  // namespace flexpipe::gen
