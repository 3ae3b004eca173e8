#include "read/xlsx/number_format.h"

namespace flexpipe {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsDateLetter(char c) {
  switch (Lower(c)) {
    case 'd':
    case 'm':
    case 'y':
    case 'h':
    case 's':
      return true;
    default:
      return false;
  }
}

// [h], [hh], [mm], [ss]...: one time letter repeated.
bool IsElapsedTime(std::string_view inside) {
  if (inside.empty()) return false;
  const char first = Lower(inside.front());
  if (first != 'h' && first != 'm' && first != 's') return false;
  for (const char c : inside) {
    if (Lower(c) != first) return false;
  }
  return true;
}

}  // namespace

bool IsBuiltinDateFormat(uint32_t id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

bool IsDateFormatCode(std::string_view code) {
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    switch (c) {
      case ';':  // end of the first section
        return false;
      case '"': {
        const size_t close = code.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        i = close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        ++i;  // the next character is literal
        break;
      case '[': {
        const size_t close = code.find(']', i + 1);
        if (close == std::string_view::npos) return false;
        if (IsElapsedTime(code.substr(i + 1, close - i - 1))) return true;
        i = close;
        break;
      }
      default:
        if (IsDateLetter(c)) return true;
    }
  }
  return false;
}

}  // namespace flexpipe
