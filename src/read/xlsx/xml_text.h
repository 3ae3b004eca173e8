// Decoding XML character data: what an XML parser does to the text between
// tags before handing it over.
//
//   - The five predefined entities &amp; &lt; &gt; &quot; &apos; and
//     character references &#NN; / &#xHH; become their characters (UTF-8).
//     Any other entity is an error: flexpipe refuses document type
//     declarations, so no other entity can be defined.
//   - Line ends are normalised (XML 1.0 section 2.11): CR LF and a lone CR
//     become LF.
//
// Character references may name any Unicode scalar value except U+0000
// (surrogates and values past U+10FFFF are errors). XML 1.0 also forbids most
// C0 controls, but some producers write them and Excel-style readers keep
// them, so they are accepted.
//
// The decoded text is never longer than the raw text, so callers can decode
// into a buffer of raw.size() bytes (or in place, out == raw.data()).
#pragma once

#include <cstddef>
#include <string_view>

namespace flexpipe {

// Decodes `raw` into `out` (room for raw.size() bytes; may equal raw.data())
// and returns the number of bytes written. On a malformed or unknown
// reference returns false and sets *bad to it ("&nbsp;", "&#0;", or "&" plus
// the bytes after it when no ';' follows in time).
bool DecodeXmlText(std::string_view raw, char* out, size_t* written, std::string_view* bad);

// Only the line-end normalisation, for CDATA sections (whose '&' is text).
// Returns the number of bytes written to `out` (room for raw.size()).
size_t NormalizeLineEnds(std::string_view raw, char* out);

}  // namespace flexpipe
