#include "schema/alias_suggest.h"

#include <algorithm>
#include <vector>

namespace flexpipe {
namespace {

// Splits a normalised text (single spaces, no padding) into its words.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  while (!s.empty()) {
    const size_t space = s.find(' ');
    words.push_back(s.substr(0, space));
    if (space == std::string_view::npos) break;
    s.remove_prefix(space + 1);
  }
  return words;
}

// Each header word begins a later alias word than the previous one, and the
// last header word begins the alias's last word (the noun: "addr" ~ "address").
bool Abbreviates(const std::vector<std::string_view>& header, const std::vector<std::string_view>& alias) {
  if (header.empty() || header.size() > alias.size()) return false;
  size_t a = 0;
  for (size_t h = 0; h < header.size(); ++h) {
    const std::string_view word = header[h];
    const bool last = h + 1 == header.size();
    if (last) a = std::max(a, alias.size() - 1);
    while (a < alias.size() && !(word.size() >= 2 && alias[a].starts_with(word))) {
      if (last) return false;
      ++a;
    }
    if (a == alias.size()) return false;
    ++a;
  }
  return true;
}

// Every alias word appears among the header's words. Very short aliases
// ("st", "lat") are excluded: they occur inside too many unrelated headers.
bool ContainsAllWords(const std::vector<std::string_view>& header, const std::vector<std::string_view>& alias,
                      size_t alias_length) {
  if (alias_length < 4) return false;
  return std::all_of(alias.begin(), alias.end(), [&](std::string_view w) {
    return std::find(header.begin(), header.end(), w) != header.end();
  });
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

std::optional<Resemblance> Resembles(std::string_view normalized_header, std::string_view alias) {
  if (normalized_header.empty() || alias.empty()) return std::nullopt;
  const std::vector<std::string_view> header_words = Words(normalized_header);
  const std::vector<std::string_view> alias_words = Words(alias);
  Resemblance r;
  r.distance = EditDistance(normalized_header, alias);
  r.by_words =
      Abbreviates(header_words, alias_words) || ContainsAllWords(header_words, alias_words, alias.size());
  const size_t allowed = std::max<size_t>(1, std::min(normalized_header.size(), alias.size()) / 4);
  if (!r.by_words && r.distance > allowed) return std::nullopt;
  return r;
}

std::optional<AliasMatch> ClosestAlias(std::string_view normalized_header, Field field) {
  std::optional<AliasMatch> best;
  for (std::string_view alias : InfoOf(field).aliases) {
    const std::optional<Resemblance> r = Resembles(normalized_header, alias);
    if (r && (!best || *r < best->resemblance)) best = AliasMatch{alias, *r};
  }
  return best;
}

std::optional<std::string_view> ClosestCanonicalName(std::string_view name) {
  std::optional<std::string_view> best;
  size_t best_distance = 0;
  for (const FieldInfo& info : AllFields()) {
    const size_t d = EditDistance(name, info.name);
    if (d <= std::max<size_t>(2, info.name.size() / 4) && (!best || d < best_distance)) {
      best = info.name;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace flexpipe
