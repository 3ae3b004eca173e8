// A small, stable 64-bit hash (FNV-1a): the same value on every machine and
// in every build, so hashes may be stored (the store's distinct-value sets).
// Not for hash tables facing hostile keys.
#pragma once

#include <cstdint>
#include <string_view>

namespace flexpipe {

inline uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325u;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3u;
  }
  return h;
}

}  // namespace flexpipe
