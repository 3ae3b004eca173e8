// Text encodings of delimited files and their conversion to UTF-8, the only
// encoding the rest of the pipeline sees.
//
// Detection (DetectEncoding) looks at the first bytes of a file, the "probe"
// (64 KiB when read through Utf8Input):
//   - a byte-order mark decides: EF BB BF is UTF-8, FF FE is UTF-16LE, FE FF is
//     UTF-16BE. UTF-32 marks are refused (kBadEncoding).
//   - no mark, but NUL bytes on alternate bytes: UTF-16 without a mark. Refused
//     with kBadEncoding and an explanation; guessing the byte order is unsafe.
//   - otherwise UTF-8 when the probe is valid UTF-8, else Windows-1252 for the
//     whole file: Excel on Windows saves "CSV" in the ANSI code page, and
//     cp1252 gives every byte a meaning.
//
// Decoding (DecodeToUtf8) is stateless and streaming: it converts the longest
// prefix of its input made of whole characters and leaves an incomplete
// character at the end for the next call (unless the input is final), so where
// chunk boundaries fall never changes the output. Malformed input never fails:
// in UTF-8 input each byte of an invalid sequence is decoded as Windows-1252
// (so a stray cp1252 byte beyond the probe still comes out right), and in
// UTF-16 input an unpaired surrogate or a dangling final byte becomes U+FFFD.
// The output is always valid UTF-8. A NUL character stops decoding: text files
// do not contain one, so the caller reports a binary file (kBadEncoding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "flexpipe/status.h"

namespace flexpipe {

enum class TextEncoding : uint8_t { kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };

// "UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252".
std::string_view EncodingName(TextEncoding encoding);

struct EncodingDetection {
  TextEncoding encoding = TextEncoding::kUtf8;
  size_t bom_bytes = 0;  // length of the byte-order mark to skip (0 when none)
};

// Decides the encoding from the first bytes of a file. `whole_file` says that
// `head` is the entire file; otherwise a character cut off at its end is not
// held against UTF-8. kBadEncoding for UTF-32 and for UTF-16 without a mark.
Result<EncodingDetection> DetectEncoding(std::string_view head, bool whole_file);

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code
// points above U+10FFFF). An incomplete character at the very end is accepted
// when `allow_truncated_end`.
bool IsValidUtf8(std::string_view text, bool allow_truncated_end);

struct DecodeResult {
  size_t consumed = 0;          // input bytes converted
  size_t produced = 0;          // UTF-8 bytes written
  bool stopped_at_nul = false;  // input[consumed] starts a NUL character
};

// Room DecodeToUtf8 needs for `input_bytes` bytes of input: one input byte
// never yields more than three bytes of UTF-8.
constexpr size_t MaxDecodedSize(size_t input_bytes) { return 3 * input_bytes; }

// Converts a prefix of `in` to UTF-8 at `out`, which has room for
// MaxDecodedSize(in.size()) bytes. Stops before a NUL character, and before an
// incomplete character at the end of `in` unless `final` (see above).
DecodeResult DecodeToUtf8(TextEncoding encoding, std::string_view in, bool final, char* out);

}  // namespace flexpipe
