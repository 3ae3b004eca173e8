#include "store/json_text.h"

#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace flexpipe {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool ReadHex4(std::string_view* s, uint32_t* out) {
  if (s->size() < 4) return false;
  uint32_t v = 0;
  const auto r = std::from_chars(s->data(), s->data() + 4, v, 16);
  if (r.ec != std::errc() || r.ptr != s->data() + 4) return false;
  s->remove_prefix(4);
  *out = v;
  return true;
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (u < 0x20) {
      switch (c) {
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          out->append("\\u00");
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 0xF]);
      }
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

void AppendJsonNumber(double x, std::string* out) {
  if (!std::isfinite(x)) {
    out->append("null");
    return;
  }
  char buffer[32];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  out->append(buffer, r.ptr);
}

void AppendJsonStringArray(const std::vector<std::string>& items, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out->push_back(',');
    AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

void JsonReader::SkipSpace() {
  while (!rest_.empty() && (rest_[0] == ' ' || rest_[0] == '\n' || rest_[0] == '\r' || rest_[0] == '\t'))
    rest_.remove_prefix(1);
}

bool JsonReader::Peek(char c) {
  SkipSpace();
  return !rest_.empty() && rest_[0] == c;
}

bool JsonReader::Consume(char c) {
  if (!Peek(c)) return false;
  rest_.remove_prefix(1);
  return true;
}

bool JsonReader::AtEnd() {
  SkipSpace();
  return rest_.empty();
}

bool JsonReader::ReadString(std::string* out) {
  out->clear();
  if (!Consume('"')) return false;
  std::string_view s = rest_;
  while (!s.empty()) {
    const char c = s[0];
    s.remove_prefix(1);
    if (c == '"') {
      rest_ = s;
      return true;
    }
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (s.empty()) return false;
    const char e = s[0];
    s.remove_prefix(1);
    switch (e) {
      case '"':
      case '\\':
      case '/':
        out->push_back(e);
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        uint32_t cp = 0;
        if (!ReadHex4(&s, &cp)) return false;
        if (cp >= 0xD800 && cp < 0xDC00 && s.size() >= 6 && s[0] == '\\' && s[1] == 'u') {
          std::string_view low_text = s.substr(2);
          uint32_t low = 0;
          if (ReadHex4(&low_text, &low) && low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            s = low_text;
          }
        }
        AppendUtf8(cp, out);
        break;
      }
      default:
        return false;
    }
  }
  return false;
}

bool JsonReader::ReadNumber(double* out) {
  SkipSpace();
  if (rest_.starts_with("null")) {
    rest_.remove_prefix(4);
    *out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  const auto r = std::from_chars(rest_.data(), rest_.data() + rest_.size(), *out);
  if (r.ec != std::errc()) return false;
  rest_.remove_prefix(static_cast<size_t>(r.ptr - rest_.data()));
  return true;
}

bool JsonReader::ReadUint(uint64_t* out) {
  SkipSpace();
  const auto r = std::from_chars(rest_.data(), rest_.data() + rest_.size(), *out);
  if (r.ec != std::errc()) return false;
  rest_.remove_prefix(static_cast<size_t>(r.ptr - rest_.data()));
  return true;
}

Result<std::vector<std::string>> ParseJsonStringArray(std::string_view json, std::string_view what) {
  std::vector<std::string> items;
  JsonReader reader(json);
  bool ok = reader.Consume('[');
  if (ok && !reader.Consume(']')) {
    do {
      ok = reader.ReadString(&items.emplace_back());
    } while (ok && reader.Consume(','));
    ok = ok && reader.Consume(']');
  }
  if (!ok || !reader.AtEnd()) {
    return Status(ErrorCode::kDatabaseError, fmt::format("{}: not a JSON array of strings", what));
  }
  return items;
}

}  // namespace flexpipe
