#include "store/field_columns.h"

#include <charconv>
#include <cmath>

#include "schema/value_format.h"

namespace flexpipe {
namespace {

// The cell as a double, when AppendNumber gives the same text back.
bool ExactNumber(std::string_view cell, std::string* scratch, double* value) {
  const auto r = std::from_chars(cell.data(), cell.data() + cell.size(), *value);
  if (r.ec != std::errc() || r.ptr != cell.data() + cell.size() || !std::isfinite(*value)) return false;
  scratch->clear();
  AppendNumber(*value, scratch);
  return *scratch == cell;
}

}  // namespace

void BindFieldCell(Statement* stmt, int index, FieldType type, std::string_view cell, std::string* scratch) {
  if (cell.empty()) {
    stmt->BindNull(index);
    return;
  }
  switch (type) {
    case FieldType::kText:
    case FieldType::kId:
    case FieldType::kDate:
      stmt->BindView(index, cell);
      return;
    case FieldType::kNumber:
    case FieldType::kMoney:
    case FieldType::kInteger: {
      double value = 0;
      if (ExactNumber(cell, scratch, &value)) {
        stmt->Bind(index, value);
      } else {
        stmt->BindBlob(index, cell);
      }
      return;
    }
    case FieldType::kBoolean:
      if (cell == "true") {
        stmt->Bind(index, int64_t{1});
      } else if (cell == "false") {
        stmt->Bind(index, int64_t{0});
      } else {
        stmt->BindBlob(index, cell);
      }
      return;
  }
}

void AppendFieldCell(const Statement& stmt, int column, FieldType type, std::string* out) {
  switch (stmt.column_type(column)) {
    case SqlType::kNull:
      return;
    case SqlType::kText:
      out->append(stmt.column_text(column));
      return;
    case SqlType::kBlob:
      out->append(stmt.column_blob(column));
      return;
    case SqlType::kInteger:
    case SqlType::kReal:
      if (type == FieldType::kBoolean) {
        out->append(stmt.column_int(column) != 0 ? "true" : "false");
      } else {
        AppendNumber(stmt.column_double(column), out);
      }
      return;
  }
}

}  // namespace flexpipe
