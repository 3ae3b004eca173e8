// ApplyConfigYaml / ApplyConfigFile: the YAML file layout mapped onto the
// settings table. yaml-cpp reports problems by throwing; every exception is
// caught here and becomes a kConfigError with the line and column.
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <algorithm>

#include "config/config.h"
#include "config/setting_value.h"
#include "config/settings.h"
#include "config/suggest.h"

namespace flexpipe {
namespace {

using config::RawValue;
using config::Setting;

class YamlApplier {
 public:
  YamlApplier(std::string_view source, PipelineOptions* options) : source_(source), options_(options) {}

  Status ApplyDocument(const YAML::Node& root) {
    if (root.IsNull()) return Status();
    if (!root.IsMap()) {
      return Error(root, "", "the file must be a mapping of sections (input:, processing:, output:, …)");
    }
    return ApplyMapping(root, "");
  }

 private:
  // Applies each entry of a mapping: the document (parent "") or a section.
  // Keys must be plain and unique.
  Status ApplyMapping(const YAML::Node& map, const std::string& parent) {
    std::vector<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      // Copies: the iterator hands out temporaries (Node copies share the document).
      const YAML::Node key = it->first;
      const YAML::Node value = it->second;
      if (!key.IsScalar()) return Error(key, parent, "keys must be plain names");
      if (key.Scalar().find('.') != std::string::npos) {
        return Error(key, Join(parent, key.Scalar()),
                     "dotted keys are not read; nest the key under its section");
      }
      const std::string path = Join(parent, key.Scalar());
      if (std::find(seen.begin(), seen.end(), path) != seen.end()) return Error(key, path, "appears twice");
      seen.push_back(path);
      if (const Setting* setting = config::FindSetting(path)) {
        FP_RETURN_IF_ERROR(Apply(*setting, path, value));
      } else if (parent.empty() && IsSection(path)) {
        FP_RETURN_IF_ERROR(ApplySection(path, value));
      } else {
        return UnknownKey(key, path);
      }
    }
    return Status();
  }

  Status ApplySection(const std::string& section, const YAML::Node& node) {
    if (node.IsNull()) return Status();  // "logging:" with nothing under it
    if (!node.IsMap()) {
      return Error(node, section, fmt::format("expected a mapping of keys ({})", KeysOf(section)));
    }
    return ApplyMapping(node, section);
  }

  Status Apply(const Setting& setting, const std::string& path, const YAML::Node& node) {
    FP_ASSIGN_OR_RETURN(RawValue raw, ToRaw(node, path));
    const Status s = config::AssignValue(setting, raw, options_);
    if (!s.ok()) return Error(node, path, s.message());
    return Status();
  }

  Result<RawValue> ToRaw(const YAML::Node& node, const std::string& path) {
    RawValue raw;
    if (node.IsNull()) return raw;
    if (node.IsScalar()) {
      raw.shape = RawValue::Shape::kScalar;
      raw.scalar = node.Scalar();
      return raw;
    }
    if (node.IsSequence()) {
      raw.shape = RawValue::Shape::kList;
      for (const YAML::Node& item : node) {
        if (!item.IsScalar()) return Error(item, path, "list entries must be single values");
        raw.items.push_back(item.Scalar());
      }
      return raw;
    }
    raw.shape = RawValue::Shape::kMap;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node key = it->first;
      const YAML::Node value = it->second;
      if (!key.IsScalar()) return Error(key, path, "keys must be plain names");
      if (!value.IsScalar() && !value.IsNull()) {
        return Error(value, Join(path, key.Scalar()), "expected a single value");
      }
      raw.entries.emplace_back(key.Scalar(), value.IsNull() ? "" : value.Scalar());
    }
    return raw;
  }

  Status UnknownKey(const YAML::Node& key, const std::string& path) {
    std::string message = fmt::format("unknown key {}", path);
    if (std::optional<std::string> close = config::SuggestKey(path)) {
      message += fmt::format(" (did you mean {}?)", *close);
    }
    const size_t dot = path.rfind('.');
    const std::string parent = dot == std::string::npos ? "" : path.substr(0, dot);
    message += parent.empty() ? fmt::format("; the file has: {}", KeysOf(""))
                              : fmt::format("; {} has: {}", parent, KeysOf(parent));
    return Error(key, "", std::move(message));
  }

  static bool IsSection(std::string_view name) {
    const auto sections = config::SectionNames();
    return std::find(sections.begin(), sections.end(), name) != sections.end();
  }

  // The keys allowed in a section, or at the top of the file for "".
  static std::string KeysOf(std::string_view section) {
    std::vector<std::string_view> keys;
    for (const Setting& s : config::AllSettings()) {
      const std::string_view key = section.empty() ? (s.section().empty() ? s.key : s.section()) : s.leaf();
      if ((section.empty() || s.section() == section) && (keys.empty() || keys.back() != key))
        keys.push_back(key);
    }
    std::string out;
    for (const std::string_view k : keys) out += fmt::format("{}{}", out.empty() ? "" : ", ", k);
    return out;
  }

  static std::string Join(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
  }

  // "source:line:column: key: message".
  Status Error(const YAML::Node& node, std::string_view key, std::string_view message) const {
    return Error(node.Mark(), key, message);
  }
  Status Error(const YAML::Mark& mark, std::string_view key, std::string_view message) const {
    std::string where(source_);
    if (!mark.is_null()) where += fmt::format(":{}:{}", mark.line + 1, mark.column + 1);
    return Status(ErrorCode::kConfigError, key.empty() ? fmt::format("{}: {}", where, message)
                                                       : fmt::format("{}: {}: {}", where, key, message));
  }

  std::string_view source_;
  PipelineOptions* options_;
};

}  // namespace

Status ApplyConfigYaml(std::string_view yaml_text, std::string_view source_name, PipelineOptions* options) {
  PipelineOptions updated = *options;
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    FP_RETURN_IF_ERROR(YamlApplier(source_name, &updated).ApplyDocument(root));
  } catch (const YAML::Exception& e) {
    std::string where(source_name);
    if (!e.mark.is_null()) where += fmt::format(":{}:{}", e.mark.line + 1, e.mark.column + 1);
    return Status(ErrorCode::kConfigError, fmt::format("{}: YAML syntax error: {}", where, e.msg));
  }
  *options = std::move(updated);
  return Status();
}

Status ApplyConfigFile(FileSystem* fs, const std::filesystem::path& path, PipelineOptions* options) {
  Result<std::string> text = ReadSmallFile(fs, path);
  if (!text.ok()) {
    const Status& s = text.status();
    return Status(s.code(), fmt::format("cannot read the configuration file: {}", s.message()), s.location());
  }
  return ApplyConfigYaml(*text, path.string(), options);
}

}  // namespace flexpipe
