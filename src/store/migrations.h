// Versioned schema migrations, compiled into the binary. Each has an up and
// a down script; applying one records (version, name, checksum, time) in the
// table schema_migrations and mirrors the version into PRAGMA user_version.
//
// The checksum is SHA-256 of the up script's exact text, as lowercase hex.
// A shipped migration is never edited (a changed script is a new migration):
// a database whose recorded checksums differ from the binary's, or that has
// a version the binary does not know (written by a newer flexpipe), is
// refused with kDatabaseIncompatible before anything is read or written.
// flexpipe's own list is StoreMigrations() (store/schema.h); the engine takes
// any list, so tests can play a newer or an edited binary.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "store/database.h"

namespace flexpipe {

struct Migration {
  int version;  // 1, 2, 3, ... without gaps
  std::string_view name;
  std::string_view up;
  std::string_view down;
};

// SHA-256 of migration.up, lowercase hex.
std::string MigrationChecksum(const Migration& migration);

enum class MigrationState : uint8_t {
  kApplied,           // recorded, checksum matches
  kPending,           // known to the binary, not applied
  kChecksumMismatch,  // recorded with another checksum
  kUnknown,           // recorded, but the binary has no such version (newer flexpipe)
};
std::string_view MigrationStateName(MigrationState state);  // "applied", "pending", ...

struct MigrationStatus {
  int version = 0;
  std::string name;
  MigrationState state = MigrationState::kPending;
  std::string checksum;          // the binary's ("" when kUnknown)
  std::string applied_checksum;  // recorded ("" when pending)
  std::string applied_at;        // UTC ISO time ("" when pending)
};

// One entry per version known to the binary or recorded in the database, in
// version order. Reads only (works on a read-only connection; a database
// without schema_migrations has everything pending).
Result<std::vector<MigrationStatus>> GetMigrationStatus(Database* db, std::span<const Migration> migrations);

// kDatabaseIncompatible when a recorded migration has another checksum, is
// unknown to the binary, or the recorded versions are not 1..n.
Status CheckMigrations(Database* db, std::span<const Migration> migrations);

// Applies pending migrations up to `target` (-1 = all), each in its own
// transaction; returns the version reached. Checks first, as CheckMigrations.
Result<int> Migrate(Database* db, std::span<const Migration> migrations, int target = -1);

// Reverts the `steps` most recent migrations (down scripts), each in its own
// transaction; returns the version reached. Checks first.
Result<int> Rollback(Database* db, int steps, std::span<const Migration> migrations);

}  // namespace flexpipe
