#include "store/query.h"

#include <charconv>

#include <fmt/format.h>

#include "schema/value_format.h"

namespace flexpipe {
namespace {

// Renders the value of `column` into *text.
void Render(const Statement& stmt, int column, SqlType type, std::string* text) {
  text->clear();
  switch (type) {
    case SqlType::kNull:
      return;
    case SqlType::kInteger: {
      char buffer[24];
      const auto r = std::to_chars(buffer, buffer + sizeof buffer, stmt.column_int(column));
      text->assign(buffer, r.ptr);
      return;
    }
    case SqlType::kReal:
      AppendNumber(stmt.column_double(column), text);
      return;
    case SqlType::kText:
      text->assign(stmt.column_text(column));
      return;
    case SqlType::kBlob: {
      static constexpr char kHex[] = "0123456789abcdef";
      text->assign("x'");
      for (const char c : stmt.column_blob(column)) {
        const auto u = static_cast<unsigned char>(c);
        text->push_back(kHex[u >> 4]);
        text->push_back(kHex[u & 0xF]);
      }
      text->push_back('\'');
      return;
    }
  }
}

}  // namespace

Result<uint64_t> RunQuery(Database* db, std::string_view sql, const QueryWriterOptions& options,
                          std::ostream* out) {
  auto prepared = db->Prepare(sql);
  if (!prepared.ok()) {
    const Status& s = prepared.status();
    if (s.message().find("only one SQL statement") != std::string::npos) {
      return Status(ErrorCode::kInvalidArgument, "query: give one SQL statement at a time", s.location());
    }
    return s;
  }
  Statement& stmt = *prepared;
  if (!stmt.read_only()) {
    return Status(
        ErrorCode::kInvalidArgument,
        "query: only read-only SQL (SELECT, WITH, read-only PRAGMAs) is allowed; this statement would "
        "change the database");
  }
  const int n = stmt.column_count();
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) names.emplace_back(stmt.column_name(i));
  auto writer = MakeQueryWriter(options, out);
  writer->Begin(names);
  std::vector<std::string> texts(static_cast<size_t>(n));
  std::vector<QueryCell> cells(static_cast<size_t>(n));
  uint64_t rows = 0;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    for (int i = 0; i < n; ++i) {
      const auto k = static_cast<size_t>(i);
      cells[k].type = stmt.column_type(i);
      Render(stmt, i, cells[k].type, &texts[k]);
      cells[k].text = texts[k];
    }
    writer->Row(cells);
    ++rows;
    if (!*out) return Status(ErrorCode::kOutputError, "query: writing the result failed");
  }
  writer->End();
  out->flush();
  if (!*out) return Status(ErrorCode::kOutputError, "query: writing the result failed");
  return rows;
}

Result<uint64_t> RunQuery(const std::string& path, std::string_view sql, const QueryWriterOptions& options,
                          std::ostream* out) {
  DatabaseOptions open;
  open.read_only = true;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, open));
  return RunQuery(db.get(), sql, options, out);
}

}  // namespace flexpipe
