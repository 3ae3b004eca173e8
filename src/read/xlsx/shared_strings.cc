#include "read/xlsx/shared_strings.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "core/utf8.h"
#include "read/xlsx/xml_parser.h"

namespace flexpipe {
namespace {

constexpr uint64_t kMaxArenaBytes = std::numeric_limits<uint32_t>::max();
// Pre-sizing from declared sizes (untrusted) is capped.
constexpr uint64_t kMaxReserveBytes = 256 << 20;
constexpr uint64_t kMaxReserveStrings = 16 << 20;

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of an escape "_xHHHH_" at text[at], or -1.
int EscapeAt(const char* text, size_t size, size_t at) {
  if (size - at < 7 || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return -1;
  int v = 0;
  for (size_t k = at + 2; k < at + 6; ++k) {
    const int h = Hex(text[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

}  // namespace

size_t DecodeOoxmlEscapes(char* text, size_t size) {
  const void* first = std::memchr(text, '_', size);
  if (first == nullptr) return size;
  size_t r = static_cast<size_t>(static_cast<const char*>(first) - text);
  size_t w = r;
  while (r < size) {
    const int unit = text[r] == '_' ? EscapeAt(text, size, r) : -1;
    if (unit < 0) {
      text[w++] = text[r++];
      continue;
    }
    r += 7;
    uint32_t cp = static_cast<uint32_t>(unit);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const int low = EscapeAt(text, size, r);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(low) - 0xDC00);
        r += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    w += EncodeUtf8(cp, text + w);  // 7 input bytes give at most 3, a pair's 14 give 4: w stays <= r
  }
  return w;
}

// Builds the table while expat streams the part.
class SharedStringsBuilder final : public XmlHandler {
 public:
  SharedStringsBuilder(const std::string& file, uint64_t declared_bytes)
      : file_(file), declared_(declared_bytes) {
    table_.arena_.reserve(static_cast<size_t>(std::min(declared_ / 2, kMaxReserveBytes)));
  }

  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "t") {
      in_text_ = in_item_ && phonetic_depth_ == 0;
      text_start_ = table_.arena_.size();
    } else if (name == "si") {
      in_item_ = true;
    } else if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "sst") {
      uint64_t count = 0;
      const std::string_view v = attributes.Get("uniqueCount");
      std::from_chars(v.data(), v.data() + v.size(), count);
      // "<si/>" is 5 bytes: a count beyond declared/5 is a lie.
      table_.ends_.reserve(static_cast<size_t>(std::min({count, declared_ / 5 + 1, kMaxReserveStrings})));
    }
  }

  void OnEndElement(std::string_view name) override {
    if (name == "t") {
      if (in_text_) {  // escapes are decoded per text element, as Excel does
        std::string& arena = table_.arena_;
        arena.resize(text_start_ +
                     DecodeOoxmlEscapes(arena.data() + text_start_, arena.size() - text_start_));
      }
      in_text_ = false;
    } else if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "si" && in_item_) {
      in_item_ = false;
      if (table_.ends_.size() == std::numeric_limits<uint32_t>::max()) {
        Fail(Status(ErrorCode::kResourceLimit, "the shared-string table has more than 2^32 strings",
                    Location{file_, {}, 0, {}}));
        return;
      }
      table_.ends_.push_back(static_cast<uint32_t>(table_.arena_.size()));
    }
  }

  void OnText(std::string_view text) override {
    if (!in_text_) return;
    if (table_.arena_.size() + text.size() > kMaxArenaBytes) {
      TooMuchText();
      return;
    }
    table_.arena_.append(text);
  }

  void TooMuchText() {
    Fail(Status(ErrorCode::kResourceLimit, "the shared strings hold more than 4 GiB of text",
                Location{file_, {}, 0, {}}));
  }

  SharedStrings Finish() {
    // Give back a generous reservation (one copy of the text, once).
    std::string& arena = table_.arena_;
    if (arena.capacity() - arena.size() > arena.size() / 8 + 4096) arena.shrink_to_fit();
    std::vector<uint32_t>& ends = table_.ends_;
    if (ends.capacity() - ends.size() > ends.size() / 8 + 1024) ends.shrink_to_fit();
    return std::move(table_);
  }

 private:
  const std::string& file_;
  uint64_t declared_;
  SharedStrings table_;
  bool in_item_ = false;    // inside <si>
  bool in_text_ = false;    // inside a <t> whose text belongs to the string
  int phonetic_depth_ = 0;  // inside <rPh>
  size_t text_start_ = 0;   // arena offset where the current <t> began
};

Result<SharedStrings> ReadSharedStrings(ZipArchive* zip, std::string_view part) {
  if (part.empty()) return SharedStrings();
  FP_ASSIGN_OR_RETURN(const uint64_t declared, zip->UncompressedSize(part));
  SharedStringsBuilder builder(zip->path(), declared);
  FP_RETURN_IF_ERROR(ParseXmlPart(zip, part, &builder));
  return builder.Finish();
}

}  // namespace flexpipe
