// Header mapping (fields.md, "Header matching"): which canonical field, if
// any, each source column of one file holds.
//
// A column maps to a field when its normalised header (NormalizeHeader)
// equals one of the field's aliases, or when the configuration's `columns:`
// section names it for that field; a configured mapping overrides every alias.
// A field is taken by at most one column: the first matching column wins, a
// configured column beats alias matches wherever it stands, and every losing
// column becomes a pass-through column with a note saying so. Columns that
// match nothing are pass-through columns too; an empty header cell becomes a
// pass-through column named "column_N" (N 1-based).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "flexpipe/fields.h"
#include "flexpipe/status.h"
#include "schema/record.h"

namespace flexpipe {

struct ColumnMapping {
  std::optional<Field> field;  // nullopt: a pass-through column
  std::string header;          // as written, trimmed; "column_N" for an empty header cell
  std::string normalized;      // NormalizeHeader(header)
};

struct HeaderMappingOptions {
  // Canonical field name → header as written in files (compared after
  // normalisation). Overrides the aliases. YAML: columns.
  std::map<std::string, std::string> user_columns;
};

// The result for one file. Immutable once built; safe to share across threads.
// A default-constructed mapping has no columns.
class HeaderMapping {
 public:
  // One entry per source column, in source order.
  const std::vector<ColumnMapping>& columns() const { return columns_; }
  // The source column index holding `f`, or nullopt when no column maps to it.
  std::optional<size_t> ColumnOf(Field f) const;
  // The fields the file provides: those mapped, plus kAcres when kLotSqft maps
  // (acres is then derived as lot_sqft / 43560).
  ColumnSet present() const { return present_; }
  // Indices of the pass-through columns, in source order.
  std::vector<size_t> passthrough_columns() const;
  // Notes for people: columns that lost a field to an earlier or configured
  // column, configured mappings that matched no header, derived fields.
  const std::vector<std::string>& notes() const { return notes_; }

 private:
  friend Result<HeaderMapping> MapHeader(std::span<const std::string> header_cells,
                                         const HeaderMappingOptions& options);
  static constexpr int32_t kNoColumn = -1;
  static constexpr std::array<int32_t, kFieldCount> NoColumns() {
    std::array<int32_t, kFieldCount> a{};
    a.fill(kNoColumn);
    return a;
  }

  std::vector<ColumnMapping> columns_;
  std::array<int32_t, kFieldCount> column_of_ = NoColumns();  // source column per field, or kNoColumn
  ColumnSet present_;
  std::vector<std::string> notes_;
};

// Checks a configured mapping on its own: every key must name a canonical
// field (canonical names such as "building_sqft"; "Building SqFt" is accepted
// too), every header must be non-empty after normalisation, no field may be
// named twice and no header may be given to two fields. kConfigError otherwise.
Status ValidateUserColumns(const std::map<std::string, std::string>& user_columns);

// Maps one file's header row. Fails only on an invalid configured mapping
// (see ValidateUserColumns); a header that lacks required fields is still
// mapped — use CheckRequiredColumns.
Result<HeaderMapping> MapHeader(std::span<const std::string> header_cells,
                                const HeaderMappingOptions& options);

// OK when address and city both map (the rule for a file to be processed at
// all); otherwise kMissingRequiredColumns with a message listing the headers
// found and, for each missing field, the headers that resemble its aliases.
Status CheckRequiredColumns(const HeaderMapping& m);

}  // namespace flexpipe
