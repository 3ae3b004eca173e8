// Writing configuration out: the effective configuration, the commented
// default file and the Markdown reference, all walking the settings table in
// order so they list the same keys in the same order.
#include <fmt/format.h>

#include <string>

#include "config/config.h"
#include "config/setting_value.h"
#include "config/settings.h"

namespace flexpipe {
namespace {

using config::Setting;
using config::SettingKind;

constexpr size_t kCommentWidth = 100;

constexpr std::string_view kDefaultFileHeader =
    "# flexpipe configuration. `flexpipe config --init PATH` writes this file;\n"
    "# `flexpipe config --print` shows the configuration a run would use.\n"
    "#\n"
    "# Every key is optional: a key left out keeps the default shown here.\n"
    "# Sources, later ones winning: built-in defaults, this file (-c/--config PATH\n"
    "# or $FLEXPIPE_CONFIG), FLEXPIPE_* environment variables, command-line flags.\n"
    "# Relative paths are relative to the working directory. Reference:\n"
    "# docs/configuration.md.\n";

// `text` as "# " comment lines of at most kCommentWidth columns, each starting with `indent`.
std::string Comment(std::string_view text, std::string_view indent) {
  std::string out;
  std::string line;
  while (!text.empty()) {
    const size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (!line.empty() && indent.size() + 2 + line.size() + 1 + word.size() > kCommentWidth) {
      out += fmt::format("{}# {}\n", indent, line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line.append(word);
  }
  if (!line.empty()) out += fmt::format("{}# {}\n", indent, line);
  return out;
}

bool ShowsAllowed(const Setting& s) { return s.kind != SettingKind::kText && s.kind != SettingKind::kBool; }

std::string EnvironmentNames(const Setting& s) {
  if (s.kind == SettingKind::kFieldMap) {
    return fmt::format("{} (field=header,...) or {}_<FIELD>", config::EnvVarName(s), config::EnvVarName(s));
  }
  return s.env_alias.empty() ? config::EnvVarName(s)
                             : fmt::format("{} or {}", config::EnvVarName(s), s.env_alias);
}

// The block a setting is written in: its section ("processing"), or the key
// itself for a top-level key ("store", "columns"), which stands alone.
std::string_view Group(const Setting& s) { return s.section().empty() ? s.key : s.section(); }

// The whole file; with `commented`, every key is preceded by what it means.
std::string Render(const PipelineOptions& options, bool commented) {
  std::string out;
  std::string_view group;
  for (const Setting& s : config::AllSettings()) {
    const std::string_view indent = s.section().empty() ? "" : "  ";
    if (Group(s) != group) {
      group = Group(s);
      if (!out.empty()) out += "\n";
      if (!s.section().empty()) out += fmt::format("{}:\n", group);
    }
    if (commented) {
      std::string about(s.doc);
      if (ShowsAllowed(s)) about += fmt::format(" Allowed: {}.", config::DescribeAllowed(s));
      out += Comment(about, indent);
      std::string sources = fmt::format("Environment: {}.", EnvironmentNames(s));
      if (!s.cli_flag.empty()) sources += fmt::format(" Flag: {}.", s.cli_flag);
      out += Comment(sources, indent);
    }
    const std::string value = config::FormatValueYaml(s, options, static_cast<int>(indent.size()) + 2);
    out += fmt::format("{}{}:{}{}\n", indent, s.leaf(), value.starts_with('\n') ? "" : " ", value);
  }
  return out;
}

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace

std::string EffectiveConfigYaml(const PipelineOptions& options) {
  return "# flexpipe effective configuration\n" + Render(options, /*commented=*/false);
}

std::string CommentedDefaultConfig() {
  return std::string(kDefaultFileHeader) + "\n" + Render(PipelineOptions(), /*commented=*/true);
}

std::string SettingsReferenceMarkdown() {
  const PipelineOptions defaults;
  std::string out;
  std::string_view group;
  for (const Setting& s : config::AllSettings()) {
    if (Group(s) != group) {
      group = Group(s);
      if (!out.empty()) out += "\n";
      out += fmt::format("### `{}`\n\n", group);
      out += "| Key | Default | Environment | Flag | Meaning |\n";
      out += "|---|---|---|---|---|\n";
    }
    std::string meaning(s.doc);
    if (ShowsAllowed(s)) meaning += fmt::format(" Allowed: {}.", config::DescribeAllowed(s));
    std::string env = fmt::format("`{}`", config::EnvVarName(s));
    if (!s.env_alias.empty()) env += fmt::format(", `{}`", s.env_alias);
    if (s.kind == SettingKind::kFieldMap) env += fmt::format(", `{}_<FIELD>`", config::EnvVarName(s));
    std::string value = config::FormatValueYaml(s, defaults, 0);
    out += fmt::format("| `{}` | `{}` | {} | {} | {} |\n", s.key, MarkdownCell(value), env,
                       s.cli_flag.empty() ? "" : fmt::format("`{}`", MarkdownCell(s.cli_flag)),
                       MarkdownCell(meaning));
  }
  return out;
}

}  // namespace flexpipe
