// RFC 4180 rows for generated source files: cells separated by commas,
// quoted when they hold a comma, quote or line break (or always, for a
// quote-all dialect), quotes doubled, rows ended by "\n" or "\r\n", an
// optional UTF-8 BOM. Unlike write/csv_writer.h (the master output) it writes
// text exactly as given — hostile cells such as =HYPERLINK("x") are the point
// of test data — and it can break a file on purpose. Rows are built in a
// reused buffer and handed to an OutputFile: no per-cell allocation.
#pragma once

#include <string>
#include <string_view>

#include "generate/header_style.h"
#include "generate/output_file.h"

namespace flexpipe::gen {

class SourceCsvWriter {
 public:
  // Writes the byte order mark at once when the dialect asks for one.
  SourceCsvWriter(OutputFile* out, CsvDialect dialect);

  // The next cell's text is built in cell(); EndCell() adds it to the row.
  std::string* cell() { return &cell_; }
  void EndCell();
  void AddCell(std::string_view text);
  // Adds `text` exactly as given, never quoted (for deliberately broken files).
  void AddRawCell(std::string_view text);
  Status EndRow();
  // Writes the cells of the unfinished row without ending it (a truncated file).
  Status WritePartialRow();
  // The status of the byte order mark's write, or of nothing.
  const Status& status() const { return status_; }

  // After this call every cell is written unquoted with its '"' removed (the
  // rest of a file after a deliberately unterminated quote).
  void StopQuoting() { no_quotes_ = true; }

 private:
  void Separate();

  OutputFile* out_;
  CsvDialect dialect_;
  std::string cell_;
  std::string row_;
  bool row_started_ = false;
  bool no_quotes_ = false;
  Status status_;
};

}  // namespace flexpipe::gen
