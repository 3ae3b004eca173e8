// SHA-256 (OpenSSL's libcrypto, hardware-accelerated where the CPU has the
// SHA extensions: ~1.8 GB/s on this project's machines). Used for input
// files' content hashes and for migration checksums: a digest anyone can
// re-check with `sha256sum`.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "flexpipe/status.h"

namespace flexpipe {

// Incremental hashing: Update() any number of times, then HexDigest() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  // 64 lowercase hex digits. Ends the hash: further calls are errors.
  Result<std::string> HexDigest();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace flexpipe
