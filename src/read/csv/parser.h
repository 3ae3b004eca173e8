// The CSV record parser: RFC 4180 plus what real exports do.
//
//   - Cells are separated by the dialect's delimiter; records end with LF,
//     CRLF or a lone CR (old Mac), in any mix.
//   - A cell that starts with a quote is quoted: delimiters and line breaks
//     inside it are text (a record may span several lines), and "" stands for
//     one quote. Text after the closing quote is kept as is (`"ab"cd` is
//     `abcd`), as Excel and Python's csv module do.
//   - A quote anywhere else (`5" pipe`, ` "x"` with a leading space) is an
//     ordinary character.
//   - If the input ends inside a quoted cell, the cell runs to the end and the
//     record is flagged unterminated_quote.
//
// Cells are views into the caller's buffer. A quoted cell is unescaped in
// place (the result is never longer), and only once its record is known to be
// complete, so an incomplete record is left byte-for-byte as it was and can be
// parsed again after more data arrives. No allocation per cell or record: the
// record's vector is reused.
//
// State between calls is explicit and minimal: every call starts at a record
// boundary, and everything else lives in local variables of Next(). That is
// what a parallel reader needs (not implemented; the serial reader is fast
// enough for now). The plan, as in Arrow's and DuckDB's CSV readers:
//   1. A chunker splits the file into blocks that start and end on record
//      boundaries. Quote parity decides which line breaks are real: "" adds
//      two quotes, so a break is inside a quoted cell iff an odd number of
//      quotes precede it. Each block's quote count is computed in parallel and
//      a prefix sum gives each block's starting parity; the first real break
//      after a block's nominal start is its true start.
//   2. Blocks are parsed in parallel with this parser (final = true for each,
//      since they end on a boundary), each numbering its records from 0.
//   3. Row numbers are fixed up in block order by adding the record counts of
//      the blocks before (a prefix sum), so they match the serial reader.
// A literal quote in an unquoted cell (`5" pipe`) breaks the parity argument,
// so the parallel reader must verify each block's assumed starting state
// against where the previous block's parse actually ended, and re-parse a
// block serially on a mismatch (DuckDB does the same).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "read/csv/field_end_finder.h"

namespace flexpipe {

struct CsvDialect {
  char delimiter = ',';  // Default: comma. Must not be the quote, CR or LF.
  char quote = '"';      // Default: double quote.
};

// One parsed record: views into the buffer given to CsvParser::Next(), valid
// while that buffer's bytes stay where they are.
struct CsvRecord {
  std::vector<std::string_view> cells;
  bool unterminated_quote = false;  // the input ended inside a quoted cell

  // An empty line, or a line of cells that are empty or only whitespace
  // (",,,", " , ,"): it holds no property.
  bool IsBlank() const {
    for (std::string_view cell : cells) {
      if (cell.find_first_not_of(" \t\r\n") != std::string_view::npos) return false;
    }
    return true;
  }
};

class CsvParser {
 public:
  enum class Outcome {
    kRecord,      // *record holds the next record; *consumed bytes (with its line break) used
    kIncomplete,  // the data ends inside a record; call again with more data appended
    kEnd,         // no data left (final input only)
  };

  explicit CsvParser(CsvDialect dialect) : dialect_(dialect), finder_(dialect.delimiter) {}

  // Parses the record at the start of `data`. `final` says no data follows
  // `data`; then a record missing its line break ends at the end of the data
  // and kIncomplete is never returned. Unescapes the record's quoted cells in
  // place.
  Outcome Next(std::span<char> data, bool final, CsvRecord* record, size_t* consumed);

  const CsvDialect& dialect() const { return dialect_; }

 private:
  CsvDialect dialect_;
  FieldEndFinder finder_;
  std::vector<size_t> escaped_;  // indexes of the current record's cells still to unescape
};

}  // namespace flexpipe
