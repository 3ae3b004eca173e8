#include "write/xlsx/zip_writer.h"

#include <utility>

#include <fmt/format.h>

namespace flexpipe {
namespace {

constexpr uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr uint32_t kDataDescriptorSignature = 0x08074b50;
constexpr uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr uint32_t kZip64EndSignature = 0x06064b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint16_t kZip64ExtraId = 0x0001;
constexpr uint16_t kVersion20 = 20;  // deflate
constexpr uint16_t kVersion45 = 45;  // ZIP64
constexpr uint16_t kFlagDataDescriptor = 0x0008;
constexpr uint16_t kMethodDeflate = 8;
constexpr uint16_t kDosTime = 0;                        // 00:00:00
constexpr uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint32_t kMax32 = 0xFFFFFFFF;
constexpr uint16_t kMax16 = 0xFFFF;

// Little-endian fields, appended.
class Bytes {
 public:
  Bytes& U16(uint16_t v) { return Le(v, 2); }
  Bytes& U32(uint32_t v) { return Le(v, 4); }
  Bytes& U64(uint64_t v) { return Le(v, 8); }
  Bytes& Text(std::string_view s) {
    out_.append(s);
    return *this;
  }
  const std::string& str() const { return out_; }
  size_t size() const { return out_.size(); }

 private:
  Bytes& Le(uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
    return *this;
  }
  std::string out_;
};

uint32_t Clamp32(uint64_t v) { return v >= kMax32 ? kMax32 : static_cast<uint32_t>(v); }

}  // namespace

ZipWriter::ZipWriter(AtomicFile* file, const ParallelDeflateOptions& deflate, bool zip64)
    : file_(file), deflate_(deflate, [this](std::string_view bytes) { return Put(bytes); }), zip64_(zip64) {}

Status ZipWriter::Fail(std::string message) {
  if (error_.ok()) error_ = Status(ErrorCode::kOutputError, std::move(message));
  return error_;
}

Status ZipWriter::Put(std::string_view bytes) {
  if (Status s = file_->Append(bytes); !s.ok()) {
    if (error_.ok()) error_ = s;
    return error_;
  }
  offset_ += bytes.size();
  return Status::Ok();
}

Status ZipWriter::BeginEntry(std::string_view name) {
  if (!error_.ok()) return error_;
  if (finished_) return Fail("archive already finished");
  FP_RETURN_IF_ERROR(EndEntry());
  entries_.push_back(Entry{std::string(name), offset_, 0, 0, 0});
  Bytes h;
  h.U32(kLocalHeaderSignature)
      .U16(zip64_ ? kVersion45 : kVersion20)
      .U16(kFlagDataDescriptor)
      .U16(kMethodDeflate)
      .U16(kDosTime)
      .U16(kDosDate)
      .U32(0)                    // CRC-32: in the descriptor
      .U32(zip64_ ? kMax32 : 0)  // sizes: in the descriptor (ZIP64: in the extra field)
      .U32(zip64_ ? kMax32 : 0)
      .U16(static_cast<uint16_t>(name.size()))
      .U16(zip64_ ? 20 : 0)
      .Text(name);
  if (zip64_) h.U16(kZip64ExtraId).U16(16).U64(0).U64(0);
  in_entry_ = true;
  return Put(h.str());
}

Status ZipWriter::Write(std::string_view data) {
  if (!error_.ok()) return error_;
  if (!in_entry_) return Fail("no ZIP entry to write to");
  if (Status s = deflate_.Write(data); !s.ok()) return error_ = s;
  return Status::Ok();
}

Status ZipWriter::AddEntry(std::string_view name, std::string_view data) {
  FP_RETURN_IF_ERROR(BeginEntry(name));
  return Write(data);
}

Status ZipWriter::EndEntry() {
  if (!in_entry_) return Status::Ok();
  in_entry_ = false;
  Result<DeflateTotals> totals = deflate_.Finish();
  if (!totals.ok()) {
    if (error_.ok()) error_ = totals.status();
    return error_;
  }
  Entry& e = entries_.back();
  e.crc32 = totals->crc32;
  e.compressed = totals->out_bytes;
  e.uncompressed = totals->in_bytes;
  Bytes d;
  d.U32(kDataDescriptorSignature).U32(e.crc32);
  if (zip64_) {
    d.U64(e.compressed).U64(e.uncompressed);
  } else {
    if (e.compressed >= kMax32 || e.uncompressed >= kMax32) {
      return Fail(fmt::format("workbook part {} passes 4 GiB: it needs ZIP64", e.name));
    }
    d.U32(static_cast<uint32_t>(e.compressed)).U32(static_cast<uint32_t>(e.uncompressed));
  }
  return Put(d.str());
}

Status ZipWriter::Finish() {
  if (!error_.ok()) return error_;
  if (finished_) return Fail("archive already finished");
  FP_RETURN_IF_ERROR(EndEntry());
  finished_ = true;

  const uint64_t directory_offset = offset_;
  bool needs_zip64 = zip64_ || entries_.size() >= kMax16;
  Bytes dir;
  for (const Entry& e : entries_) {
    Bytes extra;
    if (e.uncompressed >= kMax32) extra.U64(e.uncompressed);
    if (e.compressed >= kMax32) extra.U64(e.compressed);
    if (e.offset >= kMax32) extra.U64(e.offset);
    const bool big = extra.size() > 0;
    needs_zip64 = needs_zip64 || big;
    const uint16_t version = zip64_ || big ? kVersion45 : kVersion20;
    dir.U32(kCentralHeaderSignature)
        .U16(version)  // made by: MS-DOS attributes (upper byte 0)
        .U16(version)
        .U16(kFlagDataDescriptor)
        .U16(kMethodDeflate)
        .U16(kDosTime)
        .U16(kDosDate)
        .U32(e.crc32)
        .U32(Clamp32(e.compressed))
        .U32(Clamp32(e.uncompressed))
        .U16(static_cast<uint16_t>(e.name.size()))
        .U16(static_cast<uint16_t>(big ? extra.size() + 4 : 0))
        .U16(0)  // comment
        .U16(0)  // disk
        .U16(0)  // internal attributes
        .U32(0)  // external attributes
        .U32(Clamp32(e.offset))
        .Text(e.name);
    if (big) dir.U16(kZip64ExtraId).U16(static_cast<uint16_t>(extra.size())).Text(extra.str());
  }
  FP_RETURN_IF_ERROR(Put(dir.str()));
  const uint64_t directory_bytes = dir.size();
  needs_zip64 = needs_zip64 || directory_offset >= kMax32 || directory_bytes >= kMax32;

  Bytes end;
  if (needs_zip64) {
    const uint64_t zip64_end_offset = offset_;
    end.U32(kZip64EndSignature)
        .U64(44)  // bytes of the record after this field
        .U16(kVersion45)
        .U16(kVersion45)
        .U32(0)
        .U32(0)
        .U64(entries_.size())
        .U64(entries_.size())
        .U64(directory_bytes)
        .U64(directory_offset);
    end.U32(kZip64LocatorSignature).U32(0).U64(zip64_end_offset).U32(1);
  }
  const uint16_t count = entries_.size() >= kMax16 ? kMax16 : static_cast<uint16_t>(entries_.size());
  end.U32(kEndSignature)
      .U16(0)
      .U16(0)
      .U16(count)
      .U16(count)
      .U32(Clamp32(directory_bytes))
      .U32(Clamp32(directory_offset))
      .U16(0);  // comment
  return Put(end.str());
}

}  // namespace flexpipe
