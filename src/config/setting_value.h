// Values of settings: turning what was written (a YAML node, an environment
// variable, a --set value) into the typed field of PipelineOptions, checking
// it against the setting's kind, and writing it back as YAML. Error messages
// say what is wrong and what is allowed but not which key or source: callers
// prefix those.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/settings.h"
#include "flexpipe/options.h"
#include "flexpipe/status.h"

namespace flexpipe::config {

// A value as written, before it is typed.
struct RawValue {
  enum class Shape : uint8_t { kNull, kScalar, kList, kMap };
  Shape shape = Shape::kNull;
  std::string scalar;                                        // kScalar
  std::vector<std::string> items;                            // kList
  std::vector<std::pair<std::string, std::string>> entries;  // kMap, in written order
};

// The text form used by environment variables and --set: lists are
// comma-separated ("*.csv, *.xlsx"), the column mapping is "field=header,…";
// everything else is one scalar. Fails only on a malformed mapping entry.
Result<RawValue> RawFromText(const Setting& setting, std::string_view text);

// Types `raw` for `setting`, checks it (CheckValue) and stores it in *options;
// on failure *options is unchanged. For the column mapping, `merge` adds the
// entries to the current mapping instead of replacing it. Field names in
// kFieldList/kFieldMap values are stored canonical ("Address" → "address").
Status AssignValue(const Setting& setting, const RawValue& raw, PipelineOptions* options, bool merge = false);

// Checks the value `options` holds for `setting` (range, choices, date, field
// names, non-empty lists, …).
Status CheckValue(const Setting& setting, const PipelineOptions& options);

// What the setting accepts, for messages and docs: "a whole number from 0 to 1024".
std::string DescribeAllowed(const Setting& setting);

// The value `options` holds for `setting` as YAML flow text: "4.0", "true",
// "\"data/raw\"", "[\"*.csv\", \"*.tsv\"]", "{}". A non-empty column mapping
// is written as block lines ("\n" + indent + "field: \"header\"" each).
std::string FormatValueYaml(const Setting& setting, const PipelineOptions& options, int indent);

// A YAML double-quoted scalar that reads back as exactly `text`.
std::string QuoteYaml(std::string_view text);

// The canonical field name for a canonical name or a header-style spelling
// ("Address", "Building SqFt", "zip-code"); nullopt when it names no field.
std::optional<std::string_view> ResolveFieldName(std::string_view name);

}  // namespace flexpipe::config
