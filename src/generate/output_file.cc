#include "generate/output_file.h"

namespace flexpipe::gen {
namespace {

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

size_t AppendUtf16Le(std::string_view utf8, std::string* out) {
  size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const size_t len = SequenceLength(lead);
    if (i + len > utf8.size()) break;
    uint32_t cp = len == 1 ? lead : lead & (0x7Fu >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    if (cp > 0xFFFF) cp = 0xFFFD;  // outside the BMP: never generated
    out->push_back(static_cast<char>(cp & 0xFF));
    out->push_back(static_cast<char>(cp >> 8));
    i += len;
  }
  return i;
}

Result<std::unique_ptr<OutputFile>> OutputFile::Create(FileSystem* fs, const std::filesystem::path& path,
                                                       Encoding encoding) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::Create(fs, path));
  return std::unique_ptr<OutputFile>(new OutputFile(std::move(file), encoding));
}

Status OutputFile::Append(std::string_view bytes) {
  if (encoding_ == Encoding::kUtf8) return file_->Append(bytes);
  pending_.append(bytes);
  transcoded_.clear();
  pending_.erase(0, AppendUtf16Le(pending_, &transcoded_));
  return file_->Append(transcoded_);
}

Status OutputFile::Commit() { return file_->Commit(); }

}  // namespace flexpipe::gen
