// The word lists synthetic properties are made of: Palm Beach County cities
// (every city of scoring.md's location lists, plus others), street names,
// street suffixes and directions with their long and short spellings,
// property types, zoning codes (every tier of scoring.md, plus others) and
// owner names, including hostile ones (formula prefixes, markup, quotes,
// commas, non-ASCII).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace flexpipe::gen::vocab {

struct City {
  std::string_view name;
  std::string_view county;
  uint32_t zip_base;  // a real ZIP code of the city; generated ZIPs stay near it
  uint32_t weight;
};
std::span<const City> Cities();

std::span<const std::string_view> StreetNames();

// A word the de-duplication key abbreviates (Street → St), or one it keeps
// (Way): `short_form` == `long_form` then.
struct Spelling {
  std::string_view long_form;
  std::string_view short_form;
};
std::span<const Spelling> StreetSuffixes();
std::span<const Spelling> Directions();              // North/N, South/S, East/E, West/W
std::span<const std::string_view> PostDirections();  // NW, NE, SW, SE

struct PropertyType {
  std::string_view name;
  bool industrial;  // drawn for the industrial half of the population
  uint32_t weight;
};
std::span<const PropertyType> PropertyTypes();

struct Zoning {
  std::string_view code;
  bool industrial;
  uint32_t weight;
};
std::span<const Zoning> ZoningCodes();

// Ordinary owner names and the hostile ones (drawn a few percent of the time).
std::span<const std::string_view> OwnerNames();
std::span<const std::string_view> HostileOwnerNames();

std::span<const std::string_view> Units();     // "", "Suite 100", "#5"...
std::span<const std::string_view> Brokers();   // includes "Smith, Jones & Co." and "@Realty"
std::span<const std::string_view> Notes();     // includes quotes, new lines, formula prefixes
std::span<const std::string_view> DorCodes();  // Florida DOR use codes with leading zeros
std::span<const std::string_view> BadDates();  // text in a date column that is no date

}  // namespace flexpipe::gen::vocab
