#include "write/master_cells.h"

#include <charconv>

#include "schema/value_format.h"
#include "score/round.h"

namespace flexpipe {
namespace {

XlsxStyle NumberStyleOf(Field field) {
  switch (field) {
    case Field::kAcres:
      return XlsxStyle::kAcres;
    case Field::kLotSqft:
    case Field::kBuildingSqft:
    case Field::kOfficeSqft:
    case Field::kWarehouseSqft:
    case Field::kLoadingDocks:
    case Field::kOverheadDoors:
      return XlsxStyle::kInteger;
    default:
      return XlsxStyle::kGeneral;  // ceiling height, occupancy, coordinates: as they are
  }
}

MasterColumnType TypeOfField(Field field) {
  switch (InfoOf(field).type) {
    case FieldType::kText:
    case FieldType::kId:
      return {MasterCellType::kText, XlsxStyle::kGeneral};
    case FieldType::kNumber:
      return {MasterCellType::kNumber, NumberStyleOf(field)};
    case FieldType::kInteger:
      return {MasterCellType::kNumber, XlsxStyle::kPlainInteger};
    case FieldType::kMoney:
      return {MasterCellType::kNumber, XlsxStyle::kMoney};
    case FieldType::kDate:
      return {MasterCellType::kDate, XlsxStyle::kDate};
    case FieldType::kBoolean:
      return {MasterCellType::kBoolean, XlsxStyle::kGeneral};
  }
  return {};
}

}  // namespace

MasterColumnType TypeOfMasterColumn(const MasterColumn& column) {
  switch (column.kind) {
    case ColumnKind::kField:
      return TypeOfField(column.field);
    case ColumnKind::kScore:
    case ColumnKind::kComponent:
      return {MasterCellType::kNumber, XlsxStyle::kScore};
    case ColumnKind::kSourceRow:
      return {MasterCellType::kNumber, XlsxStyle::kPlainInteger};
    case ColumnKind::kClass:
    case ColumnKind::kFlags:
    case ColumnKind::kSourceFile:
    case ColumnKind::kPassthrough:
      break;
  }
  return {MasterCellType::kText, XlsxStyle::kGeneral};
}

MasterRowRenderer::MasterRowRenderer(std::span<const CandidateSet* const> sets, const MasterLayout& layout,
                                     const Scorer& scorer, std::span<const std::string> file_paths)
    : reader_(sets),
      layout_(layout),
      flag_names_(scorer.flag_names()),
      file_paths_(file_paths),
      owned_(layout.columns.size()),
      cells_(layout.columns.size()) {
  for (const MasterColumn& c : layout.columns) types_.push_back(TypeOfMasterColumn(c));
  // Which master field columns hold numbers (never formula-guarded in the CSV).
  for (const Field f : layout.fields) {
    field_kind_.push_back(IsNumeric(InfoOf(f).type) ? CellKind::kNumber : CellKind::kText);
  }
}

std::span<const MasterCell> MasterRowRenderer::Render(CandidateRef ref) {
  const Candidate& c = reader_.Read(ref);
  UnpackSlots(layout_, ref.set, c, &slots_);
  for (size_t i = 0; i < layout_.columns.size(); ++i) {
    const MasterColumn& col = layout_.columns[i];
    std::string& own = owned_[i];
    MasterCell& cell = cells_[i];
    switch (col.kind) {
      case ColumnKind::kField:
        cell = {slots_[col.index], field_kind_[col.index]};
        break;
      case ColumnKind::kScore:
        own = FormatScore(c.result.score);
        cell = {own, CellKind::kNumber};
        break;
      case ColumnKind::kClass:
        cell = {ClassificationName(c.result.classification), CellKind::kText};
        break;
      case ColumnKind::kComponent:
        own = FormatScore(RoundHalfEven2(c.result.components[col.index]));
        cell = {own, CellKind::kNumber};
        break;
      case ColumnKind::kFlags:
        own.clear();
        for (size_t f = 0; f < flag_names_.size(); ++f) {
          if ((c.result.flags & (1u << f)) == 0) continue;
          if (!own.empty()) own += ';';
          own += flag_names_[f];
        }
        cell = {own, CellKind::kText};
        break;
      case ColumnKind::kSourceFile:
        cell = {file_paths_[c.id.file], CellKind::kText};
        break;
      case ColumnKind::kSourceRow: {
        char buf[24];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, c.id.row);
        (void)ec;
        own.assign(buf, end);
        cell = {own, CellKind::kNumber};
        break;
      }
      case ColumnKind::kPassthrough: {
        const std::string_view text = slots_[layout_.fields.size() + col.index];
        cell = {text, LooksNumeric(text) ? CellKind::kNumber : CellKind::kText};
        break;
      }
    }
  }
  return cells_;
}

}  // namespace flexpipe
