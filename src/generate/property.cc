#include "generate/property.h"

#include <algorithm>
#include <span>

#include "generate/random.h"
#include "generate/vocabulary.h"

namespace flexpipe::gen {
namespace {

constexpr uint64_t kIdentityStream = 0x1D'0000;
constexpr uint64_t kFactsStream = 0xFAC7'0000;

// A weighted pick among the items satisfying `keep` (each item has a `weight`).
template <typename T, typename Keep>
int16_t PickByWeight(Rng& rng, std::span<const T> items, Keep keep) {
  uint64_t total = 0;
  for (const T& item : items) total += keep(item) ? item.weight : 0;
  uint64_t r = rng.Below(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!keep(items[i])) continue;
    if (r < items[i].weight) return static_cast<int16_t>(i);
    r -= items[i].weight;
  }
  return static_cast<int16_t>(items.size() - 1);
}

template <size_t N>
int64_t OneOf(Rng& rng, const int64_t (&values)[N]) {
  return values[rng.Below(N)];
}

// Missing `missing_pm`‰ of the time, junk `junk_pm`‰, else `value`.
Quantity Sometimes(Rng& rng, uint32_t missing_pm, uint32_t junk_pm, int64_t value) {
  const uint64_t r = rng.Below(1000);
  if (r < missing_pm) return Quantity::Missing();
  if (r < missing_pm + junk_pm) return Quantity::Junk();
  return Quantity::Of(value);
}

int64_t DrawAcresE4(Rng& rng) {
  // The edges of scoring.md's bands: size (0, 0.5, 2.5, 20) and industrial lot (0.5, 1, 5, 10, 20).
  static constexpr int64_t kEdges[] = {0,    5000, 25000, 200000, 10000,  50000, 100000,
                                       4999, 5001, 24999, 25001,  199999, 200001};
  if (rng.Chance(150)) return OneOf(rng, kEdges);
  static constexpr int64_t kBandLow[] = {1000, 5000, 25000, 50000, 100000, 200000};
  static constexpr int64_t kBandHigh[] = {5000, 25000, 50000, 100000, 200000, 600000};
  static constexpr uint32_t kBandWeight[] = {10, 35, 25, 15, 10, 5};
  const size_t band = PickWeighted(rng, kBandWeight);
  return rng.Between(kBandLow[band], kBandHigh[band]);
}

int64_t DrawBuildingSqft(Rng& rng) {
  static constexpr int64_t kEdges[] = {5000,   15000, 20000,  35000, 50000, 100000,
                                       200000, 4999,  100001, 19999, 35001};
  if (rng.Chance(120)) return OneOf(rng, kEdges);
  static constexpr int64_t kBandLow[] = {800, 5000, 15000, 35000, 100000};
  static constexpr int64_t kBandHigh[] = {5000, 15000, 35000, 100000, 300000};
  static constexpr uint32_t kBandWeight[] = {10, 25, 35, 20, 10};
  const size_t band = PickWeighted(rng, kBandWeight);
  return rng.Between(kBandLow[band], kBandHigh[band]);
}

// Office and warehouse areas whose ratio office / (office + warehouse) sits
// around scoring.md's 0.15 and 0.50 edges, sometimes exactly on them.
void DrawSubareas(Rng& rng, int64_t building_sqft, PropertyFacts* f) {
  if (building_sqft <= 0 || !rng.Chance(650)) return;
  int64_t office = 0;
  int64_t warehouse = 0;
  switch (rng.Below(6)) {
    case 0: {  // exactly 0.15
      const int64_t k = std::max<int64_t>(1, building_sqft / 20);
      office = 3 * k;
      warehouse = 17 * k;
      break;
    }
    case 1:  // exactly 0.50
      office = warehouse = std::max<int64_t>(1, building_sqft / 2);
      break;
    default: {
      const int64_t per_mille = rng.Between(40, 700);
      office = building_sqft * per_mille / 1000;
      warehouse = building_sqft - office;
      break;
    }
  }
  f->office_sqft = Sometimes(rng, 80, 5, office);
  f->warehouse_sqft = Sometimes(rng, 80, 5, warehouse);
}

int64_t DrawImprovement(Rng& rng, const Quantity& building_sqft) {
  if (rng.Chance(15)) return -1000 * rng.Between(1, 40);  // written as (1,000)
  static constexpr int64_t kEdges[] = {100000, 100001, 99999,   250000, 249999,
                                       500000, 499999, 5000000, 5000001};
  if (rng.Chance(80)) return OneOf(rng, kEdges);
  if (building_sqft.has_value() && building_sqft.value > 0 && rng.Chance(40)) {
    return building_sqft.value * (rng.Chance(500) ? 50 : 150);  // value per sqft exactly on an edge
  }
  static constexpr int64_t kBandLow[] = {0, 100000, 250000, 500000, 5000000};
  static constexpr int64_t kBandHigh[] = {100000, 250000, 500000, 5000000, 9000000};
  static constexpr uint32_t kBandWeight[] = {10, 15, 20, 45, 10};
  const size_t band = PickWeighted(rng, kBandWeight);
  return rng.Between(kBandLow[band], kBandHigh[band]);
}

Quantity DrawLand(Rng& rng, const Quantity& improvement) {
  const uint64_t r = rng.Below(1000);
  if (r < 50) return Quantity::Missing();
  if (r < 130) return Quantity::Of(0);
  if (r < 170 && improvement.has_value() && improvement.value > 0 && improvement.value % 3 == 0) {
    return Quantity::Of(improvement.value / 3 * 2);  // ratio exactly 1.5
  }
  if (r < 200 && improvement.has_value() && improvement.value > 0) {
    return Quantity::Of(improvement.value * 2);  // ratio exactly 0.5
  }
  return Quantity::Of(rng.Between(50000, 3000000));
}

Quantity DrawSaleDay(Rng& rng, Date as_of) {
  const uint64_t r = rng.Below(1000);
  if (r < 90) return Quantity::Missing();
  if (r < 110) return Quantity::Junk();
  int64_t offset = 0;
  if (r < 170) {
    static constexpr int64_t kEdges[] = {-730, -731, -729, 0, 1, -365};
    offset = OneOf(rng, kEdges);
  } else if (r < 600) {
    offset = rng.Between(-1100, -360);  // around the two-year activity window
  } else {
    offset = rng.Between(-3650, 30);
  }
  return Quantity::Of(as_of.days + offset);
}

}  // namespace

PropertyIdentity IdentityAt(uint64_t seed, uint64_t property_index) {
  Rng rng(MixSeed(seed, property_index, kIdentityStream));
  PropertyIdentity id;
  id.street.number = static_cast<uint32_t>(rng.Between(100, 19999));
  if (rng.Chance(250)) id.street.pre_direction = static_cast<int8_t>(rng.Below(vocab::Directions().size()));
  id.street.name = static_cast<uint16_t>(rng.Below(vocab::StreetNames().size()));
  if (rng.Chance(950)) id.street.suffix = static_cast<int8_t>(rng.Below(vocab::StreetSuffixes().size()));
  if (rng.Chance(100))
    id.street.post_direction = static_cast<int8_t>(rng.Below(vocab::PostDirections().size()));
  id.city = static_cast<uint16_t>(PickByWeight(rng, vocab::Cities(), [](const auto&) { return true; }));
  const uint64_t shape = rng.Below(1000);
  id.key_shape = shape < 12 ? KeyShape::kAllEmpty : shape < 16 ? KeyShape::kNoAddress : KeyShape::kFull;
  id.parcel = rng.Below(100'000'000'000'000'000ULL);
  id.zip = vocab::Cities()[id.city].zip_base + static_cast<uint32_t>(rng.Below(3));
  if (rng.Chance(200)) id.zip4 = static_cast<uint16_t>(rng.Between(1000, 9999));
  id.unit = static_cast<uint16_t>(rng.Below(vocab::Units().size()));
  id.latitude_e4 = Sometimes(rng, 80, 0, rng.Between(262000, 269800));
  id.longitude_e4 = Sometimes(rng, 80, 0, -rng.Between(800300, 803000));
  id.dor_code = static_cast<uint16_t>(rng.Below(vocab::DorCodes().size()));
  return id;
}

PropertyFacts FactsAt(uint64_t seed, uint64_t property_index, uint32_t revision, Date as_of) {
  Rng rng(MixSeed(seed, property_index, kFactsStream + revision));
  PropertyFacts f;
  const bool industrial = rng.Chance(620);
  if (!rng.Chance(30)) {
    f.property_type =
        PickByWeight(rng, vocab::PropertyTypes(), [&](const auto& t) { return t.industrial == industrial; });
  }
  if (!rng.Chance(40)) {
    const bool industrial_zone = rng.Chance(industrial ? 850 : 150);
    f.zoning = PickByWeight(rng, vocab::ZoningCodes(),
                            [&](const auto& z) { return z.industrial == industrial_zone; });
  }
  const bool vacant = f.property_type >= 0 && vocab::PropertyTypes()[f.property_type].name == "Vacant Land";

  f.acres_e4 = Sometimes(rng, 50, 10, DrawAcresE4(rng));
  f.building_sqft = vacant ? Sometimes(rng, 500, 0, 0) : Sometimes(rng, 50, 10, DrawBuildingSqft(rng));
  if (!vacant && rng.Chance(40)) f.building_sqft = Quantity::Of(0);
  DrawSubareas(rng, f.building_sqft.has_value() ? f.building_sqft.value : 0, &f);

  static constexpr int64_t kCeilingEdges[] = {140, 240, 139, 241};
  if (!vacant && rng.Chance(550)) {
    f.ceiling_e1 = Quantity::Of(rng.Chance(120) ? OneOf(rng, kCeilingEdges) : 5 * rng.Between(20, 72));
  }
  if (!vacant && rng.Chance(600)) f.loading_docks = Quantity::Of(rng.Chance(300) ? 0 : rng.Between(1, 12));
  if (!vacant && rng.Chance(500)) f.overhead_doors = Quantity::Of(rng.Chance(400) ? 0 : rng.Between(1, 8));

  static constexpr int64_t kYearEdges[] = {1979, 1980, 1989, 1990};
  f.year_built = Sometimes(rng, 50, 5, rng.Chance(120) ? OneOf(rng, kYearEdges) : rng.Between(1950, 2024));
  static constexpr int64_t kOccupancyEdges[] = {0, 100, 1, 2, 99};
  f.occupancy_pct =
      Sometimes(rng, 250, 5, rng.Chance(120) ? OneOf(rng, kOccupancyEdges) : rng.Between(30, 100));

  f.improvement_value = Sometimes(rng, 50, 10, DrawImprovement(rng, f.building_sqft));
  f.land_value = DrawLand(rng, f.improvement_value);
  if (f.improvement_value.has_value() && f.land_value.has_value()) {
    f.total_value = Quantity::Of(f.improvement_value.value + f.land_value.value);
  }
  if (rng.Chance(50)) {  // a sparse record: little more than where the property is
    f.zoning = -1;
    f.acres_e4 = f.building_sqft = f.office_sqft = f.warehouse_sqft = Quantity::Missing();
    f.ceiling_e1 = f.loading_docks = f.overhead_doors = Quantity::Missing();
    f.improvement_value = f.land_value = f.total_value = Quantity::Missing();
  }
  f.sale_day = DrawSaleDay(rng, as_of);
  f.sale_price = Sometimes(rng, 300, 5, 1000 * rng.Between(100, 12000));
  f.near_highway = Sometimes(rng, 350, 10, rng.Chance(350) ? 1 : 0);
  f.hostile_owner = rng.Chance(40);
  f.owner = static_cast<uint16_t>(
      rng.Below(f.hostile_owner ? vocab::HostileOwnerNames().size() : vocab::OwnerNames().size()));
  return f;
}

}  // namespace flexpipe::gen
