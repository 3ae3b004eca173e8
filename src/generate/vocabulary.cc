#include "generate/vocabulary.h"

namespace flexpipe::gen::vocab {
namespace {

constexpr City kCities[] = {
    {"Boca Raton", "Palm Beach", 33431, 14},
    {"Delray Beach", "Palm Beach", 33444, 8},
    {"Boynton Beach", "Palm Beach", 33426, 8},
    {"West Palm Beach", "Palm Beach", 33401, 14},
    {"Lake Worth", "Palm Beach", 33460, 5},
    {"Lake Worth Beach", "Palm Beach", 33461, 3},
    {"Riviera Beach", "Palm Beach", 33404, 7},
    {"Jupiter", "Palm Beach", 33458, 6},
    {"Wellington", "Palm Beach", 33414, 4},
    {"Palm Beach Gardens", "Palm Beach", 33410, 5},
    {"Royal Palm Beach", "Palm Beach", 33411, 3},
    {"Lantana", "Palm Beach", 33462, 3},
    {"Lake Park", "Palm Beach", 33403, 3},
    {"Mangonia Park", "Palm Beach", 33407, 2},
    {"Greenacres", "Palm Beach", 33463, 2},
    {"Belle Glade", "Palm Beach", 33430, 2},
    {"Tequesta", "Palm Beach", 33469, 1},
    {"North Palm Beach", "Palm Beach", 33408, 2},
    {"Pompano Beach", "Broward", 33069, 4},
    {"Deerfield Beach", "Broward", 33441, 3},
    {"Fort Lauderdale", "Broward", 33309, 4},
    {"Miami", "Miami-Dade", 33166, 4},
    {"Doral", "Miami-Dade", 33172, 2},
    {"Stuart", "Martin", 34997, 2},
    {"Port St. Lucie", "St. Lucie", 34986, 2},
    {"Orlando", "Orange", 32824, 2},
};

constexpr std::string_view kStreetNames[] = {
    "Commerce",   "Industrial",   "Congress", "Military",   "Clint Moore", "Park Central", "Okeechobee",
    "Hypoluxo",   "Gateway",      "Dixie",    "Old Dixie",  "Australian",  "Jog",          "Yamato",
    "Linton",     "Woolbright",   "Boutwell", "Fairfax",    "Hillsboro",   "Corporate",    "Technology",
    "Enterprise", "Distribution", "Airport",  "Skees",      "Clare",       "Investment",   "Benchmark",
    "Northpoint", "Tradewinds",   "Seacrest", "Gulfstream", "Federal",     "Banyan",       "Hamilton",
    "Mercer",     "Spencer",      "Simms",    "Venture",    "Interstate",  "Turnpike",     "Miner",
};

constexpr Spelling kSuffixes[] = {
    {"Street", "St"}, {"Avenue", "Ave"},  {"Boulevard", "Blvd"},  {"Drive", "Dr"},   {"Road", "Rd"},
    {"Lane", "Ln"},   {"Court", "Ct"},    {"Place", "Pl"},        {"Circle", "Cir"}, {"Parkway", "Pkwy"},
    {"Way", "Way"},   {"Trail", "Trail"}, {"Terrace", "Terrace"},
};

constexpr Spelling kDirections[] = {{"North", "N"}, {"South", "S"}, {"East", "E"}, {"West", "W"}};
constexpr std::string_view kPostDirections[] = {"NW", "NE", "SW", "SE"};

constexpr PropertyType kTypes[] = {
    {"Flex", true, 10},
    {"Flex/R&D", true, 4},
    {"Industrial Flex", true, 4},
    {"Warehouse", true, 10},
    {"Office/Warehouse", true, 6},
    {"Distribution", true, 4},
    {"Distribution Center", true, 2},
    {"Light Industrial", true, 8},
    {"Industrial", true, 8},
    {"Manufacturing", true, 5},
    {"Self Storage", true, 3},
    {"Logistics", true, 2},
    {"WAREH/DIST TERM", true, 3},  // the county's own code: does not contain "warehouse"
    {"Industrial - Light Manufacturing", true, 2},
    {"Office", false, 10},
    {"Medical Office", false, 4},
    {"Retail", false, 10},
    {"Shopping Center", false, 3},
    {"Vacant Land", false, 5},
    {"Multifamily", false, 4},
    {"Hotel", false, 2},
    {"Auto Repair", false, 3},
};

constexpr Zoning kZoning[] = {
    {"IL", true, 10}, {"IP", true, 5},   {"PIPD", true, 5}, {"M-1", true, 8},  {"IG", true, 8},
    {"IND", true, 5}, {"M-2", true, 4},  {"MUPD", true, 3}, {"MXPD", true, 2}, {"AGR/IND", true, 2},
    {"M1", true, 2},  {"I-1", true, 2},  {"LI", true, 2},   {"CG", false, 8},  {"CH", false, 5},
    {"CS", false, 5}, {"CN", false, 3},  {"CC", false, 3},  {"C-2", false, 4}, {"RS", false, 4},
    {"RM", false, 3}, {"PUD", false, 4}, {"AR", false, 2},  {"GC", false, 3},
};

constexpr std::string_view kOwners[] = {
    "Atlantic Commerce Partners LLC",
    "Palm Beach Industrial LLC",
    "MOTECH MOLDINGS LLLP",
    "Gateway Flex Holdings LP",
    "Clint Moore Properties Inc",
    "Sunshine Logistics Trust",
    "Boca Tech Center LLC",
    "Seacrest Warehouse Assoc",
    "KELSEY INDUSTRIAL LLC",
    "Jupiter Business Park LLC",
    "Okeechobee Storage Co",
    "First Coast REIT",
    "Hypoluxo Partners",
    "Banyan Real Estate Fund II",
    "J & M Investments LLC",
    "Smith Family Trust",
    "Congress Avenue Realty",
    "Tradewinds Holdings Corp",
    "Lantana Construction Corp",
    "Federal Highway Assets LLC",
};

constexpr std::string_view kHostileOwners[] = {
    "<script>x</script> LLC",
    "=HYPERLINK(\"x\")",
    "+1 Holdings",
    "-Dash Corp",
    "@Home Partners LLC",
    "Smith, Jones & Co.",
    "\"Quoted\" Properties, Inc",
    "Caf\u00e9 Holdings",
    "M\u00fcller Logistik GmbH",
    "O'Brien & Sons",
    "Tab\tSeparated Ltd",
};

constexpr std::string_view kUnits[] = {"",          "",       "",   "",      "",     "Suite 100",
                                       "Suite 210", "Unit B", "#5", "Bay 3", "Ste 4"};

constexpr std::string_view kBrokers[] = {
    "CBRE",    "Colliers",         "Cushman & Wakefield",     "Smith, Jones & Co.",
    "@Realty", "Lee & Associates", "NAI Merin Hunter Codman", ""};

constexpr std::string_view kNotes[] = {
    "",
    "",
    "",
    "Great flex space near I-95",
    "Tenant in place through 2027",
    "Sold \"as is\"",
    "Two buildings, one parcel",
    "Line one\nLine two",
    "=SUM(A1:A2)",
    "+ve cash flow",
    "-see appraisal",
    "Rail spur; fenced yard",
    "Caf\u00e9 on site",
};

constexpr std::string_view kDorCodes[] = {"4800", "4100", "4000", "4900", "1700",
                                          "1100", "0400", "0800", "1000"};

constexpr std::string_view kBadDates[] = {"2025-02-30", "13/45/2024", "TBD", "sometime 2023", "00/00/0000"};

}  // namespace

std::span<const City> Cities() { return kCities; }
std::span<const std::string_view> StreetNames() { return kStreetNames; }
std::span<const Spelling> StreetSuffixes() { return kSuffixes; }
std::span<const Spelling> Directions() { return kDirections; }
std::span<const std::string_view> PostDirections() { return kPostDirections; }
std::span<const PropertyType> PropertyTypes() { return kTypes; }
std::span<const Zoning> ZoningCodes() { return kZoning; }
std::span<const std::string_view> OwnerNames() { return kOwners; }
std::span<const std::string_view> HostileOwnerNames() { return kHostileOwners; }
std::span<const std::string_view> Units() { return kUnits; }
std::span<const std::string_view> Brokers() { return kBrokers; }
std::span<const std::string_view> Notes() { return kNotes; }
std::span<const std::string_view> DorCodes() { return kDorCodes; }
std::span<const std::string_view> BadDates() { return kBadDates; }

}  // namespace flexpipe::gen::vocab
