// Where a generated file's bytes go: an AtomicFile (write/atomic_file.h:
// buffered, temporary file, rename on Commit — a generated file exists whole
// or not at all, and memory stays flat whatever its size), optionally
// transcoding UTF-8 to UTF-16LE without a byte order mark on the way (for the
// "corrupted" scenario's mis-encoded export).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/env.h"
#include "flexpipe/status.h"
#include "write/atomic_file.h"

namespace flexpipe::gen {

class OutputFile {
 public:
  enum class Encoding : uint8_t { kUtf8, kUtf16LeNoBom };

  // Creates missing parent folders.
  static Result<std::unique_ptr<OutputFile>> Create(FileSystem* fs, const std::filesystem::path& path,
                                                    Encoding encoding = Encoding::kUtf8);

  Status Append(std::string_view bytes);
  // Makes the written bytes the file's contents.
  Status Commit();

 private:
  OutputFile(std::unique_ptr<AtomicFile> file, Encoding encoding)
      : file_(std::move(file)), encoding_(encoding) {}

  std::unique_ptr<AtomicFile> file_;
  Encoding encoding_;
  std::string pending_;     // UTF-16 only: an incomplete UTF-8 sequence awaiting its tail
  std::string transcoded_;  // UTF-16 only: reused output buffer
};

// UTF-8 → UTF-16LE for the Basic Multilingual Plane; returns the number of
// input bytes consumed (a trailing incomplete sequence is left for later).
size_t AppendUtf16Le(std::string_view utf8, std::string* out);

}  // namespace flexpipe::gen
