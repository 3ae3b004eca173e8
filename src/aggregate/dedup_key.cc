#include "aggregate/dedup_key.h"

#include <array>
#include <utility>

namespace flexpipe {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

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
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = out->size() > start;
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(Lower(c));
  }
  if (!is_address) return;
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
