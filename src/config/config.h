// Configuration: building PipelineOptions from a YAML file, FLEXPIPE_*
// environment variables and KEY=VALUE settings, checking them, and writing
// them back as YAML. Precedence is the caller's order of application; the CLI
// applies defaults < file < environment < flags. Every setting is one entry of
// the table in config/settings.cc; docs/configuration.md lists them all.
//
// All functions are pure apart from ApplyConfigFile (reads through the
// FileSystem) and EnvironmentFromProcess (reads `environ`). Every Apply/Set
// function is all-or-nothing: on error *options is left unchanged. Errors are
// kConfigError (kNotFound/kIoError… for an unreadable file) and name the key
// path, the source and what is allowed.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/env.h"
#include "flexpipe/options.h"
#include "flexpipe/status.h"

namespace flexpipe {

using EnvironmentVariables = std::vector<std::pair<std::string, std::string>>;

// Applies a YAML document in the seed's layout (input:, processing:, output:,
// filtering:, logging:, scoring:, columns:) on top of *options; keys not in
// the document keep their current values. `source_name` (usually the file's
// path) prefixes error messages, with the line and column of the offending
// node: "flexpipe.yaml:7:16: processing.max_workers: …". An empty document is
// fine; unknown keys, wrong types, bad values and syntax errors are not.
Status ApplyConfigYaml(std::string_view yaml_text, std::string_view source_name, PipelineOptions* options);

// Reads `path` (at most 16 MiB) through `fs` and applies it as above.
Status ApplyConfigFile(FileSystem* fs, const std::filesystem::path& path, PipelineOptions* options);

// Applies the FLEXPIPE_* variables among `env` (others are ignored):
// FLEXPIPE_<KEY PATH upper-cased, '.' → '_'> for every setting (lists
// comma-separated), FLEXPIPE_COLUMNS_<FIELD>=header for one column mapping, and
// the short aliases FLEXPIPE_MODEL, FLEXPIPE_MIN_SCORE, FLEXPIPE_WORKERS,
// FLEXPIPE_AS_OF, FLEXPIPE_LOG_LEVEL. FLEXPIPE_CONFIG is skipped (see
// ConfigFileFromEnvironment). Any other FLEXPIPE_* variable is an error naming
// it, as is a setting given by two variables with different values.
Status ApplyEnvironment(std::span<const std::pair<std::string, std::string>> env, PipelineOptions* options);

// The process's environment, in `environ` order.
EnvironmentVariables EnvironmentFromProcess();

// The value of FLEXPIPE_CONFIG (a configuration file) when set and not empty.
std::optional<std::string> ConfigFileFromEnvironment(
    std::span<const std::pair<std::string, std::string>> env);

// Sets one setting from its text form, as environment variables and
// `--set KEY=VALUE` write it: `key_path` is a full key ("filtering.min_flex_score",
// "columns" = "field=header,…", or "columns.<field>" for one mapping); lists are
// comma-separated. `source` (e.g. "--min-score") prefixes error messages when given.
Status SetOption(std::string_view key_path, std::string_view value, PipelineOptions* options,
                 std::string_view source = {});

// Checks every setting's own rule (ranges, choices, dates, field names) and
// the rules between settings: de-duplication needs key fields, outputs must be
// distinct files, … Call once all sources are applied.
Status ValidateOptions(const PipelineOptions& options);

// The options as a YAML document in the file layout, keys in a fixed order,
// every setting present; ApplyConfigYaml of it onto defaults gives `options`
// back (for `flexpipe config --print`).
std::string EffectiveConfigYaml(const PipelineOptions& options);

// A complete default configuration file with a comment on every key (for
// `flexpipe config --init`); committed as config/flexpipe.yaml.
std::string CommentedDefaultConfig();

// The reference table of every setting (YAML key, environment variable, flag,
// default, meaning) as Markdown; docs/configuration.md embeds it.
std::string SettingsReferenceMarkdown();

}  // namespace flexpipe
