// Allocation-free ASCII case-insensitive text matching for scoring rules
// (zoning codes, city names, property-type keywords). Bytes >= 0x80 match
// only themselves.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "schema/ascii.h"

namespace flexpipe {

constexpr char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// Whether `a` equals `b` ignoring ASCII case.
constexpr bool EqualsAsciiNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// Whether `text` contains `needle` ignoring ASCII case. An empty needle is
// contained in every text.
constexpr bool ContainsAsciiNoCase(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  const size_t last = text.size() - needle.size();
  for (size_t start = 0; start <= last; ++start) {
    if (EqualsAsciiNoCase(text.substr(start, needle.size()), needle)) return true;
  }
  return false;
}

enum class LetterCase { kLower, kUpper };

// A text folded once to one letter case, for matching many needles that are
// already in that case. PERF NOTE: folding into a stack buffer lets each
// search use std::string_view::find (memchr + memcmp) instead of folding
// every comparison; texts longer than the buffer (rare) fall back to
// ContainsAsciiNoCase, so nothing is allocated either way.
class FoldedText {
 public:
  static constexpr size_t kCapacity = 120;

  FoldedText(std::string_view text, LetterCase letter_case)
      : original_(text), fits_(text.size() <= kCapacity) {
    if (!fits_) return;
    if (letter_case == LetterCase::kLower) {
      std::transform(text.begin(), text.end(), buf_, AsciiLower);
    } else {
      std::transform(text.begin(), text.end(), buf_, AsciiUpper);
    }
  }

  // `needle` must be in this text's letter case.
  bool Contains(std::string_view needle) const {
    if (!fits_) return ContainsAsciiNoCase(original_, needle);
    return std::string_view(buf_, original_.size()).find(needle) != std::string_view::npos;
  }

 private:
  std::string_view original_;
  bool fits_;
  char buf_[kCapacity];
};

}  // namespace flexpipe
