// Property tests: whatever the buffer size and batch size, the reader returns
// exactly what a simple character-at-a-time reference reader returns. Tiny
// buffers (1, 7, 64 bytes) put chunk boundaries everywhere: inside quoted cells,
// between CR and LF, inside "" pairs and multi-byte characters.
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "read/csv/csv_reader.h"
#include "read/csv_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace csv_chunking_test {
namespace {

using testing::CsvContents;

// The rules of parser.h, one character at a time, plus the reader's rules for
// blank rows, row numbers and issues.
CsvContents ReferenceRead(std::string_view text, char delimiter) {
  std::vector<std::vector<std::string>> records;
  std::vector<bool> unterminated;
  std::vector<std::string> cells;
  std::string cell;
  enum { kCellStart, kUnquoted, kQuoted } state = kCellStart;
  bool in_record = false;
  const auto end_record = [&](bool open_quote) {
    cells.push_back(cell);
    records.push_back(cells);
    unterminated.push_back(open_quote);
    cells.clear();
    cell.clear();
    state = kCellStart;
    in_record = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    in_record = true;
    if (state == kQuoted) {
      if (c != '"') {
        cell += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else {
        state = kUnquoted;  // closed; what follows is literal
      }
      continue;
    }
    if (state == kCellStart && c == '"') {
      state = kQuoted;
      continue;
    }
    if (c == delimiter) {
      cells.push_back(cell);
      cell.clear();
      state = kCellStart;
    } else if (c == '\n') {
      end_record(false);
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record(false);
    } else {
      cell += c;
      state = kUnquoted;
    }
  }
  if (in_record) end_record(state == kQuoted);

  CsvContents out;
  bool have_header = false;
  for (size_t i = 0; i < records.size(); ++i) {
    const uint64_t row = i + 1;
    if (unterminated[i]) {  // the reader fails the file here
      out.issues.push_back(fmt::format("CORRUPT_FILE row {}", row));
      return out;
    }
    bool blank = true;
    for (const std::string& s : records[i])
      blank = blank && s.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank) continue;
    if (!have_header) {
      out.header = records[i];
      out.header_row = row;
      have_header = true;
      continue;
    }
    out.rows.push_back(records[i]);
    out.row_numbers.push_back(row);
    if (records[i].size() != out.header.size()) {
      out.issues.push_back(fmt::format("RAGGED_ROW row {}: row has {} cells, header has {}", row,
                                       records[i].size(), out.header.size()));
    }
  }
  return out;
}

std::string RandomCsv(std::mt19937& rng, char delimiter) {
  static const std::vector<std::string> kCells = {
      "",
      "abc",
      "1 Main St",
      "\"q,uoted\"",
      "\"two\nlines\"",
      "\"esc \"\"q\"\" x\"",
      "5\" x",
      "Caf\xC3\xA9",
      "\xE2\x82\xAC",
      "\"\"",
      "\"cr\r\nlf\"",
      "\"a\"tail",
      " \"s\"",
      "\xF0\x9F\x8F\xA2",
      "x;y|z\tw",
  };
  static const std::vector<std::string> kEols = {"\n", "\r\n", "\r"};
  std::string text = "h1" + std::string(1, delimiter) + "h2" + std::string(1, delimiter) + "h3";
  const int records = static_cast<int>(rng() % 30);
  for (int r = 0; r < records; ++r) {
    text += kEols[rng() % kEols.size()];
    if (rng() % 8 == 0) continue;  // blank line
    const int n = (rng() % 4 == 0) ? static_cast<int>(1 + rng() % 5) : 3;
    for (int c = 0; c < n; ++c) {
      if (c > 0) text += delimiter;
      text += kCells[rng() % kCells.size()];
    }
  }
  if (rng() % 2) text += kEols[rng() % kEols.size()];
  if (rng() % 10 == 0) text += std::string(1, delimiter) + "\"unterminated \"\" at end\nmore";
  return text;
}

// Random soup of the characters that matter, for the cases nobody thinks of.
std::string RandomSoup(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"a",  "b",  ",", ",", "\"",      "\"",
                                                   "\n", "\r", ";", " ", "\xC3\xA9"};
  std::string text = "h,";
  const size_t n = rng() % 200;
  for (size_t i = 0; i < n; ++i) text += kPieces[rng() % kPieces.size()];
  return text;
}

void ExpectSame(const CsvContents& actual, const CsvContents& expected, const std::string& context);

// Reads `path` and checks it against the reference: the same contents, or
// the same file failure (no header; an open quote at the same row).
void ExpectReadMatches(const std::filesystem::path& path, const CsvOptions& options,
                       const CsvContents& expected, const std::string& context) {
  Result<CsvContents> actual = testing::ReadCsvFile(path, options);
  if (expected.header_row == 0) {  // nothing but blank records, or an open quote before the header
    EXPECT_FALSE(actual.ok()) << context;
    return;
  }
  if (!expected.issues.empty() && expected.issues.back().starts_with("CORRUPT_FILE")) {
    ASSERT_FALSE(actual.ok()) << context;
    EXPECT_EQ(fmt::format("CORRUPT_FILE row {}", actual.status().location().row), expected.issues.back())
        << actual.status().ToString() << context;
    return;
  }
  ASSERT_TRUE(actual.ok()) << actual.status().ToString() << context;
  ExpectSame(*actual, expected, context);
}

void ExpectSame(const CsvContents& actual, const CsvContents& expected, const std::string& context) {
  EXPECT_EQ(actual.header, expected.header) << context;
  EXPECT_EQ(actual.header_row, expected.header_row) << context;
  EXPECT_EQ(actual.rows, expected.rows) << context;
  EXPECT_EQ(actual.row_numbers, expected.row_numbers) << context;
  EXPECT_EQ(actual.issues, expected.issues) << context;
}

TEST(CsvChunkingTest, AnyBufferAndBatchSizeGivesTheReferenceResult) {
  testing::TempDir dir;
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    const char delimiter = ",;\t|"[trial % 4];
    const std::string text = (trial % 3 == 2) ? RandomSoup(rng) : RandomCsv(rng, delimiter);
    const char used = (trial % 3 == 2) ? ',' : delimiter;
    const CsvContents expected = ReferenceRead(text, used);
    const auto path = dir.Write("t.csv", text);
    for (const size_t buffer : {size_t{1}, size_t{7}, size_t{64}, size_t{1} << 20}) {
      for (const int rows_per_batch : {1, 3, 4096}) {
        const CsvOptions options{.delimiter = used, .buffer_bytes = buffer, .rows_per_batch = rows_per_batch};
        const std::string context =
            fmt::format("trial {} buffer {} batch {}\n{:?}", trial, buffer, rows_per_batch, text);
        ExpectReadMatches(path, options, expected, context);
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
}

TEST(CsvChunkingTest, Utf16FilesGiveTheSameRowsAsTheirUtf8Text) {
  testing::TempDir dir;
  std::mt19937 rng(11);
  for (int trial = 0; trial < 50; ++trial) {
    const std::string utf8 = RandomCsv(rng, ',');
    // UTF-8 -> UTF-16LE with a byte-order mark (the generator only emits
    // characters up to 4 bytes; decode them properly).
    std::string utf16 = "\xFF\xFE";
    for (size_t i = 0; i < utf8.size();) {
      const auto b = static_cast<unsigned char>(utf8[i]);
      const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
      i += len;
      const auto put = [&utf16](char32_t u) {
        utf16 += static_cast<char>(u & 0xFF);
        utf16 += static_cast<char>(u >> 8);
      };
      if (cp >= 0x10000) {
        put(0xD800 + ((cp - 0x10000) >> 10));
        put(0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        put(cp);
      }
    }
    const CsvContents expected = ReferenceRead(utf8, ',');
    for (const size_t buffer : {size_t{7}, size_t{1} << 20}) {
      ExpectReadMatches(dir.Write("u.csv", utf16), {.delimiter = ',', .buffer_bytes = buffer}, expected,
                        fmt::format("trial {} buffer {}", trial, buffer));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

}  // namespace
}  // namespace csv_chunking_test
}  // namespace flexpipe
