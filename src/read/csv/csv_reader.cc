#include "read/csv/csv_reader.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "read/csv/sniffer.h"
#include "read/fill_buffer.h"

namespace flexpipe {
namespace {

constexpr size_t kSniffBytes = 64 << 10;

bool IsTsv(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".tsv";
}

Status ValidateOptions(const CsvOptions& options) {
  const char d = options.delimiter;
  if (d == '"' || d == '\n' || d == '\r') {
    return Status(ErrorCode::kInvalidArgument, "the CSV delimiter cannot be a quote or a line break");
  }
  if (options.buffer_bytes == 0) return Status(ErrorCode::kInvalidArgument, "buffer_bytes must be positive");
  if (options.rows_per_batch <= 0) {
    return Status(ErrorCode::kInvalidArgument, "rows_per_batch must be positive");
  }
  return Status::Ok();
}

Status UnterminatedQuote(const std::string& path, uint64_t row) {
  return Status(ErrorCode::kCorruptFile,
                fmt::format("malformed CSV: a quoted cell opened in row {} is never closed before the end of "
                            "the file (truncated download?)",
                            row),
                Location{path, "", row, ""});
}

}  // namespace

Result<std::unique_ptr<CsvReader>> CsvReader::Open(FileSystem* fs, const std::filesystem::path& path,
                                                   const CsvOptions& options) {
  std::string where = path.string();
  if (Status s = ValidateOptions(options); !s.ok()) return s.WithFile(where);
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, fs->OpenSequential(path));
  Result<std::unique_ptr<Utf8Input>> input = Utf8Input::Open(std::move(file));
  if (!input.ok()) return input.status().WithFile(where);
  // The sample is decoded even when the delimiter is given: a NUL byte in it
  // fails the file now. Binary data read as text makes a garbled header,
  // which would otherwise fail the file as MISSING_REQUIRED_COLUMNS before
  // parsing reached the NUL.
  const std::string_view sample = (*input)->Peek(kSniffBytes);
  const bool nul_in_sample = (*input)->pending_error().code() == ErrorCode::kBadEncoding;
  char delimiter = options.delimiter;
  if (delimiter == 0) {
    delimiter = SniffDelimiter(sample, /*complete=*/sample.size() < kSniffBytes, IsTsv(path) ? '\t' : ',');
  }
  std::unique_ptr<CsvReader> reader(new CsvReader(std::move(where), options, std::move(*input), delimiter));
  if (nul_in_sample) return reader->SampleError();
  return reader;
}

CsvReader::CsvReader(std::string path, const CsvOptions& options, std::unique_ptr<Utf8Input> input,
                     char delimiter)
    : path_(std::move(path)),
      rows_per_batch_(options.rows_per_batch),
      record_limit_(std::max(options.max_record_bytes, options.buffer_bytes)),
      input_(std::move(input)),
      parser_(CsvDialect{delimiter, '"'}),
      buffer_(options.buffer_bytes) {}

Status CsvReader::Locate(const Status& status, uint64_t row) const {
  Location location = status.location();
  if (location.file.empty()) location.file = path_;
  if (location.row == 0) location.row = row;
  return Status(status.code(), status.message(), std::move(location));
}

Status CsvReader::SampleError() {
  const Status error = input_->pending_error();
  while (true) {
    // Ends with `error` at the row it is in (the records before it are whole,
    // the input stops at it), or with another error of the record holding it
    // (longer than the record limit).
    Result<Step> step = NextRecord(/*may_move_buffer=*/true);
    if (!step.ok() || *step == Step::kEnd) return Locate(error, next_row_);
  }
}

Status CsvReader::Refill(bool grow) {
  buffer_.Compact();
  if (buffer_.spare_size() == 0) {
    if (!grow) return Status::Ok();
    if (!buffer_.Grow(record_limit_)) {
      return Status(ErrorCode::kResourceLimit,
                    fmt::format("row {} is longer than {} bytes (the max_record_bytes limit); "
                                "is a quoted cell never closed?",
                                next_row_, record_limit_),
                    Location{path_, "", next_row_, ""});
    }
  }
  text_bytes_ += FillBuffer(input_.get(), &buffer_, &input_done_, &input_error_);
  return Status::Ok();
}

Result<CsvReader::Step> CsvReader::NextRecord(bool may_move_buffer) {
  while (true) {
    size_t consumed = 0;
    switch (parser_.Next(buffer_.unconsumed(), input_done_, &record_, &consumed)) {
      case CsvParser::Outcome::kRecord:
        buffer_.Consume(consumed);
        record_row_ = next_row_++;
        // The quote swallowed the rest of the file: its rows cannot be trusted.
        if (record_.unterminated_quote) return UnterminatedQuote(path_, record_row_);
        return Step::kRecord;
      case CsvParser::Outcome::kEnd:
        return Step::kEnd;
      case CsvParser::Outcome::kIncomplete:
        break;
    }
    if (!may_move_buffer) return Step::kBufferExhausted;
    // Every complete record before the failure has been parsed, so the
    // failure lies in the record starting at next_row_.
    if (!input_error_.ok()) return Locate(input_error_, next_row_);
    FP_RETURN_IF_ERROR(Refill(/*grow=*/true));
  }
}

Result<std::vector<std::string>> CsvReader::ReadHeader(uint64_t* row_number) {
  while (!header_read_) {
    FP_ASSIGN_OR_RETURN(const Step step, NextRecord(/*may_move_buffer=*/true));
    if (step == Step::kEnd) {
      if (text_bytes_ == 0) {
        return Status(
            ErrorCode::kEmptyFile,
            input_->bytes_read() == 0 ? "file is empty" : "file is empty apart from its byte-order mark",
            Location{path_, "", 0, ""});
      }
      return Status(ErrorCode::kNoHeader, "file has no header row (it holds only blank lines)",
                    Location{path_, "", 0, ""});
    }
    if (record_.IsBlank()) continue;
    header_.reserve(record_.cells.size());
    for (const std::string_view cell : record_.cells) header_.emplace_back(cell);
    header_row_ = record_row_;
    header_read_ = true;
  }
  if (row_number != nullptr) *row_number = header_row_;
  return header_;
}

Result<bool> CsvReader::NextBatch(RawBatch* batch) {
  batch->Clear();
  if (!header_read_) FP_RETURN_IF_ERROR(ReadHeader(nullptr).status());

  // PERF: top the buffer up while no views into it are held, so batches come
  // out full. Waiting until half the buffer is parsed bounds the bytes moved
  // by Compact() to the bytes parsed.
  if (buffer_.size() < buffer_.capacity() / 2 && !input_done_ && input_error_.ok()) {
    FP_RETURN_IF_ERROR(Refill(/*grow=*/false));
  }

  while (batch->rows() < static_cast<size_t>(rows_per_batch_)) {
    FP_ASSIGN_OR_RETURN(const Step step, NextRecord(/*may_move_buffer=*/batch->rows() == 0));
    if (step != Step::kRecord) break;
    if (record_.IsBlank()) continue;
    for (const std::string_view cell : record_.cells) batch->AddCell(cell);
    batch->EndRow(record_row_);
    if (record_.cells.size() != header_.size()) {
      batch->AddIssue(
          RowIssue{ErrorCode::kRaggedRow,
                   record_row_,
                   fmt::format("row has {} cells, header has {}", record_.cells.size(), header_.size()),
                   {}});
    }
  }
  return batch->rows() > 0 || !batch->issues().empty();
}

Result<std::unique_ptr<RowSource>> OpenCsv(FileSystem* fs, const std::filesystem::path& path,
                                           const CsvOptions& options) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<CsvReader> reader, CsvReader::Open(fs, path, options));
  return std::unique_ptr<RowSource>(std::move(reader));
}

}  // namespace flexpipe
