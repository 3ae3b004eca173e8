#include "store/migrations.h"

#include <map>

#include <fmt/format.h>

#include "store/sha256.h"

namespace flexpipe {
namespace {

constexpr std::string_view kCreateMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL
))sql";

struct Applied {
  std::string name;
  std::string checksum;
  std::string applied_at;
};

Status Incompatible(const Database& db, std::string message) {
  Location where;
  where.file = db.path();
  return Status(ErrorCode::kDatabaseIncompatible, std::move(message), std::move(where));
}

Result<std::map<int, Applied>> ReadApplied(Database* db) {
  std::map<int, Applied> applied;
  FP_ASSIGN_OR_RETURN(const bool exists, db->HasTable("schema_migrations"));
  if (!exists) return applied;
  FP_ASSIGN_OR_RETURN(Statement stmt,
                      db->Prepare("SELECT version, name, checksum, applied_at FROM schema_migrations"));
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) break;
    applied[static_cast<int>(stmt.column_int(0))] = Applied{
        std::string(stmt.column_text(1)), std::string(stmt.column_text(2)), std::string(stmt.column_text(3))};
  }
  return applied;
}

const Migration* Find(std::span<const Migration> migrations, int version) {
  for (const Migration& m : migrations) {
    if (m.version == version) return &m;
  }
  return nullptr;
}

// The checks of CheckMigrations on an already read table.
Status Check(const Database& db, std::span<const Migration> migrations,
             const std::map<int, Applied>& applied) {
  int expected = 1;
  for (const auto& [version, record] : applied) {
    const Migration* known = Find(migrations, version);
    if (known == nullptr) {
      return Incompatible(
          db, fmt::format("the database has schema version {} ({}), newer than this flexpipe "
                          "knows (up to {}); use a newer flexpipe or another --db",
                          version, record.name, migrations.empty() ? 0 : migrations.back().version));
    }
    if (record.checksum != MigrationChecksum(*known)) {
      return Incompatible(
          db, fmt::format("migration {} ({}) was applied with checksum {}, but this flexpipe's is {}; "
                          "the database was made by a different build — use that build or another --db",
                          version, record.name, record.checksum, MigrationChecksum(*known)));
    }
    if (version != expected) {
      return Incompatible(db,
                          fmt::format("migration {} is recorded but {} is not; the schema_migrations table "
                                      "was edited by hand",
                                      version, expected));
    }
    ++expected;
  }
  return Status::Ok();
}

int CurrentVersion(const std::map<int, Applied>& applied) {
  return applied.empty() ? 0 : applied.rbegin()->first;
}

Status Apply(Database* db, const Migration& m) {
  FP_RETURN_IF_ERROR(db->Exec(m.up));
  FP_ASSIGN_OR_RETURN(Statement record,
                      db->Prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                                  "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
  record.Bind(1, int64_t{m.version}).Bind(2, m.name).Bind(3, MigrationChecksum(m));
  FP_RETURN_IF_ERROR(record.Run());
  return db->Exec(fmt::format("PRAGMA user_version = {}", m.version));
}

Status Revert(Database* db, const Migration& m) {
  FP_RETURN_IF_ERROR(db->Exec(m.down));
  FP_ASSIGN_OR_RETURN(Statement record, db->Prepare("DELETE FROM schema_migrations WHERE version = ?"));
  record.Bind(1, int64_t{m.version});
  FP_RETURN_IF_ERROR(record.Run());
  return db->Exec(fmt::format("PRAGMA user_version = {}", m.version - 1));
}

}  // namespace

std::string MigrationChecksum(const Migration& migration) { return Sha256Hex(migration.up); }

std::string_view MigrationStateName(MigrationState state) {
  switch (state) {
    case MigrationState::kApplied:
      return "applied";
    case MigrationState::kPending:
      return "pending";
    case MigrationState::kChecksumMismatch:
      return "checksum-mismatch";
    case MigrationState::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Result<std::vector<MigrationStatus>> GetMigrationStatus(Database* db, std::span<const Migration> migrations) {
  FP_ASSIGN_OR_RETURN(const auto applied, ReadApplied(db));
  std::map<int, MigrationStatus> all;
  for (const Migration& m : migrations) {
    MigrationStatus& s = all[m.version];
    s.version = m.version;
    s.name = std::string(m.name);
    s.checksum = MigrationChecksum(m);
    s.state = MigrationState::kPending;
  }
  for (const auto& [version, record] : applied) {
    MigrationStatus& s = all[version];
    s.version = version;
    if (s.name.empty()) s.name = record.name;
    s.applied_checksum = record.checksum;
    s.applied_at = record.applied_at;
    if (s.checksum.empty()) {
      s.state = MigrationState::kUnknown;
    } else {
      s.state = s.checksum == record.checksum ? MigrationState::kApplied : MigrationState::kChecksumMismatch;
    }
  }
  std::vector<MigrationStatus> out;
  out.reserve(all.size());
  for (auto& [version, s] : all) out.push_back(std::move(s));
  return out;
}

Status CheckMigrations(Database* db, std::span<const Migration> migrations) {
  FP_ASSIGN_OR_RETURN(const auto applied, ReadApplied(db));
  return Check(*db, migrations, applied);
}

Result<int> Migrate(Database* db, std::span<const Migration> migrations, int target) {
  if (target < 0) target = migrations.empty() ? 0 : migrations.back().version;
  FP_RETURN_IF_ERROR(db->Exec(kCreateMigrationsTable));
  while (true) {
    // Each step re-reads the table under the write lock, so two processes
    // migrating the same file at once apply every migration exactly once.
    FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    FP_ASSIGN_OR_RETURN(const auto applied, ReadApplied(db));
    FP_RETURN_IF_ERROR(Check(*db, migrations, applied));
    const int current = CurrentVersion(applied);
    if (current >= target) return current;
    const Migration* next = Find(migrations, current + 1);
    if (next == nullptr)
      return Status(ErrorCode::kInternal, fmt::format("migration {} is missing", current + 1));
    Status s = Apply(db, *next);
    if (!s.ok()) {
      return Status(s.code(), fmt::format("migration {} ({}): {}", next->version, next->name, s.message()),
                    s.location());
    }
    FP_RETURN_IF_ERROR(tx.Commit());
  }
}

Result<int> Rollback(Database* db, int steps, std::span<const Migration> migrations) {
  if (steps < 0)
    return Status(ErrorCode::kInvalidArgument, "rollback: the number of steps must not be negative");
  for (int i = 0;; ++i) {
    FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    FP_ASSIGN_OR_RETURN(const auto applied, ReadApplied(db));
    FP_RETURN_IF_ERROR(Check(*db, migrations, applied));
    const int current = CurrentVersion(applied);
    if (i == steps || current == 0) return current;
    const Migration* last = Find(migrations, current);
    Status s = Revert(db, *last);
    if (!s.ok()) {
      return Status(s.code(),
                    fmt::format("rolling back migration {} ({}): {}", last->version, last->name, s.message()),
                    s.location());
    }
    FP_RETURN_IF_ERROR(tx.Commit());
  }
}

}  // namespace flexpipe
