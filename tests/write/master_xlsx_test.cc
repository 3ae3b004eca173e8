#include "write/master_xlsx.h"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "aggregate/statistics.h"
#include "score/profile.h"
#include "score/registry.h"
#include "test_util.h"
#include "write/fault_injection_fs.h"
#include "write/master_csv.h"
#include "xlsx_test_util.h"

namespace flexpipe {
namespace master_xlsx_test {
namespace {

using nlohmann::json;
using testing::DefaultFs;
using testing::DumpWorkbook;
using testing::Entries;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::Quoted;
using testing::ReadFileToString;
using testing::SheetOf;
using testing::TempDir;
using testing::XlsxCheck;

// Two files' candidates, with every kind of master cell: IDs with leading
// zeros and ZIP+4, money, acres, square feet, years, dates, booleans,
// coordinates, formula-looking and numeric-looking pass-through text, and a
// second file whose pass-through columns partly overlap the first's.
class MasterFixture {
 public:
  explicit MasterFixture(size_t rows_per_file = 5) {
    auto scorer =
        MakeScorer("weighted", DefaultScoringProfile(), ScoringContext{FromCivil(2025, 6, 30), 4.0});
    EXPECT_TRUE(scorer.ok());
    scorer_ = std::move(scorer).value();
    files_ = {"in/a broker.csv", "in/b_appraiser.xlsx"};

    auto a = std::make_unique<CandidateSet>(
        CandidateLayout{{Field::kParcelId, Field::kAddress, Field::kCity, Field::kState, Field::kZip,
                         Field::kAcres, Field::kBuildingSqft, Field::kYearBuilt, Field::kImprovementValue,
                         Field::kSaleDate, Field::kNearHighway, Field::kLongitude},
                        {"Notes", "Code"}},
        true);
    static const std::vector<std::string> kNotes = {
        "=cmd", "-5 units", "+1", "@x", "plain, with comma", "", "12\" pipe", "Caf\u00e9 \u2603", " padded "};
    for (size_t i = 0; i < rows_per_file; ++i) {
      CellPacker p;
      p.Add(i % 2 == 0 ? "00424701000000010" : "8434605080000130");
      p.Add(std::to_string(100 + i) + " Industrial Way");
      p.Add("Boca Raton");
      p.Add("FL");
      p.Add(i % 3 == 0 ? "33431-1234" : "01234");
      p.Add(i % 4 == 0 ? "" : "2.5");
      p.Add(std::to_string(25000 + 1000 * i));
      p.Add("1998");
      p.Add(i % 2 == 0 ? "1234567.5" : "-1000");
      p.Add(i % 3 == 1 ? "" : "2025-03-14");
      p.Add(i % 2 == 0 ? "true" : "false");
      p.Add("-80.59");
      p.Add(kNotes[i % kNotes.size()]);
      p.Add(i % 2 == 0 ? "0042" : "-7.5");
      EXPECT_TRUE(a->Add(RowId{0, 0, 2 + i}, Scored(9.5 - 0.75 * static_cast<double>(i), i), p.bytes(),
                         "key a" + std::to_string(i))
                      .ok());
    }
    auto b = std::make_unique<CandidateSet>(
        CandidateLayout{{Field::kAddress, Field::kCity, Field::kOccupancy}, {"notes", "Extra"}}, true);
    for (size_t i = 0; i < rows_per_file; ++i) {
      CellPacker p;
      p.Add(std::to_string(200 + i) + " Commerce Rd");
      p.Add("Miami");
      p.Add("0.85");
      p.Add("from b");
      p.Add(i % 2 == 0 ? "=HYPERLINK(\"x\")" : "");
      EXPECT_TRUE(b->Add(RowId{1, 0, 2 + i}, Scored(9.0 - 0.75 * static_cast<double>(i), i + 1), p.bytes(),
                         "key b" + std::to_string(i))
                      .ok());
    }
    a->Seal();
    b->Seal();
    owned_.push_back(std::move(a));
    owned_.push_back(std::move(b));
    for (const auto& s : owned_) sets_.push_back(s.get());
    merged_ = MergeAndRank(sets_, true).value();
    layout_ = BuildMasterLayout(sets_, *scorer_);

    summary_.flexpipe_version = "0.1.0";
    summary_.model = "weighted";
    summary_.as_of = "2025-06-30";
    summary_.min_flex_score = 4;
    summary_.duplicate_fields = {"address", "city", "state"};
    summary_.files_found = 3;
    summary_.files_succeeded = 2;
    summary_.files_failed = 1;
    summary_.failures.push_back(
        Problem{"in/c.csv", "MISSING_REQUIRED_COLUMNS", "schema", "no address or city column", 0, "", ""});
    summary_.rows_read = 2 * rows_per_file + 7;
    summary_.rows_scored = 2 * rows_per_file;
    EXPECT_TRUE(ComputeCandidateStatistics(sets_, merged_, layout_, *scorer_, 10, files_, &summary_).ok());
  }

  Status WriteCsv(FileSystem* fs, const std::filesystem::path& path) const {
    return WriteMasterCsv(fs, path, sets_, merged_, layout_, *scorer_, files_);
  }
  Status WriteXlsx(FileSystem* fs, const std::filesystem::path& path,
                   const MasterXlsxOptions& options = {}) const {
    return WriteMasterXlsx(fs, path, sets_, merged_, layout_, *scorer_, files_, summary_, options);
  }
  size_t rows() const { return merged_.ranked.size(); }
  const MasterLayout& layout() const { return layout_; }

 private:
  static ScoreResult Scored(double score, size_t i) {
    ScoreResult r;
    r.score = score;
    for (size_t c = 0; c < 6; ++c) r.components[c] = 10.0 / static_cast<double>(c + 1 + i) + 0.125;
    r.flags = static_cast<uint32_t>(i % 4);
    r.classification = score >= 8 ? Classification::kPrimeFlex : Classification::kGoodFlex;
    r.candidate = true;
    return r;
  }

  std::unique_ptr<Scorer> scorer_;
  std::vector<std::string> files_;
  std::vector<std::unique_ptr<CandidateSet>> owned_;
  std::vector<const CandidateSet*> sets_;
  MergeResult merged_;
  MasterLayout layout_;
  RunSummary summary_;
};

// xlsx_check.py compare: every cell of the workbook equals the CSV's.
void ExpectSameAsCsv(const std::filesystem::path& csv, const std::filesystem::path& xlsx) {
  int status = 0;
  const std::string out = XlsxCheck("compare " + Quoted(csv) + " " + Quoted(xlsx), &status);
  EXPECT_EQ(status, 0) << out;
}

// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string Letters(size_t col) {
  std::string out;
  for (size_t n = col + 1; n > 0; n = (n - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

size_t ColumnOf(const MasterLayout& layout, std::string_view name) {
  for (size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.columns[i].name == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

TEST(MasterXlsx, HoldsTheMasterCsvCellForCell) {
  TempDir dir;
  MasterFixture f;
  ASSERT_TRUE(f.WriteCsv(DefaultFs(), dir.path() / "m.csv").ok());
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx").ok());
  ExpectSameAsCsv(dir.path() / "m.csv", dir.path() / "m.xlsx");
}

TEST(MasterXlsx, TypesAndFormatsEachColumn) {
  TempDir dir;
  MasterFixture f;
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx").ok());
  const json book = DumpWorkbook(dir.path() / "m.xlsx");
  ASSERT_FALSE(book.is_null());
  std::vector<std::string> names;
  for (const auto& s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Flex Candidates", "Summary", "Top Candidates"}));
  const json sheet = SheetOf(book, "Flex Candidates");
  EXPECT_EQ(sheet["freeze"], "A2");
  const size_t columns = f.layout().columns.size();
  EXPECT_EQ(sheet["filter"], "A1:" + Letters(columns - 1) + std::to_string(f.rows() + 1));
  const json& header = sheet["rows"][0];
  for (size_t c = 0; c < columns; ++c) {
    EXPECT_EQ(header[c]["v"], f.layout().columns[c].name);
    EXPECT_TRUE(header[c]["b"]) << c;
    EXPECT_TRUE(sheet["widths"].contains(Letters(c))) << c;
  }
  const json& first = sheet["rows"][1];  // a file-a row: every field present
  auto cell = [&](std::string_view name) { return first[ColumnOf(f.layout(), name)]; };
  EXPECT_EQ(cell("parcel_id")["dt"], "s");
  EXPECT_EQ(cell("parcel_id")["v"], "00424701000000010");
  EXPECT_EQ(cell("zip")["dt"], "s");
  EXPECT_EQ(cell("improvement_value")["f"], "#,##0");
  EXPECT_EQ(cell("building_sqft")["f"], "#,##0");
  EXPECT_EQ(cell("year_built")["f"], "0");
  EXPECT_EQ(cell("sale_date")["t"], "date");
  EXPECT_EQ(cell("sale_date")["f"], "yyyy-mm-dd");
  EXPECT_EQ(cell("near_highway")["t"], "bool");
  EXPECT_EQ(cell("longitude")["v"], -80.59);
  EXPECT_EQ(cell("flex_score")["f"], "0.00");
  EXPECT_EQ(cell("zoning_score")["f"], "0.00");
  EXPECT_EQ(cell("source_row")["f"], "0");
  EXPECT_EQ(cell("Notes")["v"], "=cmd");  // text, not a formula
  EXPECT_EQ(cell("Notes")["dt"], "s");
  EXPECT_EQ(cell("Code")["v"], "0042");  // numeric-looking pass-through stays text
  bool acres_seen = false;
  for (size_t r = 1; r < sheet["rows"].size(); ++r) {
    const json& acres = sheet["rows"][r][ColumnOf(f.layout(), "acres")];
    if (acres["t"] != "number") continue;
    acres_seen = true;
    EXPECT_EQ(acres["f"], "0.00##");
  }
  EXPECT_TRUE(acres_seen);
}

TEST(MasterXlsx, SummaryAndTopCandidatesSheets) {
  TempDir dir;
  MasterFixture f;
  MasterXlsxOptions options;
  options.top_n = 3;
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx", options).ok());
  const json book = DumpWorkbook(dir.path() / "m.xlsx");
  const json summary = SheetOf(book, "Summary");
  ASSERT_FALSE(summary.is_null());
  std::map<std::string, json> values;
  std::vector<std::string> labels;
  for (const auto& row : summary["rows"]) {
    if (row[0]["t"] != "text") continue;
    labels.push_back(row[0]["v"]);
    if (row.size() > 1) values[row[0]["v"]] = row[1]["v"];
  }
  EXPECT_EQ(values["Found"], 3);
  EXPECT_EQ(values["Failed"], 1);
  EXPECT_EQ(values["Unique (listed)"], f.rows());
  EXPECT_EQ(values["Scoring model"], "weighted");
  EXPECT_EQ(values["As of"], "2025-06-30");
  EXPECT_EQ(values["Minimum flex score"], 4);
  EXPECT_EQ(values["8-10"], 5);
  EXPECT_EQ(values["Maximum"], 9.5);
  EXPECT_EQ(values["in/c.csv"], "MISSING_REQUIRED_COLUMNS");
  for (const char* label : {"Run", "Files", "Rows", "Candidates", "Scores of the unique candidates",
                            "Score distribution", "Classifications", "Failed files"}) {
    EXPECT_NE(std::find(labels.begin(), labels.end(), label), labels.end()) << label;
  }

  const json top = SheetOf(book, "Top Candidates");
  ASSERT_EQ(top["rows"].size(), 4u);  // header + top 3
  EXPECT_EQ(top["rows"][0][0]["v"], "Rank");
  EXPECT_EQ(top["freeze"], "A2");
  EXPECT_EQ(top["rows"][1][0]["v"], 1);
  EXPECT_EQ(top["rows"][1][1]["v"], 9.5);
  EXPECT_EQ(top["rows"][1][3]["v"], "00424701000000010");  // parcel id as text
  EXPECT_EQ(top["rows"][1][4]["v"], "100 Industrial Way");
  EXPECT_EQ(top["rows"][1][14]["v"], "in/a broker.csv");
  EXPECT_EQ(top["rows"][1][15]["v"], 2);
}

TEST(MasterXlsx, RowsBeyondASheetsLimitContinueOnNumberedSheets) {
  TempDir dir;
  MasterFixture f(7);  // 14 rows
  MasterXlsxOptions options;
  options.max_rows_per_sheet = 5;
  ASSERT_TRUE(f.WriteCsv(DefaultFs(), dir.path() / "m.csv").ok());
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx", options).ok());
  const json book = DumpWorkbook(dir.path() / "m.xlsx");
  std::vector<std::string> names;
  for (const auto& s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Flex Candidates", "Flex Candidates (2)", "Flex Candidates (3)",
                                             "Summary", "Top Candidates"}));
  EXPECT_EQ(SheetOf(book, "Flex Candidates")["rows"].size(), 6u);
  EXPECT_EQ(SheetOf(book, "Flex Candidates (2)")["rows"].size(), 6u);
  EXPECT_EQ(SheetOf(book, "Flex Candidates (3)")["rows"].size(), 5u);
  EXPECT_EQ(SheetOf(book, "Flex Candidates (3)")["freeze"], "A2");
  EXPECT_EQ(SheetOf(book, "Flex Candidates (2)")["rows"][0][0]["b"], true);
  ExpectSameAsCsv(dir.path() / "m.csv", dir.path() / "m.xlsx");  // every sheet has the header; rows in order

  options.max_rows_per_sheet = 7;  // exactly two full sheets, no empty third
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "n.xlsx", options).ok());
  EXPECT_TRUE(SheetOf(DumpWorkbook(dir.path() / "n.xlsx"), "Flex Candidates (3)").is_null());
  options.max_rows_per_sheet = 0;
  EXPECT_FALSE(f.WriteXlsx(DefaultFs(), dir.path() / "o.xlsx", options).ok());
}

TEST(MasterXlsx, NoCandidatesGiveAHeaderOnlySheet) {
  TempDir dir;
  MasterFixture f(0);
  ASSERT_TRUE(f.WriteCsv(DefaultFs(), dir.path() / "m.csv").ok());
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx").ok());
  ExpectSameAsCsv(dir.path() / "m.csv", dir.path() / "m.xlsx");
  const json book = DumpWorkbook(dir.path() / "m.xlsx");
  EXPECT_EQ(SheetOf(book, "Flex Candidates")["rows"].size(), 1u);
  EXPECT_EQ(SheetOf(book, "Top Candidates")["rows"].size(), 1u);
}

TEST(MasterXlsx, TheSameInputsGiveTheSameBytes) {
  TempDir dir;
  MasterFixture f;
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "a.xlsx").ok());
  sleep(1);  // a second later: nothing in the file may depend on the clock
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "b.xlsx").ok());
  EXPECT_EQ(ReadFileToString(dir.path() / "a.xlsx"), ReadFileToString(dir.path() / "b.xlsx"));
  EXPECT_EQ(DumpWorkbook(dir.path() / "a.xlsx")["created"], "2025-06-30T00:00:00");
}

TEST(MasterXlsx, AFailedWriteLeavesThePreviousWorkbookAndNoTemporaryFile) {
  TempDir dir;
  MasterFixture f;
  const auto path = dir.path() / "m.xlsx";
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), path).ok());
  const std::string before = ReadFileToString(path);
  for (const FsOp op : {FsOp::kOpenWritable, FsOp::kSync, FsOp::kClose, FsOp::kRename}) {
    SCOPED_TRACE(testing::FsOpName(op));
    FaultInjectionFileSystem fs;
    fs.FailNth(op, 1);
    MasterFixture other(3);  // different contents
    const Status s = other.WriteXlsx(&fs, path);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), ErrorCode::kOutputError);
    EXPECT_EQ(s.location().file, path.string());
    EXPECT_EQ(ReadFileToString(path), before);
    EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"m.xlsx"});
  }
}

// LibreOffice, when installed, converts the workbook to CSV: the same table
// as the master CSV (numbers compared as numbers, booleans in any case).
TEST(MasterXlsx, LibreOfficeReadsTheSameTableAsTheMasterCsv) {
  if (!std::filesystem::exists("/usr/bin/soffice")) {
    GTEST_SKIP() << "LibreOffice is not installed (/usr/bin/soffice; Debian package libreoffice-calc-nogui)";
  }
  TempDir dir;
  MasterFixture f;
  ASSERT_TRUE(f.WriteCsv(DefaultFs(), dir.path() / "m.csv").ok());
  ASSERT_TRUE(f.WriteXlsx(DefaultFs(), dir.path() / "m.xlsx").ok());
  const auto out = dir.path() / "converted";
  // Field separator, quote, UTF-8, from line 1, no "as shown" formatting; its
  // own profile, so a LibreOffice already running elsewhere is not involved.
  const std::string command =
      "cd " + Quoted(dir.path()) + " && HOME=" + Quoted(dir.path()) +
      " timeout 300 /usr/bin/soffice --headless " + "-env:UserInstallation=file://" +
      (dir.path() / "profile").string() +
      " --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false'" + " --outdir " +
      Quoted(out) + " " + Quoted(dir.path() / "m.xlsx");
  std::string output;
  ASSERT_EQ(testing::RunCommand(command, &output), 0) << output;
  ASSERT_TRUE(std::filesystem::exists(out / "m.csv")) << output;
  int status = 0;
  const std::string compared =
      XlsxCheck("compare-csv " + Quoted(out / "m.csv") + " " + Quoted(dir.path() / "m.csv"), &status);
  EXPECT_EQ(status, 0) << compared;
}

}  // namespace
}  // namespace master_xlsx_test
}  // namespace flexpipe
