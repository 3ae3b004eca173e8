// Header normalisation (fields.md, "Header matching"): lower-case ASCII,
// every run of characters other than ASCII letters and digits becomes one
// space, leading and trailing spaces are dropped. "Building SqFt",
// "building_sqft" and " BUILDING-SQFT " all become "building sqft". Bytes of
// non-ASCII (UTF-8) characters count as "other" characters.
#pragma once

#include <string>
#include <string_view>

namespace flexpipe {

std::string NormalizeHeader(std::string_view header);

}  // namespace flexpipe
