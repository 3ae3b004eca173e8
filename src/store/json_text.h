// The little JSON the store writes into its TEXT columns (pass-through
// cells, headers, component scores, per-file column lists), and a reader for
// exactly that JSON. Unlike a general JSON library it keeps every byte: text
// that is not valid UTF-8 is written and read back unchanged (SQLite's JSON
// functions accept it), so a stored cell round-trips byte for byte. Numbers
// are written in their shortest round-trip form and read with from_chars, so
// a double round-trips exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"

namespace flexpipe {

// Appends "text" with `"`, `\` and control characters escaped.
void AppendJsonString(std::string_view text, std::string* out);
// Appends the shortest text that reads back as `x`; null when not finite.
void AppendJsonNumber(double x, std::string* out);
// Appends ["a","b",...].
void AppendJsonStringArray(const std::vector<std::string>& items, std::string* out);

// A cursor over JSON text. Each method skips white space first and returns
// false (consuming nothing useful) when the next token is not what it reads.
class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : rest_(text) {}
  // Consumes `c` (one of [ ] { } , :) when it is next.
  bool Consume(char c);
  bool Peek(char c);
  // A string with its escapes decoded (\uXXXX, surrogate pairs included).
  bool ReadString(std::string* out);
  // A number, or null (read as NaN).
  bool ReadNumber(double* out);
  bool ReadUint(uint64_t* out);
  // Only white space is left.
  bool AtEnd();

 private:
  void SkipSpace();
  std::string_view rest_;
};

// ["a","b",...] → {"a","b",...}; kDatabaseError naming `what` when malformed.
Result<std::vector<std::string>> ParseJsonStringArray(std::string_view json, std::string_view what);

}  // namespace flexpipe
