// The shared-strings scanner (shared_strings_scanner.h) on parts held in
// memory:
//   - Reference: random parts with every construct of an <si> give exactly
//     what a reader built on a real XML parser gives (expat through
//     xml_parser.h: the reader this scanner replaced).
//   - Chunking: whatever the buffer size and however few bytes each Read()
//     returns, the outcome is the one-shot outcome (the same strings, or the
//     same error), for valid and for damaged parts.
//   - Malformed and hostile parts, limits, read errors.
#include "read/xlsx/shared_strings_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "read/xlsx/sheet_test_util.h"
#include "read/xlsx/xml_parser.h"

namespace flexpipe {
namespace shared_strings_scanner_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::StringFile;

constexpr const char* kPart = "xl/sharedStrings.xml";

struct Scanned {
  std::vector<std::string> strings;
  std::string error;  // Status::ToString(), or "" when the part was read
  bool operator==(const Scanned&) const = default;
};

void PrintTo(const Scanned& s, std::ostream* os) {
  *os << (s.error.empty() ? "ok" : s.error) << " [";
  for (const std::string& x : s.strings) *os << fmt::format("{:?} ", x);
  *os << "]";
}

Scanned Scan(const std::string& xml, SharedStringsOptions options = {}, size_t chunk = SIZE_MAX,
             size_t fail_at = SIZE_MAX) {
  StringFile file(xml, chunk, fail_at);
  Result<SharedStrings> table = ScanSharedStrings({&file, xml.size(), "book.xlsx", kPart}, options);
  Scanned out;
  if (!table.ok()) {
    out.error = table.status().ToString();
    return out;
  }
  for (uint32_t i = 0; i < table->size(); ++i) out.strings.emplace_back(table->Get(i));
  return out;
}

Scanned OneShot(const std::string& xml) { return Scan(xml, {.buffer_bytes = xml.size() + 1}); }

Status ErrorOf(const std::string& xml, const SharedStringsOptions& options = {}) {
  StringFile file(xml);
  return ScanSharedStrings({&file, xml.size(), "book.xlsx", kPart}, options).status();
}

std::string Sst(std::string_view items) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "\r\n"
         R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">)" +
         std::string(items) + "</sst>";
}

// The reference: expat, and the contract of shared_strings.h spelled out on
// its events. The text of a <t> counts when the <t> is a child of an <si> or
// of a run <r> in one; Excel's escapes are decoded per <t>.
class ReferenceReader final : public XmlHandler {
 public:
  void OnStartElement(std::string_view name, const XmlAttributes&) override {
    if (name == "t") {
      const size_t n = stack_.size();
      in_text_ = (n == 2 && stack_[1] == "si") || (n == 3 && stack_[1] == "si" && stack_[2] == "r");
      text_.clear();
    }
    if (name == "si" && stack_.size() == 1) current_.clear();
    stack_.emplace_back(name);
  }
  void OnEndElement(std::string_view name) override {
    stack_.pop_back();
    if (name == "t" && in_text_) {
      text_.resize(DecodeOoxmlEscapes(text_.data(), text_.size()));
      current_ += text_;
      in_text_ = false;
    }
    if (name == "si" && stack_.size() == 1) strings_.push_back(current_);
  }
  void OnText(std::string_view text) override {
    if (in_text_) text_ += text;
  }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  std::vector<std::string> stack_;
  bool in_text_ = false;
  std::string text_;
  std::string current_;
  std::vector<std::string> strings_;
};

Scanned Reference(const std::string& xml) {
  ReferenceReader reader;
  const Status s = ParseXmlString(xml, &reader, XmlDocumentName{"book.xlsx", kPart});
  if (!s.ok()) return Scanned{{}, s.ToString()};
  return Scanned{reader.strings(), ""};
}

// Random, valid shared-strings parts: Excel's spelling mostly, and every
// other construct the contract covers (rich text, phonetic runs, entities,
// CR LF, CDATA, comments, Excel's escapes, prefixes, both quotes, odd white
// space, self-closing tags, unknown elements, multi-byte UTF-8).
class RandomSst {
 public:
  explicit RandomSst(uint32_t seed) : rng_(seed) {}

  std::string Generate() {
    prefix_ = Chance(5) ? "x:" : "";
    std::string xml;
    if (Chance(8)) xml += "\xEF\xBB\xBF";
    if (Chance(2)) xml += R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
    xml += Misc();
    const int items = Pick(25);
    xml += fmt::format(R"(<{}sst xmlns{}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"{}{}{}>)",
                       prefix_, prefix_.empty() ? "" : ":x", Chance(2) ? " count=\"99\"" : "",
                       Chance(2) ? fmt::format(" uniqueCount={}{}{}", Quote(), items, last_quote_) : "",
                       Chance(6) ? "\n" : "");
    for (int i = 0; i < items; ++i) xml += Space() + Item();
    if (Chance(6)) xml += Element("extLst", Element("ext", Element("t", "not a string")));
    xml += Space() + Close("sst") + Misc();
    return xml;
  }

 private:
  bool Chance(int one_in) { return rng_() % static_cast<uint32_t>(one_in) == 0; }
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  template <typename T>
  const T& OneOf(const std::vector<T>& v) {
    return v[rng_() % v.size()];
  }
  char Quote() { return last_quote_ = Chance(3) ? '\'' : '"'; }

  std::string Open(std::string_view name, std::string_view attributes = "") {
    return fmt::format("<{}{}{}{}>", prefix_, name, attributes, Chance(12) ? " " : "");
  }
  std::string Close(std::string_view name) {
    return fmt::format("</{}{}{}>", prefix_, name, Chance(12) ? "\n" : "");
  }
  std::string Element(std::string_view name, std::string_view content) {
    return Open(name) + std::string(content) + Close(name);
  }
  std::string Empty(std::string_view name) {
    return fmt::format("<{}{}{}/>", prefix_, name, Chance(4) ? " " : "");
  }
  std::string Space() {
    static const std::vector<std::string> kSpaces = {"",       "",  "",           "",        "\n",
                                                     "\r\n  ", " ", "<!-- c -->", "<?pi x?>"};
    return OneOf(kSpaces);
  }
  std::string Misc() {
    return Chance(3) ? OneOf(std::vector<std::string>{"\n", "<!-- <si> -->", "<?pi?>\n"}) : "";
  }

  std::string Text() {
    static const std::vector<std::string> kPieces = {
        "plain",
        " ",
        "  two  ",
        "caf\xC3\xA9",
        "\xF0\x9F\x98\x80",
        "\xE6\xBC\xA2\xE5\xAD\x97",
        "&amp;",
        "&lt;b&gt;",
        "&quot;&apos;",
        "&#233;",
        "&#x1F600;",
        "\r\n",
        "\r",
        "\n",
        "\t",
        "_x000D_",
        "_x005F_x000D_",
        "_xD83D__xDE00_",
        "_xD83D_",
        "_x00",
        "0D_",
        "a_b",
        ">",
        "]]x",
        "<![CDATA[<raw> & ]]>",
        "<![CDATA[cr\r\nlf]]>",
        "<![CDATA[]]>",
        "<!-- c -->",
        "<?pi x?>",
        "A fairly long piece of text to cross small buffers, 1234567890."};
    std::string out;
    for (int n = Pick(5); n > 0; --n) out += OneOf(kPieces);
    return out;
  }
  std::string T() {
    if (Chance(10)) return Empty("t");
    std::string attributes;
    if (Chance(4)) attributes = fmt::format(" xml:space={}preserve{}", Quote(), last_quote_);
    return Open("t", attributes) + Text() + Close("t");
  }
  std::string Run() {
    std::string run;
    if (Chance(2)) {
      run += Open("rPr") + Empty("b") +
             fmt::format("<{}rFont val={}Arial{}/>", prefix_, Quote(), last_quote_) + Close("rPr");
    }
    return Element("r", run + Space() + T());
  }
  std::string Item() {
    switch (Pick(9)) {
      case 0:
        return Chance(2) ? Empty("si") : Open("si") + Close("si");
      case 1:
      case 2:
      case 3:  // Excel's spelling (the scanner's fast path when the text is plain)
        return prefix_.empty()
                   ? (Chance(3) ? "<si><t xml:space=\"preserve\">" : "<si><t>") + Text() + "</t></si>"
                   : Element("si", T());
      case 4: {
        std::string runs;
        for (int n = 1 + Pick(4); n > 0; --n) runs += Run() + Space();
        return Element("si", runs);
      }
      case 5:
        return Element("si", T() + Open("rPh", " sb=\"0\" eb=\"1\"") + T() + Close("rPh") +
                                 fmt::format("<{}phoneticPr fontId=\"1\"/>", prefix_));
      case 6:
        return Element("si", Space() + T() + Space() + Run() + Space());
      case 7:
        return Element("si", T() + Element("extLst", Element("ext", T())));
      default:
        return Open("si", " foo='bar'") + Space() + T() + Space() + Close("si");
    }
  }

  std::mt19937 rng_;
  std::string prefix_;
  char last_quote_ = '"';
};

void ExpectChunkingInvariant(const std::string& xml, const Scanned& expected, const std::string& context) {
  for (const size_t buffer : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}}) {
    for (const size_t chunk : {size_t{1}, size_t{7}, size_t{64}, SIZE_MAX}) {
      EXPECT_EQ(Scan(xml, {.buffer_bytes = buffer}, chunk), expected)
          << fmt::format("{} buffer {} chunk {}", context, buffer, chunk);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(SharedStringsScannerTest, RandomPartsReadAsTheReferenceReadsThem) {
  for (uint32_t trial = 0; trial < 400; ++trial) {
    const std::string xml = RandomSst(trial).Generate();
    const Scanned expected = Reference(xml);
    ASSERT_EQ(expected.error, "") << "trial " << trial << "\n" << xml;
    EXPECT_EQ(OneShot(xml), expected) << fmt::format("trial {}\n{:?}", trial, xml);
    if (HasFailure()) return;
  }
}

TEST(SharedStringsScannerTest, AnyBufferAndReadSizeGivesTheOneShotResult) {
  for (uint32_t trial = 0; trial < 150; ++trial) {
    const std::string xml = RandomSst(1000 + trial).Generate();
    const Scanned expected = OneShot(xml);
    ASSERT_EQ(expected.error, "") << "trial " << trial << "\n" << xml;
    ExpectChunkingInvariant(xml, expected, fmt::format("trial {}\n{:?}", trial, xml));
    if (HasFailure()) return;
  }
}

// Damaged XML (truncated, a byte changed, dropped or doubled) fails the same
// way wherever the chunk boundaries fall; when both the scanner and the
// reference accept it, they agree.
TEST(SharedStringsScannerTest, DamagedPartsFailTheSameWayInAnyChunking) {
  std::mt19937 rng(7);
  size_t failures = 0;
  for (uint32_t trial = 0; trial < 300; ++trial) {
    std::string xml = RandomSst(2000 + trial).Generate();
    const size_t at = rng() % xml.size();
    switch (trial % 4) {
      case 0:
        xml.resize(at);
        break;
      case 1:
        xml[at] = "<>&\"'/=x;!?]_"[rng() % 13];
        break;
      case 2:
        xml.erase(at, 1);
        break;
      default:
        xml.insert(at, 1, xml[at]);
        break;
    }
    const Scanned expected = OneShot(xml);
    failures += expected.error.empty() ? 0 : 1;
    if (expected.error.empty()) {
      const Scanned reference = Reference(xml);
      if (reference.error.empty()) {
        EXPECT_EQ(expected, reference) << fmt::format("trial {}\n{:?}", trial, xml);
      }
    }
    ExpectChunkingInvariant(xml, expected, fmt::format("trial {}\n{:?}", trial, xml));
    if (HasFailure()) return;
  }
  EXPECT_GT(failures, 100u);  // most damage is caught
}

TEST(SharedStringsScannerTest, EveryTruncationIsAnError) {
  const std::string xml =
      Sst("<si><t>one</t></si><si><r><t>t</t></r><r><rPr><b/></rPr><t>wo</t></r></si><si/>") + "\r\n";
  ASSERT_THAT(OneShot(xml).strings, ElementsAre("one", "two", ""));
  const size_t root_end = xml.rfind("</sst>") + 6;
  for (size_t n = 0; n < root_end; ++n) {
    const Status s = ErrorOf(xml.substr(0, n));
    EXPECT_EQ(s.code(), ErrorCode::kCorruptFile) << n;
    EXPECT_THAT(s.message(), StartsWith("xl/sharedStrings.xml: XML error")) << n;
  }
  EXPECT_TRUE(ErrorOf(xml.substr(0, root_end)).ok());
  EXPECT_EQ(ErrorOf(xml.substr(0, xml.find("wo</t>"))).message(),
            "xl/sharedStrings.xml: XML error at byte 213 (shared string 1): the part ends inside a <si> "
            "(truncated?)");
  EXPECT_EQ(
      ErrorOf(xml.substr(0, xml.find("<si/>"))).message(),
      "xl/sharedStrings.xml: XML error at byte 228: the part ends inside <sst> after 2 strings (truncated?)");
  EXPECT_EQ(ErrorOf("").message(), "xl/sharedStrings.xml: XML error: the part is empty");
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n").message(),
            "xl/sharedStrings.xml: XML error at byte 22: the part has no root element <sst>");
}

TEST(SharedStringsScannerTest, EveryTruncationFailsTheSameWayInAnyChunking) {
  const std::string xml = Sst(
      "<si><t>one</t></si><si><t>a&amp;b</t></si><si><r><t>t</t></r><r><rPr><b/></rPr><t>wo</t></r></si><si/>"
      "<si><t xml:space=\"preserve\"> x </t></si>");
  for (size_t n = 0; n <= xml.size(); ++n) {
    const std::string part = xml.substr(0, n);
    ExpectChunkingInvariant(part, OneShot(part), fmt::format("truncated to {} bytes", n));
    if (HasFailure()) return;
  }
}

TEST(SharedStringsScannerTest, MalformedItems) {
  const auto error = [](std::string_view items) { return ErrorOf(Sst(items)).ToString(); };
  // <sst ...> ends at byte 154.
  EXPECT_EQ(
      error("<si><t>a</t></si><si><t>b</t></sst>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 171 (shared string 1): unexpected end tag in "
      "<si> (book.xlsx)");
  EXPECT_EQ(
      error("<si><t>a</si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): unexpected end tag in "
      "<t> (book.xlsx)");
  EXPECT_EQ(
      error("<si><t>a < b</t></si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): '<' in text (it must "
      "be written &lt;) (book.xlsx)");
  EXPECT_EQ(
      error("<si><t>a <b>bold</b></t></si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): an element inside <t> "
      "(book.xlsx)");
  EXPECT_EQ(error("<si><t>a &nbsp; b</t></si>"),
            "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): invalid entity "
            "reference \"&nbsp;\" (book.xlsx)");
  EXPECT_EQ(
      error("<si><t>a</t></r></si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): unexpected end tag in "
      "<si> (book.xlsx)");
  EXPECT_EQ(
      error("<si x=1><t>a</t></si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 154 (shared string 0): attribute value not "
      "quoted (book.xlsx)");
  EXPECT_EQ(
      error("<si><t>a</t></si></si>"),
      "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 171: unexpected end tag in <sst> (book.xlsx)");
  EXPECT_EQ(error("<si><t>a</t></si>< si/>"),
            "CORRUPT_FILE: xl/sharedStrings.xml: XML error at byte 171: missing tag name (book.xlsx)");
}

TEST(SharedStringsScannerTest, TextOutsideItems) {
  // Between the items (inside <sst>): ignored, as an XML parser's reader would.
  EXPECT_THAT(OneShot(Sst("stray <si><t>a</t></si> text <si><t>b</t></si>\n")).strings,
              ElementsAre("a", "b"));
  // Outside the root: not XML.
  EXPECT_EQ(ErrorOf(Sst("<si><t>a</t></si>") + "junk").message(),
            "xl/sharedStrings.xml: XML error at byte 177: text after the root element");
  EXPECT_EQ(ErrorOf(Sst("<si><t>a</t></si>") + "<si><t>b</t></si>").message(),
            "xl/sharedStrings.xml: XML error at byte 177: an element after the root element");
  EXPECT_EQ(ErrorOf(Sst("") + "<![CDATA[x]]>").message(),
            "xl/sharedStrings.xml: XML error at byte 160: CDATA after the root element");
  EXPECT_EQ(ErrorOf("junk<sst/>").message(),
            "xl/sharedStrings.xml: XML error at byte 0: text before the root element");
  EXPECT_EQ(ErrorOf("</sst>").message(),
            "xl/sharedStrings.xml: XML error at byte 0: an end tag before the root element");
  EXPECT_EQ(
      ErrorOf("<workbook><si><t>a</t></si></workbook>").ToString(),
      "CORRUPT_FILE: xl/sharedStrings.xml: the root element is <workbook>, not <sst>: not a shared-strings "
      "part (book.xlsx)");
  // Comments, processing instructions and white space are fine anywhere.
  EXPECT_THAT(
      OneShot("\xEF\xBB\xBF<?xml version='1.0'?>\n<!-- c --><?pi?><sst><!-- c --><si><t>a</t></si></sst>"
              "<!-- c -->\n<?pi?>\n")
          .strings,
      ElementsAre("a"));
  EXPECT_TRUE(OneShot("<sst/>").strings.empty());
  EXPECT_EQ(OneShot("<sst/>").error, "");
}

TEST(SharedStringsScannerTest, DocumentTypeDeclarationsAreRefused) {
  for (const std::string& xml :
       {std::string(
            "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst><si><t>&a;</t></si></sst>"),
        Sst("<!DOCTYPE x><si><t>a</t></si>"), Sst("<si><!ENTITY a \"b\"><t>a</t></si>"),
        Sst("<si><t>a<!DOCTYPE x></t></si>"), Sst("") + "<!DOCTYPE x>"}) {
    const Status s = ErrorOf(xml);
    EXPECT_EQ(s.code(), ErrorCode::kCorruptFile) << xml;
    EXPECT_THAT(s.message(), HasSubstr("xl/sharedStrings.xml: XML document type declarations are not allowed "
                                       "(possible entity-expansion attack)"))
        << xml;
    ExpectChunkingInvariant(xml, OneShot(xml), xml);
  }
}

TEST(SharedStringsScannerTest, OnlyUtf8IsRead) {
  const std::string utf16le("\xFF\xFE<\0s\0s\0t\0/\0>\0", 14);
  const std::string utf16be("\xFE\xFF\0<\0s\0s\0t\0/\0>", 14);
  for (const std::string& xml : {utf16le, utf16be, utf16le.substr(2), utf16be.substr(2)}) {
    EXPECT_EQ(ErrorOf(xml).ToString(),
              "BAD_ENCODING: xl/sharedStrings.xml: UTF-16 XML is not supported (only UTF-8) (book.xlsx)");
  }
  EXPECT_EQ(
      ErrorOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><sst><si><t>caf\xE9</t></si></sst>").ToString(),
      "BAD_ENCODING: xl/sharedStrings.xml: XML in the encoding \"ISO-8859-1\" is not supported (only UTF-8) "
      "(book.xlsx)");
  for (const char* encoding : {"UTF-8", "utf-8", "us-ascii", "UTF8"}) {
    EXPECT_THAT(
        OneShot(fmt::format("<?xml version=\"1.0\" encoding = '{}' ?><sst><si><t>a</t></si></sst>", encoding))
            .strings,
        ElementsAre("a"))
        << encoding;
  }
}

TEST(SharedStringsScannerTest, StringsThatAreNotUtf8AreRefused) {
  EXPECT_EQ(ErrorOf("<sst><si><t>ok</t></si><si><t>caf\xC3</t></si></sst>").ToString(),
            "BAD_ENCODING: xl/sharedStrings.xml: shared string 1 is not valid UTF-8 (byte 0xC3 at offset 3); "
            "the workbook is damaged (book.xlsx)");
  // Escapes and character references are the way to write any character.
  EXPECT_THAT(OneShot("<sst><si><t>caf&#xE9;_x00E9_</t></si></sst>").strings,
              ElementsAre("caf\xC3\xA9\xC3\xA9"));
}

TEST(SharedStringsScannerTest, ExcelsSpellingAndTheGeneralPathAgree) {
  // The same strings as Excel writes them (the fast path) and spelled
  // otherwise (the general path).
  const std::vector<std::string> texts = {"plain",          " lead",        "",
                                          "a&amp;b",        "two\r\nlines", "_x000D_ and _x005F_x000D_",
                                          "_xD83D__xDE00_", "caf\xC3\xA9"};
  std::string excel;
  std::string other;
  for (const std::string& text : texts) {
    excel += "<si><t xml:space=\"preserve\">" + text + "</t></si>";
    other += "<si ><t>" + text + "</t ></si>";
  }
  const Scanned fast = OneShot(Sst(excel));
  EXPECT_EQ(fast.error, "");
  EXPECT_EQ(fast, OneShot(Sst(other)));
  EXPECT_EQ(fast, Reference(Sst(excel)));
  EXPECT_THAT(fast.strings, ElementsAre("plain", " lead", "", "a&b", "two\nlines", "\r and _x000D_",
                                        "\U0001F600", "caf\u00e9"));
}

TEST(SharedStringsScannerTest, NestedTextIsNotPartOfTheString) {
  EXPECT_THAT(OneShot(Sst("<si><t>a</t><rPh sb=\"0\" eb=\"1\"><t>reading</t></rPh><extLst><t>x</t></extLst>"
                          "<r><t>b</t><r><t>nested</t></r></r></si>"))
                  .strings,
              ElementsAre("ab"));
}

TEST(SharedStringsScannerTest, LongStringsGrowTheBufferUpToTheLimit) {
  const std::string text(5000, 'x');
  const std::string xml =
      Sst("<si><t>a</t></si><si><r><t>" + text + "</t></r></si><si><t>" + text + "</t></si>");
  EXPECT_THAT(Scan(xml, {.buffer_bytes = 64}, 7).strings, ElementsAre("a", text, text));
  EXPECT_EQ(
      ErrorOf(xml, {.buffer_bytes = 64, .max_string_bytes = 4096}).ToString(),
      "RESOURCE_LIMIT: xl/sharedStrings.xml: shared string 1 is longer than the limit of 4096 bytes of XML "
      "(book.xlsx)");
  // The same error when the buffer holds the string whole.
  EXPECT_EQ(
      ErrorOf(xml, {.buffer_bytes = 1 << 20, .max_string_bytes = 4096}).ToString(),
      "RESOURCE_LIMIT: xl/sharedStrings.xml: shared string 1 is longer than the limit of 4096 bytes of XML "
      "(book.xlsx)");
  EXPECT_EQ(
      ErrorOf(Sst("<si><t>" + text + "</t></si>"), {.buffer_bytes = 1 << 20, .max_string_bytes = 4096})
          .ToString(),
      "RESOURCE_LIMIT: xl/sharedStrings.xml: shared string 0 is longer than the limit of 4096 bytes of XML "
      "(book.xlsx)");
  EXPECT_EQ(
      ErrorOf(Sst("<extLst>" + text + "</extLst>"), {.buffer_bytes = 64, .max_string_bytes = 4096}).code(),
      ErrorCode::kResourceLimit);
  EXPECT_EQ(ErrorOf(xml, {.buffer_bytes = 0}).code(), ErrorCode::kInvalidArgument);
}

TEST(SharedStringsScannerTest, ReadErrorsPassThrough) {
  const std::string xml = Sst("<si><t>one</t></si><si><t>two</t></si>");
  for (const size_t chunk : {size_t{1}, size_t{7}, SIZE_MAX}) {
    StringFile file(xml, chunk, /*fail_at=*/150);
    const Status s = ScanSharedStrings({&file, xml.size(), "book.xlsx", kPart}).status();
    EXPECT_EQ(s.ToString(), "IO_ERROR: injected read failure") << chunk;
  }
}

TEST(SharedStringsScannerTest, LyingSizesOnlyPreSize) {
  const std::string xml = "<sst uniqueCount=\"4000000000\"><si><t>a</t></si></sst>";
  StringFile file(xml);
  auto table = ScanSharedStrings({&file, uint64_t{1} << 40, "book.xlsx", kPart});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 1u);
  EXPECT_LT(table->memory_bytes(), 8192u);
}

}  // namespace
}  // namespace shared_strings_scanner_test
}  // namespace flexpipe
