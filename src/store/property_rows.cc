#include "store/property_rows.h"

#include <cmath>

#include <fmt/format.h>

#include "store/field_columns.h"
#include "store/json_text.h"

namespace flexpipe {
namespace {

// Parameters of InsertPropertySql.
constexpr int kParamId = 1, kParamFile = 2, kParamRun = 3, kParamSheet = 4, kParamRow = 5, kParamScore = 6,
              kParamClass = 7, kParamComponents = 8, kParamFlags = 9, kParamFlagBits = 10, kParamKey = 11,
              kParamFirstField = 12;
constexpr int kParamPassthrough = kParamFirstField + static_cast<int>(kFieldCount);

// Result columns of SelectPropertiesSql.
constexpr int kColId = 0, kColSheet = 1, kColRow = 2, kColScore = 3, kColClass = 4, kColComponents = 5,
              kColFlagBits = 6, kColKey = 7, kColFirstField = 8;
constexpr int kColPassthrough = kColFirstField + static_cast<int>(kFieldCount);

Status Malformed(int64_t id, std::string_view what) {
  return Status(ErrorCode::kDatabaseError, fmt::format("properties row {}: malformed {}", id, what));
}

bool ParseClassification(std::string_view name, Classification* out) {
  for (auto c : {Classification::kPrimeFlex, Classification::kGoodFlex, Classification::kPotentialFlex,
                 Classification::kPossibleFlex, Classification::kUnlikelyFlex}) {
    if (ClassificationName(c) == name) {
      *out = c;
      return true;
    }
  }
  return false;
}

// {"name":number,...} in the scorer's component order.
bool ParseComponents(std::string_view json, std::span<const std::string> names, ScoreResult* result) {
  JsonReader reader(json);
  if (!reader.Consume('{')) return false;
  std::string name;
  size_t i = 0;
  if (!reader.Consume('}')) {
    do {
      if (i >= names.size() || i >= kMaxComponents) return false;
      if (!reader.ReadString(&name) || name != names[i] || !reader.Consume(':')) return false;
      if (!reader.ReadNumber(&result->components[i])) return false;
      ++i;
    } while (reader.Consume(','));
    if (!reader.Consume('}')) return false;
  }
  return i == names.size() && reader.AtEnd();
}

}  // namespace

std::string InsertPropertySql() {
  std::string sql =
      "INSERT INTO properties (id, file_id, run_id, sheet, source_row, flex_score, classification, "
      "components, flags, flag_bits, dedup_key";
  for (const FieldInfo& info : AllFields()) fmt::format_to(std::back_inserter(sql), ", {}", info.name);
  sql += ", passthrough) VALUES (?";
  for (int i = 1; i < kParamPassthrough; ++i) sql += ", ?";
  sql += ")";
  return sql;
}

std::string SelectPropertiesSql() {
  std::string sql =
      "SELECT id, sheet, source_row, flex_score, classification, components, flag_bits, dedup_key";
  for (const FieldInfo& info : AllFields()) fmt::format_to(std::back_inserter(sql), ", {}", info.name);
  sql += ", passthrough FROM properties WHERE file_id = ?1 ORDER BY id";
  return sql;
}

PropertyWriter::PropertyWriter(Statement* insert, const CandidateLayout& layout, const ScoreColumns& columns)
    : insert_(insert), layout_(layout), columns_(columns) {
  for (Field f : layout.fields) field_param_.push_back(kParamFirstField + static_cast<int>(Index(f)));
  // Fields this file does not have stay NULL for all its rows.
  insert_->ClearBindings();
}

Status PropertyWriter::Insert(int64_t id, int64_t file_id, int64_t run_id, const Candidate& candidate) {
  Statement& s = *insert_;
  const ScoreResult& r = candidate.result;
  s.Bind(kParamId, id).Bind(kParamFile, file_id).Bind(kParamRun, run_id);
  s.Bind(kParamSheet, int64_t{candidate.id.sheet}).Bind(kParamRow, static_cast<int64_t>(candidate.id.row));
  s.Bind(kParamScore, r.score).BindView(kParamClass, ClassificationName(r.classification));  // static text

  components_.assign("{");
  for (size_t i = 0; i < columns_.components.size() && i < kMaxComponents; ++i) {
    if (i != 0) components_.push_back(',');
    AppendJsonString(columns_.components[i], &components_);
    components_.push_back(':');
    AppendJsonNumber(r.components[i], &components_);
  }
  components_.push_back('}');
  s.BindView(kParamComponents, components_);

  flags_.clear();
  for (size_t i = 0; i < columns_.flags.size() && i < 32; ++i) {
    if ((r.flags & (1u << i)) == 0) continue;
    if (!flags_.empty()) flags_.push_back(';');
    flags_.append(columns_.flags[i]);
  }
  s.BindView(kParamFlags, flags_).Bind(kParamFlagBits, int64_t{r.flags});
  if (candidate.key.empty()) {
    s.BindNull(kParamKey);
  } else {
    s.BindView(kParamKey, candidate.key);
  }

  PackedCells cells(candidate.packed_cells);
  std::string_view cell;
  for (size_t i = 0; i < layout_.fields.size(); ++i) {
    if (!cells.Next(&cell)) cell = {};
    BindFieldCell(&s, field_param_[i], InfoOf(layout_.fields[i]).type, cell, &scratch_);
  }
  if (layout_.passthrough_headers.empty()) {
    s.BindNull(kParamPassthrough);
  } else {
    passthrough_.assign("[");
    for (size_t i = 0; i < layout_.passthrough_headers.size(); ++i) {
      if (!cells.Next(&cell)) cell = {};
      if (i != 0) passthrough_.push_back(',');
      AppendJsonString(cell, &passthrough_);
    }
    passthrough_.push_back(']');
    s.BindView(kParamPassthrough, passthrough_);
  }
  return s.Run();
}

Status PropertyReader::Read(const Statement& select, PropertyRow* row) {
  row->id = select.column_int(kColId);
  row->sheet = static_cast<uint32_t>(select.column_int(kColSheet));
  row->source_row = static_cast<uint64_t>(select.column_int(kColRow));
  ScoreResult& r = row->result;
  r = ScoreResult{};
  r.score = select.column_double(kColScore);
  r.candidate = true;  // only candidates are stored
  r.flags = static_cast<uint32_t>(select.column_int(kColFlagBits));
  if (!ParseClassification(select.column_text(kColClass), &r.classification)) {
    return Malformed(row->id, "classification");
  }
  if (!ParseComponents(select.column_text(kColComponents), columns_.components, &r)) {
    return Malformed(row->id, "components (not the scorer's component names?)");
  }
  row->key.assign(select.column_text(kColKey));

  packer_.Clear();
  for (Field f : layout_.fields) {
    cell_.clear();
    AppendFieldCell(select, kColFirstField + static_cast<int>(Index(f)), InfoOf(f).type, &cell_);
    packer_.Add(cell_);
  }
  if (!layout_.passthrough_headers.empty()) {
    JsonReader reader(select.column_text(kColPassthrough));
    bool ok = reader.Consume('[');
    for (size_t i = 0; ok && i < layout_.passthrough_headers.size(); ++i) {
      ok = (i == 0 || reader.Consume(',')) && reader.ReadString(&cell_);
      if (ok) packer_.Add(cell_);
    }
    if (!ok || !reader.Consume(']') || !reader.AtEnd()) return Malformed(row->id, "passthrough");
  }
  row->packed_cells.assign(packer_.bytes());
  return Status::Ok();
}

}  // namespace flexpipe
