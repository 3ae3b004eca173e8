#include "read/xlsx/shared_strings.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

#include "core/read_ahead_file.h"
#include "core/utf8.h"
#include "read/xlsx/shared_strings_scanner.h"

namespace flexpipe {
namespace {

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

void SharedStrings::Arena::Reallocate(size_t capacity) {
  if (capacity == 0) {
    std::free(data_);
    data_ = nullptr;
    capacity_ = 0;
    return;
  }
  void* grown = std::realloc(data_, capacity);
  if (grown == nullptr) throw std::bad_alloc();
  data_ = static_cast<char*>(grown);
  capacity_ = capacity;
}

Result<SharedStrings> ReadSharedStrings(ZipArchive* zip, std::string_view part,
                                        const SharedStringsOptions& options) {
  if (part.empty()) return SharedStrings();
  FP_ASSIGN_OR_RETURN(const uint64_t declared, zip->UncompressedSize(part));
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> input, zip->OpenEntry(part));
  if (options.read_ahead) input = std::make_unique<ReadAheadFile>(std::move(input));
  return ScanSharedStrings(SharedStringsSource{input.get(), declared, zip->path(), part}, options);
}

}  // namespace flexpipe
