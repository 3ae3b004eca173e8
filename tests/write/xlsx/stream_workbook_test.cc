// The streaming engine's own promises; the contract both engines keep is in
// tests/write/xlsx_workbook_test.cc.
#include "write/xlsx/stream_workbook.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "read/open_source.h"
#include "read/raw_batch.h"
#include "test_util.h"
#include "write/xlsx/package_parts.h"
#include "write/xlsx_test_util.h"

namespace flexpipe {
namespace stream_workbook_test {
namespace {

using nlohmann::json;
using testing::DefaultFs;
using testing::DumpWorkbook;
using testing::ReadFileToString;
using testing::SheetOf;
using testing::TempDir;

std::unique_ptr<XlsxWorkbook> Open(const std::filesystem::path& path,
                                   const XlsxWorkbookOptions& options = {}) {
  auto wb = XlsxWorkbook::Create(DefaultFs(), path, options);
  EXPECT_TRUE(wb.ok()) << wb.status().ToString();
  return wb.ok() ? std::move(wb).value() : nullptr;
}

// Rows enough for several deflate chunks.
Status WriteRows(XlsxWorkbook* wb, uint32_t rows) {
  FP_RETURN_IF_ERROR(wb->AddSheet("Rows"));
  for (uint32_t r = 0; r < rows; ++r) {
    FP_RETURN_IF_ERROR(wb->WriteText(r, 0, "parcel " + std::to_string(r * 7919 % 100'003)));
    FP_RETURN_IF_ERROR(wb->WriteNumber(r, 1, r * 0.25, XlsxStyle::kScore));
    FP_RETURN_IF_ERROR(wb->WriteNumber(r, 3, r * 1000.0, XlsxStyle::kMoney));
  }
  return Status::Ok();
}

TEST(StreamWorkbook, TheBytesDoNotDependOnTheDeflateThreads) {
  TempDir dir;
  std::vector<std::string> books;
  for (const int threads : {1, 2, 3}) {
    XlsxWorkbookOptions options;
    options.deflate_threads = threads;
    const auto path = dir.path() / ("book" + std::to_string(threads) + ".xlsx");
    auto wb = Open(path, options);
    ASSERT_TRUE(WriteRows(wb.get(), 25'000).ok());
    ASSERT_TRUE(wb->Commit().ok());
    books.push_back(ReadFileToString(path));
  }
  EXPECT_GT(books[0].size(), 100'000u);
  EXPECT_EQ(books[1], books[0]);
  EXPECT_EQ(books[2], books[0]);
  const json rows = SheetOf(DumpWorkbook(dir.path() / "book1.xlsx"), "Rows")["rows"];
  ASSERT_EQ(rows.size(), 25'000u);
  EXPECT_EQ(rows[24'999][1]["v"], 24'999 * 0.25);
  EXPECT_EQ(rows[24'999][2]["t"], "blank");  // a cell never written is absent
  EXPECT_EQ(rows[24'999][3]["v"], 24'999'000);
}

// The first column under the header, as flexpipe's reader gives it.
std::vector<std::string> ReadBackWithFlexpipe(const std::filesystem::path& path) {
  std::vector<std::string> cells;
  auto source = OpenRowSource(DefaultFs(), path, SourceOptions{});
  EXPECT_TRUE(source.ok()) << source.status().ToString();
  if (!source.ok()) return cells;
  uint64_t header_row = 0;
  EXPECT_TRUE((*source)->ReadHeader(&header_row).ok());
  RawBatch batch;
  for (;;) {
    auto more = (*source)->NextBatch(&batch);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    for (size_t r = 0; r < batch.rows(); ++r) cells.emplace_back(batch.row(r).empty() ? "" : batch.row(r)[0]);
  }
  return cells;
}

TEST(StreamWorkbook, TextComesBackExactlyWhateverItHolds) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  // openpyxl reads these as they are.
  const std::vector<std::string> plain = {"a\rb",           "tab\tand\nnewline",
                                          " leading space", "trailing space ",
                                          "<&>\"'",         "caf\xC3\xA9 \xF0\x9F\x8F\xAD"};
  // Excel's _xHHHH_ escapes carry these (XML cannot hold C0 controls, and a
  // literal "_xHHHH_" must not read back as the character it spells);
  // flexpipe's reader decodes them as Excel does, openpyxl does not.
  const std::vector<std::string> escaped = {"_x0041_ looks like an Excel escape", "\x01\x1F controls"};
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("Text & <more>").ok());
  ASSERT_TRUE(wb->WriteText(0, 0, "text").ok());
  uint32_t row = 1;
  for (const auto& t : plain) ASSERT_TRUE(wb->WriteText(row++, 0, t).ok());
  for (const auto& t : escaped) ASSERT_TRUE(wb->WriteText(row++, 0, t).ok());
  ASSERT_TRUE(wb->Commit().ok());

  const json rows = SheetOf(DumpWorkbook(path), "Text & <more>")["rows"];
  ASSERT_EQ(rows.size(), 1 + plain.size() + escaped.size());
  for (size_t r = 0; r < plain.size(); ++r) EXPECT_EQ(rows[r + 1][0]["v"], plain[r]) << r;
  std::vector<std::string> all = plain;
  all.insert(all.end(), escaped.begin(), escaped.end());
  EXPECT_EQ(ReadBackWithFlexpipe(path), all);
}

TEST(StreamWorkbook, NumbersAreWrittenInTheirShortestExactForm) {
  TempDir dir;
  const auto path = dir.path() / "book.xlsx";
  const std::vector<double> values = {-80.28870000000001, 0.1 + 0.2, 1e21, -0.0, 123456789012345.0, 5e-324};
  auto wb = Open(path);
  ASSERT_TRUE(wb->AddSheet("N").ok());
  for (uint32_t c = 0; c < values.size(); ++c) ASSERT_TRUE(wb->WriteNumber(0, c, values[c]).ok());
  ASSERT_TRUE(wb->Commit().ok());
  const json row = SheetOf(DumpWorkbook(path), "N")["rows"][0];
  for (size_t c = 0; c < values.size(); ++c) EXPECT_EQ(row[c]["v"].get<double>(), values[c]) << c;
}

TEST(StreamWorkbook, LayoutAfterTheFirstCellAndCellsOutOfOrderAreErrors) {
  TempDir dir;
  auto wb = Open(dir.path() / "a.xlsx");
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteText(0, 0, "x").ok());
  EXPECT_FALSE(wb->SetColumnWidth(0, 10).ok());
  wb = Open(dir.path() / "b.xlsx");
  ASSERT_TRUE(wb->AddSheet("S").ok());
  ASSERT_TRUE(wb->WriteText(0, 1, "x").ok());
  const Status s = wb->WriteText(0, 1, "same cell again");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.location().column, "B");
  wb.reset();
  EXPECT_TRUE(testing::Entries(dir.path()).empty());
}

TEST(StreamWorkbook, AZip64WorkbookOpensAndAnEmptyWorkbookHasASheet) {
  TempDir dir;
  XlsxWorkbookOptions options;
  options.use_zip64 = true;
  auto wb = Open(dir.path() / "zip64.xlsx", options);
  ASSERT_TRUE(WriteRows(wb.get(), 10).ok());
  ASSERT_TRUE(wb->Commit().ok());
  EXPECT_EQ(SheetOf(DumpWorkbook(dir.path() / "zip64.xlsx"), "Rows")["rows"].size(), 10u);
  wb = Open(dir.path() / "empty.xlsx");
  ASSERT_TRUE(wb->Commit().ok());
  EXPECT_FALSE(SheetOf(DumpWorkbook(dir.path() / "empty.xlsx"), "Sheet1").is_null());
}

TEST(PackageParts, XmlEscapes) {
  std::string out;
  AppendXmlText(&out, "a<b & _x0041_ _x12_ \r\x01\t\n");
  EXPECT_EQ(out, "a&lt;b &amp; _x005F_x0041_ _x12_ &#13;_x0001_\t\n");
  out.clear();
  AppendXmlText(&out, "say \"hi\"\t", /*attribute=*/true);
  EXPECT_EQ(out, "say &quot;hi&quot;&#9;");
}

}  // namespace
}  // namespace stream_workbook_test
}  // namespace flexpipe
