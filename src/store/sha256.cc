#include "store/sha256.h"

#include <openssl/evp.h>

namespace flexpipe {

struct Sha256::Impl {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1;
  bool finished = false;
  ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {}

Sha256::~Sha256() = default;

void Sha256::Update(std::string_view bytes) {
  if (!impl_->ok || impl_->finished || bytes.empty()) return;
  impl_->ok = EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size()) == 1;
}

Result<std::string> Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!impl_->ok || impl_->finished || EVP_DigestFinal_ex(impl_->ctx, digest, &length) != 1) {
    return Status(ErrorCode::kInternal, "SHA-256 failed (libcrypto)");
  }
  impl_->finished = true;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 hash;
  hash.Update(bytes);
  auto hex = hash.HexDigest();
  return hex.ok() ? std::move(hex).value() : std::string();
}

}  // namespace flexpipe
