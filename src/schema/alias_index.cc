#include "schema/alias_index.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace flexpipe {
namespace {

using AliasMap = std::unordered_map<std::string_view, Field>;

// The canonical names in normalised form ("total_value" -> "total value"),
// so flexpipe's own master CSV reads back field for field.
const std::vector<std::string>& NormalizedCanonicalNames() {
  static const std::vector<std::string>* const kNames = [] {
    auto* names = new std::vector<std::string>;
    for (const FieldInfo& info : AllFields()) {
      std::string name(info.name);
      std::replace(name.begin(), name.end(), '_', ' ');
      names->push_back(std::move(name));
    }
    return names;
  }();
  return *kNames;
}

// Aliases are string literals of the catalog, so the map can hold views.
AliasMap BuildAliasMap() {
  AliasMap map;
  for (const FieldInfo& info : AllFields()) {
    // emplace keeps the first field for an alias; the catalog test checks that
    // no alias is listed under two fields.
    for (std::string_view alias : info.aliases) map.emplace(alias, info.field);
  }
  // Canonical names count as aliases of their own field, after the table's.
  const std::vector<std::string>& names = NormalizedCanonicalNames();
  for (size_t i = 0; i < names.size(); ++i) map.emplace(names[i], AllFields()[i].field);
  return map;
}

}  // namespace

std::optional<Field> FieldForAlias(std::string_view normalized_header) {
  static const AliasMap* const kMap = new AliasMap(BuildAliasMap());
  const auto it = kMap->find(normalized_header);
  if (it == kMap->end()) return std::nullopt;
  return it->second;
}

}  // namespace flexpipe
