// What the fuzz targets do with a RowSource: what the pipeline does with it
// (src/pipeline/file_task.cc) up to scoring — read the header, map it, and
// build and format a Record for every row — so reader output that breaks the
// stages after it is found too. A returned error is a normal outcome; a crash
// or a sanitizer report is a finding.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/fields.h"
#include "read/raw_batch.h"
#include "read/row_source.h"
#include "schema/header_mapping.h"
#include "schema/record.h"
#include "schema/record_builder.h"
#include "schema/value_format.h"

namespace flexpipe::fuzz {

// Stops the process with a message: a broken invariant is a finding.
[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// Everything a source delivered, for comparing two reads of the same bytes.
struct Drained {
  ErrorCode error = ErrorCode::kOk;  // the error that ended the read, if any
  std::vector<std::string> header;
  uint64_t header_row = 0;
  std::vector<uint64_t> row_numbers;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> issues;  // "<code> <row> <message>"
  std::vector<uint64_t> issue_rows;
  friend bool operator==(const Drained&, const Drained&) = default;
};

// Fails unless `a` and `b` are equal, printing where they first differ. When
// the read failed, only the errors are compared: how many rows came before the
// error depends on the batch size, and the pipeline drops them all anyway.
inline void ExpectSame(const Drained& a, const Drained& b, const char* what) {
  if (a.error == b.error && (a.error != ErrorCode::kOk || a == b)) return;
  auto row = [](const Drained& d, size_t i) {
    if (i >= d.rows.size()) return std::string("(none)");
    std::string s = "row " + std::to_string(d.row_numbers[i]) + ":";
    for (const std::string& cell : d.rows[i]) s += " [" + cell + "]";
    return s;
  };
  std::fprintf(stderr, "errors: %s / %s; rows: %zu / %zu; issues: %zu / %zu\n",
               std::string(ErrorCodeName(a.error)).c_str(), std::string(ErrorCodeName(b.error)).c_str(),
               a.rows.size(), b.rows.size(), a.issues.size(), b.issues.size());
  if (a.header != b.header) std::fprintf(stderr, "the headers differ\n");
  for (size_t i = 0; i < std::max(a.rows.size(), b.rows.size()); ++i) {
    if (i < a.rows.size() && i < b.rows.size() && a.rows[i] == b.rows[i] &&
        a.row_numbers[i] == b.row_numbers[i]) {
      continue;
    }
    std::fprintf(stderr, "first different row:\n  %s\n  %s\n", row(a, i).c_str(), row(b, i).c_str());
    break;
  }
  for (size_t i = 0; i < std::max(a.issues.size(), b.issues.size()); ++i) {
    const std::string x = i < a.issues.size() ? a.issues[i] : "(none)";
    const std::string y = i < b.issues.size() ? b.issues[i] : "(none)";
    if (x == y) continue;
    std::fprintf(stderr, "first different issue:\n  %s\n  %s\n", x.c_str(), y.c_str());
    break;
  }
  Fail(what);
}

// Reads `source` to its end or first error into *out. With `pipeline`, also
// does what the pipeline does with the rows (header mapping, records,
// canonical text); a second read of the same bytes skips that. The
// required-columns check and its "did you mean" suggestions are left to the
// value_parse target: linear in the header, but half the time of a run here.
inline void Drain(RowSource* source, Drained* out, bool pipeline) {
  uint64_t header_row = 0;
  Result<std::vector<std::string>> header = source->ReadHeader(&header_row);
  if (!header.ok()) {
    out->error = header.status().code();
    return;
  }
  out->header = *header;
  out->header_row = header_row;
  std::optional<RecordBuilder> builder;
  if (pipeline) {
    Result<HeaderMapping> mapping = MapHeader(*header, HeaderMappingOptions{});
    if (!mapping.ok()) Fail("MapHeader failed without user columns");
    builder.emplace(*mapping);
  }
  Record record;
  std::vector<ValueProblem> problems;
  std::string cell;
  RawBatch batch;
  uint64_t last_row = header_row;
  while (true) {
    Result<bool> more = source->NextBatch(&batch);
    if (!more.ok()) {
      out->error = more.status().code();
      return;
    }
    for (size_t i = 0; i < batch.rows(); ++i) {
      const uint64_t row = batch.row_number(i);
      if (row <= last_row) Fail("row numbers not ascending");
      last_row = row;
      if (builder) {
        builder->Build(batch.row(i), &record, &problems);
        for (const FieldInfo& info : AllFields()) {
          cell.clear();
          AppendCanonical(record[info.field], info.type, &cell);
        }
      }
      out->row_numbers.push_back(row);
      out->rows.emplace_back(batch.row(i).begin(), batch.row(i).end());
    }
    for (const RowIssue& issue : batch.issues()) {
      out->issue_rows.push_back(issue.row);
      out->issues.push_back(std::string(ErrorCodeName(issue.code)) + " " + std::to_string(issue.row) + " " +
                            issue.message);
    }
    (void)source->bytes_read();
    if (!*more) return;
  }
}

}  // namespace flexpipe::fuzz
