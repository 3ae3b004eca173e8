// SetOption: one setting from its text form (environment variables, --set,
// the CLI's dedicated flags).
#include <fmt/format.h>

#include "config/config.h"
#include "config/setting_value.h"
#include "config/settings.h"
#include "config/suggest.h"
#include "schema/ascii.h"

namespace flexpipe {
namespace {

constexpr std::string_view kColumnsPrefix = "columns.";

Status Prefixed(std::string_view source, std::string_view key, std::string_view message) {
  return Status(ErrorCode::kConfigError, source.empty() ? fmt::format("{}: {}", key, message)
                                                        : fmt::format("{}: {}: {}", source, key, message));
}

}  // namespace

Status SetOption(std::string_view key_path, std::string_view value, PipelineOptions* options,
                 std::string_view source) {
  const std::string_view key = TrimAscii(key_path);
  if (const config::Setting* setting = config::FindSetting(key)) {
    Result<config::RawValue> raw = config::RawFromText(*setting, value);
    Status s = raw.ok() ? config::AssignValue(*setting, *raw, options) : raw.status();
    return s.ok() ? s : Prefixed(source, key, s.message());
  }
  if (key.starts_with(kColumnsPrefix) && key.size() > kColumnsPrefix.size()) {
    // One entry of the column mapping, added to (or replacing the header of) the current ones.
    config::RawValue raw;
    raw.shape = config::RawValue::Shape::kMap;
    raw.entries.emplace_back(key.substr(kColumnsPrefix.size()), TrimAscii(value));
    const Status s = config::AssignValue(*config::FindSetting("columns"), raw, options, /*merge=*/true);
    return s.ok() ? s : Prefixed(source, key, s.message());
  }
  std::string message = fmt::format("unknown setting {}", key);
  if (std::optional<std::string> close = config::SuggestKey(key))
    message += fmt::format(" (did you mean {}?)", *close);
  message += "; the settings are listed by `flexpipe config --print` and in docs/configuration.md";
  return Status(ErrorCode::kConfigError, source.empty() ? message : fmt::format("{}: {}", source, message));
}

}  // namespace flexpipe
