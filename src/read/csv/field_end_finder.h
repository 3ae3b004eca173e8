// Finds where an unquoted CSV field ends: the first delimiter, LF or CR.
//
// PERF: this is the parser's inner loop. Fields in property exports are short
// (10-20 bytes), so one 16-byte SSE2 comparison (part of the x86-64 baseline)
// usually finds the end; a scalar loop handles the last bytes before `end` so
// nothing past the buffer is ever read. Other targets use the scalar loop.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace flexpipe {

class FieldEndFinder {
 public:
  explicit FieldEndFinder(char delimiter) : delimiter_(delimiter) {}

  // The first byte in [p, end) that is the delimiter, '\n' or '\r'; `end` if none.
  char* Find(char* p, char* end) const {
#if defined(__SSE2__)
    const __m128i delimiter = _mm_set1_epi8(delimiter_);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    while (end - p >= 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter),
                                        _mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
      const int mask = _mm_movemask_epi8(hits);
      if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
      p += 16;
    }
#endif
    for (; p != end; ++p) {
      if (*p == delimiter_ || *p == '\n' || *p == '\r') return p;
    }
    return end;
  }

 private:
  char delimiter_;
};

}  // namespace flexpipe
