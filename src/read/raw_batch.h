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

  // Makes this batch a copy of `other` whose cells live in this batch's own
  // storage, so it outlives the reader's next call (batches scored on other
  // threads while the reader goes on). Keeps its capacity between copies.
  void CopyFrom(const RawBatch& other) {
    size_t bytes = 0;
    for (const std::string_view c : other.cells_) bytes += c.size();
    storage_.clear();
    storage_.reserve(bytes);  // no reallocation below: the views stay valid
    cells_.clear();
    for (const std::string_view c : other.cells_) {
      cells_.emplace_back(storage_.data() + storage_.size(), c.size());
      storage_.append(c);
    }
    row_begin_ = other.row_begin_;
    row_numbers_ = other.row_numbers_;
    issues_ = other.issues_;
  }
  // Keeps the first `rows` rows (and their issues).
  void Truncate(size_t rows) {
    if (rows >= this->rows()) return;
    cells_.resize(row_begin_[rows]);
    row_begin_.resize(rows + 1);
    const uint64_t last = rows == 0 ? 0 : row_numbers_[rows - 1];
    row_numbers_.resize(rows);
    std::erase_if(issues_, [&](const RowIssue& i) { return i.row > last; });
  }

 private:
  std::vector<std::string_view> cells_;
  std::vector<uint32_t> row_begin_{0};
  std::vector<uint64_t> row_numbers_;
  std::vector<RowIssue> issues_;
  std::string storage_;  // CopyFrom(): the cells' bytes
};

}  // namespace flexpipe
