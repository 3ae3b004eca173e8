#include "store/schema.h"

#include <array>

namespace flexpipe {
namespace {

// Version 1: the tables. Every canonical field of docs/fields.md is a column
// of `properties` named after it, holding the value as the master CSV writes
// it: text and IDs as TEXT, numbers and money as REAL, year_built as
// INTEGER, dates as TEXT 'YYYY-MM-DD', near_highway as INTEGER 0/1; NULL
// when missing.
constexpr std::string_view kTablesUp = R"sql(
CREATE TABLE runs (
  id                      INTEGER PRIMARY KEY,
  started_at              TEXT NOT NULL,
  finished_at             TEXT,
  status                  TEXT NOT NULL DEFAULT 'running'
                          CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  flexpipe_version        TEXT NOT NULL,
  settings_fingerprint    TEXT NOT NULL,
  config                  TEXT NOT NULL CHECK (json_valid(config)),
  files_found             INTEGER,
  files_succeeded         INTEGER,
  files_failed            INTEGER,
  files_reused            INTEGER,
  rows_read               INTEGER,
  rows_scored             INTEGER,
  candidates_before_dedup INTEGER,
  candidates_unique       INTEGER,
  duplicates_removed      INTEGER,
  seconds                 REAL,
  summary                 TEXT CHECK (summary IS NULL OR json_valid(summary))
);

CREATE TABLE files (
  id                   INTEGER PRIMARY KEY,
  run_id               INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  ordinal              INTEGER NOT NULL,
  path                 TEXT NOT NULL,
  sheet                TEXT NOT NULL DEFAULT '',
  format               TEXT NOT NULL,
  size_bytes           INTEGER NOT NULL,
  mtime_ns             INTEGER NOT NULL,
  content_hash         TEXT NOT NULL,
  settings_fingerprint TEXT NOT NULL,
  status               TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  rows_read            INTEGER NOT NULL DEFAULT 0,
  rows_scored          INTEGER NOT NULL DEFAULT 0,
  rows_set_aside       INTEGER NOT NULL DEFAULT 0,
  candidates           INTEGER NOT NULL DEFAULT 0,
  duplicates_in_file   INTEGER NOT NULL DEFAULT 0,
  ragged_rows          INTEGER NOT NULL DEFAULT 0,
  value_problems       INTEGER NOT NULL DEFAULT 0,
  seconds              REAL NOT NULL DEFAULT 0,
  error_code           TEXT,
  error_category       TEXT,
  error_message        TEXT,
  fields               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
  passthrough_headers  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(passthrough_headers)),
  columns              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(columns)),
  mapping_notes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mapping_notes)),
  field_counts         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(field_counts)),
  committed_at         TEXT NOT NULL,
  UNIQUE (run_id, ordinal)
);
CREATE INDEX files_for_reuse
  ON files (path, size_bytes, mtime_ns, content_hash, settings_fingerprint) WHERE status = 'ok';

CREATE TABLE properties (
  id                INTEGER PRIMARY KEY,
  file_id           INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  run_id            INTEGER NOT NULL,
  sheet             INTEGER NOT NULL DEFAULT 0,
  source_row        INTEGER NOT NULL,
  flex_score        REAL NOT NULL,
  classification    TEXT NOT NULL,
  components        TEXT NOT NULL,
  flags             TEXT NOT NULL DEFAULT '',
  flag_bits         INTEGER NOT NULL DEFAULT 0,
  dedup_key         TEXT,
  parcel_id         TEXT,
  address           TEXT,
  unit              TEXT,
  city              TEXT,
  state             TEXT,
  zip               TEXT,
  county            TEXT,
  property_type     TEXT,
  zoning            TEXT,
  acres             REAL,
  lot_sqft          REAL,
  building_sqft     REAL,
  office_sqft       REAL,
  warehouse_sqft    REAL,
  ceiling_height    REAL,
  loading_docks     REAL,
  overhead_doors    REAL,
  year_built        INTEGER,
  occupancy         REAL,
  improvement_value REAL,
  land_value        REAL,
  total_value       REAL,
  sale_date         TEXT,
  sale_price        REAL,
  owner_name        TEXT,
  near_highway      INTEGER,
  latitude          REAL,
  longitude         REAL,
  passthrough       TEXT
);
CREATE INDEX properties_by_file ON properties (file_id);

CREATE TABLE rejects (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  source_row  INTEGER NOT NULL,
  column_name TEXT NOT NULL DEFAULT '',
  code        TEXT NOT NULL,
  category    TEXT NOT NULL,
  message     TEXT NOT NULL
);
CREATE INDEX rejects_by_file ON rejects (file_id);

CREATE TABLE run_files (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files(id),
  reused  INTEGER NOT NULL CHECK (reused IN (0, 1)),
  PRIMARY KEY (run_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX run_files_by_file ON run_files (file_id);

CREATE TABLE run_results (
  run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  rank        INTEGER NOT NULL,
  property_id INTEGER NOT NULL,
  PRIMARY KEY (run_id, rank)
) WITHOUT ROWID;
)sql";

// Not declared as foreign keys, because checking them costs time on every
// inserted row and they cannot go wrong: properties.run_id (always its
// file's run, files.run_id, which is checked) and run_results.property_id
// (a random B-tree lookup per ranked row; nothing deletes properties a
// ranking refers to).

// Children before parents, so the implicit deletes never break a foreign key.
constexpr std::string_view kTablesDown = R"sql(
DROP TABLE run_results;
DROP TABLE run_files;
DROP TABLE rejects;
DROP TABLE properties;
DROP TABLE files;
DROP TABLE runs;
)sql";

// Version 2: views for people at the sqlite3 prompt.
constexpr std::string_view kViewsUp = R"sql(
CREATE VIEW ranked_candidates AS
SELECT rr.run_id, rr.rank, p.flex_score, p.classification, p.address, p.city, p.state, p.zip,
       p.county, p.parcel_id, p.zoning, p.acres, p.building_sqft, p.flags,
       f.path AS source_file, p.source_row, p.id AS property_id
FROM run_results rr
JOIN properties p ON p.id = rr.property_id
JOIN files f ON f.id = p.file_id;

CREATE VIEW latest_ranking AS
SELECT * FROM ranked_candidates
WHERE run_id = (SELECT max(id) FROM runs WHERE status = 'completed')
ORDER BY rank;

CREATE VIEW property_passthrough AS
SELECT p.id AS property_id, p.file_id, CAST(h.key AS INTEGER) AS position, h.value AS header,
       json_extract(p.passthrough, '$[' || h.key || ']') AS value
FROM properties p
JOIN files f ON f.id = p.file_id, json_each(f.passthrough_headers) h
WHERE p.passthrough IS NOT NULL;
)sql";

constexpr std::string_view kViewsDown = R"sql(
DROP VIEW property_passthrough;
DROP VIEW latest_ranking;
DROP VIEW ranked_candidates;
)sql";

// Version 3: each file's candidates as binary snapshots (store/snapshot.h),
// the fast way back into memory when a later run reuses the file.
constexpr std::string_view kSnapshotsUp = R"sql(
CREATE TABLE candidate_snapshots (
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  format  INTEGER NOT NULL,
  rows    INTEGER NOT NULL,
  bytes   BLOB NOT NULL,
  PRIMARY KEY (file_id, seq)
);
)sql";

constexpr std::string_view kSnapshotsDown = R"sql(
DROP TABLE candidate_snapshots;
)sql";

// Version 4: what the rejects file (write/rejects_csv.h) lists for a reused
// file: the raw text of the value that did not parse, and the worksheet read.
constexpr std::string_view kRejectDetailsUp = R"sql(
ALTER TABLE rejects ADD COLUMN raw_value TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN sheet_name TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN rejects_not_listed INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr std::string_view kRejectDetailsDown = R"sql(
ALTER TABLE files DROP COLUMN rejects_not_listed;
ALTER TABLE files DROP COLUMN sheet_name;
ALTER TABLE rejects DROP COLUMN raw_value;
)sql";

constexpr auto kMigrations = std::to_array<Migration>({
    {1, "tables", kTablesUp, kTablesDown},
    {2, "views", kViewsUp, kViewsDown},
    {3, "snapshots", kSnapshotsUp, kSnapshotsDown},
    {4, "reject details", kRejectDetailsUp, kRejectDetailsDown},
});

}  // namespace

std::span<const Migration> StoreMigrations() { return kMigrations; }

}  // namespace flexpipe
