#include "store/query.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_util.h"

namespace flexpipe {
namespace query_test {
namespace {

using testing::TempDir;

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_.path() / "q.db").string();
    auto db = Database::Open(path_);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("CREATE TABLE t (id INTEGER, name TEXT, score REAL, note TEXT, raw BLOB);"
                           "INSERT INTO t VALUES (1, 'Boca Raton', 9.27, NULL, NULL);"
                           "INSERT INTO t VALUES (22, 'Miami, FL', 10.0, 'say \"hi\"', x'00ff');"
                           "INSERT INTO t VALUES (3, '=cmd', -80.59, 'two\nlines', NULL);")
                    .ok());
  }

  Result<uint64_t> Run(std::string_view sql, QueryFormat format, std::string* out, size_t sample = 1000,
                       size_t max_width = 60) {
    std::ostringstream stream;
    QueryWriterOptions options;
    options.format = format;
    options.sample_rows = sample;
    options.max_column_width = max_width;
    auto rows = RunQuery(path_, sql, options, &stream);
    *out = stream.str();
    return rows;
  }

  TempDir dir_;
  std::string path_;
};

TEST_F(QueryTest, AlignedTable) {
  std::string out;
  auto rows = Run("SELECT id, name, score, note FROM t ORDER BY id", QueryFormat::kTable, &out);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, 3u);
  EXPECT_EQ(out,
            "id  name         score  note\n"
            "--  ----------  ------  ---------\n"
            " 1  Boca Raton    9.27  NULL\n"
            " 3  =cmd        -80.59  two lines\n"
            "22  Miami, FL       10  say \"hi\"\n"
            "(3 rows)\n");
}

TEST_F(QueryTest, TableRowsAfterTheSampleKeepTheWidthsAndCutLongCells) {
  std::string out;
  auto rows = Run("SELECT id, name FROM t ORDER BY id", QueryFormat::kTable, &out, /*sample=*/1);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(out,
            "id  name\n"
            "--  ----------\n"
            " 1  Boca Raton\n"
            " 3  =cmd\n"
            "22  Miami, FL\n"
            "(3 rows)\n");
  rows = Run("SELECT name FROM t WHERE id = 1", QueryFormat::kTable, &out, 1000, /*max_width=*/5);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(out, "name\n-----\nBoca…\n(1 row)\n");
}

TEST_F(QueryTest, Csv) {
  std::string out;
  auto rows = Run("SELECT * FROM t ORDER BY id", QueryFormat::kCsv, &out);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(out,
            "id,name,score,note,raw\n"
            "1,Boca Raton,9.27,,\n"
            "3,'=cmd,-80.59,\"two\nlines\",\n"
            "22,\"Miami, FL\",10,\"say \"\"hi\"\"\",x'00ff'\n");
}

TEST_F(QueryTest, Json) {
  std::string out;
  auto rows = Run("SELECT id, name, score, note FROM t ORDER BY id", QueryFormat::kJson, &out);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(out,
            "[\n"
            "{\"id\":1,\"name\":\"Boca Raton\",\"score\":9.27,\"note\":null},\n"
            "{\"id\":3,\"name\":\"=cmd\",\"score\":-80.59,\"note\":\"two\\nlines\"},\n"
            "{\"id\":22,\"name\":\"Miami, FL\",\"score\":10,\"note\":\"say \\\"hi\\\"\"}\n"
            "]\n");
  ASSERT_TRUE(Run("SELECT * FROM t WHERE 0", QueryFormat::kJson, &out).ok());
  EXPECT_EQ(out, "[]\n");
}

TEST_F(QueryTest, WritesAreRefused) {
  std::string out;
  for (const char* sql : {"INSERT INTO t (id) VALUES (4)", "DELETE FROM t", "DROP TABLE t",
                          "CREATE TABLE u (x)", "PRAGMA user_version = 3"}) {
    auto rows = Run(sql, QueryFormat::kTable, &out);
    ASSERT_FALSE(rows.ok()) << sql;
    EXPECT_EQ(rows.status().code(), ErrorCode::kInvalidArgument) << sql;
    EXPECT_NE(rows.status().message().find("read-only"), std::string::npos) << rows.status().message();
  }
  // Even a connection that could write refuses through RunQuery; and a
  // read-only connection refuses at the SQLite level too.
  DatabaseOptions ro;
  ro.read_only = true;
  auto db = Database::Open(path_, ro);
  ASSERT_TRUE(db.ok());
  Status direct = (*db)->Exec("INSERT INTO t (id) VALUES (5)");
  EXPECT_FALSE(direct.ok());
  EXPECT_NE(direct.message().find("readonly"), std::string::npos) << direct.message();
  EXPECT_EQ(*(*db)->QueryInt("SELECT count(*) FROM t"), 3);
}

TEST_F(QueryTest, ErrorsAreClear) {
  std::string out;
  auto two = Run("SELECT 1; DELETE FROM t", QueryFormat::kTable, &out);
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(two.status().message().find("one SQL statement"), std::string::npos);

  auto bad = Run("SELECT nope FROM t", QueryFormat::kTable, &out);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kDatabaseError);
  EXPECT_NE(bad.status().message().find("no such column: nope"), std::string::npos) << bad.status().message();

  std::ostringstream sink;
  auto missing = RunQuery((dir_.path() / "absent.db").string(), "SELECT 1", {}, &sink);
  ASSERT_FALSE(missing.ok());
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "absent.db"));  // never created by a query
}

TEST_F(QueryTest, StreamsLargeResults) {
  std::string out;
  auto rows =
      Run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, i * "
          "0.5 FROM n",
          QueryFormat::kCsv, &out);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, 200000u);
  EXPECT_TRUE(out.ends_with("\n200000,100000\n"));
}

}  // namespace
}  // namespace query_test
}  // namespace flexpipe
