// The interface every reader (CSV today, XLSX next) implements. A source is
// used by one thread: ReadHeader() once, then NextBatch() until it returns
// false.
#pragma once

#include <string>
#include <vector>

#include "flexpipe/status.h"
#include "read/raw_batch.h"

namespace flexpipe {

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The header row's cells, and its source row number in *row_number. Rows
  // before the header (blank lines) are skipped. kNoHeader when the source has
  // no non-empty row.
  virtual Result<std::vector<std::string>> ReadHeader(uint64_t* row_number) = 0;
  // Fills `batch` (cleared first) with the next rows; returns false once the
  // source is exhausted (the batch is then empty). Blank rows are skipped but
  // still counted in row numbers.
  virtual Result<bool> NextBatch(RawBatch* batch) = 0;
  // Bytes consumed so far (for progress), and total when known (0 otherwise).
  virtual uint64_t bytes_read() const = 0;
  // The worksheet being read, for workbooks; "" for text files.
  virtual std::string_view sheet_name() const { return {}; }
};

}  // namespace flexpipe
