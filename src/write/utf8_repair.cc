#include "write/utf8_repair.h"

#include <nlohmann/json.hpp>

#include "read/csv/encoding.h"

namespace flexpipe {

std::string_view ValidUtf8(std::string_view text, std::string* scratch) {
  if (IsValidUtf8(text, /*allow_truncated_end=*/false)) return text;
  // Rare: round-trip through the JSON serializer rather than keep a second
  // decoder whose replacement rule could drift from the summary's.
  const std::string quoted =
      nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  *scratch = nlohmann::json::parse(quoted).get<std::string>();
  return *scratch;
}

}  // namespace flexpipe
