#include "store/file_rows.h"

#include <fmt/format.h>

#include "store/json_text.h"

namespace flexpipe {
namespace {

Status Malformed(std::string_view column) {
  return Status(ErrorCode::kDatabaseError, fmt::format("files.{}: malformed JSON", column));
}

bool ReadKey(JsonReader* reader, std::string_view expected, std::string* scratch) {
  return reader->ReadString(scratch) && *scratch == expected && reader->Consume(':');
}

}  // namespace

std::string FieldNamesJson(const std::vector<Field>& fields) {
  std::vector<std::string> names;
  names.reserve(fields.size());
  for (Field f : fields) names.emplace_back(InfoOf(f).name);
  std::string json;
  AppendJsonStringArray(names, &json);
  return json;
}

Result<std::vector<Field>> ParseFieldNamesJson(std::string_view json) {
  FP_ASSIGN_OR_RETURN(const std::vector<std::string> names, ParseJsonStringArray(json, "files.fields"));
  std::vector<Field> fields;
  for (const std::string& name : names) {
    const auto f = FieldByName(name);
    if (!f) return Status(ErrorCode::kDatabaseError, fmt::format("files.fields: unknown field '{}'", name));
    fields.push_back(*f);
  }
  return fields;
}

std::string ColumnsJson(const std::vector<ColumnReport>& columns) {
  std::string json = "[";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i != 0) json.push_back(',');
    json.append("{\"header\":");
    AppendJsonString(columns[i].header, &json);
    json.append(",\"field\":");
    AppendJsonString(columns[i].field, &json);
    json.push_back('}');
  }
  json.push_back(']');
  return json;
}

Result<std::vector<ColumnReport>> ParseColumnsJson(std::string_view json) {
  std::vector<ColumnReport> columns;
  JsonReader reader(json);
  std::string key;
  bool ok = reader.Consume('[');
  if (ok && !reader.Consume(']')) {
    do {
      ColumnReport& c = columns.emplace_back();
      ok = reader.Consume('{') && ReadKey(&reader, "header", &key) && reader.ReadString(&c.header) &&
           reader.Consume(',') && ReadKey(&reader, "field", &key) && reader.ReadString(&c.field) &&
           reader.Consume('}');
    } while (ok && reader.Consume(','));
    ok = ok && reader.Consume(']');
  }
  if (!ok || !reader.AtEnd()) return Malformed("columns");
  return columns;
}

std::string FieldCountsJson(const FieldCounts& counts) {
  std::string json = "{";
  for (const FieldInfo& info : AllFields()) {
    const size_t i = Index(info.field);
    if (counts.rows_with_column[i] == 0 && counts.present[i] == 0 && counts.parse_failures[i] == 0) continue;
    if (json.size() > 1) json.push_back(',');
    AppendJsonString(info.name, &json);
    // [rows with the column, present, parse failures, min, max, [distinct value hashes]]
    fmt::format_to(std::back_inserter(json), ":[{},{},{},{},{},[{}]]", counts.rows_with_column[i],
                   counts.present[i], counts.parse_failures[i], counts.min[i], counts.max[i],
                   fmt::join(counts.distinct[i], ","));
  }
  json.push_back('}');
  return json;
}

Result<FieldCounts> ParseFieldCountsJson(std::string_view json) {
  FieldCounts counts;
  JsonReader reader(json);
  std::string name;
  bool ok = reader.Consume('{');
  if (ok && !reader.Consume('}')) {
    do {
      ok = reader.ReadString(&name) && reader.Consume(':');
      const auto f = ok ? FieldByName(name) : std::nullopt;
      if (!f) return Malformed("field_counts");
      const size_t i = Index(*f);
      ok = reader.Consume('[') && reader.ReadUint(&counts.rows_with_column[i]) && reader.Consume(',') &&
           reader.ReadUint(&counts.present[i]) && reader.Consume(',') &&
           reader.ReadUint(&counts.parse_failures[i]);
      if (ok && reader.Consume(']')) continue;  // stored before ranges and distinct values were kept
      ok = ok && reader.Consume(',') && reader.ReadNumber(&counts.min[i]) && reader.Consume(',') &&
           reader.ReadNumber(&counts.max[i]) && reader.Consume(',') && reader.Consume('[');
      if (ok && !reader.Consume(']')) {
        do {
          uint64_t hash = 0;
          ok = reader.ReadUint(&hash);
          counts.distinct[i].push_back(hash);
        } while (ok && reader.Consume(','));
        ok = ok && reader.Consume(']');
      }
      ok = ok && reader.Consume(']');
    } while (ok && reader.Consume(','));
    ok = ok && reader.Consume('}');
  }
  if (!ok || !reader.AtEnd()) return Malformed("field_counts");
  return counts;
}

}  // namespace flexpipe
