// FLEXPIPE_* environment variables: every setting under its derived name,
// one column mapping per FLEXPIPE_COLUMNS_<FIELD>, and a few short aliases.
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>

#include "config/config.h"
#include "config/settings.h"
#include "config/suggest.h"
#include "schema/ascii.h"

namespace flexpipe {
namespace {

constexpr std::string_view kColumnsVarPrefix = "FLEXPIPE_COLUMNS_";

// One variable understood: the key path it sets and the text it sets it to.
struct Assignment {
  std::string key;  // "processing.max_workers", "columns.address"
  std::string_view variable;
  std::string_view value;
};

// The key path a FLEXPIPE_* variable sets; nullopt when it is not one of ours.
std::optional<std::string> KeyOfVariable(std::string_view name) {
  for (const config::Setting& s : config::AllSettings()) {
    if (name == config::EnvVarName(s) || name == s.env_alias) return std::string(s.key);
  }
  if (name.starts_with(kColumnsVarPrefix) && name.size() > kColumnsVarPrefix.size()) {
    std::string key = "columns.";
    for (const char c : name.substr(kColumnsVarPrefix.size())) key.push_back(AsciiLower(c));
    return key;
  }
  return std::nullopt;
}

Status UnknownVariable(std::string_view name) {
  std::string message = fmt::format("environment variable {} is not a flexpipe setting", name);
  if (std::optional<std::string> close = config::SuggestEnvVar(name)) {
    message += fmt::format(" (did you mean {}?)", *close);
  }
  message += "; the variables are listed in docs/configuration.md (unset it, or rename it without FLEXPIPE_)";
  return Status(ErrorCode::kConfigError, std::move(message));
}

}  // namespace

Status ApplyEnvironment(std::span<const std::pair<std::string, std::string>> env, PipelineOptions* options) {
  std::vector<Assignment> assignments;
  for (const auto& [name, value] : env) {
    if (!std::string_view(name).starts_with(config::kEnvPrefix) || name == config::kConfigFileEnvVar)
      continue;
    std::optional<std::string> key = KeyOfVariable(name);
    if (!key) return UnknownVariable(name);
    for (const Assignment& other : assignments) {
      if (other.key == *key && other.value != value) {
        return Status(ErrorCode::kConfigError,
                      fmt::format("environment variables {}={} and {}={} both set {}; unset one of them",
                                  other.variable, other.value, name, value, *key));
      }
    }
    assignments.push_back({std::move(*key), name, value});
  }
  // The whole column mapping (FLEXPIPE_COLUMNS) before single entries (FLEXPIPE_COLUMNS_<FIELD>);
  // otherwise the order does not matter, as every variable sets a different key.
  std::stable_partition(assignments.begin(), assignments.end(),
                        [](const Assignment& a) { return a.key == "columns"; });
  PipelineOptions updated = *options;
  for (const Assignment& a : assignments) {
    FP_RETURN_IF_ERROR(
        SetOption(a.key, a.value, &updated, fmt::format("environment variable {}", a.variable)));
  }
  *options = std::move(updated);
  return Status();
}

EnvironmentVariables EnvironmentFromProcess() {
  EnvironmentVariables env;
  for (char** entry = ::environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace_back(text.substr(0, eq), text.substr(eq + 1));
  }
  return env;
}

std::optional<std::string> ConfigFileFromEnvironment(
    std::span<const std::pair<std::string, std::string>> env) {
  for (const auto& [name, value] : env) {
    if (name == config::kConfigFileEnvVar && !value.empty()) return value;
  }
  return std::nullopt;
}

}  // namespace flexpipe
