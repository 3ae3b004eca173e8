// A small RAII layer over one SQLite connection: open with the store's
// pragmas, prepared statements with a typed bind/step API, and transactions
// that roll back unless committed. Every failure is a Status carrying
// SQLite's own message and the database path (Location::file), code
// kDatabaseError; nothing throws.
//
// Thread-safety: a Database and its Statements are used by one thread at a
// time (callers that share one serialise, as RunStore does); the connection
// is opened SQLITE_OPEN_NOMUTEX, so SQLite takes no lock per call. Statements
// must be destroyed before their Database.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "flexpipe/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace flexpipe {

class Database;

// The storage class of a value in a result row (SQLite's fundamental types).
enum class SqlType : uint8_t { kNull, kInteger, kReal, kText, kBlob };

// A prepared statement. Bind parameters are 1-based, result columns 0-based
// (SQLite's convention). Binding copies the value (SQLITE_TRANSIENT), so the
// caller's buffers may change right after the call.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bind errors (index out of range, out of memory) are kept and returned by
  // the next Step()/Run(), so a row of binds needs one check.
  Statement& BindNull(int index);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);  // as TEXT
  // As Bind, without the copy: `text` must stay valid and unchanged until the
  // statement has run (Run(), or Step() to the end) and is re-bound or
  // destroyed. For hot loops that bind bytes owned elsewhere.
  Statement& BindView(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  // NULL when `text` is empty.
  Statement& BindTextOrNull(int index, std::string_view text);

  // Runs to the next result row: true = a row is available, false = done.
  Result<bool> Step();
  // Steps to completion (no result rows expected), then Reset().
  Status Run();
  // Makes the statement ready to run again; keeps the bindings.
  void Reset();
  // Reset() and sets every parameter to NULL.
  void ClearBindings();

  int column_count() const;
  std::string_view column_name(int column) const;
  SqlType column_type(int column) const;
  int64_t column_int(int column) const;
  double column_double(int column) const;
  // Valid until the next Step(), Reset() or destruction. TEXT keeps every
  // byte (embedded NULs and invalid UTF-8 included).
  std::string_view column_text(int column) const;
  std::string_view column_blob(int column) const;
  // Whether the statement leaves the database unchanged (sqlite3_stmt_readonly).
  bool read_only() const;
  std::string_view sql() const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Status Error(int rc, std::string_view what) const;
  void NoteBind(int rc, int index);

  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status bind_error_;
};

struct DatabaseOptions {
  // Open read-only (also sets PRAGMA query_only). Default: false.
  bool read_only = false;
  // Create the file (and nothing else: not its folder) when missing; ignored
  // read-only. Default: true.
  bool create = true;
  // How long to wait for another connection's lock before SQLITE_BUSY.
  // Default: 5000 ms.
  int busy_timeout_ms = 5000;
  // Page cache per connection, KiB. Default: 32768 (32 MiB).
  int cache_kib = 32768;
};

class Database {
 public:
  // Opens `path` and applies, for a writable connection: journal_mode=WAL,
  // synchronous=NORMAL (durable at checkpoints; a power loss loses at most
  // the last commits, never consistency), foreign_keys=ON, busy_timeout,
  // wal_autocheckpoint=16384 pages and journal_size_limit=64 MiB. A read-only connection gets foreign_keys,
  // busy_timeout and query_only=ON.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows of interest (DDL, pragmas).
  Status Exec(std::string_view sql);
  // Compiles exactly one statement; trailing text other than white space and
  // comments is an error (so a second statement is never silently ignored).
  Result<Statement> Prepare(std::string_view sql);
  // Runs a one-row, one-column query such as "PRAGMA user_version".
  Result<int64_t> QueryInt(std::string_view sql);
  Result<std::string> QueryText(std::string_view sql);
  // Whether a table or view of that name exists.
  Result<bool> HasTable(std::string_view name);

  int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  bool in_transaction() const;

  // kDatabaseError "<what>: <sqlite message>" at this database's path.
  Status Error(std::string_view what) const;
  Status Error(int rc, std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  friend class Statement;

  sqlite3* db_;
  std::string path_;
  bool read_only_;
};

// A transaction that rolls back on destruction unless Commit() succeeded.
// BEGIN IMMEDIATE takes the write lock at once, so a writer never fails
// half-way with SQLITE_BUSY (it waits busy_timeout for the lock instead).
class Transaction {
 public:
  enum class Mode : uint8_t { kDeferred, kImmediate };
  static Result<Transaction> Begin(Database* db, Mode mode = Mode::kImmediate);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Commit();
  // Rolls back now; the destructor then does nothing.
  Status Rollback();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once committed or rolled back
};

}  // namespace flexpipe
