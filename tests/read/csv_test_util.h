// Helpers for the CSV reader tests: read a whole file through a RowSource
// into plain values that gtest can compare and print.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/env.h"
#include "read/csv/csv_reader.h"
#include "read/row_source.h"

namespace flexpipe::testing {

struct CsvContents {
  std::vector<std::string> header;
  uint64_t header_row = 0;
  std::vector<std::vector<std::string>> rows;
  std::vector<uint64_t> row_numbers;
  std::vector<std::string> issues;  // "CODE row N: message"
  size_t batches = 0;
};

inline Result<CsvContents> ReadAllRows(RowSource* source) {
  CsvContents out;
  FP_ASSIGN_OR_RETURN(out.header, source->ReadHeader(&out.header_row));
  RawBatch batch;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool more, source->NextBatch(&batch));
    if (!more) break;
    ++out.batches;
    for (size_t i = 0; i < batch.rows(); ++i) {
      std::vector<std::string> row;
      for (const std::string_view cell : batch.row(i)) row.emplace_back(cell);
      out.rows.push_back(std::move(row));
      out.row_numbers.push_back(batch.row_number(i));
    }
    for (const RowIssue& issue : batch.issues()) {
      out.issues.push_back(fmt::format("{} row {}: {}", ErrorCodeName(issue.code), issue.row, issue.message));
    }
  }
  return out;
}

inline Result<CsvContents> ReadCsvFile(const std::filesystem::path& path, const CsvOptions& options = {}) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<RowSource> source, OpenCsv(DefaultFileSystem(), path, options));
  return ReadAllRows(source.get());
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace flexpipe::testing
