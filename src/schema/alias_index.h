// Lookup from a normalised header (see NormalizeHeader) to the canonical field
// whose alias it is, over the alias table of fields.md (AllFields()), plus
// each field's own canonical name ("total value" -> total_value), so a master
// CSV written by flexpipe maps back field for field. The
// index is built once, on first use, and is safe to use from any thread.
#pragma once

#include <optional>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {

// The field `normalized_header` is an alias of, or nullopt. Exact match only.
std::optional<Field> FieldForAlias(std::string_view normalized_header);

}  // namespace flexpipe
