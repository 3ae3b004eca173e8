#include "core/deflate.h"

#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include <algorithm>

#include <fmt/format.h>

namespace flexpipe {
namespace {

constexpr int kMaxLevel = 3;      // ISA-L's levels are 0 to 3
constexpr int kRawDeflate = -15;  // zlib windowBits for a stream without header

}  // namespace

DeflateScratch::DeflateScratch() : buffer_(ISAL_DEF_LVL3_DEFAULT) {}

Status DeflateRaw(std::string_view in, const DeflateCall& call, DeflateScratch* scratch, std::string* out) {
  isal_zstream z;
  isal_deflate_init(&z);
  z.level = static_cast<uint32_t>(std::clamp(call.level, 0, kMaxLevel));
  z.level_buf = scratch->data();
  z.level_buf_size = static_cast<uint32_t>(scratch->size());
  z.gzip_flag = IGZIP_DEFLATE;
  if (!call.dictionary.empty()) {
    std::string_view dict =
        call.dictionary.substr(call.dictionary.size() - std::min<size_t>(call.dictionary.size(), 32 * 1024));
    // ISA-L reads the dictionary without changing it; its API is not const.
    if (isal_deflate_set_dict(&z, reinterpret_cast<uint8_t*>(const_cast<char*>(dict.data())),
                              static_cast<uint32_t>(dict.size())) != COMP_OK) {
      return Status(ErrorCode::kInternal, "ISA-L: cannot set the deflate dictionary");
    }
  }
  // Incompressible input grows by a few bytes per stored block; a sync
  // flush adds an empty stored block.
  out->resize(in.size() + in.size() / 16 + 1024);
  z.next_in = reinterpret_cast<uint8_t*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uint32_t>(in.size());
  z.next_out = reinterpret_cast<uint8_t*>(out->data());
  z.avail_out = static_cast<uint32_t>(out->size());
  z.flush = call.final ? NO_FLUSH : SYNC_FLUSH;
  z.end_of_stream = call.final ? 1 : 0;
  const int rc = isal_deflate(&z);
  if (rc != COMP_OK || z.avail_in != 0 || (call.final && z.internal_state.state != ZSTATE_END)) {
    return Status(ErrorCode::kInternal, fmt::format("ISA-L: deflate failed ({})", rc));
  }
  out->resize(out->size() - z.avail_out);
  return Status::Ok();
}

Status InflateRaw(std::string_view in, size_t max_bytes, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, kRawDeflate) != Z_OK)
    return Status(ErrorCode::kInternal, "zlib: cannot start inflating");
  out->clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    const size_t have = out->size();
    if (have >= max_bytes) break;
    out->resize(std::min(max_bytes, std::max<size_t>(have * 2, in.size() * 4 + 4096)));
    z.next_out = reinterpret_cast<Bytef*>(out->data() + have);
    z.avail_out = static_cast<uInt>(out->size() - have);
    rc = inflate(&z, Z_NO_FLUSH);
    out->resize(out->size() - z.avail_out);
  }
  const bool whole = rc == Z_STREAM_END && z.avail_in == 0;
  inflateEnd(&z);
  if (!whole) return Status(ErrorCode::kCorruptFile, "damaged compressed data");
  return Status::Ok();
}

}  // namespace flexpipe
