// One candidate ↔ one row of `properties`. The writer binds a candidate's
// score, components, flags, key, canonical cells (one typed column per
// field, see field_columns.h) and pass-through cells (a JSON array in the
// order of files.passthrough_headers); the reader rebuilds the same
// ScoreResult and the same packed cells from such a row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/candidate_set.h"
#include "flexpipe/status.h"
#include "store/database.h"
#include "store/run_store.h"

namespace flexpipe {

// INSERT INTO properties (...) VALUES (?, ...): one row.
std::string InsertPropertySql();
// SELECT ... FROM properties WHERE file_id = ?1 ORDER BY id; read by PropertyReader.
std::string SelectPropertiesSql();

// Binds and runs `insert` (prepared from InsertPropertySql) for each
// candidate of one file. One thread; `insert` outlives the writer.
class PropertyWriter {
 public:
  PropertyWriter(Statement* insert, const CandidateLayout& layout, const ScoreColumns& columns);
  Status Insert(int64_t id, int64_t file_id, int64_t run_id, const Candidate& candidate);

 private:
  Statement* insert_;
  const CandidateLayout& layout_;
  ScoreColumns columns_;
  std::vector<int> field_param_;  // per layout field: its parameter index
  std::string scratch_, components_, flags_, passthrough_;
};

// One row of SelectPropertiesSql, decoded.
struct PropertyRow {
  int64_t id = 0;
  uint32_t sheet = 0;
  uint64_t source_row = 0;
  ScoreResult result;
  std::string packed_cells;
  std::string key;
};

class PropertyReader {
 public:
  PropertyReader(const CandidateLayout& layout, const ScoreColumns& columns)
      : layout_(layout), columns_(columns) {}
  // Decodes the current row of `select` into *row.
  Status Read(const Statement& select, PropertyRow* row);

 private:
  const CandidateLayout& layout_;
  ScoreColumns columns_;
  CellPacker packer_;
  std::string cell_;
  std::vector<std::string> passthrough_;
};

}  // namespace flexpipe
