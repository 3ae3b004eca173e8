#include "read/xlsx/xml_text.h"

#include <cstdint>
#include <cstring>

#include "core/utf8.h"

namespace flexpipe {
namespace {

// The longest reference accepted: "&#x0010FFFF;" with a few leading zeros to spare.
constexpr size_t kMaxReference = 16;

// The code point of a character reference body ("#65", "#x41"), or -1.
int64_t CharacterReference(std::string_view body) {
  if (body.size() < 2) return -1;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty()) return -1;
  int64_t cp = 0;
  for (const char c : digits) {
    int d = 0;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return -1;
    }
    cp = cp * (hex ? 16 : 10) + d;
    if (cp > 0x10FFFF) return -1;
  }
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  return cp;
}

// Decodes the reference at raw[0] == '&'; returns its raw length, or 0 if bad.
size_t DecodeReference(std::string_view raw, char* out, size_t* produced) {
  const size_t semicolon = raw.substr(0, kMaxReference).find(';');
  if (semicolon == std::string_view::npos) return 0;
  const std::string_view body = raw.substr(1, semicolon - 1);
  char c = 0;
  if (body == "amp") {
    c = '&';
  } else if (body == "lt") {
    c = '<';
  } else if (body == "gt") {
    c = '>';
  } else if (body == "quot") {
    c = '"';
  } else if (body == "apos") {
    c = '\'';
  } else if (!body.empty() && body[0] == '#') {
    const int64_t cp = CharacterReference(body);
    if (cp < 0) return 0;
    *produced = EncodeUtf8(static_cast<uint32_t>(cp), out);
    return semicolon + 1;
  } else {
    return 0;
  }
  out[0] = c;
  *produced = 1;
  return semicolon + 1;
}

}  // namespace

bool DecodeXmlText(std::string_view raw, char* out, size_t* written, std::string_view* bad) {
  size_t in = 0;
  size_t n = 0;
  while (in < raw.size()) {
    const char c = raw[in];
    if (c == '&') {
      size_t produced = 0;
      const size_t used = DecodeReference(raw.substr(in), out + n, &produced);
      if (used == 0) {
        const size_t semicolon = raw.substr(in, kMaxReference).find(';');
        *bad = raw.substr(in, semicolon == std::string_view::npos ? kMaxReference : semicolon + 1);
        return false;
      }
      in += used;
      n += produced;
    } else if (c == '\r') {
      out[n++] = '\n';
      in += (in + 1 < raw.size() && raw[in + 1] == '\n') ? 2 : 1;
    } else {
      // Copy the run up to the next special byte in one go.
      size_t stop = in + 1;
      while (stop < raw.size() && raw[stop] != '&' && raw[stop] != '\r') ++stop;
      std::memmove(out + n, raw.data() + in, stop - in);
      n += stop - in;
      in = stop;
    }
  }
  *written = n;
  return true;
}

size_t NormalizeLineEnds(std::string_view raw, char* out) {
  size_t n = 0;
  for (size_t in = 0; in < raw.size(); ++in) {
    if (raw[in] != '\r') {
      out[n++] = raw[in];
      continue;
    }
    out[n++] = '\n';
    if (in + 1 < raw.size() && raw[in + 1] == '\n') ++in;
  }
  return n;
}

}  // namespace flexpipe
