// Writes RFC 4180 CSV: fields separated by `,`, rows ended by `\n`, UTF-8
// without a BOM. A field is quoted when it contains `,`, `"`, CR or LF or
// begins or ends with a space or tab; quotes inside are doubled.
//
// Formula guard: a kText cell beginning with `=`, `+`, `-`, `@`, tab or CR
// gets a leading `'`, so a spreadsheet shows it as text instead of running
// it as a formula (OWASP "CSV injection"). kNumber cells are written as
// given, so `-80.59` stays a number; callers mark a cell kNumber only when
// they formatted it as one.
//
// Rows are built in one reused buffer and handed to the file in ~1 MiB
// chunks (which AtomicFile writes through without another copy); a string
// sink is appended to in place. Writing a field allocates nothing once the
// buffer has grown.
// One thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "flexpipe/status.h"
#include "write/atomic_file.h"

namespace flexpipe {

enum class CellKind : uint8_t { kNumber, kText };

class CsvWriter {
 public:
  static constexpr size_t kFlushBytes = AtomicFile::kDefaultBufferBytes;

  // Writes into `file` (not owned; must outlive the writer). Finish() commits it.
  explicit CsvWriter(AtomicFile* file);
  // Appends to `*out` (not owned), e.g. for tests and in-memory rendering.
  explicit CsvWriter(std::string* out);
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  // Appends one field to the current row.
  void Field(std::string_view value, CellKind kind);
  // Ends the current row; hands the buffer to the sink when it is large.
  Status EndRow();
  // Ends an unfinished row, writes everything out and, for an AtomicFile,
  // commits it. Calls after Finish() are errors.
  Status Finish();

  uint64_t rows() const { return rows_; }

 private:
  Status Flush();

  AtomicFile* file_ = nullptr;  // null for a string sink
  std::string buffer_;          // rows not yet handed to file_
  std::string* buf_;            // where fields go: &buffer_, or the string sink
  bool row_open_ = false;
  bool finished_ = false;
  uint64_t rows_ = 0;
  Status error_;
};

// Appends `value` to `*out` as one CSV field (quoted, doubled and
// formula-guarded as described above), without a separator.
void AppendCsvField(std::string_view value, CellKind kind, std::string* out);

}  // namespace flexpipe
