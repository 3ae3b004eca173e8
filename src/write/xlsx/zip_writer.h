// Writes a ZIP archive (PKWARE APPNOTE 6.3) front to back, for a workbook's
// parts: no seeking, so each entry's sizes and CRC follow its data in a data
// descriptor (general-purpose flag bit 3), and the central directory at the
// end has them all. Entries are deflated (method 8) through ParallelDeflate,
// all dated 1980-01-01 00:00 (the earliest DOS date), so the same entries give
// the same bytes.
//
// ZIP64: with `zip64` every entry's local header carries a ZIP64 extra field
// and its descriptor 8-byte sizes, so an entry may pass 4 GiB; the central
// directory uses ZIP64 fields wherever a size or offset needs them (and a
// ZIP64 end record then). Without it an entry that passes 4 GiB is an error
// (kOutputError), since its local header promised 4-byte sizes.
//
// Bytes go to an AtomicFile (not owned): the caller commits or abandons it.
// Errors are sticky. One thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "write/atomic_file.h"
#include "write/xlsx/parallel_deflate.h"

namespace flexpipe {

class ZipWriter {
 public:
  ZipWriter(AtomicFile* file, const ParallelDeflateOptions& deflate, bool zip64);

  // Starts an entry (ending the one before). Names are ASCII part names.
  Status BeginEntry(std::string_view name);
  // Adds bytes to the current entry.
  Status Write(std::string_view data);
  // A whole entry at once.
  Status AddEntry(std::string_view name, std::string_view data);
  // Ends the last entry and writes the central directory. The archive is
  // then complete in the file.
  Status Finish();

 private:
  struct Entry {
    std::string name;
    uint64_t offset = 0;  // of its local header
    uint32_t crc32 = 0;
    uint64_t compressed = 0;
    uint64_t uncompressed = 0;
  };

  Status EndEntry();
  Status Put(std::string_view bytes);
  Status Fail(std::string message);

  AtomicFile* file_;
  ParallelDeflate deflate_;
  bool zip64_;
  bool in_entry_ = false;
  bool finished_ = false;
  uint64_t offset_ = 0;  // bytes written so far
  std::vector<Entry> entries_;
  Status error_;
};

}  // namespace flexpipe
