// The shared-string table of a workbook (xl/sharedStrings.xml): cells of
// type t="s" hold an index into it.
//
// Each <si> is one string: its <t> text, or the <t> texts of its rich-text
// runs (<r><rPr/><t>…</t></r>) concatenated. Phonetic runs (<rPh>, East Asian
// reading aids) are left out, as Excel shows them only on request. Text is
// kept exactly as written, xml:space or not (whitespace-only and
// leading/trailing spaces included), with XML's own decoding (entities, CRLF ->
// LF). Excel's escapes for characters XML cannot hold are decoded as Excel
// does, within each <t>: _xHHHH_ (four hex digits, lower-case x) becomes
// U+HHHH, so "_x000D_" is a CR and "_x005F_x000D_" the literal text
// "_x000D_"; an escaped surrogate pair becomes one character, a lone
// surrogate U+FFFD. (_x0000_ gives a NUL byte, as written.)
//
// Streaming and memory: the part is inflated and parsed in 64 KiB chunks,
// never held whole. The strings live in one contiguous arena with a 32-bit
// end offset per string: text bytes + 4 bytes per string, no allocation per
// string (a 13.5 MB sharedStrings.xml of 300,000 address-like strings
// takes 8.8 MB).
//
// Errors: kCorruptFile for malformed XML (a DTD is refused, see
// xml_parser.h); kResourceLimit when the text exceeds 4 GiB or the table 2^32
// strings; ZipArchive errors (zip bomb, CRC, I/O) as reported.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

class SharedStrings {
 public:
  SharedStrings() = default;  // the empty table

  size_t size() const { return ends_.size(); }
  // String i, valid while this table lives. Requires i < size(): a cell's
  // index must be checked by the caller (out of range is a corrupt file).
  std::string_view Get(uint32_t i) const {
    assert(i < ends_.size());
    const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(arena_.data() + begin, ends_[i] - begin);
  }
  // Heap bytes held (capacity, not size).
  size_t memory_bytes() const { return arena_.capacity() + ends_.capacity() * sizeof(uint32_t); }

 private:
  friend class SharedStringsBuilder;
  std::string arena_;           // every string's bytes, back to back
  std::vector<uint32_t> ends_;  // ends_[i]: end of string i in arena_
};

// Reads the shared-strings part `part` (WorkbookInfo::shared_strings_part);
// "" gives the empty table.
Result<SharedStrings> ReadSharedStrings(ZipArchive* zip, std::string_view part);

// Decodes Excel's _xHHHH_ escapes in place (see above); returns the new
// length, never more than `size`. Exposed for inline strings in sheets.
size_t DecodeOoxmlEscapes(char* text, size_t size);

}  // namespace flexpipe
