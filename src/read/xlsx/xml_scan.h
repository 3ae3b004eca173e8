// The building blocks of flexpipe's hand-written XML scanning: finding the
// next markup, reading tag names, attributes, end tags, comments, processing
// instructions and CDATA sections in a byte range.
//
// Every function works on [p, end) and follows one protocol:
//   kOk          the construct was read; p is moved past it.
//   kIncomplete  the range ends before the construct does; p is unspecified
//                and the caller retries from the construct's start once more
//                bytes are there. Never returned when the bytes present
//                already prove the construct malformed, so the outcome does
//                not depend on where a chunk boundary falls.
//   kError       malformed; *error is set to a static description.
//
// This is not a general XML parser: no DTD (a "<!DOCTYPE" or other "<!"
// declaration is an error, which also rules out entity expansion attacks),
// names are matched by their local part (the prefix before ':' is ignored,
// "x:row" is "row"), and only what worksheet and shared-strings XML need is
// checked.
//
// PERF: everything is inline; the sheet row parser's inner loop is made of
// these calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace flexpipe::xml {

enum class Scan : uint8_t { kOk, kIncomplete, kError };

inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The first '<' in [p, end), or end. memchr is vectorised by the C library.
inline const char* FindLt(const char* p, const char* end) {
  const void* hit = std::memchr(p, '<', static_cast<size_t>(end - p));
  return hit != nullptr ? static_cast<const char*>(hit) : end;
}

// The first '<', '&' or '\r' in [p, end), or end: where plain character data
// stops; with kAlso, its first occurrence too (the shared-strings scanner
// stops at '_', where Excel's escapes start). Cell values are short, so one
// 16-byte SSE2 comparison (x86-64 baseline) usually finds the end; the scalar
// loop takes the last bytes so nothing past `end` is read.
template <char kAlso = '<'>
[[gnu::always_inline]] inline const char* FindTextEnd(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i amp = _mm_set1_epi8('&');
  const __m128i cr = _mm_set1_epi8('\r');
  while (end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, lt),
                                _mm_or_si128(_mm_cmpeq_epi8(bytes, amp), _mm_cmpeq_epi8(bytes, cr)));
    if constexpr (kAlso != '<') hits = _mm_or_si128(hits, _mm_cmpeq_epi8(bytes, _mm_set1_epi8(kAlso)));
    const int mask = _mm_movemask_epi8(hits);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p != end; ++p) {
    if (*p == '<' || *p == '&' || *p == '\r' || *p == kAlso) return p;
  }
  return end;
}

// Whether [p, end) starts with `literal` (a constant: the compare compiles
// to a word or two).
template <size_t N>
inline bool At(const char* p, const char* end, const char (&literal)[N]) {
  return static_cast<size_t>(end - p) >= N - 1 && std::memcmp(p, literal, N - 1) == 0;
}

// Whether [p, end) starts with the end tag "</name>" exactly: the common
// spelling, tested without ReadEndTag (anything else goes through it). Names
// are a few letters: a loop, not a memcmp call.
inline bool AtPlainEndTag(const char* p, const char* end, std::string_view name) {
  const size_t n = name.size();
  if (static_cast<size_t>(end - p) < n + 3 || p[1] != '/' || p[n + 2] != '>') return false;
  for (size_t i = 0; i < n; ++i) {
    if (p[2 + i] != name[i]) return false;
  }
  return true;
}

// Whether [p, end) starts with `literal`: kOk, kIncomplete when the bytes
// there are a proper prefix of it, kError when they differ.
inline Scan StartsWith(const char* p, const char* end, std::string_view literal) {
  const size_t have = static_cast<size_t>(end - p);
  const size_t n = have < literal.size() ? have : literal.size();
  if (std::memcmp(p, literal.data(), n) != 0) return Scan::kError;
  return n == literal.size() ? Scan::kOk : Scan::kIncomplete;
}

// Reads the tag name at p (just after "<" or "</") and sets *local to its
// local part. p is left on the byte after the name.
inline Scan ReadName(const char*& p, const char* end, std::string_view* local, const char** error) {
  const char* const start = p;
  const char* local_start = p;
  for (; p != end; ++p) {
    const char c = *p;
    if (IsSpace(c) || c == '>' || c == '/') break;
    if (c == ':') {
      local_start = p + 1;
    } else if (c == '<' || c == '=' || c == '"' || c == '\'' || c == '&') {
      *error = "malformed tag name";
      return Scan::kError;
    }
  }
  if (p == end) return Scan::kIncomplete;
  if (p == local_start) {
    *error = p == start ? "missing tag name" : "malformed tag name";
    return Scan::kError;
  }
  *local = std::string_view(local_start, static_cast<size_t>(p - local_start));
  return Scan::kOk;
}

// Reads the next attribute of a start tag, or its end: p after the name or
// after the previous attribute. Sets *name and *value (undecoded) and returns
// kOk, or sets *closed and *self_closing when the tag ended ('>' or "/>").
inline Scan ReadAttribute(const char*& p, const char* end, std::string_view* name, std::string_view* value,
                          bool* closed, bool* self_closing, const char** error) {
  while (p != end && IsSpace(*p)) ++p;
  if (p == end) return Scan::kIncomplete;
  if (*p == '>') {
    ++p;
    *closed = true;
    *self_closing = false;
    return Scan::kOk;
  }
  if (*p == '/') {
    if (p + 1 == end) return Scan::kIncomplete;
    if (p[1] != '>') {
      *error = "malformed tag: '/' not followed by '>'";
      return Scan::kError;
    }
    p += 2;
    *closed = true;
    *self_closing = true;
    return Scan::kOk;
  }
  const char* const name_begin = p;
  while (p != end && *p != '=' && !IsSpace(*p) && *p != '>' && *p != '/' && *p != '<') ++p;
  if (p == end) return Scan::kIncomplete;
  *name = std::string_view(name_begin, static_cast<size_t>(p - name_begin));
  while (p != end && IsSpace(*p)) ++p;
  if (p == end) return Scan::kIncomplete;
  if (*p != '=' || name->empty()) {
    *error = "malformed attribute";
    return Scan::kError;
  }
  ++p;
  while (p != end && IsSpace(*p)) ++p;
  if (p == end) return Scan::kIncomplete;
  const char quote = *p;
  if (quote != '"' && quote != '\'') {
    *error = "attribute value not quoted";
    return Scan::kError;
  }
  const char* const value_begin = ++p;
  while (p != end && *p != quote) {
    if (*p == '<') {
      *error = "'<' in an attribute value";
      return Scan::kError;
    }
    ++p;
  }
  if (p == end) return Scan::kIncomplete;
  *value = std::string_view(value_begin, static_cast<size_t>(p - value_begin));
  ++p;
  *closed = false;
  return Scan::kOk;
}

// Reads a start tag's attributes, p just after its name, up to and including
// its closing '>' or "/>". Calls on_attribute(name, raw value) for each
// attribute, names as written (with any prefix) and values undecoded; a false
// return ends the scan with kError and *error untouched (the callback records
// its own problem). A tag may reach kIncomplete after some callbacks ran:
// callbacks must be safe to repeat when the tag is read again.
template <typename OnAttribute>
inline Scan ReadAttributes(const char*& p, const char* end, bool* self_closing, const char** error,
                           OnAttribute&& on_attribute) {
  while (true) {
    std::string_view name;
    std::string_view value;
    bool closed = false;
    if (const Scan s = ReadAttribute(p, end, &name, &value, &closed, self_closing, error); s != Scan::kOk) {
      return s;
    }
    if (closed) return Scan::kOk;
    if (!on_attribute(name, value)) return Scan::kError;
  }
}

// Skips a start tag's attributes (see ReadAttributes).
inline Scan SkipAttributes(const char*& p, const char* end, bool* self_closing, const char** error) {
  return ReadAttributes(p, end, self_closing, error, [](std::string_view, std::string_view) { return true; });
}

// Reads an end tag, p on its '<' (followed by '/'); sets *local to its name.
inline Scan ReadEndTag(const char*& p, const char* end, std::string_view* local, const char** error) {
  p += 2;
  if (const Scan s = ReadName(p, end, local, error); s != Scan::kOk) return s;
  while (p != end && IsSpace(*p)) ++p;
  if (p == end) return Scan::kIncomplete;
  if (*p != '>') {
    *error = "malformed end tag";
    return Scan::kError;
  }
  ++p;
  return Scan::kOk;
}

enum class Markup : uint8_t { kComment, kProcessingInstruction, kCdata };

// ReadMarkup's error for a "<!" that is neither a comment nor CDATA (callers
// compare the pointer to tell it from other syntax errors).
inline constexpr char kDeclarationError[] =
    "document type declarations (<!DOCTYPE, <!ENTITY) are not allowed in a worksheet";

// Reads a comment, processing instruction (including the XML declaration) or
// CDATA section, p on its '<' (followed by '!' or '?'). *cdata receives a
// CDATA section's text. Any other "<!" (DOCTYPE, ENTITY) is an error.
inline Scan ReadMarkup(const char*& p, const char* end, Markup* kind, std::string_view* cdata,
                       const char** error) {
  const std::string_view rest(p, static_cast<size_t>(end - p));
  std::string_view terminator;
  size_t body = 0;
  if (rest.size() < 2) return Scan::kIncomplete;
  if (rest[1] == '?') {
    *kind = Markup::kProcessingInstruction;
    terminator = "?>";
    body = 2;
  } else if (const Scan comment = StartsWith(p, end, "<!--"); comment != Scan::kError) {
    if (comment == Scan::kIncomplete) return Scan::kIncomplete;
    *kind = Markup::kComment;
    terminator = "-->";
    body = 4;
  } else if (const Scan section = StartsWith(p, end, "<![CDATA["); section != Scan::kError) {
    if (section == Scan::kIncomplete) return Scan::kIncomplete;
    *kind = Markup::kCdata;
    terminator = "]]>";
    body = 9;
  } else {
    *error = kDeclarationError;
    return Scan::kError;
  }
  const size_t stop = rest.find(terminator, body);
  if (stop == std::string_view::npos) return Scan::kIncomplete;
  if (*kind == Markup::kCdata) *cdata = rest.substr(body, stop - body);
  p += stop + terminator.size();
  return Scan::kOk;
}

// Skips the content and end tag of an element whose start tag was just read
// (nested elements included; end tag names are not checked against start
// tags, only counted).
inline Scan SkipElement(const char*& p, const char* end, const char** error) {
  int depth = 1;
  while (true) {
    p = FindLt(p, end);
    if (end - p < 2) return Scan::kIncomplete;
    Scan s = Scan::kOk;
    if (p[1] == '/') {
      std::string_view name;
      s = ReadEndTag(p, end, &name, error);
      --depth;
    } else if (p[1] == '!' || p[1] == '?') {
      Markup kind;
      std::string_view cdata;
      s = ReadMarkup(p, end, &kind, &cdata, error);
    } else {
      std::string_view name;
      bool self_closing = false;
      ++p;
      s = ReadName(p, end, &name, error);
      if (s == Scan::kOk) s = SkipAttributes(p, end, &self_closing, error);
      if (!self_closing) ++depth;
    }
    if (s != Scan::kOk) return s;
    if (depth == 0) return Scan::kOk;
  }
}

}  // namespace flexpipe::xml
