// The shared-string table of a workbook (xl/sharedStrings.xml): cells of
// type t="s" hold an index into it.
//
// Each <si> is one string: its <t> text, or the <t> texts of its rich-text
// runs (<r><rPr/><t>…</t></r>) concatenated. Phonetic runs (<rPh>, East Asian
// reading aids) are left out, as Excel shows them only on request. Text is
// kept exactly as written, xml:space or not (whitespace-only and
// leading/trailing spaces included), with XML's own decoding (entities, CRLF ->
// LF). Excel's escapes for characters XML cannot hold are decoded as Excel
// does, within each <t>: _xHHHH_ (four hex digits, lower-case x) becomes
// U+HHHH, so "_x000D_" is a CR and "_x005F_x000D_" the literal text
// "_x000D_"; an escaped surrogate pair becomes one character, a lone
// surrogate U+FFFD. (_x0000_ gives a NUL byte, as written.)
//
// Reading: a hand-written streaming scanner (shared_strings_scanner.h), not
// a general XML parser. The part is inflated on a second thread while it is
// scanned (SharedStringsOptions::read_ahead) and never held whole: a 1 MiB
// read buffer (more only for a longer <si>) and 3 MiB of read-ahead chunks.
//
// Memory: the strings live in one contiguous arena with a 32-bit end offset
// per string: text bytes + 4 bytes per string, no allocation per string (a
// 13.5 MB sharedStrings.xml of 300,000 address-like strings takes 8.8 MB).
//
// Errors, located in the archive's file, messages starting with the part's
// name: kCorruptFile for malformed XML ("XML error at byte N …"), a part cut
// short, a root element other than <sst>, and a document type declaration
// (refused: no entity expansion); kBadEncoding for UTF-16 or another declared
// encoding than UTF-8; kResourceLimit for a <si> longer than
// SharedStringsOptions::max_string_bytes of XML, more than 4 GiB of text or
// 2^32 strings; ZipArchive errors (zip bomb, CRC, I/O) as reported.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

class SharedStrings {
 public:
  SharedStrings() = default;  // the empty table

  size_t size() const { return ends_.size(); }
  // String i, valid while this table lives. Requires i < size(): a cell's
  // index must be checked by the caller (out of range is a corrupt file).
  std::string_view Get(uint32_t i) const {
    assert(i < ends_.size());
    const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(arena_.data() + begin, ends_[i] - begin);
  }
  // Heap bytes held (capacity, not size).
  size_t memory_bytes() const { return arena_.capacity() + ends_.capacity() * sizeof(uint32_t); }

 private:
  friend class SharedStringsScanner;

  // The strings' bytes, back to back, in one malloc'ed block: the scanner
  // reserves the part's declared size (untouched pages cost nothing) and
  // trims the rest with realloc, which moves no bytes (shrinking a
  // std::string copies the whole text).
  class Arena {
   public:
    Arena() = default;
    Arena(Arena&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)),
          size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0)) {}
    Arena& operator=(Arena&& other) noexcept {
      std::swap(data_, other.data_);
      std::swap(size_, other.size_);
      std::swap(capacity_, other.capacity_);
      return *this;
    }
    ~Arena() { std::free(data_); }

    const char* data() const { return data_; }
    char* data() { return data_; }
    size_t size() const { return size_; }
    size_t capacity() const { return capacity_; }
    // Room for n more bytes after size(), growing the block (doubling) if
    // needed; Resize() takes in what was written there.
    char* Extend(size_t n) {
      if (capacity_ - size_ < n || data_ == nullptr)
        Reallocate(std::max({size_ + n, 2 * capacity_, size_t{64}}));
      return data_ + size_;
    }
    // Sets the size, at most capacity(): drops bytes, or takes in Extend()'s.
    void Resize(size_t n) {
      assert(n <= capacity_);
      size_ = n;
    }
    void Reserve(size_t n) {
      if (n > capacity_) Reallocate(n);
    }
    void Trim() {
      if (capacity_ > size_) Reallocate(size_);
    }

   private:
    void Reallocate(size_t capacity);  // std::bad_alloc when out of memory

    char* data_ = nullptr;
    size_t size_ = 0;
    size_t capacity_ = 0;
  };

  Arena arena_;                 // every string's bytes, back to back
  std::vector<uint32_t> ends_;  // ends_[i]: end of string i in arena_
};

struct SharedStringsOptions {
  // Size of the read buffer. Default: 1 MiB.
  size_t buffer_bytes = 1 << 20;
  // Longest XML of one <si> (and of any other tag, comment or element of the
  // part): how far the read buffer may grow. Default: 32 MiB (Excel's longest
  // string is 32,767 characters; rich text adds markup around it).
  size_t max_string_bytes = 32 << 20;
  // Inflate the part on a second thread, a few MiB ahead of the scanner
  // (core/read_ahead_file.h): about max(inflate, scan) instead of their sum.
  // Default: true.
  bool read_ahead = true;
};

// Reads the shared-strings part `part` (WorkbookInfo::shared_strings_part);
// "" gives the empty table. `zip` is used by this thread only, and by the
// read-ahead thread while this call runs.
Result<SharedStrings> ReadSharedStrings(ZipArchive* zip, std::string_view part,
                                        const SharedStringsOptions& options = {});

// Decodes Excel's _xHHHH_ escapes in place (see above); returns the new
// length, never more than `size`. The sheet row parser decodes inline
// strings' escapes with it too.
size_t DecodeOoxmlEscapes(char* text, size_t size);

}  // namespace flexpipe
