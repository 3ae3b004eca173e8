#include "report/html_escape.h"

#include <gtest/gtest.h>

namespace flexpipe {
namespace html_escape_test {
namespace {

TEST(HtmlEscape, EscapesEveryCharacterThatCouldOpenATagOrEndAnAttribute) {
  EXPECT_EQ(HtmlEscape("<script>x</script> LLC"), "&lt;script&gt;x&lt;/script&gt; LLC");
  EXPECT_EQ(HtmlEscape("Smith, Jones & Co."), "Smith, Jones &amp; Co.");
  EXPECT_EQ(HtmlEscape("\"Quoted\" O'Brien"), "&quot;Quoted&quot; O&#39;Brien");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");  // entities in data stay literal text
  EXPECT_EQ(HtmlEscape("x\" onmouseover=\"alert(1)"), "x&quot; onmouseover=&quot;alert(1)");
}

TEST(HtmlEscape, KeepsUtf8AndWhitespace) {
  EXPECT_EQ(HtmlEscape("Caf\u00e9 M\u00fcller"), "Caf\u00e9 M\u00fcller");
  EXPECT_EQ(HtmlEscape("Tab\tSeparated\nLine"), "Tab\tSeparated\nLine");
}

TEST(HtmlEscape, RepairsBadUtf8AndControlCharacters) {
  EXPECT_EQ(HtmlEscape("caf\xE9"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(HtmlEscape(std::string_view("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(HtmlEscape("a\x1B"
                       "b\x7F"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
}

TEST(HtmlEscape, AppendsToWhatIsThere) {
  std::string out = "<p>";
  AppendHtmlEscaped("1 < 2", &out);
  EXPECT_EQ(out, "<p>1 &lt; 2");
}

TEST(TruncateText, CutsBetweenCodePointsWithAnEllipsis) {
  EXPECT_EQ(TruncateText("Boca Raton", 20), "Boca Raton");
  EXPECT_EQ(TruncateText("abcd", 4), "abcd");
  EXPECT_EQ(TruncateText("abcde", 4), "abc\u2026");
  EXPECT_EQ(TruncateText("\u00e9\u00e9\u00e9\u00e9\u00e9", 3), "\u00e9\u00e9\u2026");
  EXPECT_EQ(TruncateText("abc", 0), "");
}

}  // namespace
}  // namespace html_escape_test
}  // namespace flexpipe
