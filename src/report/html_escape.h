// Text from input files and settings made safe for HTML (and the SVG inside
// it). One escape serves every context the report uses — element text,
// quoted attribute values, SVG <text>/<title>: & < > " ' become character
// references, so no text can open a tag, end an attribute or start an
// entity. Text that is not valid UTF-8 is repaired first (U+FFFD, as in the
// JSON summary: write/utf8_repair.h); C0 control characters other than tab,
// LF and CR, and DEL, which HTML forbids, also become U+FFFD. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace flexpipe {

// Appends the escaped form of `text` to *out.
void AppendHtmlEscaped(std::string_view text, std::string* out);

// The escaped form of `text`.
std::string HtmlEscape(std::string_view text);

// `text` cut to at most `max_chars` code points, ending in "…" when cut (cut
// between code points, never inside one). For labels in charts; escape the
// result as any other text.
std::string TruncateText(std::string_view text, size_t max_chars);

}  // namespace flexpipe
