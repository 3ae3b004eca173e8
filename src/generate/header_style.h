// The three header styles of generated exports, each in two variants that
// spell some headers differently, so that together they use every alias
// family of docs/fields.md:
//   crexi     — Title Case like a broker-site export ("Property Address",
//               "Lot Size Acres"); UTF-8 BOM, CRLF, quotes only when needed.
//   appraiser — snake_case like a county appraiser extract ("site_address",
//               "subarea_office_sqft"); LF.
//   odd       — spellings that only match after normalisation
//               (" BUILDING-SQFT ", "Yr. Built", "ZIP"); CRLF, every cell quoted.
// Each style also carries pass-through columns (Listing ID, Broker, Notes, dor_code).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace flexpipe::gen {

// What a generated column holds.
enum class Column : uint8_t {
  kParcelId,
  kParcelIdDashed,  // 08-43-46-05-08-000-0130
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
  // Pass-through columns (no canonical field).
  kListingId,
  kBroker,
  kNotes,
  kDorCode,
};

struct ColumnSpec {
  Column column;
  std::string_view header;
};

enum class HeaderStyle : uint8_t { kCrexi, kAppraiser, kOdd };
inline constexpr int kHeaderStyleCount = 3;
inline constexpr int kVariantCount = 2;

struct CsvDialect {
  bool bom = false;        // UTF-8 byte order mark first
  bool crlf = false;       // "\r\n" line endings, else "\n"
  bool quote_all = false;  // quote every cell, else only cells that need it
};

// "crexi", "appraiser", "odd"; variant 1 appends "-alt".
std::string_view StyleName(HeaderStyle style, int variant);
std::span<const ColumnSpec> ColumnsOf(HeaderStyle style, int variant);
CsvDialect DialectOf(HeaderStyle style);

}  // namespace flexpipe::gen
