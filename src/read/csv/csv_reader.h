// The streaming CSV/TSV reader: a RowSource over a delimited text file.
//
// Stages: Utf8Input (encoding detection, BOM, decoding to UTF-8) -> sniffer
// (delimiter) -> CsvParser (records) -> this class (buffering, row numbers,
// blank and ragged rows, batches).
//
// Row numbers are 1-based record numbers counting every record, blank ones
// and the header included; a record spanning several lines (line breaks
// inside quotes) is one row. So the header of a plain file is row 1, the first
// data row 2: what a spreadsheet shows when it opens the file.
//
// Blank records (empty lines, ",,,", cells of only whitespace) are skipped
// but counted. Rows whose cell
// count differs from the header's are delivered as they are, with a
// RowIssue{kRaggedRow}. File-level errors end the file: kCorruptFile (a
// quoted cell still open at the end of the file — a truncated download; the
// error names the row where it opened), kBadEncoding (UTF-16 without a
// byte-order mark, UTF-32, NUL bytes: from Open() when the NUL is in the
// sample, else from the batch of its row), kResourceLimit (a record longer than
// max_record_bytes), read errors. Every error and issue names the file and,
// where known, the row.
//
// Memory is bounded whatever the file size: the read buffer (buffer_bytes,
// grown for a longer record up to max_record_bytes) plus Utf8Input's chunks.
// Cells in a batch are views into the read buffer, valid until the next call;
// a batch therefore ends early (fewer than rows_per_batch rows) when the
// buffer runs dry, and the next call refills it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/csv/byte_buffer.h"
#include "read/csv/encoding.h"
#include "read/csv/parser.h"
#include "read/csv/utf8_input.h"
#include "read/row_source.h"

namespace flexpipe {

struct CsvOptions {
  // Cell separator. 0 = detect among , ; TAB | from the first 64 KiB of the
  // file (see sniffer.h), assuming TAB for .tsv files and comma otherwise
  // when the sample does not decide. Must not be '"', CR or LF. Default: 0.
  char delimiter = 0;
  // Size of the read buffer: how much of the file is held at once. Default: 1 MiB.
  size_t buffer_bytes = 1 << 20;
  // Longest record accepted (after decoding to UTF-8); the buffer grows up to
  // this for a longer record, beyond it the file fails with kResourceLimit.
  // Values below buffer_bytes count as buffer_bytes. Default: 64 MiB.
  size_t max_record_bytes = 64 << 20;
  // Most rows per NextBatch(). Default: 4096.
  int rows_per_batch = 4096;
};

class CsvReader final : public RowSource {
 public:
  // Opens `path`, detects its encoding and (unless given) its delimiter from
  // the sample (the text decoded from the first 64 KiB of the file, more for
  // UTF-16). kInvalidArgument for bad options; kBadEncoding (see above): a NUL
  // byte in the sample fails the file here, before its header is read, named
  // by byte offset and row; open and read errors as the file system reports
  // them.
  static Result<std::unique_ptr<CsvReader>> Open(FileSystem* fs, const std::filesystem::path& path,
                                                 const CsvOptions& options);

  // The first non-blank record, cells as written (unescaped, untrimmed).
  // kEmptyFile when the file holds no text (zero bytes, or only a byte-order
  // mark); kNoHeader when it holds only blank records. Later calls return the
  // same header.
  Result<std::vector<std::string>> ReadHeader(uint64_t* row_number) override;
  // Reads the header first if ReadHeader() was not called.
  Result<bool> NextBatch(RawBatch* batch) override;
  uint64_t bytes_read() const override { return input_->bytes_read(); }

  char delimiter() const { return parser_.dialect().delimiter; }
  TextEncoding encoding() const { return input_->encoding(); }

 private:
  enum class Step { kRecord, kBufferExhausted, kEnd };

  CsvReader(std::string path, const CsvOptions& options, std::unique_ptr<Utf8Input> input, char delimiter);

  // Parses the next record into record_ / record_row_. Refills the buffer when
  // it runs dry, but only if `may_move_buffer` (no views into it are held);
  // otherwise returns kBufferExhausted.
  Result<Step> NextRecord(bool may_move_buffer);
  // Moves the unparsed bytes to the front of the buffer and reads until it is
  // full or the text ends. When the buffer is already full of one record and
  // `grow` is set, first doubles it (up to the record limit).
  Status Refill(bool grow);
  // `status` located in this file at `row`.
  Status Locate(const Status& status, uint64_t row) const;
  // The NUL byte decoding stopped at in the sample, located at the row it is
  // in: parses the records before it, as NextBatch() would.
  Status SampleError();

  std::string path_;
  int rows_per_batch_;
  size_t record_limit_;
  std::unique_ptr<Utf8Input> input_;
  CsvParser parser_;
  ByteBuffer buffer_;
  bool input_done_ = false;  // input_ has no more text
  Status input_error_;       // input_ failed; reported once the text before it is parsed
  uint64_t text_bytes_ = 0;  // text read from input_ so far

  CsvRecord record_;
  uint64_t record_row_ = 0;  // row number of record_
  uint64_t next_row_ = 1;    // row number of the next record

  bool header_read_ = false;
  std::vector<std::string> header_;
  uint64_t header_row_ = 0;
};

// The CSV reader as a RowSource (see CsvReader::Open).
Result<std::unique_ptr<RowSource>> OpenCsv(FileSystem* fs, const std::filesystem::path& path,
                                           const CsvOptions& options);

}  // namespace flexpipe
