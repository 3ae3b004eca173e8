#include "store/database.h"

#include <unistd.h>

#include <filesystem>

#include <sqlite3.h>

#include <fmt/format.h>

namespace flexpipe {
namespace {

Status MakeError(std::string_view path, std::string_view what, std::string_view detail) {
  Location where;
  where.file = std::string(path);
  return Status(ErrorCode::kDatabaseError, fmt::format("{}: {}", what, detail), std::move(where));
}

std::string_view Abbreviate(std::string_view sql) {
  constexpr size_t kMax = 80;
  return sql.size() <= kMax ? sql : sql.substr(0, kMax);
}

}  // namespace

// --- Statement ---------------------------------------------------------------

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_error_(std::move(other.bind_error_)) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    bind_error_ = std::move(other.bind_error_);
    other.stmt_ = nullptr;
  }
  return *this;
}

void Statement::NoteBind(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_.ok())
    bind_error_ = Error(rc, fmt::format("binding parameter {}", index));
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  // A non-null pointer even for "", so the value is an empty TEXT, not NULL.
  NoteBind(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8),
           index);
  return *this;
}

Statement& Statement::BindView(int index, std::string_view text) {
  NoteBind(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8),
           index);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  NoteBind(
      sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_TRANSIENT),
      index);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Result<bool> Statement::Step() {
  if (!bind_error_.ok()) {
    Status s = std::move(bind_error_);
    bind_error_ = Status();
    sqlite3_reset(stmt_);
    return s;
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = Error(rc, fmt::format("running '{}'", Abbreviate(sql())));
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() { sqlite3_reset(stmt_); }

void Statement::ClearBindings() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status();
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string_view Statement::column_name(int column) const {
  const char* name = sqlite3_column_name(stmt_, column);
  return name != nullptr ? std::string_view(name) : std::string_view();
}

SqlType Statement::column_type(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return SqlType::kInteger;
    case SQLITE_FLOAT:
      return SqlType::kReal;
    case SQLITE_TEXT:
      return SqlType::kText;
    case SQLITE_BLOB:
      return SqlType::kBlob;
    default:
      return SqlType::kNull;
  }
}

int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::column_text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int n = sqlite3_column_bytes(stmt_, column);  // after column_text: the text's size
  return text != nullptr ? std::string_view(text, static_cast<size_t>(n)) : std::string_view();
}

std::string_view Statement::column_blob(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  const int n = sqlite3_column_bytes(stmt_, column);
  return bytes != nullptr ? std::string_view(bytes, static_cast<size_t>(n)) : std::string_view();
}

bool Statement::read_only() const { return sqlite3_stmt_readonly(stmt_) != 0; }

std::string_view Statement::sql() const {
  const char* text = sqlite3_sql(stmt_);
  return text != nullptr ? std::string_view(text) : std::string_view();
}

Status Statement::Error(int rc, std::string_view what) const { return db_->Error(rc, what); }

// --- Database ----------------------------------------------------------------

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, const DatabaseOptions& options) {
  int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  // A reader opens the file for writing when it may (and never writes:
  // query_only below): a connection opened read-only cannot remove the
  // -wal and -shm files SQLite makes beside the database, and they would stay
  // after every `flexpipe runs`. Read-only proper when the file is not ours to write.
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  const bool writable_reader = options.read_only && ::access(path.c_str(), W_OK) == 0 &&
                               ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
  if (options.read_only && !writable_reader) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE | (options.create && !options.read_only ? SQLITE_OPEN_CREATE : 0);
  }
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close_v2(handle);
    return MakeError(path, "opening the database", detail);
  }
  std::unique_ptr<Database> db(new Database(handle, path, options.read_only));
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  FP_RETURN_IF_ERROR(
      db->Exec(fmt::format("PRAGMA foreign_keys = ON; PRAGMA cache_size = -{};", options.cache_kib)));
  if (options.read_only) {
    FP_RETURN_IF_ERROR(db->Exec("PRAGMA query_only = ON;"));
    // Reading the schema now turns "not a database" into an error at open.
    FP_RETURN_IF_ERROR(db->QueryInt("PRAGMA schema_version").status());
    return db;
  }
  FP_ASSIGN_OR_RETURN(const std::string mode, db->QueryText("PRAGMA journal_mode = WAL"));
  if (mode != "wal") {
    return MakeError(path, "opening the database",
                     fmt::format("cannot use WAL journal mode (got '{}')", mode));
  }
  FP_RETURN_IF_ERROR(
      db->Exec("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864; PRAGMA wal_autocheckpoint "
               "= 16384;"));
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Error(std::string_view what) const { return MakeError(path_, what, sqlite3_errmsg(db_)); }

Status Database::Error(int rc, std::string_view what) const {
  // sqlite3_errmsg describes the most recent failure on this connection;
  // fall back to the code's generic text when it is about something else.
  const int last = sqlite3_extended_errcode(db_);
  return MakeError(path_, what, last == rc ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
}

Status Database::Exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return MakeError(path_, fmt::format("running '{}'", Abbreviate(sql)), detail);
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (rc != SQLITE_OK) return Error(rc, fmt::format("preparing '{}'", Abbreviate(sql)));
  Statement statement(this, stmt);
  if (stmt == nullptr) {
    return MakeError(path_, "preparing a statement", "the text holds no SQL statement");
  }
  // Anything after the first statement must be white space or comments.
  const auto rest = static_cast<size_t>(tail - sql.data());
  if (rest < sql.size()) {
    sqlite3_stmt* extra = nullptr;
    rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(sql.size() - rest), &extra, nullptr);
    sqlite3_finalize(extra);
    if (rc != SQLITE_OK || extra != nullptr) {
      return MakeError(path_, "preparing a statement", "only one SQL statement is allowed at a time");
    }
  }
  return statement;
}

Result<int64_t> Database::QueryInt(std::string_view sql) {
  FP_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  FP_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return MakeError(path_, fmt::format("running '{}'", Abbreviate(sql)), "no result row");
  return stmt.column_int(0);
}

Result<std::string> Database::QueryText(std::string_view sql) {
  FP_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  FP_ASSIGN_OR_RETURN(const bool row, stmt.Step());
  if (!row) return MakeError(path_, fmt::format("running '{}'", Abbreviate(sql)), "no result row");
  return std::string(stmt.column_text(0));
}

Result<bool> Database::HasTable(std::string_view name) {
  FP_ASSIGN_OR_RETURN(Statement stmt,
                      Prepare("SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ?"));
  stmt.Bind(1, name);
  return stmt.Step();
}

int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

// --- Transaction -------------------------------------------------------------

Result<Transaction> Transaction::Begin(Database* db, Mode mode) {
  FP_RETURN_IF_ERROR(db->Exec(mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN"));
  return Transaction(db);
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)Rollback();
}

Status Transaction::Commit() {
  if (db_ == nullptr) return Status(ErrorCode::kInternal, "transaction already ended");
  Status s = db_->Exec("COMMIT");
  if (!s.ok()) return s;  // still open: the destructor rolls it back
  db_ = nullptr;
  return Status::Ok();
}

Status Transaction::Rollback() {
  if (db_ == nullptr) return Status::Ok();
  Database* db = db_;
  db_ = nullptr;
  // A failed statement may already have rolled the transaction back.
  if (!db->in_transaction()) return Status::Ok();
  return db->Exec("ROLLBACK");
}

}  // namespace flexpipe
