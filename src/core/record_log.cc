#include "core/record_log.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "core/varint.h"

namespace flexpipe {
namespace {

constexpr size_t kReadGuess = 512;  // bytes read at once from the file: most records

}  // namespace

SpillBudget::SpillBudget(FileSystem* fs, std::filesystem::path dir, int megabytes) {
  if (megabytes <= 0) return;
  budget_ = std::make_unique<MemoryBudget>(static_cast<uint64_t>(megabytes) << 20);
  options_ = SpillOptions{fs, std::move(dir), budget_.get()};
}

RecordLog::RecordLog(SpillOptions spill) : spill_(std::move(spill)) {}

RecordLog::~RecordLog() {
  if (spill_.budget != nullptr) spill_.budget->Release(reserved_);
}

Result<uint64_t> RecordLog::Append(std::string_view record) {
  char header[kMaxVarintBytes];
  const size_t header_size = EncodeVarint(record.size(), header);
  const uint64_t offset = size_;
  for (std::string_view part : {std::string_view(header, header_size), record}) {
    while (!part.empty()) {
      const uint64_t used = size_ - base_;
      if (used == chunks_.size() * kChunkBytes) FP_RETURN_IF_ERROR(MakeRoom());
      const size_t within = (size_ - base_) % kChunkBytes;
      const size_t n = std::min(part.size(), kChunkBytes - within);
      std::memcpy(chunks_[(size_ - base_) / kChunkBytes].get() + within, part.data(), n);
      size_ += n;
      part.remove_prefix(n);
    }
  }
  return offset;
}

Status RecordLog::MakeRoom() {
  if (spilled()) {  // the write buffer is full: out to the file
    FP_RETURN_IF_ERROR(file_->Append(std::string_view(chunks_[0].get(), kChunkBytes)));
    base_ += kChunkBytes;
    return Status::Ok();
  }
  if (spill_.budget != nullptr && !spill_.budget->TryReserve(kChunkBytes)) return Spill();
  if (spill_.budget != nullptr) reserved_ += kChunkBytes;
  chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
  return Status::Ok();
}

Status RecordLog::Spill() {
  FileSystem* fs = spill_.fs != nullptr ? spill_.fs : DefaultFileSystem();
  if (!spill_.dir.empty()) FP_RETURN_IF_ERROR(fs->CreateDirectories(spill_.dir));
  FP_ASSIGN_OR_RETURN(std::unique_ptr<ScratchFile> file, fs->CreateScratchFile(spill_.dir));
  for (size_t k = 0; k < chunks_.size(); ++k) {
    const uint64_t n = std::min<uint64_t>(kChunkBytes, size_ - base_ - k * kChunkBytes);
    FP_RETURN_IF_ERROR(file->Append(std::string_view(chunks_[k].get(), n)));
  }
  // Everything is in the file: one chunk stays, as the write buffer.
  if (chunks_.empty()) chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
  chunks_.resize(1);
  spill_.budget->Release(reserved_);
  reserved_ = 0;
  base_ = size_;
  file_ = std::move(file);
  return Status::Ok();
}

Status RecordLog::CopyOut(uint64_t offset, size_t n, char* dst) const {
  if (offset < base_) {
    const size_t from_file = static_cast<size_t>(std::min<uint64_t>(n, base_ - offset));
    FP_ASSIGN_OR_RETURN(const size_t got, file_->ReadAt(offset, dst, from_file));
    if (got != from_file) {
      return Status(ErrorCode::kIoError,
                    fmt::format("scratch file: {} bytes at {} came back as {}", from_file, offset, got));
    }
    offset += from_file;
    dst += from_file;
    n -= from_file;
  }
  while (n > 0) {
    const size_t within = (offset - base_) % kChunkBytes;
    const size_t m = std::min(n, kChunkBytes - within);
    std::memcpy(dst, chunks_[(offset - base_) / kChunkBytes].get() + within, m);
    offset += m;
    dst += m;
    n -= m;
  }
  return Status::Ok();
}

Status RecordLog::Read(uint64_t offset, std::string* scratch, std::string_view* record) const {
  if (offset >= size_) return Status(ErrorCode::kInternal, fmt::format("no record at {}", offset));
  uint64_t length = 0;
  if (offset >= base_) {  // in memory: a view, unless the record crosses chunks
    const size_t within = (offset - base_) % kChunkBytes;
    const std::string_view rest(
        chunks_[(offset - base_) / kChunkBytes].get() + within,
        static_cast<size_t>(std::min<uint64_t>(kChunkBytes - within, size_ - offset)));
    const size_t header = DecodeVarint(rest, &length);
    if (header > 0 && header + length <= rest.size()) {
      *record = rest.substr(header, static_cast<size_t>(length));
      return Status::Ok();
    }
  }
  const auto guess = static_cast<size_t>(std::min<uint64_t>(kReadGuess, size_ - offset));
  scratch->resize(guess);
  FP_RETURN_IF_ERROR(CopyOut(offset, guess, scratch->data()));
  const size_t header = DecodeVarint(*scratch, &length);
  if (header == 0 || offset + header + length > size_) {
    return Status(ErrorCode::kInternal, fmt::format("record log: damaged record at {}", offset));
  }
  const auto total = static_cast<size_t>(header + length);
  if (total > guess) {
    scratch->resize(total);
    FP_RETURN_IF_ERROR(CopyOut(offset + guess, total - guess, scratch->data() + guess));
  }
  *record = std::string_view(*scratch).substr(header, static_cast<size_t>(length));
  return Status::Ok();
}

void RecordLog::Prefetch(uint64_t offset) const {
  if (offset < base_ || offset >= size_) return;
  const char* p = chunks_[(offset - base_) / kChunkBytes].get() + (offset - base_) % kChunkBytes;
  for (size_t line = 0; line < 4; ++line) __builtin_prefetch(p + 64 * line);
}

}  // namespace flexpipe
