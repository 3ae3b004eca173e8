#include "read/csv/encoding.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "core/utf8.h"

namespace flexpipe {
namespace {

// Windows-1252 bytes 0x80..0x9F; the five bytes the code page leaves undefined
// map to the C1 control of the same value (as the WHATWG Encoding Standard).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};
constexpr char32_t kReplacement = 0xFFFD;

// Writes `cp` as UTF-8 at `out`; returns the end.
char* AppendUtf8(char32_t cp, char* out) { return out + EncodeUtf8(static_cast<uint32_t>(cp), out); }

char32_t Cp1252ToCodePoint(unsigned char b) { return (b >= 0x80 && b < 0xA0) ? kCp1252High[b - 0x80] : b; }

// The UTF-8 sequence starting at p, with n >= 1 bytes available: its length
// when well-formed (Unicode table 3-7), 0 when malformed, -1 when it is a
// well-formed prefix cut off by the end of the input.
int Utf8SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return 1;
  int len = 0;
  unsigned char lo = 0x80;  // allowed range of the second byte
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (n < 2) return -1;
  if (p[1] < lo || p[1] > hi) return 0;
  for (int i = 2; i < len; ++i) {
    if (static_cast<size_t>(i) >= n) return -1;
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return len;
}

// True when the 8 bytes at p are ASCII and none of them is NUL.
bool IsPlainAscii8(const unsigned char* p) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  const uint64_t has_zero = (v - kOnes) & ~v;  // high bit set in some byte iff a byte is zero
  return ((v | has_zero) & kHigh) == 0;
}

DecodeResult DecodeUtf8(std::string_view in, bool final, char* out) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = begin + in.size();
  const auto* p = begin;
  char* o = out;
  DecodeResult result;
  while (p < end) {
    while (end - p >= 8 && IsPlainAscii8(p)) {
      std::memcpy(o, p, 8);
      p += 8;
      o += 8;
    }
    if (p == end) break;
    const unsigned char b = *p;
    if (b == 0) {
      result.stopped_at_nul = true;
      break;
    }
    if (b < 0x80) {
      *o++ = static_cast<char>(b);
      ++p;
      continue;
    }
    const int len = Utf8SequenceLength(p, static_cast<size_t>(end - p));
    if (len < 0 && !final) break;  // the rest of the character comes with the next input
    if (len > 0) {
      std::memcpy(o, p, static_cast<size_t>(len));
      o += len;
      p += len;
    } else {
      o = AppendUtf8(Cp1252ToCodePoint(b), o);
      ++p;
    }
  }
  result.consumed = static_cast<size_t>(p - begin);
  result.produced = static_cast<size_t>(o - out);
  return result;
}

DecodeResult DecodeCp1252(std::string_view in, char* out) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = begin + in.size();
  const auto* p = begin;
  char* o = out;
  DecodeResult result;
  while (p < end) {
    while (end - p >= 8 && IsPlainAscii8(p)) {
      std::memcpy(o, p, 8);
      p += 8;
      o += 8;
    }
    if (p == end) break;
    if (*p == 0) {
      result.stopped_at_nul = true;
      break;
    }
    o = AppendUtf8(Cp1252ToCodePoint(*p++), o);
  }
  result.consumed = static_cast<size_t>(p - begin);
  result.produced = static_cast<size_t>(o - out);
  return result;
}

DecodeResult DecodeUtf16(std::string_view in, bool big_endian, bool final, char* out) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(in.data());
  const auto* const end = begin + in.size();
  const auto unit = [big_endian](const unsigned char* u) -> char32_t {
    return big_endian ? (char32_t{u[0]} << 8) | u[1] : (char32_t{u[1]} << 8) | u[0];
  };
  const auto* p = begin;
  char* o = out;
  DecodeResult result;
  while (end - p >= 2) {
    const char32_t u = unit(p);
    if (u == 0) {
      result.stopped_at_nul = true;
      break;
    }
    if (u < 0x80) {
      *o++ = static_cast<char>(u);
      p += 2;
    } else if (u >= 0xD800 && u <= 0xDBFF) {  // high surrogate: a pair makes one character
      if (end - p < 4) {
        if (!final) break;
        o = AppendUtf8(kReplacement, o);
        p += 2;
        continue;
      }
      const char32_t low = unit(p + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        o = AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), o);
        p += 4;
      } else {
        o = AppendUtf8(kReplacement, o);
        p += 2;
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {  // low surrogate without a high one
      o = AppendUtf8(kReplacement, o);
      p += 2;
    } else {
      o = AppendUtf8(u, o);
      p += 2;
    }
  }
  if (final && !result.stopped_at_nul && end - p == 1) {  // an odd final byte
    o = AppendUtf8(kReplacement, o);
    ++p;
  }
  result.consumed = static_cast<size_t>(p - begin);
  result.produced = static_cast<size_t>(o - out);
  return result;
}

}  // namespace

std::string_view EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kWindows1252:
      return "Windows-1252";
  }
  return "unknown";
}

bool IsValidUtf8(std::string_view text, bool allow_truncated_end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const int len = Utf8SequenceLength(p, static_cast<size_t>(end - p));
    if (len < 0) return allow_truncated_end;
    if (len == 0) return false;
    p += len;
  }
  return true;
}

Result<EncodingDetection> DetectEncoding(std::string_view head, bool whole_file) {
  const auto starts_with = [head](std::string_view magic) { return head.substr(0, magic.size()) == magic; };
  if (starts_with("\xEF\xBB\xBF")) return EncodingDetection{TextEncoding::kUtf8, 3};
  if (starts_with(std::string_view("\xFF\xFE\0\0", 4)) || starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
    return Status(ErrorCode::kBadEncoding,
                  "file is UTF-32 (it starts with a UTF-32 byte-order mark), which is not supported; "
                  "save it as UTF-8");
  }
  if (starts_with("\xFF\xFE")) return EncodingDetection{TextEncoding::kUtf16Le, 2};
  if (starts_with("\xFE\xFF")) return EncodingDetection{TextEncoding::kUtf16Be, 2};

  // UTF-16 text without a mark: mostly ASCII, so one byte of most code units is
  // NUL, always on the same side. Stray NULs elsewhere are left to decoding,
  // which reports them with the row they are in.
  size_t zeros[2] = {0, 0};  // NUL bytes at even and odd offsets
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0') ++zeros[i & 1];
  }
  const size_t units = head.size() / 2;
  const size_t more = std::max(zeros[0], zeros[1]);
  const size_t fewer = std::min(zeros[0], zeros[1]);
  if (units > 0 && more * 4 >= units && fewer * 8 <= more) {
    return Status(
        ErrorCode::kBadEncoding,
        fmt::format("file looks like UTF-16 ({}-endian) without a byte-order mark; save it as UTF-8 "
                    "(\"CSV UTF-8\" in Excel) or as UTF-16 with a byte-order mark",
                    zeros[1] > zeros[0] ? "little" : "big"));
  }
  const bool utf8 = IsValidUtf8(head, /*allow_truncated_end=*/!whole_file);
  return EncodingDetection{utf8 ? TextEncoding::kUtf8 : TextEncoding::kWindows1252, 0};
}

DecodeResult DecodeToUtf8(TextEncoding encoding, std::string_view in, bool final, char* out) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return DecodeUtf8(in, final, out);
    case TextEncoding::kWindows1252:
      return DecodeCp1252(in, out);
    case TextEncoding::kUtf16Le:
      return DecodeUtf16(in, /*big_endian=*/false, final, out);
    case TextEncoding::kUtf16Be:
      return DecodeUtf16(in, /*big_endian=*/true, final, out);
  }
  return DecodeResult{};
}

}  // namespace flexpipe
