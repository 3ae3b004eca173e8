#include "read/csv/encoding.h"

#include <random>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "read/csv/utf8_input.h"
#include "test_util.h"

namespace flexpipe {
namespace csv_encoding_test {
namespace {

using ::testing::HasSubstr;
using testing::Utf16;

// Decodes `in` in one call, as final input.
std::string DecodeWhole(TextEncoding encoding, std::string_view in) {
  std::string out(MaxDecodedSize(in.size()), '\0');
  const DecodeResult r = DecodeToUtf8(encoding, in, /*final=*/true, out.data());
  EXPECT_EQ(r.consumed, in.size());
  EXPECT_FALSE(r.stopped_at_nul);
  out.resize(r.produced);
  return out;
}

// Decodes `in` fed in pieces of `piece` bytes, carrying unconsumed bytes over
// as a streaming reader does.
std::string DecodeInPieces(TextEncoding encoding, std::string_view in, size_t piece) {
  std::string out;
  std::string pending;
  for (size_t pos = 0; pos < in.size() || !pending.empty();) {
    const size_t take = std::min(piece, in.size() - pos);
    pending.append(in.substr(pos, take));
    pos += take;
    const bool final = pos == in.size();
    std::string chunk(MaxDecodedSize(pending.size()), '\0');
    const DecodeResult r = DecodeToUtf8(encoding, pending, final, chunk.data());
    out.append(chunk.data(), r.produced);
    pending.erase(0, r.consumed);
    if (final && !pending.empty()) {
      ADD_FAILURE() << "final input not fully consumed";
      break;
    }
  }
  return out;
}

TEST(DetectEncodingTest, ByteOrderMarksDecide) {
  const auto detect = [](std::string_view head) { return DetectEncoding(head, /*whole_file=*/true); };
  auto utf8 = detect(
      "\xEF\xBB\xBF"
      "a,b");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8->encoding, TextEncoding::kUtf8);
  EXPECT_EQ(utf8->bom_bytes, 3u);
  auto le = detect(Utf16(u"a,b", false, true));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(le->bom_bytes, 2u);
  auto be = detect(Utf16(u"a,b", true, true));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(be->bom_bytes, 2u);
}

TEST(DetectEncodingTest, ValidUtf8WithoutMarkIsUtf8) {
  auto r = DetectEncoding("name,city\nJos\xC3\xA9,Miami\n", true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, TextEncoding::kUtf8);
  EXPECT_EQ(r->bom_bytes, 0u);
}

TEST(DetectEncodingTest, InvalidUtf8IsWindows1252) {
  auto r = DetectEncoding("name,city\nJos\xE9,Miami\n", true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, TextEncoding::kWindows1252);
}

TEST(DetectEncodingTest, CharacterCutOffAtTheEndOfAPartialProbeIsNotHeldAgainstUtf8) {
  const std::string head = "a,Jos\xC3";
  EXPECT_EQ(DetectEncoding(head, /*whole_file=*/false)->encoding, TextEncoding::kUtf8);
  EXPECT_EQ(DetectEncoding(head, /*whole_file=*/true)->encoding, TextEncoding::kWindows1252);
}

TEST(DetectEncodingTest, Utf16WithoutMarkIsRefusedWithAnExplanation) {
  for (const bool big_endian : {false, true}) {
    auto r = DetectEncoding(Utf16(u"address,city\n1 Main St,Miami\n", big_endian, false), true);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), ErrorCode::kBadEncoding);
    EXPECT_THAT(r.status().message(), HasSubstr("UTF-16"));
    EXPECT_THAT(r.status().message(), HasSubstr("without a byte-order mark"));
    EXPECT_THAT(r.status().message(), HasSubstr(big_endian ? "big-endian" : "little-endian"));
  }
}

TEST(DetectEncodingTest, Utf32IsRefused) {
  auto r = DetectEncoding(std::string("\xFF\xFE\0\0a\0\0\0", 8), true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kBadEncoding);
  EXPECT_THAT(r.status().message(), HasSubstr("UTF-32"));
}

TEST(DetectEncodingTest, AStrayNulIsLeftToDecoding) {
  std::string head(1000, 'a');
  head[500] = '\0';
  auto r = DetectEncoding(head, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, TextEncoding::kUtf8);
}

TEST(IsValidUtf8Test, RejectsMalformedSequences) {
  EXPECT_TRUE(IsValidUtf8("plain", false));
  EXPECT_TRUE(IsValidUtf8("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\xA2", false));  // é € 🏢
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF", false));                               // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF", false));                           // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80", false));                           // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80", false));                       // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80", false));                                   // lone continuation
  EXPECT_FALSE(IsValidUtf8("\xE2\x82x", false));                              // cut short
  EXPECT_FALSE(IsValidUtf8("\xE2\x82", false));
  EXPECT_TRUE(IsValidUtf8("\xE2\x82", true));
}

TEST(DecodeToUtf8Test, Utf8PassesThrough) {
  const std::string text =
      "Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\xA2, a long enough ASCII run to use the fast path";
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf8, text), text);
}

TEST(DecodeToUtf8Test, InvalidUtf8BytesAreDecodedAsWindows1252) {
  // 0xE9 is é and 0x80 is € in cp1252; neither is valid UTF-8 here.
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf8,
                        "Caf\xE9 \x80"
                        "5 \xC3\xA9"),
            "Caf\xC3\xA9 \xE2\x82\xAC"
            "5 \xC3\xA9");
  // A valid prefix cut short by the end of the final input.
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf8, "x\xE2\x82"), "x\xC3\xA2\xE2\x80\x9A");
}

TEST(DecodeToUtf8Test, Windows1252MapsEveryByte) {
  EXPECT_EQ(DecodeWhole(TextEncoding::kWindows1252, "\x80\x96\x99\xA0\xE9\xFF"),
            "\xE2\x82\xAC\xE2\x80\x93\xE2\x84\xA2\xC2\xA0\xC3\xA9\xC3\xBF");  // € – ™ nbsp é ÿ
  EXPECT_EQ(DecodeWhole(TextEncoding::kWindows1252, "\x81\x8D"),
            "\xC2\x81\xC2\x8D");  // undefined: C1 controls
  std::string all;
  for (int b = 1; b < 256; ++b) all += static_cast<char>(b);
  EXPECT_TRUE(IsValidUtf8(DecodeWhole(TextEncoding::kWindows1252, all), false));
}

TEST(DecodeToUtf8Test, Utf16IncludingSurrogatePairs) {
  const std::u16string text = u"Caf\u00E9 \u20AC \U0001F3E2 x";
  const std::string utf8 = "Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8F\xA2 x";
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf16Le, Utf16(text, false, false)), utf8);
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf16Be, Utf16(text, true, false)), utf8);
}

TEST(DecodeToUtf8Test, MalformedUtf16BecomesReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  const std::u16string lone_high = {u'a', 0xD83C, u'b'};
  const std::u16string lone_low = {u'a', 0xDFE2};
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf16Le, Utf16(lone_high, false, false)), "a" + fffd + "b");
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf16Le, Utf16(lone_low, false, false)), "a" + fffd);
  EXPECT_EQ(DecodeWhole(TextEncoding::kUtf16Le, Utf16(u"a", false, false) + "b"), "a" + fffd);  // odd length
}

TEST(DecodeToUtf8Test, StopsBeforeANul) {
  for (const TextEncoding encoding : {TextEncoding::kUtf8, TextEncoding::kWindows1252}) {
    const std::string in("abcdefghij\0k", 12);
    std::string out(MaxDecodedSize(in.size()), '\0');
    const DecodeResult r = DecodeToUtf8(encoding, in, true, out.data());
    EXPECT_TRUE(r.stopped_at_nul);
    EXPECT_EQ(r.consumed, 10u);
    EXPECT_EQ(out.substr(0, r.produced), "abcdefghij");
  }
  const std::string in = Utf16(std::u16string(u"ab\0c", 4), false, false);
  std::string out(MaxDecodedSize(in.size()), '\0');
  const DecodeResult r = DecodeToUtf8(TextEncoding::kUtf16Le, in, true, out.data());
  EXPECT_TRUE(r.stopped_at_nul);
  EXPECT_EQ(r.consumed, 4u);
}

TEST(DecodeToUtf8Test, ChunkBoundariesNeverChangeTheOutput) {
  std::mt19937 rng(20240601);
  const std::vector<std::string> utf8_pieces = {
      "a",    ",",    "\n",       "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x8F\xA2",
      "\xE9", "\x80", "\xE2\x82", "\xF0\x9F", "0123456789"};
  const std::vector<char16_t> utf16_units = {u'a', u',', u'\n', 0xE9, 0x20AC, 0xD83C, 0xDFE2, 0xDFE2, 0xD83C};
  for (int trial = 0; trial < 200; ++trial) {
    std::string utf8;
    std::u16string utf16;
    for (int i = 0; i < 40; ++i) {
      utf8 += utf8_pieces[rng() % utf8_pieces.size()];
      utf16 += utf16_units[rng() % utf16_units.size()];
    }
    const std::string le = Utf16(utf16, false, false) + (trial % 2 ? "x" : "");
    const std::string be = Utf16(utf16, true, false);
    for (const size_t piece : {1, 2, 3, 5, 7}) {
      EXPECT_EQ(DecodeInPieces(TextEncoding::kUtf8, utf8, piece), DecodeWhole(TextEncoding::kUtf8, utf8));
      EXPECT_EQ(DecodeInPieces(TextEncoding::kWindows1252, utf8, piece),
                DecodeWhole(TextEncoding::kWindows1252, utf8));
      EXPECT_EQ(DecodeInPieces(TextEncoding::kUtf16Le, le, piece), DecodeWhole(TextEncoding::kUtf16Le, le));
      EXPECT_EQ(DecodeInPieces(TextEncoding::kUtf16Be, be, piece), DecodeWhole(TextEncoding::kUtf16Be, be));
    }
  }
}

// Utf8Input on real files, with tiny chunks so characters straddle reads.
std::string ReadThrough(const std::filesystem::path& path, Utf8InputOptions options, size_t read_size,
                        TextEncoding* encoding, Status* error) {
  auto file = DefaultFileSystem()->OpenSequential(path);
  EXPECT_TRUE(file.ok());
  auto input = Utf8Input::Open(std::move(*file), options);
  if (!input.ok()) {
    *error = input.status();
    return "";
  }
  *encoding = (*input)->encoding();
  std::string out(read_size, '\0');
  std::string text;
  while (true) {
    auto got = (*input)->Read(out.data(), read_size);
    if (!got.ok()) {
      *error = got.status();
      break;
    }
    if (*got == 0) break;
    text.append(out.data(), *got);
  }
  return text;
}

TEST(Utf8InputTest, DecodesEachEncodingAcrossTinyChunks) {
  testing::TempDir dir;
  const std::u16string text16 = u"name,city\nCaf\u00E9 \U0001F3E2,\u20AC\n";
  const std::string utf8 = "name,city\nCaf\xC3\xA9 \xF0\x9F\x8F\xA2,\xE2\x82\xAC\n";
  const struct {
    std::string name;
    std::string bytes;
    TextEncoding encoding;
  } cases[] = {
      {"plain.csv", utf8, TextEncoding::kUtf8},
      {"bom8.csv", "\xEF\xBB\xBF" + utf8, TextEncoding::kUtf8},
      {"le.csv", Utf16(text16, false, true), TextEncoding::kUtf16Le},
      {"be.csv", Utf16(text16, true, true), TextEncoding::kUtf16Be},
  };
  for (const auto& c : cases) {
    const auto path = dir.Write(c.name, c.bytes);
    for (const size_t chunk : {1, 2, 3, 5, 64 << 10}) {
      for (const size_t read_size : {1, 3, 4096}) {
        TextEncoding encoding{};
        Status error;
        const std::string text =
            ReadThrough(path, {.probe_bytes = 4, .chunk_bytes = chunk}, read_size, &encoding, &error);
        EXPECT_TRUE(error.ok()) << error.ToString();
        EXPECT_EQ(encoding, c.encoding) << c.name;
        EXPECT_EQ(text, utf8) << c.name << " chunk " << chunk << " read " << read_size;
      }
    }
  }
}

TEST(Utf8InputTest, NulIsReportedAfterTheTextBeforeIt) {
  testing::TempDir dir;
  const auto path = dir.Write("nul.csv", std::string("a,b\n1,2\n3\0,4\n", 13));
  TextEncoding encoding{};
  Status error;
  const std::string text = ReadThrough(path, {}, 4096, &encoding, &error);
  EXPECT_EQ(text, "a,b\n1,2\n3");
  EXPECT_EQ(error.code(), ErrorCode::kBadEncoding);
  EXPECT_THAT(error.message(), HasSubstr("NUL byte at byte offset 9"));
  EXPECT_THAT(error.message(), HasSubstr("binary file"));
}

TEST(Utf8InputTest, PeekDoesNotConsume) {
  testing::TempDir dir;
  const auto path = dir.Write("p.csv",
                              "\xEF\xBB\xBF"
                              "abcdef");
  auto file = DefaultFileSystem()->OpenSequential(path);
  ASSERT_TRUE(file.ok());
  auto input = Utf8Input::Open(std::move(*file), {.probe_bytes = 2, .chunk_bytes = 1});
  ASSERT_TRUE(input.ok());
  EXPECT_EQ((*input)->Peek(4), "abcd");
  EXPECT_EQ((*input)->Peek(100), "abcdef");
  char buf[16];
  auto got = (*input)->Read(buf, sizeof buf);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(std::string(buf, *got), "abcdef");
  EXPECT_EQ((*input)->bytes_read(), 9u);
}

}  // namespace
}  // namespace csv_encoding_test
}  // namespace flexpipe
