#include "read/xlsx/zip_probe.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace flexpipe {
namespace {

constexpr size_t kEndRecordSize = 22;       // without the comment
constexpr size_t kMaxCommentSize = 65535;   // the comment length is 16 bits
constexpr size_t kZip64LocatorSize = 20;    // precedes the end record
constexpr size_t kZip64EndRecordSize = 56;  // without the extensible data
constexpr std::string_view kEmptyArchive =
    "PK\x05\x06";  // an archive with no entries starts with its end record
constexpr std::string_view kSpannedMarker = "PK\x07\x08";

uint16_t Le16(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return static_cast<uint16_t>(u[0] | (u[1] << 8));
}
uint32_t Le32(const char* p) { return Le16(p) | (static_cast<uint32_t>(Le16(p + 2)) << 16); }
uint64_t Le64(const char* p) { return Le32(p) | (static_cast<uint64_t>(Le32(p + 4)) << 32); }

Status Error(ErrorCode code, std::string message, const std::string& path) {
  return Status(code, std::move(message), Location{path, {}, 0, {}});
}

Status Truncated(const std::string& path, std::string_view detail) {
  return Error(ErrorCode::kCorruptFile,
               fmt::format("truncated or damaged archive (incomplete download?): {}", detail), path);
}

// Reads exactly n bytes at offset; a short read means the file changed size.
Status ReadExactly(RandomAccessFile* file, uint64_t offset, char* buf, size_t n, const std::string& path) {
  FP_ASSIGN_OR_RETURN(const size_t got, file->ReadAt(offset, buf, n));
  if (got != n) return Truncated(path, "the file is shorter than its size says (did it change while read?)");
  return Status::Ok();
}

Status CheckHead(RandomAccessFile* file, const std::string& path) {
  char head[8] = {};
  const size_t n = static_cast<size_t>(std::min<uint64_t>(file->size(), sizeof head));
  FP_RETURN_IF_ERROR(ReadExactly(file, 0, head, n, path));
  const std::string_view h(head, n);
  if (h == kOle2Magic) {
    return Error(ErrorCode::kUnsupportedFormat,
                 "the file is an OLE2 compound document, not an XLSX (ZIP) workbook: a password-protected "
                 "workbook (save it without a password) or a legacy .xls (save it as .xlsx)",
                 path);
  }
  const std::string_view h4 = h.substr(0, 4);
  if (h4 != kZipLocalHeaderMagic && h4 != kEmptyArchive && h4 != kSpannedMarker) {
    return Error(ErrorCode::kCorruptFile, "not an XLSX workbook: the file is not a ZIP archive", path);
  }
  return Status::Ok();
}

}  // namespace

Result<ZipDirectoryInfo> ProbeZipDirectory(RandomAccessFile* file, const std::string& path,
                                           uint64_t max_entries) {
  const uint64_t size = file->size();
  if (size == 0) return Error(ErrorCode::kEmptyFile, "the file is empty (0 bytes)", path);
  FP_RETURN_IF_ERROR(CheckHead(file, path));
  if (size < kEndRecordSize) return Truncated(path, "the file is too short to be a ZIP archive");

  // The end record sits in the last 22 + comment bytes; search backwards.
  const size_t tail_size = static_cast<size_t>(std::min<uint64_t>(size, kEndRecordSize + kMaxCommentSize));
  const uint64_t tail_offset = size - tail_size;
  std::vector<char> tail(tail_size);
  FP_RETURN_IF_ERROR(ReadExactly(file, tail_offset, tail.data(), tail_size, path));
  size_t end_pos = tail_size;  // not found
  for (size_t i = tail_size - kEndRecordSize + 1; i-- > 0;) {
    if (std::memcmp(tail.data() + i, kEmptyArchive.data(), 4) != 0) continue;
    const size_t comment = Le16(tail.data() + i + 20);
    if (i + kEndRecordSize + comment <= tail_size) {
      end_pos = i;
      break;
    }
  }
  if (end_pos == tail_size) return Truncated(path, "the end of the ZIP archive is missing");

  const char* end = tail.data() + end_pos;
  const uint16_t disk = Le16(end + 4);
  const uint16_t cd_disk = Le16(end + 6);
  ZipDirectoryInfo info;
  info.entries = Le16(end + 10);
  if ((disk != 0 && disk != 0xFFFF) || (cd_disk != 0 && cd_disk != 0xFFFF)) {
    return Error(ErrorCode::kUnsupportedFormat, "split (multi-part) ZIP archives are not supported", path);
  }

  // A ZIP64 archive has a locator right before the end record.
  const uint64_t end_offset = tail_offset + end_pos;
  if (end_offset >= kZip64LocatorSize) {
    char locator[kZip64LocatorSize];
    FP_RETURN_IF_ERROR(ReadExactly(file, end_offset - kZip64LocatorSize, locator, sizeof locator, path));
    if (std::memcmp(locator, "PK\x06\x07", 4) == 0) {
      const uint64_t record_offset = Le64(locator + 8);
      if (record_offset > size || size - record_offset < kZip64EndRecordSize) {
        return Truncated(path, "the ZIP64 end record is outside the file");
      }
      char record[kZip64EndRecordSize];
      FP_RETURN_IF_ERROR(ReadExactly(file, record_offset, record, sizeof record, path));
      if (std::memcmp(record, "PK\x06\x06", 4) != 0)
        return Truncated(path, "the ZIP64 end record is damaged");
      info.zip64 = true;
      info.entries = Le64(record + 32);
    }
  }
  if (info.entries > max_entries) {
    return Error(
        ErrorCode::kResourceLimit,
        fmt::format("the archive has {} entries, more than the limit of {}", info.entries, max_entries),
        path);
  }
  return info;
}

}  // namespace flexpipe
