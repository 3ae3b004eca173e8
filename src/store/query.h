// `flexpipe query`: one read-only SQL statement against the store, its rows
// streamed to a writer (query_writers.h) as SQLite produces them, so the
// result set is never held in memory (the table format holds back its first
// rows to size the columns).
//
// Read-only three ways: the connection is opened SQLITE_OPEN_READONLY with
// PRAGMA query_only, and a statement that would change the database
// (sqlite3_stmt_readonly) is refused before it runs.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "flexpipe/status.h"
#include "store/database.h"
#include "store/query_writers.h"

namespace flexpipe {

// Runs `sql` on `db` (opened read-only by the caller, or any connection for
// tests) and writes the result to *out. Returns the number of rows.
// kInvalidArgument for a statement that is not read-only or not exactly one
// statement; kDatabaseError for SQL errors (with SQLite's message);
// kOutputError when *out fails.
Result<uint64_t> RunQuery(Database* db, std::string_view sql, const QueryWriterOptions& options,
                          std::ostream* out);

// Opens the database at `path` read-only and runs the query.
Result<uint64_t> RunQuery(const std::string& path, std::string_view sql, const QueryWriterOptions& options,
                          std::ostream* out);

}  // namespace flexpipe
