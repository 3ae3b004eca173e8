// What readers emit: a batch of rows of raw cells. Cells are views into
// storage owned by the reader and stay valid until the reader's next call;
// no heap object is created per cell.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"

namespace flexpipe {

// A problem the reader noticed in one row; the row is still delivered.
struct RowIssue {
  ErrorCode code;       // e.g. kRaggedRow
  uint64_t row = 0;     // source row number
  std::string message;  // e.g. "row has 14 cells, header has 12"
  std::string column;   // the header of the cell it concerns, if one; "" = the whole row
};

class RawBatch {
 public:
  size_t rows() const { return row_numbers_.size(); }
  std::span<const std::string_view> row(size_t i) const {
    return {cells_.data() + row_begin_[i], cells_.data() + row_begin_[i + 1]};
  }
  uint64_t row_number(size_t i) const { return row_numbers_[i]; }
  const std::vector<RowIssue>& issues() const { return issues_; }

  // Reader side.
  void Clear() {
    cells_.clear();
    row_begin_.assign(1, 0);
    row_numbers_.clear();
    issues_.clear();
  }
  void AddCell(std::string_view cell) { cells_.push_back(cell); }
  // Closes the row whose cells were added since the previous EndRow().
  void EndRow(uint64_t row_number) {
    row_begin_.push_back(static_cast<uint32_t>(cells_.size()));
    row_numbers_.push_back(row_number);
  }
  void AddIssue(RowIssue issue) { issues_.push_back(std::move(issue)); }

 private:
  std::vector<std::string_view> cells_;
  std::vector<uint32_t> row_begin_{0};
  std::vector<uint64_t> row_numbers_;
  std::vector<RowIssue> issues_;
};

}  // namespace flexpipe
