// Unsigned LEB128 varints (7 bits a byte, low bits first): the lengths in
// packed cells, candidate records, the record log and store snapshots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace flexpipe {

inline constexpr size_t kMaxVarintBytes = 10;

// Writes `n` at `out` (room for kMaxVarintBytes); its length in bytes.
inline size_t EncodeVarint(uint64_t n, char* out) {
  size_t i = 0;
  while (n >= 0x80) {
    out[i++] = static_cast<char>((n & 0x7f) | 0x80);
    n >>= 7;
  }
  out[i++] = static_cast<char>(n);
  return i;
}

inline void AppendVarint(uint64_t n, std::string* out) {
  char bytes[kMaxVarintBytes];
  out->append(bytes, EncodeVarint(n, bytes));
}

// Parses a varint from the front of `in`: its length in bytes, or 0 when
// `in` ends inside it or it runs past kMaxVarintBytes.
inline size_t DecodeVarint(std::string_view in, uint64_t* n) {
  *n = 0;
  for (size_t i = 0; i < in.size() && i < kMaxVarintBytes; ++i) {
    const auto b = static_cast<unsigned char>(in[i]);
    *n |= static_cast<uint64_t>(b & 0x7f) << (7 * i);
    if ((b & 0x80) == 0) return i + 1;
  }
  return 0;
}

}  // namespace flexpipe
