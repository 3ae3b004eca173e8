// Property tests for the sheet scanner.
//   - Chunking: whatever the buffer size and however few bytes each Read()
//     returns (1, 7, 64 ...), the scanner returns exactly what it returns
//     reading the whole part at once: the same rows, and for damaged XML the
//     same error after the same rows. Tiny buffers put the chunk boundaries
//     everywhere: inside tags, attributes, entities, CDATA, multi-byte UTF-8.
//   - Reference: the one-shot results match an independent reader built on
//     a real XML parser (Python's ElementTree, sheet_reference.py), for random
//     sheets and for every worksheet of the real workbooks in tests/data.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "read/xlsx/cell_ref.h"
#include "read/xlsx/random_sheet.h"
#include "read/xlsx/sheet_scanner.h"
#include "read/xlsx/sheet_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace sheet_scanner_chunking_test {
namespace {

using testing::ScannedSheet;
using testing::ScanSheet;

void ExpectSame(const ScannedSheet& actual, const ScannedSheet& expected, const std::string& context) {
  EXPECT_EQ(actual.error, expected.error) << context;
  EXPECT_EQ(actual.rows, expected.rows) << context;
  EXPECT_EQ(actual.dimension, expected.dimension) << context;
  EXPECT_EQ(actual.merges, expected.merges) << context;
  EXPECT_EQ(actual.bytes_consumed, expected.bytes_consumed) << context;
}

ScannedSheet OneShot(const std::string& xml) { return ScanSheet(xml, {.buffer_bytes = xml.size() + 1}); }

void ExpectChunkingInvariant(const std::string& xml, const ScannedSheet& expected,
                             const std::string& context) {
  for (const size_t buffer : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}}) {
    for (const size_t chunk : {size_t{1}, size_t{7}, size_t{64}, SIZE_MAX}) {
      ExpectSame(ScanSheet(xml, {.buffer_bytes = buffer}, chunk), expected,
                 fmt::format("{} buffer {} chunk {}", context, buffer, chunk));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(SheetScannerChunkingTest, AnyBufferAndReadSizeGivesTheOneShotResult) {
  for (uint32_t trial = 0; trial < 300; ++trial) {
    const std::string xml = testing::RandomSheet(trial).Generate();
    const ScannedSheet expected = OneShot(xml);
    ASSERT_EQ(expected.error, "") << "trial " << trial << "\n" << xml;
    ASSERT_EQ(expected.bytes_consumed, xml.size());
    ExpectChunkingInvariant(xml, expected, fmt::format("trial {}\n{:?}", trial, xml));
    if (HasFailure()) return;
  }
}

// Damaged XML (truncated, a byte changed, dropped or doubled) fails the same
// way, after the same rows, wherever the chunk boundaries fall.
TEST(SheetScannerChunkingTest, DamagedXmlFailsTheSameWayInAnyChunking) {
  std::mt19937 rng(5);
  size_t failures = 0;
  for (uint32_t trial = 0; trial < 300; ++trial) {
    std::string xml = testing::RandomSheet(1000 + trial).Generate();
    const size_t at = rng() % xml.size();
    switch (trial % 4) {
      case 0:
        xml.resize(at);
        break;
      case 1:
        xml[at] = "<>&\"'/=x;!?]"[rng() % 12];
        break;
      case 2:
        xml.erase(at, 1);
        break;
      default:
        xml.insert(at, 1, xml[at]);
        break;
    }
    const ScannedSheet expected = OneShot(xml);
    failures += expected.error.empty() ? 0 : 1;
    ExpectChunkingInvariant(xml, expected, fmt::format("trial {}\n{:?}", trial, xml));
    if (HasFailure()) return;
  }
  EXPECT_GT(failures, 150u);  // most damage is caught
}

// The row parser reads cells spelled exactly as Excel writes them through a
// fast path (ReadCellFast) and everything else through the general one. A
// space before a cell start tag's '>' changes nothing in the XML's meaning
// but sends every cell through the general path: both must agree.
std::string WithoutFastPath(const std::string& xml) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t tag = xml.find("<c ", pos);
    if (tag == std::string::npos) break;
    size_t close = xml.find('>', tag);
    if (close == std::string::npos) break;
    if (xml[close - 1] == '/') --close;
    out.append(xml, pos, close - pos);
    out += ' ';
    pos = close;
  }
  out.append(xml, pos, std::string::npos);
  return out;
}

std::string CanonicalSheet(std::mt19937& rng) {
  static const std::vector<std::string> kTexts = {"FLEX",   "Main St &amp; 2nd", "Caf\xC3\xA9",
                                                  "a\r\nb", "&#x20AC;5",         ""};
  std::string rows;
  for (int r = 1; r <= 40; ++r) {
    if (rng() % 5 == 0) continue;  // a missing row
    rows += fmt::format("<row r=\"{}\" spans=\"1:12\">", r);
    for (uint64_t c = 0; c < 12; ++c) {
      if (rng() % 4 == 0) continue;  // a missing cell
      const std::string ref = CellRefName(c, static_cast<uint64_t>(r));
      const std::string s = rng() % 2 ? fmt::format(" s=\"{}\"", rng() % 30) : "";
      const std::string& text = kTexts[rng() % kTexts.size()];
      switch (rng() % 8) {
        case 0:
          rows += fmt::format("<c r=\"{}\"{} t=\"s\"><v>{}</v></c>", ref, s, rng() % 900);
          break;
        case 1:
          rows += fmt::format("<c r=\"{}\"{}><v>{}.{}</v></c>", ref, s, rng() % 90000, rng() % 100);
          break;
        case 2:
          rows += fmt::format("<c r=\"{}\"{} t=\"inlineStr\"><is><t>{}</t></is></c>", ref, s, text);
          break;
        case 3:
          rows += fmt::format("<c r=\"{}\"{}/>", ref, s);
          break;
        case 4:
          rows += fmt::format("<c r=\"{}\"{} t=\"str\"><f>A1</f><v>{}</v></c>", ref, s, text);
          break;
        case 5:
          rows += fmt::format("<c r=\"{}\"{} t=\"b\"><v>1</v></c>", ref, s);
          break;
        case 6:
          rows += rng() % 2 ? fmt::format("<c r=\"{}\"{} t=\"e\"><v>#N/A</v></c>", ref, s)
                            : fmt::format("<c r=\"{}\"{}></c>", ref, s);
          break;
        default:
          rows += fmt::format("<c r=\"{}\"{} t=\"str\"><v>{}</v></c>", ref, s, text);
          break;
      }
    }
    rows += "</row>";
  }
  return testing::Worksheet(rows);
}

TEST(SheetScannerChunkingTest, FastAndGeneralCellPathsAgree) {
  std::mt19937 rng(17);
  for (int trial = 0; trial < 200; ++trial) {
    const std::string xml = trial % 2 ? CanonicalSheet(rng) : testing::RandomSheet(5000 + trial).Generate();
    const std::string general = WithoutFastPath(xml);
    const ScannedSheet expected = OneShot(general);
    ASSERT_EQ(expected.error, "") << general;
    if (trial % 2) {
      ASSERT_GT(expected.rows.size(), 20u) << general;
    }
    const ScannedSheet actual = OneShot(xml);
    EXPECT_EQ(actual.error, "") << xml;
    EXPECT_EQ(actual.rows, expected.rows) << xml;
    if (HasFailure()) return;
  }
}

// ---- Reference: Python's ElementTree ----

std::filesystem::path ReferenceScript() {
  return std::filesystem::path(__FILE__).parent_path() / "sheet_reference.py";
}

bool HavePython() { return std::filesystem::exists("/usr/bin/python3"); }

// The reference's rows in FormatRow's notation.
ScannedSheet FromReference(const nlohmann::json& sheet) {
  static const std::map<std::string, XlsxCellType> kTypes = {{"n", XlsxCellType::kNumber},
                                                             {"s", XlsxCellType::kSharedString},
                                                             {"inlineStr", XlsxCellType::kInlineString},
                                                             {"str", XlsxCellType::kFormulaString},
                                                             {"b", XlsxCellType::kBoolean},
                                                             {"e", XlsxCellType::kError},
                                                             {"d", XlsxCellType::kDate}};
  ScannedSheet out;
  for (const auto& row : sheet["rows"]) {
    std::vector<std::string> values;
    for (const auto& cell : row[1]) values.push_back(cell[3].get<std::string>());
    std::vector<XlsxCell> cells;
    for (size_t i = 0; i < row[1].size(); ++i) {
      const auto& cell = row[1][i];
      cells.push_back(XlsxCell{cell[0].get<uint32_t>(), kTypes.at(cell[1].get<std::string>()),
                               cell[2].get<uint32_t>(), values[i]});
    }
    out.rows.push_back(testing::FormatRow(XlsxRow{row[0].get<uint64_t>(), cells}));
  }
  const auto to_range = [](const nlohmann::json& r) {
    return testing::RangeName(XlsxCellRange{r[0].get<uint32_t>(), r[1].get<uint64_t>(), r[2].get<uint32_t>(),
                                            r[3].get<uint64_t>()});
  };
  if (!sheet["dimension"].is_null()) out.dimension = to_range(sheet["dimension"]);
  for (const auto& m : sheet["merges"]) out.merges.push_back(to_range(m));
  return out;
}

// Runs the reference on `arguments`; one JSON object per sheet.
std::vector<nlohmann::json> RunReference(const std::string& arguments) {
  std::string output;
  const int status = testing::RunCommand(
      fmt::format("/usr/bin/python3 {} {}", ReferenceScript().string(), arguments), &output);
  EXPECT_EQ(status, 0) << output;
  std::vector<nlohmann::json> sheets;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) sheets.push_back(nlohmann::json::parse(line));
  return sheets;
}

void ExpectMatchesReference(const ScannedSheet& actual, const ScannedSheet& expected,
                            const std::string& context) {
  EXPECT_EQ(actual.error, "") << context;
  EXPECT_EQ(actual.rows, expected.rows) << context;
  EXPECT_EQ(actual.dimension, expected.dimension) << context;
  EXPECT_EQ(actual.merges, expected.merges) << context;
}

TEST(SheetScannerReferenceTest, RandomSheetsMatchElementTree) {
  if (!HavePython()) GTEST_SKIP() << "no /usr/bin/python3";
  testing::TempDir dir;
  std::string arguments;
  std::map<std::string, std::string> sheets;
  for (uint32_t trial = 0; trial < 200; ++trial) {
    const std::string name = fmt::format("random{}.xml", trial);
    sheets[dir.Write(name, testing::RandomSheet(trial).Generate()).string()] = name;
    arguments += " " + (dir.path() / name).string();
  }
  const std::vector<nlohmann::json> expected = RunReference(arguments);
  ASSERT_EQ(expected.size(), sheets.size());
  for (const nlohmann::json& sheet : expected) {
    const std::string path = sheet["file"].get<std::string>();
    const std::string xml = testing::ReadFileToString(path);
    ExpectMatchesReference(OneShot(xml), FromReference(sheet), fmt::format("{}\n{:?}", path, xml));
    if (HasFailure()) return;
  }
}

TEST(SheetScannerReferenceTest, RealWorkbooksMatchElementTree) {
  if (!HavePython()) GTEST_SKIP() << "no /usr/bin/python3";
  testing::TempDir dir;
  std::string arguments = "--extract " + dir.path().string();
  for (const auto& entry : std::filesystem::directory_iterator(testing::TestDataPath(""))) {
    if (entry.path().extension() == ".xlsx") arguments += " " + entry.path().string();
  }
  const std::vector<nlohmann::json> expected = RunReference(arguments);
  ASSERT_GE(expected.size(), 3u);
  size_t rows = 0;
  for (const nlohmann::json& sheet : expected) {
    const std::string path = sheet["file"].get<std::string>();
    const std::string xml = testing::ReadFileToString(path);
    const ScannedSheet reference = FromReference(sheet);
    ExpectMatchesReference(OneShot(xml), reference, path);
    // Through a small buffer with odd read sizes too.
    ExpectMatchesReference(ScanSheet(xml, {.buffer_bytes = 4096}, 777), reference, path + " (chunked)");
    rows += reference.rows.size();
    if (HasFailure()) return;
  }
  EXPECT_GT(rows, 5000u);
}

}  // namespace
}  // namespace sheet_scanner_chunking_test
}  // namespace flexpipe
