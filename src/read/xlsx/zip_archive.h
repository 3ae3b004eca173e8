// The ZIP container of an XLSX workbook, read through libzip.
//
// The archive is read through the FileSystem's RandomAccessFile (a libzip
// "function source"), never by file name, so fault-injection tests reach every
// read. Stored and deflated entries, ZIP64 archives and entries written with
// data descriptors are supported (libzip handles them).
//
// Entry names are OPC part names: matched case-insensitively (ASCII), with or
// without a leading '/', and a backslash counts as '/' (some producers write
// "xl\worksheets\sheet1.xml").
//
// Untrusted input. Open() refuses (all kCorruptFile unless noted, all located
// in the archive's path):
//   - an empty file (kEmptyFile), an OLE2 compound file — a password-protected
//     workbook or a legacy .xls (kUnsupportedFormat) — and anything that is not
//     a ZIP archive ("not an XLSX workbook: the file is not a ZIP archive");
//   - a ZIP archive whose end is missing or whose directory is damaged
//     ("truncated or damaged archive (incomplete download?)");
//   - more than ZipLimits::max_entries entries (kResourceLimit), checked from
//     the end record before libzip reads the directory;
//   - entry names that are absolute ("/x", "C:x"), contain a ".." segment or a
//     NUL, and two entries whose names are equal as part names ("duplicate").
// Reading an entry refuses: an encrypted entry (kUnsupportedFormat,
// "password-protected workbook: save it without a password"), a compression
// method other than stored/deflate (kUnsupportedFormat), damaged data or a
// CRC mismatch (kCorruptFile), and a zip bomb (kResourceLimit, see ZipLimits).
// Limits count the bytes actually inflated, never the sizes the directory
// declares (they may lie), so a bomb stops after at most
// max(ratio_grace_bytes, max_ratio * compressed size) bytes of one entry.
//
// Thread-safety: a ZipArchive and the entries opened from it must be used by
// one thread at a time (libzip archives are not thread-safe). Several entries
// of one archive may be open and read interleaved on that thread. To inflate
// two entries in parallel (shared strings and a sheet), open the workbook
// twice: each ZipArchive has its own file handle and libzip state.
// compressed_bytes_read() may be called from any thread.
//
// Memory: libzip's directory (about 100 bytes per entry plus names), a name
// index, a 64 KiB read-ahead buffer, and per open entry zlib's state (~40 KiB)
// and libzip's buffers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

struct ZipLimits {
  // Most bytes inflated from the archive in total, over every entry opened
  // through this ZipArchive (re-reading an entry counts again).
  // Default: 8 GiB — a 1,048,576-row sheet of 16 short columns is ~1 GiB.
  uint64_t max_total_inflated = 8ull << 30;
  // Most inflated bytes per compressed byte of one entry, checked as the
  // entry is read (against its compressed size: libzip never feeds the
  // inflater more than that). Real sheets and shared strings compress 5-20:1;
  // deflate cannot exceed about 1032:1. Default: 100.
  double max_ratio = 100.0;
  // Entries are exempt from the ratio check until this many bytes have been
  // inflated from them: small, very repetitive parts (styles, an empty
  // sheet) legitimately reach high ratios. Default: 10 MiB.
  uint64_t ratio_grace_bytes = 10 << 20;
  // Most entries in the archive. A workbook has ~10 + 2 per sheet.
  // Default: 20000.
  uint32_t max_entries = 20000;
};

class ZipArchive {
 public:
  // Opens the archive at `path` through `fs` and reads its directory. `fs`
  // must outlive the archive. Errors: see above; open errors as `fs` reports.
  static Result<std::unique_ptr<ZipArchive>> Open(FileSystem* fs, const std::filesystem::path& path,
                                                  const ZipLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // True when a (non-directory) entry has this part name; see matching above.
  bool Contains(std::string_view name) const;
  // The entry's name as stored in the archive, or "" when there is none.
  std::string_view StoredName(std::string_view name) const;
  // The inflated size the directory declares (untrusted: for pre-sizing
  // buffers, never for limits). kCorruptFile naming the part when missing.
  Result<uint64_t> UncompressedSize(std::string_view name) const;
  // Opens an entry for streaming: each Read() inflates at most what it is
  // asked for, enforcing the limits on the way. At the end of the entry the
  // CRC and size are verified (kCorruptFile on mismatch). kCorruptFile naming
  // the part when it is missing. The stream keeps the archive's internals
  // alive, but must be used on the archive's thread (see above).
  Result<std::unique_ptr<SequentialFile>> OpenEntry(std::string_view name);
  // Inflates a whole (small) entry. kResourceLimit when it is larger than
  // `max_bytes`; otherwise as OpenEntry() and Read().
  Result<std::string> ReadEntry(std::string_view name, size_t max_bytes);

  // Bytes read from the file so far, directory and read-ahead included (for
  // progress). Thread-safe.
  uint64_t compressed_bytes_read() const;
  // Bytes inflated from entries so far (what max_total_inflated counts).
  uint64_t inflated_bytes() const;
  // The archive's path, as given to Open() (for error locations).
  const std::string& path() const;
  // The names of the file entries, as stored, in directory order.
  std::vector<std::string> EntryNames() const;

  struct Impl;  // libzip state, shared with open entries

 private:
  explicit ZipArchive(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

// The canonical form of a part name used for lookups: leading '/' removed,
// '\' turned into '/', ASCII letters lower-cased.
std::string CanonicalPartName(std::string_view name);

}  // namespace flexpipe
