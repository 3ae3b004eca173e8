#include "report/html_escape.h"

#include "write/utf8_repair.h"

namespace flexpipe {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  std::string scratch;
  const std::string_view valid = ValidUtf8(text, &scratch);
  out->reserve(out->size() + valid.size());
  for (const char c : valid) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      case '\t':
      case '\n':
      case '\r':
        out->push_back(c);
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out->append(kReplacement);
        } else {
          out->push_back(c);
        }
    }
  }
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  AppendHtmlEscaped(text, &out);
  return out;
}

std::string TruncateText(std::string_view text, size_t max_chars) {
  if (max_chars == 0) return {};
  size_t chars = 0;
  size_t cut = text.size();  // where the ellipsis goes when the text is too long
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsContinuation(text[i])) continue;
    if (chars == max_chars - 1) cut = i;
    if (chars == max_chars) return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";  // …
    ++chars;
  }
  return std::string(text);
}

}  // namespace flexpipe
