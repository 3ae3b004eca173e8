// The JSON columns of a `files` row: what a file's header looked like and
// its per-field counts, kept so a reused file reports exactly what reading
// it reported (columns, schema differences, data quality).
//   fields         ["parcel_id","address",...]   canonical fields it provides
//   columns        [{"header":"Site Addr","field":"address"},...]  "" = pass-through
//   field_counts   {"acres":[rows_with_column,present,parse_failures],...}
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/fields.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"
#include "pipeline/file_task.h"

namespace flexpipe {

std::string FieldNamesJson(const std::vector<Field>& fields);
Result<std::vector<Field>> ParseFieldNamesJson(std::string_view json);

std::string ColumnsJson(const std::vector<ColumnReport>& columns);
Result<std::vector<ColumnReport>> ParseColumnsJson(std::string_view json);

// Fields with all three counts zero are left out.
std::string FieldCountsJson(const FieldCounts& counts);
Result<FieldCounts> ParseFieldCountsJson(std::string_view json);

}  // namespace flexpipe
