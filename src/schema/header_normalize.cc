#include "schema/header_normalize.h"

#include "schema/ascii.h"

namespace flexpipe {

std::string NormalizeHeader(std::string_view header) {
  std::string out;
  out.reserve(header.size());
  bool pending_space = false;  // a separator run seen since the last kept character
  for (const char c : header) {
    if (!IsAsciiAlnum(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(AsciiLower(c));
  }
  return out;
}

}  // namespace flexpipe
