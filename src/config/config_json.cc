#include "config/config_json.h"

#include <nlohmann/json.hpp>

#include "config/settings.h"

namespace flexpipe {

std::string EffectiveConfigJson(const PipelineOptions& options) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const config::Setting& s : config::AllSettings()) {
    std::visit([&](const auto& member) { json[std::string(s.key)] = member.read(options); }, s.member);
  }
  // Text that is not UTF-8 (a Latin-1 path) is kept readable rather than refused.
  return json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace flexpipe
