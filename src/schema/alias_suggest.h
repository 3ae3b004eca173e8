// "Did you mean …?" support for error messages: how closely a header
// resembles an alias, and the closest canonical name to a misspelt one.
// Error-path code: clarity over speed.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {

// Levenshtein distance (insertions, deletions, substitutions; bytes).
size_t EditDistance(std::string_view a, std::string_view b);

// How a normalised header resembles a normalised alias. Ordered: closer first.
struct Resemblance {
  // The header's words abbreviate the alias's words ("prop addr" ~ "property
  // address": each header word begins an alias word, in order, and the alias's
  // last word is covered) or contain all of them ("site city name" ~ "site city").
  bool by_words = false;
  size_t distance = 0;  // EditDistance(header, alias)

  friend bool operator<(const Resemblance& a, const Resemblance& b) {
    if (a.by_words != b.by_words) return a.by_words;
    return a.distance < b.distance;
  }
};

// nullopt when the two are not alike enough to be worth suggesting: neither
// related by words (above) nor within a small edit distance (one edit per
// four characters of the shorter, at least one).
std::optional<Resemblance> Resembles(std::string_view normalized_header, std::string_view alias);

struct AliasMatch {
  std::string_view alias;  // one of InfoOf(field).aliases
  Resemblance resemblance;
};
// The alias of `field` that `normalized_header` resembles most, if any.
std::optional<AliasMatch> ClosestAlias(std::string_view normalized_header, Field field);

// The canonical field name closest to `name` (a misspelling such as
// "bulding_sqft"), when one is within a few edits.
std::optional<std::string_view> ClosestCanonicalName(std::string_view name);

}  // namespace flexpipe
