#include "generate/row_renderer.h"

#include <string_view>

#include "generate/value_format.h"
#include "generate/vocabulary.h"

namespace flexpipe::gen {
namespace {

enum class Case : uint8_t { kAsIs, kUpper, kLower };

Case DrawCase(Rng& rng) {
  const uint64_t r = rng.Below(10);
  return r < 6 ? Case::kAsIs : r < 8 ? Case::kUpper : Case::kLower;
}

// ASCII case only: the de-duplication key lower-cases, and non-ASCII letters
// are never varied, so every implementation agrees on which spellings match.
void AppendCased(std::string* out, std::string_view text, Case c) {
  for (char ch : text) {
    if (c == Case::kUpper && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (c == Case::kLower && ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    out->push_back(ch);
  }
}

// A word separator: usually one space, sometimes two.
void AppendGap(Rng& rng, std::string* out) { out->append(rng.Chance(60) ? "  " : " "); }

// Text with stray case and spaces: " Boca Raton ", "BOCA  RATON", "boca raton".
void AppendSloppy(Rng& rng, std::string_view text, std::string* out) {
  const Case c = DrawCase(rng);
  const uint64_t pad = rng.Below(12);  // 0: leading space, 1: trailing, 2: inner doubled
  if (pad == 0) out->push_back(' ');
  for (char ch : text) {
    if (ch == ' ' && pad == 2) out->push_back(' ');
    AppendCased(out, std::string_view(&ch, 1), c);
  }
  if (pad == 1) out->push_back(' ');
}

void AppendCode(Rng& rng, std::string_view code, std::string* out) {
  // Zoning: "IL", "il", "Il", " M-1 ".
  switch (rng.Below(8)) {
    case 0:
      AppendCased(out, code, Case::kLower);
      return;
    case 1:
      out->push_back(code[0]);
      AppendCased(out, code.substr(1), Case::kLower);
      return;
    case 2:
      out->push_back(' ');
      out->append(code);
      out->push_back(' ');
      return;
    default:
      out->append(code);
      return;
  }
}

void AppendParcel(uint64_t parcel, bool dashed, std::string* out) {
  char digits[17];
  for (int i = 16; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + parcel % 10);
    parcel /= 10;
  }
  if (!dashed) {
    out->append(digits, sizeof digits);
    return;
  }
  static constexpr int kGroups[] = {2, 2, 2, 2, 2, 3, 4};  // 08-43-46-05-08-000-0130
  int at = 0;
  for (int g : kGroups) {
    if (at > 0) out->push_back('-');
    out->append(digits + at, static_cast<size_t>(g));
    at += g;
  }
}

void AppendZip(Rng& rng, const PropertyIdentity& id, std::string* out) {
  AppendFixed(out, id.zip, 0, 0);
  if (id.zip4 != 0 && rng.Chance(700)) {
    out->push_back('-');
    AppendFixed(out, id.zip4, 0, 0);
  }
}

std::string_view PropertyTypeName(const PropertyFacts& f) {
  return vocab::PropertyTypes()[f.property_type].name;
}

void AppendOwner(const PropertyFacts& f, std::string* out) {
  out->append(f.hostile_owner ? vocab::HostileOwnerNames()[f.owner] : vocab::OwnerNames()[f.owner]);
}

void AppendSaleDate(Rng& rng, const Quantity& day, std::string* out) {
  switch (day.presence) {
    case Presence::kValue:
      AppendDate(rng, out, Date{static_cast<int32_t>(day.value)});
      return;
    case Presence::kMissing:
      AppendMissing(rng, out);
      return;
    case Presence::kJunk:
      out->append(rng.Pick(vocab::BadDates()));
      return;
  }
}

void AppendNumberCell(Rng& rng, const Quantity& q, int decimals, std::string* out) {
  AppendQuantity(rng, out, q, [&](int64_t v) { AppendNumber(rng, out, v, decimals); });
}

void AppendMoneyCell(Rng& rng, const Quantity& q, std::string* out) {
  AppendQuantity(rng, out, q, [&](int64_t v) { AppendMoney(rng, out, v); });
}

// Land area in square feet from acres: exact for the band edges (2.5 acres = 108,900 sqft).
Quantity LotSqft(const Quantity& acres_e4) {
  if (!acres_e4.has_value()) return acres_e4;
  return Quantity::Of((acres_e4.value * 43560 + 5000) / 10000);
}

}  // namespace

void AppendStreetAddress(Rng& rng, const StreetAddress& street, std::string* out) {
  const Case c = DrawCase(rng);
  if (rng.Chance(40)) out->push_back(' ');
  AppendFixed(out, street.number, 0, 0);
  bool ends_with_long_word = false;  // "Street." must not happen: see below
  if (street.pre_direction >= 0) {
    const vocab::Spelling& d = vocab::Directions()[street.pre_direction];
    AppendGap(rng, out);
    switch (rng.Below(3)) {
      case 0:
        AppendCased(out, d.long_form, c);
        break;
      case 1:
        AppendCased(out, d.short_form, c);
        break;
      default:
        AppendCased(out, d.short_form, c);
        out->push_back('.');
        break;
    }
  }
  AppendGap(rng, out);
  AppendCased(out, vocab::StreetNames()[street.name], c);
  if (street.suffix >= 0) {
    const vocab::Spelling& s = vocab::StreetSuffixes()[street.suffix];
    AppendGap(rng, out);
    const bool long_form = rng.Chance(500);
    AppendCased(out, long_form ? s.long_form : s.short_form, c);
    if (!long_form && s.short_form != s.long_form && rng.Chance(200)) out->push_back('.');
    ends_with_long_word = long_form && s.short_form != s.long_form;
  }
  if (street.post_direction >= 0) {
    AppendGap(rng, out);
    AppendCased(out, vocab::PostDirections()[street.post_direction], c);
    ends_with_long_word = false;
  }
  // Trailing punctuation the key deletes — but never straight after a word the
  // key abbreviates ("Street."), where "whole word" readings could disagree.
  if (!ends_with_long_word && rng.Chance(80)) out->push_back(".,#"[rng.Below(3)]);
  if (rng.Chance(40)) out->push_back(' ');
}

void AppendCell(Column column, const RowContext& row, std::string* out) {
  const PropertyIdentity& id = row.identity;
  const PropertyFacts& f = row.facts;
  Rng& rng = row.rng;
  const vocab::City& city = vocab::Cities()[id.city];
  switch (column) {
    case Column::kParcelId:
      AppendParcel(id.parcel, false, out);
      return;
    case Column::kParcelIdDashed:
      AppendParcel(id.parcel, true, out);
      return;
    case Column::kAddress:
      if (id.key_shape == KeyShape::kFull) AppendStreetAddress(rng, id.street, out);
      return;
    case Column::kUnit:
      out->append(vocab::Units()[id.unit]);
      return;
    case Column::kCity:
      if (id.key_shape != KeyShape::kAllEmpty) AppendSloppy(rng, city.name, out);
      return;
    case Column::kState:
      if (id.key_shape != KeyShape::kAllEmpty) AppendSloppy(rng, rng.Chance(900) ? "FL" : "Fl", out);
      return;
    case Column::kZip:
      AppendZip(rng, id, out);
      return;
    case Column::kCounty:
      AppendSloppy(rng, city.county, out);
      return;
    case Column::kPropertyType:
      if (f.property_type < 0) return AppendMissing(rng, out);
      return AppendSloppy(rng, PropertyTypeName(f), out);
    case Column::kZoning:
      if (f.zoning < 0) return AppendMissing(rng, out);
      return AppendCode(rng, vocab::ZoningCodes()[f.zoning].code, out);
    case Column::kAcres:
      return AppendNumberCell(rng, f.acres_e4, 4, out);
    case Column::kLotSqft:
      return AppendNumberCell(rng, LotSqft(f.acres_e4), 0, out);
    case Column::kBuildingSqft:
      return AppendNumberCell(rng, f.building_sqft, 0, out);
    case Column::kOfficeSqft:
      return AppendNumberCell(rng, f.office_sqft, 0, out);
    case Column::kWarehouseSqft:
      return AppendNumberCell(rng, f.warehouse_sqft, 0, out);
    case Column::kCeilingHeight:
      return AppendNumberCell(rng, f.ceiling_e1, 1, out);
    case Column::kLoadingDocks:
      return AppendNumberCell(rng, f.loading_docks, 0, out);
    case Column::kOverheadDoors:
      return AppendNumberCell(rng, f.overhead_doors, 0, out);
    case Column::kYearBuilt:
      return AppendQuantity(rng, out, f.year_built,
                            [&](int64_t v) { AppendFixed(out, v, 0, rng.Chance(200) ? 1 : 0); });
    case Column::kOccupancy:
      return AppendQuantity(rng, out, f.occupancy_pct, [&](int64_t v) { AppendOccupancy(rng, out, v); });
    case Column::kImprovementValue:
      return AppendMoneyCell(rng, f.improvement_value, out);
    case Column::kLandValue:
      return AppendMoneyCell(rng, f.land_value, out);
    case Column::kTotalValue:
      return AppendMoneyCell(rng, f.total_value, out);
    case Column::kSaleDate:
      return AppendSaleDate(rng, f.sale_day, out);
    case Column::kSalePrice:
      return AppendMoneyCell(rng, f.sale_price, out);
    case Column::kOwnerName:
      return AppendOwner(f, out);
    case Column::kNearHighway:
      return AppendQuantity(rng, out, f.near_highway, [&](int64_t v) { AppendBool(rng, out, v != 0); });
    case Column::kLatitude:
      return AppendNumberCell(rng, id.latitude_e4, 4, out);
    case Column::kLongitude:
      return AppendNumberCell(rng, id.longitude_e4, 4, out);
    case Column::kListingId:
      out->append("CRX-");
      AppendFixed(out, static_cast<int64_t>(1'000'000 + row.listing_number % 9'000'000), 0, 0);
      return;
    case Column::kBroker:
      out->append(rng.Pick(vocab::Brokers()));
      return;
    case Column::kNotes:
      out->append(rng.Pick(vocab::Notes()));
      return;
    case Column::kDorCode:
      out->append(vocab::DorCodes()[id.dor_code]);
      return;
  }
}

}  // namespace flexpipe::gen
