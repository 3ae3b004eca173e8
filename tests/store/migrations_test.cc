#include "store/migrations.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "flexpipe/fields.h"
#include "store/schema.h"
#include "test_util.h"

namespace flexpipe {
namespace migrations_test {
namespace {

using testing::TempDir;

std::unique_ptr<Database> OpenDb(const TempDir& dir) {
  auto db = Database::Open((dir.path() / "store.db").string());
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

bool Has(Database* db, std::string_view name) { return *db->HasTable(name); }

TEST(Migrations, UpAndDownOnARealFile) {
  TempDir dir;
  auto db = OpenDb(dir);
  const auto all = StoreMigrations();
  ASSERT_GE(all.size(), 2u);
  const int latest = all.back().version;

  auto reached = Migrate(db.get(), all);
  ASSERT_TRUE(reached.ok()) << reached.status().ToString();
  EXPECT_EQ(*reached, latest);
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), latest);
  for (auto table : {"runs", "files", "properties", "rejects", "run_files", "run_results",
                     "ranked_candidates", "latest_ranking", "property_passthrough", "candidate_snapshots"}) {
    EXPECT_TRUE(Has(db.get(), table)) << table;
  }
  EXPECT_EQ(*Migrate(db.get(), all), latest);  // nothing left to do

  const auto has_column = [&db](const char* table, const char* column) {
    return *db->QueryInt(fmt::format("SELECT count(*) FROM pragma_table_info('{}') WHERE name = '{}'", table,
                                     column)) == 1;
  };
  EXPECT_TRUE(has_column("rejects", "raw_value"));
  // Down to version 3: the reject details (4) go, the rest stays.
  auto down = Rollback(db.get(), latest - 3, all);
  ASSERT_TRUE(down.ok()) << down.status().ToString();
  EXPECT_EQ(*down, 3);
  EXPECT_FALSE(has_column("rejects", "raw_value"));
  EXPECT_FALSE(has_column("files", "sheet_name"));
  EXPECT_TRUE(has_column("rejects", "message"));
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 3);
  // Down one: the snapshots go, the rest stays.
  ASSERT_EQ(*Rollback(db.get(), 1, all), 2);
  EXPECT_FALSE(Has(db.get(), "candidate_snapshots"));
  EXPECT_TRUE(Has(db.get(), "latest_ranking"));
  // Down another: the views go, the tables stay.
  ASSERT_EQ(*Rollback(db.get(), 1, all), 1);
  EXPECT_FALSE(Has(db.get(), "latest_ranking"));
  EXPECT_TRUE(Has(db.get(), "properties"));

  // Down to nothing: only the bookkeeping table remains.
  ASSERT_TRUE(Rollback(db.get(), 100, all).ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"), 1);
  EXPECT_TRUE(Has(db.get(), "schema_migrations"));
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM schema_migrations"), 0);

  // And up again, one step at a time, in a new connection.
  db.reset();
  db = OpenDb(dir);
  EXPECT_EQ(*Migrate(db.get(), all, 1), 1);
  EXPECT_FALSE(Has(db.get(), "latest_ranking"));
  EXPECT_EQ(*Migrate(db.get(), all), latest);
  EXPECT_EQ(*db->QueryText("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST(Migrations, StatusListsAppliedAndPendingWithChecksums) {
  TempDir dir;
  auto db = OpenDb(dir);
  const auto all = StoreMigrations();
  auto before = GetMigrationStatus(db.get(), all);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), all.size());
  for (const MigrationStatus& s : *before) EXPECT_EQ(s.state, MigrationState::kPending);

  ASSERT_TRUE(Migrate(db.get(), all, 1).ok());
  auto after = GetMigrationStatus(db.get(), all);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)[0].state, MigrationState::kApplied);
  EXPECT_EQ((*after)[0].applied_checksum, MigrationChecksum(all[0]));
  EXPECT_EQ((*after)[0].applied_at.size(), 20u);  // 2025-06-30T12:00:00Z
  EXPECT_EQ((*after)[1].state, MigrationState::kPending);
  EXPECT_EQ((*after)[1].name, "views");
}

// The checksums of shipped migrations never change: editing one breaks every
// existing database. Add a migration instead.
TEST(Migrations, ShippedChecksumsAreFrozen) {
  const auto all = StoreMigrations();
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
  EXPECT_EQ(MigrationChecksum(all[0]), "715af60fd6d081d7cdcbfe9ab28b5bee88cdf64f3ea766c62a220d4e8792bcd5");
  EXPECT_EQ(MigrationChecksum(all[1]), "b25b57280c74478cc949a922da9525935fa0ca9bfdc7d304395ff47cd1dfbc59");
  EXPECT_EQ(MigrationChecksum(all[2]), "dfa8e694f7b8612f54a7a7b8cdfbcb936d0857521e48196a4d27a6c4da91d8d1");
}

TEST(Migrations, ChecksumMismatchIsRefused) {
  TempDir dir;
  auto db = OpenDb(dir);
  const auto all = StoreMigrations();
  ASSERT_TRUE(Migrate(db.get(), all).ok());

  // A binary whose migration 2 has different SQL than the one applied.
  std::vector<Migration> edited(all.begin(), all.end());
  const std::string changed = std::string(edited[1].up) + "\n-- edited\n";
  edited[1].up = changed;
  Status s = CheckMigrations(db.get(), edited);
  EXPECT_EQ(s.code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_NE(s.message().find("migration 2 (views) was applied with checksum"), std::string::npos)
      << s.message();
  EXPECT_EQ(s.location().file, (dir.path() / "store.db").string());
  EXPECT_EQ(Migrate(db.get(), edited).status().code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_EQ(Rollback(db.get(), 1, edited).status().code(), ErrorCode::kDatabaseIncompatible);
  auto status = GetMigrationStatus(db.get(), edited);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ((*status)[1].state, MigrationState::kChecksumMismatch);

  // The same when the record itself was tampered with.
  ASSERT_TRUE(db->Exec("UPDATE schema_migrations SET checksum = 'x' WHERE version = 1").ok());
  EXPECT_EQ(CheckMigrations(db.get(), all).code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_TRUE(Has(db.get(), "latest_ranking"));  // nothing was touched
}

TEST(Migrations, ADatabaseFromANewerBinaryIsRefused) {
  TempDir dir;
  auto db = OpenDb(dir);
  const auto all = StoreMigrations();
  std::vector<Migration> newer(all.begin(), all.end());
  const int next = all.back().version + 1;
  newer.push_back(Migration{next, "future", "CREATE TABLE future (x);", "DROP TABLE future;"});
  ASSERT_EQ(*Migrate(db.get(), newer), next);

  Status s = CheckMigrations(db.get(), all);
  EXPECT_EQ(s.code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_NE(s.message().find("newer than this flexpipe knows"), std::string::npos) << s.message();
  EXPECT_EQ(Migrate(db.get(), all).status().code(), ErrorCode::kDatabaseIncompatible);
  EXPECT_EQ(Rollback(db.get(), 1, all).status().code(), ErrorCode::kDatabaseIncompatible);
  auto status = GetMigrationStatus(db.get(), all);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->back().state, MigrationState::kUnknown);
  EXPECT_TRUE(Has(db.get(), "future"));

  // The newer binary itself can roll its migration back; then the old one works.
  ASSERT_EQ(*Rollback(db.get(), 1, newer), all.back().version);
  EXPECT_TRUE(CheckMigrations(db.get(), all).ok());
}

TEST(Migrations, AFailingMigrationLeavesTheVersionBefore) {
  TempDir dir;
  auto db = OpenDb(dir);
  const std::array<Migration, 2> migrations{{
      {1, "one", "CREATE TABLE one (x);", "DROP TABLE one;"},
      {2, "broken", "CREATE TABLE two (x); INSERT INTO nowhere VALUES (1);", "DROP TABLE two;"},
  }};
  auto reached = Migrate(db.get(), migrations);
  ASSERT_FALSE(reached.ok());
  EXPECT_NE(reached.status().message().find("migration 2 (broken)"), std::string::npos);
  EXPECT_NE(reached.status().message().find("no such table: nowhere"), std::string::npos);
  EXPECT_EQ(*db->QueryInt("PRAGMA user_version"), 1);
  EXPECT_FALSE(Has(db.get(), "two"));  // rolled back with the failed step
  EXPECT_TRUE(Has(db.get(), "one"));
}

TEST(Migrations, EveryCanonicalFieldHasAPropertiesColumn) {
  TempDir dir;
  auto db = OpenDb(dir);
  ASSERT_TRUE(Migrate(db.get(), StoreMigrations()).ok());
  for (const FieldInfo& info : AllFields()) {
    auto n = db->Prepare("SELECT count(*) FROM pragma_table_info('properties') WHERE name = ?");
    ASSERT_TRUE(n.ok());
    n->Bind(1, info.name);
    ASSERT_TRUE(*n->Step());
    EXPECT_EQ(n->column_int(0), 1) << info.name << ": add it to properties with a new migration";
  }
}

}  // namespace
}  // namespace migrations_test
}  // namespace flexpipe
