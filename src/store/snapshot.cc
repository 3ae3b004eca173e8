#include "store/snapshot.h"

#include <bit>
#include <cstring>

#include <fmt/format.h>

#include "core/deflate.h"
#include "core/varint.h"

namespace flexpipe {
namespace {

static_assert(std::endian::native == std::endian::little, "snapshots store doubles little-endian");

void PutDouble(double x, std::string* out) {
  char bytes[sizeof x];
  std::memcpy(bytes, &x, sizeof x);
  out->append(bytes, sizeof x);
}

void PutBytes(std::string_view bytes, std::string* out) {
  AppendVarint(bytes.size(), out);
  out->append(bytes);
}

// Reads from the front of a chunk; any overrun sets ok = false.
struct Cursor {
  std::string_view rest;
  bool ok = true;

  uint64_t Varint() {
    uint64_t v = 0;
    const size_t n = DecodeVarint(rest, &v);
    if (n == 0) {
      ok = false;
      return 0;
    }
    rest.remove_prefix(n);
    return v;
  }
  uint8_t Byte() {
    if (rest.empty()) {
      ok = false;
      return 0;
    }
    const auto b = static_cast<uint8_t>(rest[0]);
    rest.remove_prefix(1);
    return b;
  }
  double Double() {
    double x = 0;
    if (rest.size() < sizeof x) {
      ok = false;
      return 0;
    }
    std::memcpy(&x, rest.data(), sizeof x);
    rest.remove_prefix(sizeof x);
    return x;
  }
  std::string_view Bytes() {
    const uint64_t n = Varint();
    if (!ok || n > rest.size()) {
      ok = false;
      return {};
    }
    std::string_view bytes = rest.substr(0, n);
    rest.remove_prefix(n);
    return bytes;
  }
};

}  // namespace

void AppendSnapshot(const Candidate& c, size_t components, std::string* out) {
  AppendVarint(c.id.sheet, out);
  AppendVarint(c.id.row, out);
  PutDouble(c.result.score, out);
  out->push_back(static_cast<char>(components));
  for (size_t i = 0; i < components; ++i) PutDouble(c.result.components[i], out);
  AppendVarint(c.result.flags, out);
  out->push_back(static_cast<char>(c.result.classification));
  PutBytes(c.key, out);
  PutBytes(c.packed_cells, out);
}

Result<uint64_t> ReadSnapshot(std::string_view chunk, uint32_t ordinal, size_t components,
                              CandidateSet* set) {
  Cursor in{chunk};
  uint64_t n = 0;
  ScoreResult r;
  r.candidate = true;
  while (in.ok && !in.rest.empty()) {
    RowId id;
    id.file = ordinal;
    id.sheet = static_cast<uint32_t>(in.Varint());
    id.row = in.Varint();
    r.score = in.Double();
    if (in.Byte() != components || components > kMaxComponents) in.ok = false;
    for (size_t i = 0; in.ok && i < components; ++i) r.components[i] = in.Double();
    r.flags = static_cast<uint32_t>(in.Varint());
    const uint8_t classification = in.Byte();
    if (classification > static_cast<uint8_t>(Classification::kUnlikelyFlex)) in.ok = false;
    r.classification = static_cast<Classification>(classification);
    const std::string_view key = in.Bytes();
    const std::string_view cells = in.Bytes();
    if (!in.ok) break;
    FP_RETURN_IF_ERROR(set->Add(id, r, cells, key));
    ++n;
  }
  if (!in.ok) {
    return Status(ErrorCode::kDatabaseError,
                  fmt::format("candidate snapshot: malformed after {} candidates", n));
  }
  return n;
}

Result<std::string> DeflateSnapshotChunk(std::string_view plain) {
  thread_local DeflateScratch scratch;
  std::string out;
  FP_RETURN_IF_ERROR(DeflateRaw(plain, DeflateCall{}, &scratch, &out));
  return out;
}

Result<std::string> InflateSnapshotChunk(std::string_view deflated) {
  constexpr size_t kMaxChunkBytes = 256u << 20;  // chunks are ~1 MiB; a bigger one is damage
  std::string out;
  if (Status s = InflateRaw(deflated, kMaxChunkBytes, &out); !s.ok()) {
    return Status(ErrorCode::kDatabaseError, "candidate snapshot: " + s.message());
  }
  return out;
}

SnapshotChunks::SnapshotChunks(const CandidateSet& set, size_t components)
    : set_(set), components_(components), builder_([this] { Build(); }) {}

SnapshotChunks::~SnapshotChunks() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  changed_.notify_all();
  builder_.join();
}

void SnapshotChunks::Build() {
  const size_t n = set_.size();
  std::string plain, scratch;
  Candidate candidate;
  size_t begin = 0;
  for (size_t i = 0; i < n; ++i) {
    Status loaded = set_.Load(i, &scratch, &candidate);
    if (loaded.ok()) AppendSnapshot(candidate, components_, &plain);
    if (loaded.ok() && plain.size() < kSnapshotChunkBytes && i + 1 < n) continue;
    Chunk chunk;
    chunk.begin = begin;
    chunk.end = i + 1;
    Result<std::string> deflated = DeflateSnapshotChunk(plain);
    if (!loaded.ok()) {
      chunk.status = std::move(loaded);
    } else if (deflated.ok()) {
      chunk.bytes = std::move(*deflated);
    } else {
      chunk.status = deflated.status();
    }
    plain.clear();
    begin = i + 1;
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return stopping_ || ready_.size() < kAhead; });
    if (stopping_) return;
    ready_.push_back(std::move(chunk));
    changed_.notify_all();
  }
  std::lock_guard lock(mu_);
  done_ = true;
  changed_.notify_all();
}

bool SnapshotChunks::Next(Chunk* chunk) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [&] { return done_ || !ready_.empty(); });
  if (ready_.empty()) return false;
  *chunk = std::move(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return true;
}

}  // namespace flexpipe
