#include "aggregate/dedup_key.h"

#include <locale.h>
#include <wctype.h>

#include <array>
#include <cstdint>
#include <utility>

#include "core/utf8.h"

namespace flexpipe {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Unicode lower case (as Python's str.lower(), which scoring.md's pipeline
// used, but for its two rules beyond one letter at a time: 'İ' becomes
// plain 'i', and a word-final 'Σ' 'σ', not 'ς'): glibc's
// built-in C.UTF-8 locale, the same whatever the user's locale. Null when the
// C library has none (ASCII only then).
locale_t Utf8Locale() {
  static const locale_t locale = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return locale;
}

// The code point starting at text[i] and its length, or {0, 0} for bytes
// that are not well-formed UTF-8 (copied as they are).
std::pair<uint32_t, size_t> DecodeUtf8(std::string_view text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = b(0);
  size_t n = 0;
  uint32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2, cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3, cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4, cp = lead & 0x07u;
  } else {
    return {0, 0};
  }
  if (i + n > text.size()) return {0, 0};
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b(k) & 0x3Fu);
  }
  const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, n};
}

// Appends text[i...] lower-cased: one code point (or one byte that is not
// UTF-8); returns the bytes consumed.
size_t AppendLower(std::string_view text, size_t i, std::string* out) {
  const char c = text[i];
  if (static_cast<unsigned char>(c) < 0x80 || Utf8Locale() == nullptr) {
    out->push_back(Lower(c));
    return 1;
  }
  const auto [cp, n] = DecodeUtf8(text, i);
  if (n == 0) {
    out->push_back(c);
    return 1;
  }
  const auto lower = static_cast<uint32_t>(::towlower_l(static_cast<wint_t>(cp), Utf8Locale()));
  if (lower == cp) {
    out->append(text.substr(i, n));
  } else {
    char buf[4];
    out->append(buf, EncodeUtf8(lower, buf));
  }
  return n;
}

// The key's parts are joined with '|': a '|' (or '\') inside a part is
// escaped with '\', so "x|y" + "z" and "x" + "y|z" stay two keys.
void EscapeSeparators(size_t start, std::string* out) {
  if (out->find_first_of("|\\", start) == std::string::npos) return;
  std::string part = out->substr(start);
  out->resize(start);
  for (const char c : part) {
    if (c == '|' || c == '\\') out->push_back('\\');
    out->push_back(c);
  }
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAddressWords = {{
    {"street", "st"},
    {"avenue", "ave"},
    {"boulevard", "blvd"},
    {"drive", "dr"},
    {"road", "rd"},
    {"lane", "ln"},
    {"court", "ct"},
    {"place", "pl"},
    {"circle", "cir"},
    {"parkway", "pkwy"},
    {"north", "n"},
    {"south", "s"},
    {"east", "e"},
    {"west", "w"},
}};

std::string_view Abbreviate(std::string_view word) {
  for (const auto& [from, to] : kAddressWords) {
    if (word == from) return to;
  }
  return word;
}

}  // namespace

void AppendKeyPart(std::string_view text, bool is_address, std::string* out) {
  // Lower-case, trim, collapse white space.
  const size_t start = out->size();
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    if (IsSpace(text[i])) {
      pending_space = out->size() > start;
      ++i;
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    i += AppendLower(text, i, out);
  }
  if (!is_address) {
    EscapeSeparators(start, out);
    return;
  }
  // Whole-word replacements (word = run of [a-z0-9_]), then drop . , #.
  std::string part = out->substr(start);
  out->resize(start);
  size_t i = 0;
  while (i < part.size()) {
    if (!IsWordChar(part[i])) {
      const char c = part[i++];
      if (c != '.' && c != ',' && c != '#') out->push_back(c);
      continue;
    }
    size_t j = i;
    while (j < part.size() && IsWordChar(part[j])) ++j;
    out->append(Abbreviate(std::string_view(part).substr(i, j - i)));
    i = j;
  }
  EscapeSeparators(start, out);
}

bool BuildDedupKey(std::span<const Field> fields, std::span<const std::string_view> texts, std::string* out) {
  out->clear();
  bool any = false;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back('|');
    const size_t before = out->size();
    AppendKeyPart(texts[i], fields[i] == Field::kAddress, out);
    any = any || out->size() > before;
  }
  return any;
}

}  // namespace flexpipe
