// Writing one Unicode code point as UTF-8: the one encoder the readers share
// (CSV transcoding, XML character references, OOXML _xHHHH_ escapes); and
// checking that text is UTF-8, for the parts of a workbook whose bytes are
// passed on as they are (cell text, shared strings).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace flexpipe {

// Writes `cp` (at most 0x10FFFF; callers replace surrogates and larger
// values first) as 1 to 4 bytes at `out`; returns the count.
inline size_t EncodeUtf8(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Characters (code points) of UTF-8 `text`: the bytes that are not
// continuation bytes.
inline size_t Utf8Chars(std::string_view text) {
  size_t chars = 0;
  for (const char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return chars;
}

// The offset of the first byte of `text` that does not begin a well-formed
// UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF, no sequence cut off at the end), or npos when all of it is UTF-8.
// PERF: inline, only a branch-free pass that finds most cell text ASCII; the
// validator proper is out of line (utf8.cc), so the readers' hot loops stay
// small.
size_t FindInvalidUtf8InText(std::string_view text);

inline size_t FindInvalidUtf8(std::string_view text) {
  unsigned bits = 0;
  for (const char c : text) bits |= static_cast<unsigned char>(c);
  return bits < 0x80 ? std::string_view::npos : FindInvalidUtf8InText(text);
}

}  // namespace flexpipe
