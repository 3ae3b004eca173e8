#include "read/csv/utf8_input.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace flexpipe {

Utf8Input::Utf8Input(std::unique_ptr<SequentialFile> file, const Utf8InputOptions& options)
    : file_(std::move(file)), chunk_bytes_(std::max<size_t>(options.chunk_bytes, 1)) {}

Result<std::unique_ptr<Utf8Input>> Utf8Input::Open(std::unique_ptr<SequentialFile> file,
                                                   const Utf8InputOptions& options) {
  std::unique_ptr<Utf8Input> input(new Utf8Input(std::move(file), options));
  FP_RETURN_IF_ERROR(input->FillRaw(std::max<size_t>(options.probe_bytes, 4)));
  FP_ASSIGN_OR_RETURN(const EncodingDetection detection,
                      DetectEncoding({input->raw_.data(), input->raw_.size()}, input->raw_eof_));
  input->encoding_ = detection.encoding;
  input->bom_bytes_ = detection.bom_bytes;
  input->raw_.Consume(detection.bom_bytes);
  input->raw_offset_ = detection.bom_bytes;
  return input;
}

Status Utf8Input::FillRaw(size_t n) {
  raw_.EnsureSpare(n > raw_.size() ? n - raw_.size() : 0);
  while (!raw_eof_ && raw_.size() < n) {
    FP_ASSIGN_OR_RETURN(const size_t got,
                        file_->Read(raw_.spare(), std::min(raw_.spare_size(), n - raw_.size())));
    if (got == 0) raw_eof_ = true;
    raw_.Commit(got);
    bytes_read_ += got;
  }
  return Status::Ok();
}

bool Utf8Input::DecodeMore() {
  while (error_.ok()) {
    if (raw_.size() > 0) {
      text_.EnsureSpare(MaxDecodedSize(raw_.size()));
      const DecodeResult r = DecodeToUtf8(encoding_, {raw_.data(), raw_.size()}, raw_eof_, text_.spare());
      text_.Commit(r.produced);
      raw_.Consume(r.consumed);
      raw_offset_ += r.consumed;
      if (r.stopped_at_nul) {
        error_ = Status(
            ErrorCode::kBadEncoding,
            fmt::format("NUL byte at byte offset {}: is this a binary file rather than text?", raw_offset_));
        return r.produced > 0;
      }
      if (r.produced > 0) return true;
      // Nothing decoded: only the start of a character is left; read the rest.
    }
    if (raw_eof_) return false;
    // A single read: the buffer then holds at most one chunk (plus at most
    // three bytes of a character cut off by the previous one).
    raw_.EnsureSpare(chunk_bytes_);
    Result<size_t> got = file_->Read(raw_.spare(), chunk_bytes_);
    if (!got.ok()) {
      error_ = std::move(got).status();
      return false;
    }
    if (*got == 0) raw_eof_ = true;
    raw_.Commit(*got);
    bytes_read_ += *got;
  }
  return false;
}

std::string_view Utf8Input::Peek(size_t max_bytes) {
  while (text_.size() < max_bytes && DecodeMore()) {
  }
  return {text_.data(), std::min(max_bytes, text_.size())};
}

Result<size_t> Utf8Input::Read(char* out, size_t n) {
  while (text_.size() == 0) {
    if (!DecodeMore()) {
      if (!error_.ok()) return error_;
      return size_t{0};
    }
  }
  const size_t k = std::min(n, text_.size());
  std::memcpy(out, text_.data(), k);
  text_.Consume(k);
  return k;
}

}  // namespace flexpipe
