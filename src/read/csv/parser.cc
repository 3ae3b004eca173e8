#include "read/csv/parser.h"

#include <cstring>

namespace flexpipe {
namespace {

// Rewrites the raw text of a quoted cell (`"a""b"c`) in place as its value
// (`a"bc`): drops the opening quote, turns "" into ", drops the closing quote
// and keeps what follows it. Returns the value's length, never more than
// `size`. The cell may lack its closing quote (unterminated at end of input).
size_t UnescapeInPlace(char* cell, size_t size, char quote) {
  const char* read = cell + 1;
  const char* const end = cell + size;
  char* write = cell;
  bool in_quotes = true;
  while (read != end) {
    if (in_quotes && *read == quote) {
      if (read + 1 != end && read[1] == quote) {
        *write++ = quote;
        read += 2;
      } else {
        in_quotes = false;
        ++read;
      }
    } else {
      *write++ = *read++;
    }
  }
  return static_cast<size_t>(write - cell);
}

}  // namespace

CsvParser::Outcome CsvParser::Next(std::span<char> data, bool final, CsvRecord* record, size_t* consumed) {
  record->cells.clear();
  record->unterminated_quote = false;
  escaped_.clear();
  char* const begin = data.data();
  char* const end = begin + data.size();
  if (begin == end) return final ? Outcome::kEnd : Outcome::kIncomplete;

  const char quote = dialect_.quote;
  const char delimiter = dialect_.delimiter;
  char* p = begin;
  while (true) {
    // p is at the start of a cell.
    char* const cell = p;
    if (p != end && *p == quote) {
      bool escaped = false;  // the raw text needs UnescapeInPlace()
      char* q = p + 1;
      while (true) {
        q = static_cast<char*>(std::memchr(q, quote, static_cast<size_t>(end - q)));
        if (q == nullptr) {  // no closing quote in the data
          if (!final) return Outcome::kIncomplete;
          record->unterminated_quote = true;
          escaped = true;
          p = end;
          break;
        }
        if (q + 1 == end) {  // a closing quote, or the first of a "" pair cut off by the end
          if (!final) return Outcome::kIncomplete;
          p = end;
          break;
        }
        if (q[1] == quote) {
          escaped = true;
          q += 2;
          continue;
        }
        p = q + 1;
        break;
      }
      if (p != end && *p != delimiter && *p != '\n' && *p != '\r') {
        escaped = true;  // text after the closing quote
        p = finder_.Find(p, end);
      }
      if (escaped) {
        escaped_.push_back(record->cells.size());
        record->cells.emplace_back(cell, static_cast<size_t>(p - cell));
      } else {
        record->cells.emplace_back(cell + 1, static_cast<size_t>(p - cell) - 2);
      }
    } else {
      p = finder_.Find(p, end);
      record->cells.emplace_back(cell, static_cast<size_t>(p - cell));
    }

    // p is at the delimiter or line break after the cell, or at the end.
    if (p == end) {
      if (!final) return Outcome::kIncomplete;
      break;
    }
    if (*p == delimiter) {
      ++p;
      continue;
    }
    if (*p == '\n') {
      ++p;
      break;
    }
    // CR: alone, or the first half of CRLF; the next byte decides.
    if (p + 1 == end) {
      if (!final) return Outcome::kIncomplete;
      ++p;
      break;
    }
    p += (p[1] == '\n') ? 2 : 1;
    break;
  }

  // The record is complete: now its bytes may change.
  for (const size_t i : escaped_) {
    char* const cell = begin + (record->cells[i].data() - begin);
    record->cells[i] = {cell, UnescapeInPlace(cell, record->cells[i].size(), quote)};
  }
  *consumed = static_cast<size_t>(p - begin);
  return Outcome::kRecord;
}

}  // namespace flexpipe
