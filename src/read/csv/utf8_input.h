// A file's text as UTF-8, read front to back through bounded buffers whatever
// the file's encoding (see encoding.h for detection and decoding rules).
//
// Open() reads the probe (the first 64 KiB) and decides the encoding; the
// byte-order mark is dropped. Read() then hands out UTF-8 in pieces of any
// size. Memory: the raw chunk plus its decoded text (at most 3x), whatever the
// file size. Used by one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/csv/byte_buffer.h"
#include "read/csv/encoding.h"

namespace flexpipe {

struct Utf8InputOptions {
  // Bytes read before deciding the encoding. Default: 64 KiB.
  size_t probe_bytes = 64 << 10;
  // File bytes per read after the probe. Default: 64 KiB.
  size_t chunk_bytes = 64 << 10;
};

class Utf8Input {
 public:
  // kBadEncoding for UTF-32 and UTF-16 without a byte-order mark; read errors
  // as the file system reports them. Encoding errors carry no location: the
  // caller knows the file name and the row.
  static Result<std::unique_ptr<Utf8Input>> Open(std::unique_ptr<SequentialFile> file,
                                                 const Utf8InputOptions& options = {});

  TextEncoding encoding() const { return encoding_; }
  size_t bom_bytes() const { return bom_bytes_; }

  // Up to `max_bytes` of the text not yet read, without consuming it; valid
  // until the next call. Shorter only at the end of the text, or before an
  // error, which the next Read() returns.
  std::string_view Peek(size_t max_bytes);

  // Copies up to n > 0 bytes of text to `out` and returns the count; 0 means
  // the end of the text. An error (a NUL byte: kBadEncoding; a read failure)
  // is returned once the text before it has been handed out, and again on
  // every later call. Pieces may split a multi-byte character.
  Result<size_t> Read(char* out, size_t n);

  // File bytes read so far, byte-order mark included (for progress).
  uint64_t bytes_read() const { return bytes_read_; }

  // The error decoding has stopped at (a NUL byte: kBadEncoding; a read
  // failure), once Peek() or Read() has reached it; OK until then. Read()
  // still hands out the text before it first.
  const Status& pending_error() const { return error_; }

 private:
  Utf8Input(std::unique_ptr<SequentialFile> file, const Utf8InputOptions& options);
  // Reads into raw_ until it holds `n` bytes or the file ends.
  Status FillRaw(size_t n);
  // Decodes more text into text_; false when no more will come (end of the
  // file, or error_ is set).
  bool DecodeMore();

  std::unique_ptr<SequentialFile> file_;
  size_t chunk_bytes_;
  TextEncoding encoding_ = TextEncoding::kUtf8;
  size_t bom_bytes_ = 0;
  ByteBuffer raw_;
  bool raw_eof_ = false;
  uint64_t raw_offset_ = 0;  // file offset of raw_.data()
  ByteBuffer text_;
  Status error_;  // sticky; reported after the text before it
  uint64_t bytes_read_ = 0;
};

}  // namespace flexpipe
