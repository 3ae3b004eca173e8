#include "store/database.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace flexpipe {
namespace database_test {
namespace {

using testing::TempDir;

std::string DbPath(const TempDir& dir) { return (dir.path() / "t.db").string(); }

TEST(Database, OpenAppliesTheStorePragmas) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(*(*db)->QueryText("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA busy_timeout"), 5000);
  EXPECT_EQ(*(*db)->QueryInt("PRAGMA query_only"), 0);
}

TEST(Database, ErrorsCarrySqlitesMessageAndThePath) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok());
  auto bad = (*db)->Prepare("SELECT * FROM no_such_table");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kDatabaseError);
  EXPECT_NE(bad.status().message().find("no such table: no_such_table"), std::string::npos)
      << bad.status().message();
  EXPECT_EQ(bad.status().location().file, DbPath(dir));

  Status exec = (*db)->Exec("CREATE TABLE t (x INTEGER NOT NULL); INSERT INTO t VALUES (NULL)");
  EXPECT_NE(exec.message().find("NOT NULL constraint failed: t.x"), std::string::npos) << exec.message();
}

TEST(Database, OpeningSomethingThatIsNotADatabaseFails) {
  TempDir dir;
  const auto path = dir.Write("notes.db", std::string(4096, 'x'));
  auto db = Database::Open(path.string());
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("not a database"), std::string::npos) << db.status().ToString();
  DatabaseOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(Database::Open(path.string(), ro).ok());
  EXPECT_FALSE(Database::Open((dir.path() / "missing.db").string(), ro).ok());
}

TEST(Database, PrepareTakesExactlyOneStatement) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok());
  EXPECT_TRUE((*db)->Prepare("SELECT 1; -- a comment\n  ").ok());
  auto two = (*db)->Prepare("SELECT 1; SELECT 2");
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().message().find("only one SQL statement"), std::string::npos);
  EXPECT_FALSE((*db)->Prepare("  -- nothing\n").ok());
}

TEST(Database, BindsAndReadsEveryTypeKeepingEveryByte) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT, e TEXT)").ok());
  auto insert = (*db)->Prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)");
  ASSERT_TRUE(insert.ok());
  const std::string text("a\0b\xff\xfe", 5);  // embedded NUL and bytes that are not UTF-8
  insert->Bind(1, int64_t{-9007199254740993}).Bind(2, 0.1).Bind(3, text).BindBlob(4, std::string("\0\1", 2));
  insert->BindTextOrNull(5, "").Bind(6, std::string_view());
  ASSERT_TRUE(insert->Run().ok());

  auto select = (*db)->Prepare("SELECT i, r, s, b, n, e FROM t");
  ASSERT_TRUE(select.ok());
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->column_type(0), SqlType::kInteger);
  EXPECT_EQ(select->column_int(0), -9007199254740993);
  EXPECT_EQ(select->column_double(1), 0.1);
  EXPECT_EQ(select->column_text(2), text);
  EXPECT_EQ(select->column_blob(3), std::string("\0\1", 2));
  EXPECT_EQ(select->column_type(4), SqlType::kNull);
  EXPECT_EQ(select->column_type(5), SqlType::kText);  // "" is empty text, not NULL
  EXPECT_EQ(select->column_name(2), "s");
  EXPECT_FALSE(*select->Step());
}

TEST(Database, ABindErrorIsReportedByTheNextStep) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok());
  auto stmt = (*db)->Prepare("SELECT ?");
  ASSERT_TRUE(stmt.ok());
  stmt->Bind(7, int64_t{1});
  auto step = stmt->Step();
  ASSERT_FALSE(step.ok());
  EXPECT_NE(step.status().message().find("binding parameter 7"), std::string::npos)
      << step.status().message();
  stmt->Bind(1, int64_t{1});
  EXPECT_TRUE(stmt->Step().ok());
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
  TempDir dir;
  auto db = Database::Open(DbPath(dir));
  ASSERT_TRUE(db.ok());
  Database* d = db->get();
  ASSERT_TRUE(d->Exec("CREATE TABLE t (x)").ok());
  {
    auto tx = Transaction::Begin(d);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(d->Exec("INSERT INTO t VALUES (1)").ok());
    EXPECT_TRUE(d->in_transaction());
  }
  EXPECT_FALSE(d->in_transaction());
  EXPECT_EQ(*d->QueryInt("SELECT count(*) FROM t"), 0);
  {
    auto tx = Transaction::Begin(d);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(d->Exec("INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  EXPECT_EQ(*d->QueryInt("SELECT count(*) FROM t"), 1);
}

TEST(Database, ASecondWriterWaitsThenReportsBusy) {
  TempDir dir;
  auto a = Database::Open(DbPath(dir));
  DatabaseOptions quick;
  quick.busy_timeout_ms = 50;
  auto b = Database::Open(DbPath(dir), quick);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Exec("CREATE TABLE t (x)").ok());
  auto tx = Transaction::Begin(a->get());
  ASSERT_TRUE(tx.ok());
  auto other = Transaction::Begin(b->get());
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("locked"), std::string::npos) << other.status().message();
}

}  // namespace
}  // namespace database_test
}  // namespace flexpipe
