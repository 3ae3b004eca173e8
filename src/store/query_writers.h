// Renderings of a query's result rows, fed one row at a time so a result of
// any size streams through without being held in memory:
//   table  aligned columns for people: widths come from the first
//          `sample_rows` rows (held back until then), later cells wider than
//          their column are cut with "…"; numbers right-aligned; NULL shown
//          as NULL; ends with "(N rows)".
//   csv    RFC 4180 with a header row, the master CSV's quoting and formula
//          guard (docs/outputs.md); NULL is an empty field.
//   json   an array of objects, one row per line; NULL is null.
// Numbers are written as the master CSV writes them (shortest round-trip
// decimal); BLOBs as x'hex'.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace flexpipe {

enum class QueryFormat : uint8_t { kTable, kCsv, kJson };

struct QueryWriterOptions {
  QueryFormat format = QueryFormat::kTable;
  size_t sample_rows = 1000;     // table: rows that decide the widths. Default: 1000.
  size_t max_column_width = 60;  // table: widest column, in characters. Default: 60.
};

// One value of a result row.
struct QueryCell {
  SqlType type = SqlType::kNull;
  std::string_view text;  // the rendered value ("" for NULL)
};

class QueryWriter {
 public:
  virtual ~QueryWriter() = default;
  virtual void Begin(const std::vector<std::string>& columns) = 0;
  virtual void Row(const std::vector<QueryCell>& cells) = 0;
  virtual void End() = 0;
};

// Writes to `out` (not owned; outlives the writer).
std::unique_ptr<QueryWriter> MakeQueryWriter(const QueryWriterOptions& options, std::ostream* out);

}  // namespace flexpipe
