// A small deterministic pseudo-random generator for synthetic test data:
// xoshiro256** seeded through splitmix64. The same seed yields the same
// sequence on every platform and standard library (std::*_distribution output
// is implementation-defined, so none is used), and everything here is integer
// arithmetic. Not for cryptography. Not thread-safe; use one per thread.
#pragma once

#include <cstdint>
#include <iterator>
#include <span>

namespace flexpipe::gen {

// splitmix64's finaliser: a well-mixed 64-bit hash of `x`.
constexpr uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Combines values into one seed: MixSeed(a, b, c) differs for any change of a, b or c.
constexpr uint64_t MixSeed(uint64_t a, uint64_t b) { return Mix64(a ^ Mix64(b + 0x632be59bd9b4e019ULL)); }
constexpr uint64_t MixSeed(uint64_t a, uint64_t b, uint64_t c) { return MixSeed(MixSeed(a, b), c); }

class Rng {
 public:
  explicit constexpr Rng(uint64_t seed) {
    for (uint64_t& word : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      word = Mix64(seed);
    }
  }

  constexpr uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n); 0 when n is 0. (The modulo bias is below 2^-40 for the
  // small ranges used here, and it is the same everywhere.)
  constexpr uint64_t Below(uint64_t n) { return n == 0 ? 0 : Next() % n; }
  // Uniform in [lo, hi], lo <= hi.
  constexpr int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability per_mille / 1000.
  constexpr bool Chance(uint32_t per_mille) { return Below(1000) < per_mille; }

  // A uniformly chosen element of an array or span (which must not be empty).
  template <typename Items>
  constexpr const auto& Pick(const Items& items) {
    return items[Below(std::size(items))];
  }

 private:
  static constexpr uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4] = {};
};

// Index into a table of relative weights (their sum must be > 0).
inline size_t PickWeighted(Rng& rng, std::span<const uint32_t> weights) {
  uint64_t total = 0;
  for (uint32_t w : weights) total += w;
  uint64_t r = rng.Below(total);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace flexpipe::gen
