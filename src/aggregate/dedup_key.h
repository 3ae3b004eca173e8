// The de-duplication key of scoring.md: the key fields' values, each
// lower-cased (Unicode letters too: "CAFÉ" is "café"), trimmed and with
// white-space runs collapsed; the address also gets whole-word
// street-suffix/direction abbreviations and loses `.`, `,` and `#`. Fields
// are joined with '|'; a '|' or '\' inside a field is escaped with '\'.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "flexpipe/fields.h"

namespace flexpipe {

// Appends the normalised form of one field's text to *out.
void AppendKeyPart(std::string_view text, bool is_address, std::string* out);

// Builds the key into *out (cleared first) from the given field texts, in
// order. Returns false when every part is empty: such rows are never merged.
bool BuildDedupKey(std::span<const Field> fields, std::span<const std::string_view> texts, std::string* out);

}  // namespace flexpipe
