#include "write/xlsx/parallel_deflate.h"

#include <zlib.h>

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace flexpipe {
namespace parallel_deflate_test {
namespace {

// Sheet-like, compressible, not trivially repetitive: ~`bytes` of rows.
std::string SampleXml(size_t bytes) {
  std::string s;
  uint64_t x = 88172645463325252ull;
  for (uint64_t row = 1; s.size() < bytes; ++row) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    s += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) +
         "\" t=\"inlineStr\"><is><t>" + std::to_string(x % 100000) + " MAIN ST</t></is></c><c r=\"B" +
         std::to_string(row) + "\"><v>" + std::to_string(x % 977) + "</v></c></row>";
  }
  return s;
}

// Raw inflate with zlib; empty optional when the stream is not valid.
std::optional<std::string> Inflate(const std::string& compressed) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return std::nullopt;
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  int rc = Z_OK;
  char buffer[1 << 16];
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
  }
  const bool whole = rc == Z_STREAM_END && z.avail_in == 0;
  inflateEnd(&z);
  if (!whole) return std::nullopt;
  return out;
}

struct Compressed {
  std::string bytes;
  DeflateTotals totals;
};

Compressed Deflate(const std::string& input, int threads, size_t chunk, size_t write_size = 1000) {
  Compressed c;
  ParallelDeflateOptions options;
  options.threads = threads;
  options.chunk_bytes = chunk;
  ParallelDeflate deflate(options, [&](std::string_view bytes) {
    c.bytes.append(bytes);
    return Status::Ok();
  });
  for (size_t at = 0; at < input.size(); at += write_size) {
    EXPECT_TRUE(deflate.Write(std::string_view(input).substr(at, write_size)).ok());
  }
  auto totals = deflate.Finish();
  EXPECT_TRUE(totals.ok()) << totals.status().ToString();
  if (totals.ok()) c.totals = *totals;
  return c;
}

uint32_t Crc(const std::string& s) {
  return static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

TEST(ParallelDeflate, ChunksJoinIntoOneStreamThatInflatesToTheInput) {
  const std::string input = SampleXml(3'000'000);
  const Compressed c = Deflate(input, 2, 64 * 1024);
  const auto back = Inflate(c.bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, input);
  EXPECT_EQ(c.totals.crc32, Crc(input));
  EXPECT_EQ(c.totals.in_bytes, input.size());
  EXPECT_EQ(c.totals.out_bytes, c.bytes.size());
  EXPECT_LT(c.bytes.size(), input.size() / 3);
}

TEST(ParallelDeflate, TheBytesDoNotDependOnTheThreads) {
  const std::string input = SampleXml(1'500'000);
  const std::string one = Deflate(input, 1, 64 * 1024).bytes;
  EXPECT_EQ(Deflate(input, 2, 64 * 1024).bytes, one);
  EXPECT_EQ(Deflate(input, 4, 64 * 1024, 77'777).bytes, one);  // nor on how the input is handed over
}

TEST(ParallelDeflate, ThePreviousChunkPrimesTheNextSoTheRatioIsThatOfOneStream) {
  const std::string input = SampleXml(1'000'000);
  const size_t chunked = Deflate(input, 2, 32 * 1024).bytes.size();
  const size_t whole = Deflate(input, 1, 2'000'000).bytes.size();
  EXPECT_LT(static_cast<double>(chunked), whole * 1.02);
}

TEST(ParallelDeflate, AnEmptyStreamAndAStreamAfterAnotherAreValid) {
  std::vector<std::string> streams(3);
  size_t current = 0;
  ParallelDeflate deflate({}, [&](std::string_view bytes) {
    streams[current].append(bytes);
    return Status::Ok();
  });
  auto empty = deflate.Finish();
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->in_bytes, 0u);
  EXPECT_EQ(empty->crc32, 0u);
  current = 1;
  ASSERT_TRUE(deflate.Write("first stream").ok());
  ASSERT_TRUE(deflate.Finish().ok());
  current = 2;
  ASSERT_TRUE(deflate.Write("second").ok());
  auto second = deflate.Finish();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->crc32, Crc("second"));
  EXPECT_EQ(Inflate(streams[0]), std::string());
  EXPECT_EQ(Inflate(streams[1]), "first stream");
  EXPECT_EQ(Inflate(streams[2]), "second");  // stands alone: no history from the first
}

TEST(ParallelDeflate, ASinkFailureIsReturnedAndSticks) {
  int calls = 0;
  ParallelDeflateOptions options;
  options.chunk_bytes = 32 * 1024;
  options.threads = 2;
  ParallelDeflate deflate(options, [&](std::string_view) {
    return ++calls == 2 ? Status(ErrorCode::kOutputError, "disk full") : Status::Ok();
  });
  const std::string input = SampleXml(1'000'000);
  Status first_error;
  for (size_t at = 0; at < input.size() && first_error.ok(); at += 4096) {
    first_error = deflate.Write(std::string_view(input).substr(at, 4096));
  }
  if (first_error.ok()) first_error = deflate.Finish().status();
  ASSERT_FALSE(first_error.ok());
  EXPECT_EQ(first_error.message(), "disk full");
  EXPECT_FALSE(deflate.Write("more").ok());
  EXPECT_FALSE(deflate.Finish().ok());
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace parallel_deflate_test
}  // namespace flexpipe
