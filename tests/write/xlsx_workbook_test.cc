#include "write/xlsx_workbook.h"

#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "test_util.h"
#include "write/fault_injection_fs.h"
#include "write/xlsx/sheet_xml.h"
#include "xlsx_test_util.h"

namespace flexpipe {
namespace xlsx_workbook_test {
namespace {

using nlohmann::json;
using testing::DefaultFs;
using testing::DumpWorkbook;
using testing::Entries;
using testing::FaultInjectionFileSystem;
using testing::FsOp;
using testing::ReadFileToString;
using testing::SheetOf;
using testing::TempDir;

std::unique_ptr<XlsxWorkbook> OpenWith(const std::filesystem::path& path, FileSystem* fs,
                                       const XlsxWorkbookOptions& options) {
  auto wb = XlsxWorkbook::Create(fs, path, options);
  EXPECT_TRUE(wb.ok()) << wb.status().ToString();
  return wb.ok() ? std::move(wb).value() : nullptr;
}

// Every test runs against both engines: they keep the same contract.
class XlsxWorkbookTest : public ::testing::TestWithParam<XlsxEngine> {
 protected:
  static XlsxWorkbookOptions Options() {
    XlsxWorkbookOptions options;
    options.engine = GetParam();
    return options;
  }
  static std::unique_ptr<XlsxWorkbook> Open(const std::filesystem::path& path, FileSystem* fs = DefaultFs()) {
    return OpenWith(path, fs, Options());
  }
};

// A small table: bold header, typed cells, frozen header, filter, widths.
Status WriteSample(XlsxWorkbook* wb) {
  FP_RETURN_IF_ERROR(wb->AddSheet("Data"));
  FP_RETURN_IF_ERROR(wb->SetColumnWidth(0, 30));
  FP_RETURN_IF_ERROR(wb->FreezeRows(1));
  FP_RETURN_IF_ERROR(wb->WriteText(0, 0, "name", XlsxStyle::kHeader));
  FP_RETURN_IF_ERROR(wb->WriteText(0, 1, "value", XlsxStyle::kHeader));
  FP_RETURN_IF_ERROR(wb->WriteText(1, 0, "money"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(1, 1, 1234567.5, XlsxStyle::kMoney));
  FP_RETURN_IF_ERROR(wb->WriteText(2, 0, "acres"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(2, 1, 2.5, XlsxStyle::kAcres));
  FP_RETURN_IF_ERROR(wb->WriteText(3, 0, "score"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(3, 1, 9.27, XlsxStyle::kScore));
  FP_RETURN_IF_ERROR(wb->WriteText(4, 0, "date"));
  FP_RETURN_IF_ERROR(wb->WriteDate(4, 1, FromCivil(2025, 3, 14)));
  FP_RETURN_IF_ERROR(wb->WriteText(5, 0, "integer"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(5, 1, 25000, XlsxStyle::kInteger));
  FP_RETURN_IF_ERROR(wb->WriteText(6, 0, "year"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(6, 1, 1998, XlsxStyle::kPlainInteger));
  FP_RETURN_IF_ERROR(wb->WriteText(7, 0, "boolean"));
  FP_RETURN_IF_ERROR(wb->WriteBoolean(7, 1, true));
  FP_RETURN_IF_ERROR(wb->WriteText(8, 0, "blank"));
  FP_RETURN_IF_ERROR(wb->WriteBlank(8, 1, XlsxStyle::kMoney));
  FP_RETURN_IF_ERROR(wb->WriteText(9, 0, "general"));
  FP_RETURN_IF_ERROR(wb->WriteNumber(9, 1, -80.59));
  FP_RETURN_IF_ERROR(wb->SetAutofilter(0, 0, 9, 1));
  FP_RETURN_IF_ERROR(wb->AddSheet("Second"));
  return wb->WriteText(0, 0, "hello");
}

TEST_P(XlsxWorkbookTest, WritesTypedCellsWithTheirFormats) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  auto wb = Open(path);
  ASSERT_TRUE(WriteSample(wb.get()).ok());
  ASSERT_TRUE(wb->Commit().ok());

  const json book = DumpWorkbook(path);
  ASSERT_FALSE(book.is_null());
  ASSERT_EQ(book["sheets"].size(), 2u);
  EXPECT_EQ(book["sheets"][0]["name"], "Data");
  EXPECT_EQ(book["sheets"][1]["name"], "Second");
  const json& rows = book["sheets"][0]["rows"];
  EXPECT_EQ(rows[0][0]["v"], "name");
  EXPECT_TRUE(rows[0][0]["b"]);
  EXPECT_FALSE(rows[1][0]["b"]);
  auto value = [&](size_t r) { return rows[r][1]; };
  EXPECT_EQ(value(1)["t"], "number");
  EXPECT_EQ(value(1)["v"], 1234567.5);
  EXPECT_EQ(value(1)["f"], "#,##0");
  EXPECT_EQ(value(2)["v"], 2.5);
  EXPECT_EQ(value(2)["f"], "0.00##");
  EXPECT_EQ(value(3)["v"], 9.27);
  EXPECT_EQ(value(3)["f"], "0.00");
  EXPECT_EQ(value(4)["t"], "date");
  EXPECT_EQ(value(4)["v"], "2025-03-14");
  EXPECT_EQ(value(4)["f"], "yyyy-mm-dd");
  EXPECT_EQ(value(5)["v"], 25000);
  EXPECT_EQ(value(5)["f"], "#,##0");
  EXPECT_EQ(value(6)["v"], 1998);
  EXPECT_EQ(value(6)["f"], "0");
  EXPECT_EQ(value(7)["t"], "bool");
  EXPECT_EQ(value(7)["v"], true);
  EXPECT_EQ(value(8)["t"], "blank");
  EXPECT_EQ(value(8)["f"], "#,##0");
  EXPECT_EQ(value(9)["v"], -80.59);
  EXPECT_EQ(value(9)["f"], "General");
}

TEST_P(XlsxWorkbookTest, FreezesTheHeaderFiltersAndSetsWidths) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  auto wb = Open(path);
  ASSERT_TRUE(WriteSample(wb.get()).ok());
  ASSERT_TRUE(wb->Commit().ok());
  const json data = SheetOf(DumpWorkbook(path), "Data");
  ASSERT_FALSE(data.is_null());
  EXPECT_EQ(data["freeze"], "A2");
  EXPECT_EQ(data["filter"], "A1:B10");
  ASSERT_TRUE(data["widths"].contains("A"));
  EXPECT_NEAR(data["widths"]["A"].get<double>(), 30, 1);
  const json second = SheetOf(DumpWorkbook(path), "Second");
  EXPECT_TRUE(second["freeze"].is_null());
  EXPECT_TRUE(second["filter"].is_null());
}

TEST_P(XlsxWorkbookTest, TextThatLooksLikeAFormulaStaysText) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  const std::vector<std::string> texts = {"=1+1",   "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)",
                                          "'quoted"};
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("S").ok());
  for (uint32_t r = 0; r < texts.size(); ++r) ASSERT_TRUE(wb->WriteText(r, 0, texts[r]).ok());
  ASSERT_TRUE(wb->Commit().ok());
  const json rows = SheetOf(DumpWorkbook(path), "S")["rows"];
  ASSERT_EQ(rows.size(), texts.size());
  for (size_t r = 0; r < texts.size(); ++r) {
    EXPECT_EQ(rows[r][0]["dt"], "s") << texts[r];
    EXPECT_EQ(rows[r][0]["v"], texts[r]);
  }
}

TEST_P(XlsxWorkbookTest, RepairsBadUtf8AndCutsTextAtExcelsLimit) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteText(0, 0, "caf\xE9 ok").ok());              // cp1252 é: not UTF-8
  ASSERT_TRUE(wb->WriteText(1, 0, std::string("a\0b", 3)).ok());    // NUL
  ASSERT_TRUE(wb->WriteText(2, 0, std::string(40'000, 'x')).ok());  // too long
  ASSERT_TRUE(wb->WriteText(3, 0, std::string(32'766, 'y') + "\xF0\x9F\x8F\xAD").ok());  // emoji = 2 units
  ASSERT_TRUE(wb->WriteText(4, 0, std::string(32'767, 'z')).ok());                       // exactly the limit
  ASSERT_TRUE(wb->WriteText(5, 0, "\x01 control").ok());
  EXPECT_EQ(wb->truncated_cells(), 2u);
  ASSERT_TRUE(wb->Commit().ok());
  const json rows = SheetOf(DumpWorkbook(path), "S")["rows"];
  EXPECT_EQ(rows[0][0]["v"], "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(rows[1][0]["v"],
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(rows[2][0]["v"], std::string(32'767, 'x'));
  EXPECT_EQ(rows[3][0]["v"], std::string(32'766, 'y'));  // the emoji would pass the limit
  EXPECT_EQ(rows[4][0]["v"], std::string(32'767, 'z'));
  EXPECT_EQ(rows[5][0]["dt"], "s");
}

TEST_P(XlsxWorkbookTest, NonFiniteNumbersAreBlankAndOutOfRangeDatesAreText) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteNumber(0, 0, std::numeric_limits<double>::quiet_NaN()).ok());
  ASSERT_TRUE(wb->WriteNumber(0, 1, std::numeric_limits<double>::infinity(), XlsxStyle::kMoney).ok());
  ASSERT_TRUE(wb->WriteDate(1, 0, FromCivil(1899, 12, 31)).ok());
  ASSERT_TRUE(wb->WriteDate(1, 1, FromCivil(1900, 3, 1)).ok());
  ASSERT_TRUE(wb->WriteDate(1, 2, FromCivil(9999, 12, 31)).ok());
  ASSERT_TRUE(wb->Commit().ok());
  const json rows = SheetOf(DumpWorkbook(path), "S")["rows"];
  EXPECT_EQ(rows[0][0]["t"], "blank");
  EXPECT_EQ(rows[0][1]["t"], "blank");
  EXPECT_EQ(rows[1][0]["t"], "text");
  EXPECT_EQ(rows[1][0]["v"], "1899-12-31");
  EXPECT_EQ(rows[1][1]["v"], "1900-03-01");
  EXPECT_EQ(rows[1][1]["t"], "date");
  EXPECT_EQ(rows[1][2]["v"], "9999-12-31");
}

TEST_P(XlsxWorkbookTest, TheSameCallsGiveTheSameBytesAtAnyTime) {
  TempDir dir;
  XlsxWorkbookOptions options = Options();
  options.created_unix_seconds = FromCivil(2025, 6, 30).days * int64_t{86'400};
  auto first = OpenWith(dir.path() / "a.xlsx", DefaultFs(), options);
  ASSERT_TRUE(WriteSample(first.get()).ok());
  ASSERT_TRUE(first->Commit().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the clock's second changes
  auto second = OpenWith(dir.path() / "b.xlsx", DefaultFs(), options);
  ASSERT_TRUE(WriteSample(second.get()).ok());
  ASSERT_TRUE(second->Commit().ok());
  const std::string a = ReadFileToString(dir.path() / "a.xlsx");
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, ReadFileToString(dir.path() / "b.xlsx"));
  EXPECT_EQ(DumpWorkbook(dir.path() / "a.xlsx")["created"], "2025-06-30T00:00:00");
}

TEST_P(XlsxWorkbookTest, ConstantMemoryRefusesAnEarlierRowAndWritesNothing) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteText(5, 0, "later").ok());
  const Status s = wb->WriteText(2, 0, "earlier");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kOutputError);
  EXPECT_EQ(s.location().file, path.string());
  EXPECT_EQ(s.location().sheet, "S");
  EXPECT_EQ(s.location().row, 3u);
  EXPECT_EQ(s.location().column, "A");
  EXPECT_FALSE(wb->WriteText(6, 0, "sticky").ok());
  EXPECT_FALSE(wb->Commit().ok());
  EXPECT_TRUE(Entries(dir.path()).empty());
}

TEST_P(XlsxWorkbookTest, BadSheetNamesAndCellsOutOfRangeAreErrors) {
  TempDir dir;
  for (const std::string& name :
       std::vector<std::string>{"", "a/b", "what?", "[x]", std::string(32, 'n'), "'quoted'"}) {
    auto wb = Open(dir.path() / "book.xlsx");
    EXPECT_FALSE(wb->AddSheet(name).ok()) << name;
  }
  auto wb = Open(dir.path() / "book.xlsx");
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  EXPECT_FALSE(wb->AddSheet("DATA").ok());  // names differ in more than case
  wb = Open(dir.path() / "book.xlsx");
  EXPECT_FALSE(wb->WriteText(0, 0, "no sheet yet").ok());
  wb = Open(dir.path() / "book.xlsx");
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  EXPECT_FALSE(wb->WriteNumber(XlsxWorkbook::kMaxRows, 0, 1).ok());
  wb = Open(dir.path() / "book.xlsx");
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  EXPECT_FALSE(wb->WriteNumber(0, XlsxWorkbook::kMaxColumns, 1).ok());
  wb.reset();
  EXPECT_TRUE(Entries(dir.path()).empty());
}

TEST_P(XlsxWorkbookTest, AWorkbookNeverCommittedLeavesTheOldFileAndNoTemporaryFile) {
  TempDir dir;
  const auto path = dir.Write("book.xlsx", "old");
  {
    auto wb = Open(path);
    ASSERT_TRUE(WriteSample(wb.get()).ok());
    // Destroyed without Commit().
  }
  EXPECT_EQ(ReadFileToString(path), "old");
  EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"book.xlsx"});
  auto wb = Open(path);
  ASSERT_TRUE(WriteSample(wb.get()).ok());
  wb->Abandon();
  wb->Abandon();
  EXPECT_FALSE(wb->Commit().ok());
  EXPECT_EQ(ReadFileToString(path), "old");
  EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"book.xlsx"});
}

TEST_P(XlsxWorkbookTest, ADestinationThatCannotBeCreatedIsAnError) {
  TempDir dir;
  dir.Write("blocker", "a file where a folder should be");
  auto wb = XlsxWorkbook::Create(DefaultFs(), dir.path() / "blocker" / "book.xlsx", Options());
  ASSERT_FALSE(wb.ok());
  EXPECT_EQ(wb.status().code(), ErrorCode::kOutputError);
  EXPECT_NE(wb.status().location().file.find("book.xlsx"), std::string::npos);
  EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"blocker"});
}

// Walks the commit through a failure at every file-system call it makes:
// the destination holds its old contents or the whole new workbook, and no
// temporary file is left behind.
TEST_P(XlsxWorkbookTest, OldWorkbookSurvivesAFailureAtEveryStep) {
  FaultInjectionFileSystem counting;
  std::string new_bytes;
  {
    TempDir dir;
    const auto path = dir.Write("book.xlsx", "old");
    auto wb = Open(path, &counting);
    ASSERT_TRUE(WriteSample(wb.get()).ok());
    ASSERT_TRUE(wb->Commit().ok());
    new_bytes = ReadFileToString(path);
  }
  int failures = 0;
  for (const FsOp op : testing::AllFsOps()) {
    for (uint64_t n = 1; n <= counting.Calls(op); ++n) {
      SCOPED_TRACE(std::string(testing::FsOpName(op)) + " call " + std::to_string(n));
      TempDir dir;
      const auto path = dir.Write("book.xlsx", "old");
      FaultInjectionFileSystem fs;
      fs.FailNth(op, n);
      Status s;
      auto wb = XlsxWorkbook::Create(&fs, path, Options());
      if (!wb.ok()) {
        s = wb.status();
      } else {
        s = WriteSample(wb->get());
        if (s.ok()) s = (*wb)->Commit();
        wb->reset();
      }
      const std::string now = ReadFileToString(path);
      if (s.ok()) {
        EXPECT_EQ(now, new_bytes);
      } else {
        ++failures;
        EXPECT_EQ(s.code(), ErrorCode::kOutputError);
        EXPECT_TRUE(now == "old" || (op == FsOp::kSyncDirectory && now == new_bytes)) << now.size();
      }
      if (op != FsOp::kRemoveFile) {
        EXPECT_EQ(Entries(dir.path()), std::set<std::string>{"book.xlsx"});
      }
    }
  }
  EXPECT_GE(failures, 4);
}

TEST_P(XlsxWorkbookTest, ABackupStampKeepsThePreviousWorkbook) {
  TempDir dir;
  const auto path = dir.Write("book.xlsx", "old");
  auto wb = XlsxWorkbook::Create(DefaultFs(), path, Options(), "20250630-120000");
  ASSERT_TRUE(wb.ok());
  ASSERT_TRUE(WriteSample(wb->get()).ok());
  ASSERT_TRUE((*wb)->Commit().ok());
  EXPECT_EQ((*wb)->backup_path(), dir.path() / "book.20250630-120000.xlsx");
  EXPECT_EQ(ReadFileToString(dir.path() / "book.20250630-120000.xlsx"), "old");
  EXPECT_EQ(SheetOf(DumpWorkbook(path), "Data")["rows"][0][0]["v"], "name");
}

TEST(LibxlsxwriterWorkbook, SharedStringModeTakesCellsInAnyOrder) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  XlsxWorkbookOptions options;
  options.engine = XlsxEngine::kLibxlsxwriter;
  options.constant_memory = false;
  auto wb = OpenWith(path, DefaultFs(), options);
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteText(3, 0, "later").ok());
  ASSERT_TRUE(wb->WriteText(1, 0, "earlier").ok());
  ASSERT_TRUE(wb->WriteText(2, 0, "later").ok());
  ASSERT_TRUE(wb->Commit().ok());
  const json rows = SheetOf(DumpWorkbook(path), "S")["rows"];
  EXPECT_EQ(rows[1][0]["v"], "earlier");
  EXPECT_EQ(rows[3][0]["v"], "later");
  const std::string bytes = ReadFileToString(path);
  EXPECT_NE(bytes.find("xl/sharedStrings.xml"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, XlsxWorkbookTest,
                         ::testing::Values(XlsxEngine::kStreaming, XlsxEngine::kLibxlsxwriter),
                         [](const ::testing::TestParamInfo<XlsxEngine>& engine) {
                           return std::string(engine.param == XlsxEngine::kStreaming ? "Streaming"
                                                                                     : "Libxlsxwriter");
                         });

}  // namespace
}  // namespace xlsx_workbook_test
}  // namespace flexpipe

namespace flexpipe {
namespace xlsx_workbook_test {
namespace {

// Rows formatted off the workbook's thread (write/xlsx/sheet_xml.h) make the
// same workbook as the same cells written one at a time.
TEST(XlsxFormattedRows, AreTheSameBytesAsTheCellsWrittenOneAtATime) {
  TempDir dir;
  const std::string long_text(40'000, 'x');  // cut to Excel's limit either way
  const auto write = [&](XlsxWorkbook* wb, bool formatted) {
    ASSERT_TRUE(wb->AddSheet("Data").ok());
    ASSERT_TRUE(wb->WriteText(0, 0, "header", XlsxStyle::kHeader).ok());
    if (!formatted) {
      ASSERT_TRUE(wb->WriteNumber(1, 0, 1234567.5, XlsxStyle::kMoney).ok());
      ASSERT_TRUE(wb->WriteText(1, 2, " padded & <odd> ").ok());
      ASSERT_TRUE(wb->WriteBoolean(2, 1, true).ok());
      ASSERT_TRUE(wb->WriteText(3, 0, long_text).ok());
      ASSERT_TRUE(wb->WriteBlank(3, 1, XlsxStyle::kMoney).ok());
    } else {
      ASSERT_TRUE(wb->accepts_formatted_rows());
      std::string xml, text, scratch;
      SheetXmlWriter cells(&xml);
      cells.StartRow(1);
      cells.Number(0, 1234567.5, XlsxStyle::kMoney);
      cells.Text(2, " padded & <odd> ", XlsxStyle::kGeneral);
      cells.StartRow(2);
      cells.Boolean(1, true, XlsxStyle::kGeneral);
      cells.StartRow(3);
      ASSERT_TRUE(XlsxWorkbook::PrepareText(long_text, &text, &scratch));
      cells.Text(0, text, XlsxStyle::kGeneral);
      cells.Blank(1, XlsxStyle::kMoney);
      cells.EndRow();
      ASSERT_TRUE(wb->WriteFormattedRows(1, 3, xml, 1).ok());
    }
    ASSERT_TRUE(wb->WriteText(4, 0, "after").ok());
    ASSERT_TRUE(wb->SetAutofilter(0, 0, 4, 2).ok());
    EXPECT_EQ(wb->truncated_cells(), 1u);
    ASSERT_TRUE(wb->Commit().ok());
  };
  for (const bool formatted : {false, true}) {
    auto wb = OpenWith(dir.path() / (formatted ? "f.xlsx" : "c.xlsx"), DefaultFs(), XlsxWorkbookOptions{});
    write(wb.get(), formatted);
  }
  EXPECT_EQ(ReadFileToString(dir.path() / "f.xlsx"), ReadFileToString(dir.path() / "c.xlsx"));
}

TEST(XlsxFormattedRows, MustFollowTheRowsWrittenAndNoCellMayReopenTheirLastRow) {
  TempDir dir;
  auto wb = OpenWith(dir.path() / "a.xlsx", DefaultFs(), XlsxWorkbookOptions{});
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  ASSERT_TRUE(wb->WriteText(5, 0, "row 6").ok());
  EXPECT_FALSE(wb->WriteFormattedRows(5, 6, "<row r=\"6\"></row><row r=\"7\"></row>", 0).ok());
  wb = OpenWith(dir.path() / "b.xlsx", DefaultFs(), XlsxWorkbookOptions{});
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  ASSERT_TRUE(wb->WriteFormattedRows(1, 2, "<row r=\"2\"></row><row r=\"3\"></row>", 0).ok());
  const Status s = wb->WriteText(2, 1, "on the closed row");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.location().row, 3u);
}

TEST(XlsxFormattedRows, AnEngineThatTakesCellsOnlyRefusesThem) {
  TempDir dir;
  XlsxWorkbookOptions options;
  options.engine = XlsxEngine::kLibxlsxwriter;
  auto wb = OpenWith(dir.path() / "a.xlsx", DefaultFs(), options);
  ASSERT_TRUE(wb->AddSheet("Data").ok());
  EXPECT_FALSE(wb->accepts_formatted_rows());
  EXPECT_EQ(wb->WriteFormattedRows(1, 1, "<row r=\"2\"></row>", 0).code(), ErrorCode::kOutputError);
}

}  // namespace
}  // namespace xlsx_workbook_test
}  // namespace flexpipe
