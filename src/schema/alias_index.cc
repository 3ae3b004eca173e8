#include "schema/alias_index.h"

#include <unordered_map>

namespace flexpipe {
namespace {

using AliasMap = std::unordered_map<std::string_view, Field>;

// Aliases are string literals of the catalog, so the map can hold views.
AliasMap BuildAliasMap() {
  AliasMap map;
  for (const FieldInfo& info : AllFields()) {
    // emplace keeps the first field for an alias; the catalog test checks that
    // no alias is listed under two fields.
    for (std::string_view alias : info.aliases) map.emplace(alias, info.field);
  }
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
