#include "generate/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "test_util.h"

namespace flexpipe {
namespace generator_test {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileToString;
using testing::TempDir;

// Splits CSV text into records of cells (RFC 4180, quotes doubled, CRLF or LF).
// Strict: returns false on a quote left open at the end.
bool ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* records) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    any = true;
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        cell.push_back(ch);
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      record.push_back(std::move(cell));
      cell.clear();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      record.push_back(std::move(cell));
      cell.clear();
      records->push_back(std::move(record));
      record.clear();
      any = false;
    } else {
      cell.push_back(ch);
    }
  }
  if (quoted) return false;
  if (any) {
    record.push_back(std::move(cell));
    records->push_back(std::move(record));
  }
  return true;
}

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::vector<std::vector<std::string>> records;
  EXPECT_TRUE(ParseCsv(ReadFileToString(path), &records)) << path;
  return records;
}

std::vector<std::string> Names(const std::vector<fs::path>& paths, const fs::path& root) {
  std::vector<std::string> out;
  for (const fs::path& p : paths) out.push_back(fs::relative(p, root).generic_string());
  return out;
}

Result<std::vector<fs::path>> GenerateInto(const fs::path& out, std::string scenario, uint64_t rows,
                                           int files, uint64_t seed = 42) {
  GenerateOptions o;
  o.out_dir = out;
  o.scenario = std::move(scenario);
  o.rows = rows;
  o.files = files;
  o.seed = seed;
  return Generate(testing::DefaultFs(), o);
}

TEST(Generate, SameOptionsGiveByteIdenticalFiles) {
  TempDir a;
  TempDir b;
  auto first = GenerateInto(a.path(), "mixed", 400, 4, 7);
  auto second = GenerateInto(b.path(), "mixed", 400, 4, 7);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_EQ(Names(*first, a.path()), Names(*second, b.path()));
  for (size_t i = 0; i < first->size(); ++i) {
    EXPECT_EQ(ReadFileToString((*first)[i]), ReadFileToString((*second)[i])) << (*first)[i];
  }
}

TEST(Generate, ADifferentSeedGivesDifferentData) {
  TempDir a;
  TempDir b;
  auto first = GenerateInto(a.path(), "valid", 50, 1, 1);
  auto second = GenerateInto(b.path(), "valid", 50, 1, 2);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(ReadFileToString(first->at(0)), ReadFileToString(second->at(0)));
}

TEST(Generate, ValidScenarioCyclesTheThreeHeaderStyles) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "valid", 20, 4);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Names(*r, dir.path()), (std::vector<std::string>{"valid_01_crexi.csv", "valid_02_appraiser.csv",
                                                             "valid_03_odd.csv", "valid_04_crexi-alt.csv"}));
  const auto header = [&](size_t i) { return ReadCsv(r->at(i)).at(0); };
  const auto has = [](const std::vector<std::string>& h, const std::string& name) {
    return std::find(h.begin(), h.end(), name) != h.end();
  };
  EXPECT_TRUE(has(header(0), "Property Address") && has(header(0), "Lot Size Acres") &&
              has(header(0), "Clear Height"));
  EXPECT_TRUE(has(header(1), "site_address") && has(header(1), "subarea_office_sqft") &&
              has(header(1), "improvement_market_value"));
  EXPECT_TRUE(has(header(2), " BUILDING-SQFT ") && has(header(2), "Yr. Built") &&
              has(header(2), "Situs Address") && has(header(2), "Just Market Value"));
  EXPECT_TRUE(has(header(3), "Street Address") && has(header(3), "Gross Building Area"));
  // Pass-through columns ride along.
  EXPECT_TRUE(has(header(0), "Listing ID") && has(header(0), "Broker") && has(header(0), "Notes"));
}

TEST(Generate, CrexiStyleStartsWithAByteOrderMarkAndUsesCrlf) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "valid", 5, 2);
  ASSERT_TRUE(r.ok());
  const std::string crexi = ReadFileToString(r->at(0));
  const std::string appraiser = ReadFileToString(r->at(1));
  EXPECT_EQ(crexi.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(crexi.find("\r\n"), std::string::npos);
  EXPECT_EQ(appraiser.find('\r'), std::string::npos);
  EXPECT_EQ(appraiser.substr(0, 9), "parcel_id");
}

TEST(Generate, WritesTheRequestedNumberOfRowsPerFile) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "valid", 321, 3);
  ASSERT_TRUE(r.ok());
  for (const fs::path& p : *r) {
    const auto records = ReadCsv(p);
    ASSERT_EQ(records.size(), 322u) << p;  // header + rows, embedded line breaks notwithstanding
    for (const auto& record : records) ASSERT_EQ(record.size(), records[0].size()) << p;
  }
}

TEST(Generate, ZeroRowsGivesHeaderOnlyExports) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "valid", 0, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadCsv(r->at(0)).size(), 1u);
}

TEST(Generate, EachScenarioWritesItsFiles) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"duplicates", {"duplicates_01_crexi.csv", "duplicates_02_appraiser.csv"}},
      {"empty", {"empty_01_header-only.csv", "empty_02_zero-byte.csv"}},
      {"missing-columns",
       {"missing-columns_01_no-address-city.csv", "missing-columns_02_no-city.csv",
        "missing-columns_03_unmapped-headers.csv"}},
      {"corrupted",
       {"corrupted_01_truncated-quote.csv", "corrupted_02_binary.csv", "corrupted_03_utf16-no-bom.csv"}},
      {"large", {"large_01_crexi.csv"}},
      {"mixed",
       {"valid_01_crexi.csv", "valid_02_appraiser.csv", "duplicates_01_odd.csv", "empty_01_header-only.csv",
        "empty_02_zero-byte.csv", "missing-columns_01_no-address-city.csv",
        "corrupted_01_truncated-quote.csv", "corrupted_02_binary.csv", "corrupted_03_utf16-no-bom.csv"}},
  };
  for (const auto& [scenario, names] : expected) {
    TempDir dir;
    auto r = GenerateInto(dir.path(), scenario, 30, 2);
    ASSERT_TRUE(r.ok()) << scenario << ": " << r.status().ToString();
    EXPECT_EQ(Names(*r, dir.path()), names) << scenario;
    for (const fs::path& p : *r) EXPECT_TRUE(fs::is_regular_file(p)) << p;
  }
}

TEST(Generate, AllPutsEveryScenarioInASubfolder) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "all", 10, 1);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::set<std::string> folders;
  for (const fs::path& p : *r) folders.insert(fs::relative(p, dir.path()).begin()->string());
  EXPECT_EQ(folders, (std::set<std::string>{"valid", "duplicates", "empty", "missing-columns", "corrupted",
                                            "large", "mixed"}));
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "mixed" / "corrupted_02_binary.csv"));
}

TEST(Generate, EmptyScenarioHasAHeaderOnlyFileAndAZeroByteFile) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "empty", 100, 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ReadCsv(r->at(0)).size(), 1u);
  EXPECT_EQ(fs::file_size(r->at(1)), 0u);
}

TEST(Generate, MissingColumnsFilesLackAUsableAddressOrCity) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "missing-columns", 10, 1);
  ASSERT_TRUE(r.ok());
  const auto h0 = ReadCsv(r->at(0)).at(0);
  const auto h1 = ReadCsv(r->at(1)).at(0);
  const auto h2 = ReadCsv(r->at(2)).at(0);
  const auto has = [](const std::vector<std::string>& h, const std::string& name) {
    return std::find(h.begin(), h.end(), name) != h.end();
  };
  EXPECT_FALSE(has(h0, "Property Address") || has(h0, "City"));
  EXPECT_TRUE(has(h1, "site_address"));
  EXPECT_FALSE(has(h1, "municipality"));
  EXPECT_TRUE(has(h2, "Addr") && has(h2, "Town"));
  EXPECT_FALSE(has(h2, "Situs Address") || has(h2, "Site City"));
  EXPECT_EQ(ReadCsv(r->at(0)).size(), 11u);  // the rows are there; the columns are not
}

TEST(Generate, CorruptedFilesAreBrokenInTheirThreeWays) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "corrupted", 40, 1);
  ASSERT_TRUE(r.ok());
  std::vector<std::vector<std::string>> records;
  const std::string truncated = ReadFileToString(r->at(0));
  EXPECT_FALSE(ParseCsv(truncated, &records)) << "the quote must stay open to the end of the file";
  EXPECT_NE(truncated.back(), '\n') << "the file ends in the middle of a row";

  const std::string binary = ReadFileToString(r->at(1));
  EXPECT_EQ(binary.size(), 4096u);
  EXPECT_NE(binary.find('\0'), std::string::npos);

  const std::string utf16 = ReadFileToString(r->at(2));
  ASSERT_GE(utf16.size(), 4u);
  EXPECT_NE(utf16.substr(0, 2), "\xFF\xFE") << "no byte order mark";
  EXPECT_EQ(utf16.substr(0, 4), std::string("p\0a\0", 4));
  EXPECT_EQ(utf16.size() % 2, 0u);
}

TEST(Generate, DuplicatesScenarioRepeatsPropertiesAcrossFiles) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "duplicates", 300, 3);
  ASSERT_TRUE(r.ok());
  // The appraiser and odd styles both write the parcel id undecorated.
  const auto parcels = [](const std::vector<std::vector<std::string>>& records) {
    std::set<std::string> out;
    for (size_t i = 1; i < records.size(); ++i) out.insert(records[i][0]);
    return out;
  };
  const auto appraiser = parcels(ReadCsv(r->at(1)));
  const auto odd = parcels(ReadCsv(r->at(2)));
  size_t shared = 0;
  for (const std::string& p : odd) shared += appraiser.count(p);
  EXPECT_GT(shared, 30u);
  EXPECT_LT(appraiser.size(), 300u) << "rows repeat properties within a file too";
}

TEST(Generate, HostileOwnerNamesAppearAsWritten) {
  TempDir dir;
  auto r = GenerateInto(dir.path(), "valid", 3000, 1);
  ASSERT_TRUE(r.ok());
  const std::string text = ReadFileToString(r->at(0));
  EXPECT_NE(text.find("<script>x</script> LLC"), std::string::npos);
  EXPECT_NE(text.find("\"=HYPERLINK(\"\"x\"\")\""), std::string::npos);
  EXPECT_NE(text.find("Caf\u00e9 Holdings"), std::string::npos);
  EXPECT_NE(text.find(",+1 Holdings,"), std::string::npos);
}

TEST(Generate, RejectsBadOptions) {
  TempDir dir;
  GenerateOptions o;
  o.out_dir = dir.path();
  o.scenario = "nonsense";
  EXPECT_EQ(Generate(testing::DefaultFs(), o).status().code(), ErrorCode::kInvalidArgument);
  o.scenario = "valid";
  o.format = "ods";
  EXPECT_EQ(Generate(testing::DefaultFs(), o).status().code(), ErrorCode::kInvalidArgument);
  o.format = "csv";
  o.files = 0;
  EXPECT_EQ(Generate(testing::DefaultFs(), o).status().code(), ErrorCode::kInvalidArgument);
  o.files = 1;
  o.as_of = "30/06/2025";
  EXPECT_EQ(Generate(testing::DefaultFs(), o).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace generator_test
}  // namespace flexpipe
