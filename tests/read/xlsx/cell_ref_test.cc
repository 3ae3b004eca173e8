#include "read/xlsx/cell_ref.h"

#include <string>

#include <gtest/gtest.h>

#include "read/xlsx/xml_text.h"

namespace flexpipe {
namespace cell_ref_test {
namespace {

TEST(CellRefTest, ParsesReferences) {
  uint64_t column = 0;
  uint64_t row = 0;
  ASSERT_TRUE(ParseCellRef("A1", &column, &row));
  EXPECT_EQ(column, 0u);
  EXPECT_EQ(row, 1u);
  ASSERT_TRUE(ParseCellRef("BC12", &column, &row));
  EXPECT_EQ(column, 54u);
  EXPECT_EQ(row, 12u);
  ASSERT_TRUE(ParseCellRef("xfd1048576", &column, &row));
  EXPECT_EQ(column, 16383u);
  EXPECT_EQ(row, 1048576u);
  ASSERT_TRUE(ParseCellRef("XFE1", &column, &row));  // beyond the grid: the caller's call
  EXPECT_EQ(column, 16384u);
  for (const char* bad : {"", "A", "1", "A0", "1A", "$A$1", "A1:B2", "ABCDEFGH1", "A1234567890123456", "A-1",
                          "A 1", "@1", "[1"}) {
    EXPECT_FALSE(ParseCellRef(bad, &column, &row)) << bad;
  }
}

TEST(CellRefTest, ParsesRanges) {
  XlsxCellRange range;
  ASSERT_TRUE(ParseCellRange("B2:D9", &range));
  EXPECT_EQ(range, (XlsxCellRange{1, 2, 3, 9}));
  ASSERT_TRUE(ParseCellRange("D9:B2", &range));
  EXPECT_EQ(range, (XlsxCellRange{1, 2, 3, 9}));
  ASSERT_TRUE(ParseCellRange("C3", &range));
  EXPECT_EQ(range, (XlsxCellRange{2, 3, 2, 3}));
  for (const char* bad : {"", ":", "A1:", ":B2", "A1:XFE1", "A1:A1048577", "A1:B2:C3", "A:B"}) {
    EXPECT_FALSE(ParseCellRange(bad, &range)) << bad;
  }
}

TEST(CellRefTest, Names) {
  EXPECT_EQ(ColumnName(0), "A");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(701), "ZZ");
  EXPECT_EQ(ColumnName(702), "AAA");
  EXPECT_EQ(ColumnName(16383), "XFD");
  EXPECT_EQ(CellRefName(54, 12), "BC12");
  for (uint64_t c = 0; c < 20000; c += 7) {
    uint64_t column = 0;
    uint64_t row = 0;
    ASSERT_TRUE(ParseCellRef(CellRefName(c, 5), &column, &row));
    EXPECT_EQ(column, c);
  }
}

std::string Decode(std::string_view raw) {
  std::string out(raw.size(), '\0');
  size_t n = 0;
  std::string_view bad;
  if (!DecodeXmlText(raw, out.data(), &n, &bad)) return "bad:" + std::string(bad);
  out.resize(n);
  return out;
}

TEST(XmlTextTest, DecodesReferencesAndLineEnds) {
  EXPECT_EQ(Decode("a &amp; b &lt;c&gt; &quot;&apos;"), "a & b <c> \"'");
  EXPECT_EQ(Decode("&#65;&#x41;&#X41;"), "bad:&#X41;");
  EXPECT_EQ(Decode("&#65;&#x41;&#x20ac;&#x1F600;&#9;"), "AA\xE2\x82\xAC\xF0\x9F\x98\x80\t");
  EXPECT_EQ(Decode("&#0000065;"), "A");
  EXPECT_EQ(Decode("&#x10FFFF;"), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(Decode("a\r\nb\rc\n\r"), "a\nb\nc\n\n");
  EXPECT_EQ(Decode("&nbsp;"), "bad:&nbsp;");
  EXPECT_EQ(Decode("&#0;"), "bad:&#0;");
  EXPECT_EQ(Decode("&#xDFFF;"), "bad:&#xDFFF;");
  EXPECT_EQ(Decode("&#x110000;"), "bad:&#x110000;");
  EXPECT_EQ(Decode("x &amp"), "bad:&amp");
  EXPECT_EQ(Decode("&AMP;"), "bad:&AMP;");
  EXPECT_EQ(Decode("&averyveryverylongname;"), "bad:&averyveryverylo");
  // In place.
  std::string text = "&lt;&#x1F600;&gt;";
  size_t n = 0;
  std::string_view bad;
  ASSERT_TRUE(DecodeXmlText(text, text.data(), &n, &bad));
  EXPECT_EQ(text.substr(0, n), "<\xF0\x9F\x98\x80>");
  EXPECT_EQ(NormalizeLineEnds("a\r\nb\r", text.data()), 4u);
  EXPECT_EQ(text.substr(0, 4), "a\nb\n");
}

}  // namespace
}  // namespace cell_ref_test
}  // namespace flexpipe
