// The hardened expat wrapper: local names, attributes, chunking, and the
// refusals (DTDs and entities, depth, token length, size, malformed XML).
#include "read/xlsx/xml_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "read/xlsx/sheet_test_util.h"

namespace flexpipe {
namespace xml_parser_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::StringFile;

// Records events as "<name attr=value>", "</name>", "text".
class Recorder final : public XmlHandler {
 public:
  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    std::string e = "<" + std::string(name);
    for (const char* a : {"id", "name", "space"}) {
      if (auto v = attributes.Find(a)) e += " " + std::string(a) + "=" + std::string(*v);
    }
    events.push_back(e + ">");
    if (name == stop_at) Fail(Status(ErrorCode::kCorruptFile, "handler says no"));
  }
  void OnEndElement(std::string_view name) override { events.push_back("</" + std::string(name) + ">"); }
  void OnText(std::string_view text) override {
    if (!events.empty() && events.back().front() != '<') {
      events.back() += text;  // text may arrive in pieces
    } else {
      events.emplace_back(text);
    }
  }
  std::vector<std::string> events;
  std::string stop_at;
};

const XmlDocumentName kName{"book.xlsx", "xl/part.xml"};

TEST(XmlParserTest, LocalNamesAttributesAndText) {
  Recorder r;
  const Status s = ParseXmlString(
      R"(<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="urn:x" xmlns:r="urn:r"><x:si r:id="rId7" name="a&amp;b"><x:t xml:space="preserve"> A &lt; B &#x263A; </x:t></x:si></x:sst>)",
      &r, kName);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_THAT(r.events, ElementsAre("<sst>", "<si id=rId7 name=a&b>", "<t space=preserve>", " A < B \u263A ",
                                    "</t>", "</si>", "</sst>"));
  EXPECT_EQ(XmlLocalName("a:b:c"), "c");
  EXPECT_EQ(XmlLocalName("plain"), "plain");
}

TEST(XmlParserTest, ChunkBoundariesDoNotChangeEvents) {
  const std::string doc = "<a>\r\n<b id=\"1\">caf\xC3\xA9 text</b><!-- c --><b id=\"2\"/></a>";
  Recorder whole;
  ASSERT_TRUE(ParseXmlString(doc, &whole, kName).ok());
  EXPECT_THAT(whole.events,
              ElementsAre("<a>", "\n", "<b id=1>", "caf\xC3\xA9 text", "</b>", "<b id=2>", "</b>", "</a>"));
  for (const size_t step : {1, 2, 3, 7}) {
    Recorder r;
    StringFile in(doc, step);
    ASSERT_TRUE(ParseXml(&in, &r, kName, {.chunk_bytes = step}).ok());
    EXPECT_EQ(r.events, whole.events) << step;
  }
}

TEST(XmlParserTest, Utf16DocumentsArriveAsUtf8) {
  std::string doc = "\xFF\xFE";                      // UTF-16LE byte-order mark
  for (const char c : std::string("<a>\xE9</a>")) {  // Latin-1 bytes are their UTF-16 code units
    doc += c;
    doc += '\0';
  }
  Recorder r;
  const Status s = ParseXmlString(doc, &r, kName);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_THAT(r.events, ElementsAre("<a>", "\xC3\xA9", "</a>"));
}

TEST(XmlParserTest, DocumentTypeDeclarationsAreRefused) {
  const char* docs[] = {
      R"(<!DOCTYPE sst><sst/>)",
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>)",
      R"(<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>)",
      R"(<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>)",
  };
  for (const char* doc : docs) {
    SCOPED_TRACE(doc);
    Recorder r;
    const Status s = ParseXmlString(doc, &r, kName);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), ErrorCode::kCorruptFile);
    EXPECT_THAT(s.message(),
                HasSubstr("xl/part.xml: XML document type declarations are not allowed (possible "
                          "entity-expansion attack)"));
    EXPECT_EQ(s.location().file, "book.xlsx");
    EXPECT_TRUE(r.events.empty());
  }
}

TEST(XmlParserTest, UndefinedEntityIsMalformed) {
  Recorder r;
  const Status s = ParseXmlString("<a>&nbsp;</a>", &r, kName);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kCorruptFile);
  EXPECT_THAT(s.message(), HasSubstr("line 1, column 3: undefined entity"));
}

TEST(XmlParserTest, NestingDeeperThanTheLimitIsRefused) {
  std::string doc;
  for (int i = 0; i < 300; ++i) doc += "<a>";
  for (int i = 0; i < 300; ++i) doc += "</a>";
  Recorder r;
  const Status s = ParseXmlString(doc, &r, kName);
  EXPECT_EQ(s.code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(s.message(), HasSubstr("nest deeper than the limit of 256"));
  Recorder ok;
  EXPECT_TRUE(ParseXmlString(doc, &ok, kName, {.max_depth = 300}).ok());
}

TEST(XmlParserTest, OverlongTokenAndOversizedInputAreRefused) {
  const std::string long_tag = "<a b=\"" + std::string(100000, 'x') + "\"/>";
  Recorder r;
  const Status s = ParseXmlString(long_tag, &r, kName, {.max_token_bytes = 50000, .chunk_bytes = 4096});
  EXPECT_EQ(s.code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(s.message(), HasSubstr("token is longer than the limit of 50000 bytes"));

  // Long text is delivered in pieces and is not one token.
  Recorder text;
  EXPECT_TRUE(ParseXmlString("<a>" + std::string(100000, 'x') + "</a>", &text, kName,
                             {.max_token_bytes = 50000, .chunk_bytes = 4096})
                  .ok());

  Recorder big;
  const Status s2 = ParseXmlString("<a>" + std::string(10000, ' ') + "</a>", &big, kName,
                                   {.max_input_bytes = 5000, .chunk_bytes = 1000});
  EXPECT_EQ(s2.code(), ErrorCode::kResourceLimit);
  EXPECT_THAT(s2.message(), HasSubstr("larger than the limit of 5000 bytes"));
}

TEST(XmlParserTest, MalformedAndTruncatedDocumentsAreCorrupt) {
  for (const char* doc : {"<a><b></a>", "<a>", "", "not xml", "<a x=1/>", "<a/><b/>"}) {
    SCOPED_TRACE(doc);
    Recorder r;
    const Status s = ParseXmlString(doc, &r, kName);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), ErrorCode::kCorruptFile);
    EXPECT_THAT(s.message(), HasSubstr("xl/part.xml: XML error at line 1"));
  }
}

TEST(XmlParserTest, HandlerFailureStopsTheParse) {
  Recorder r;
  r.stop_at = "b";
  const Status s = ParseXmlString("<a><b><c/></b><d/></a>", &r, kName);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "handler says no");
  EXPECT_EQ(s.location().file, "book.xlsx");  // filled in when the handler left it empty
  EXPECT_THAT(r.events, ElementsAre("<a>", "<b>"));
}

TEST(XmlParserTest, InputErrorsPassThrough) {
  class Failing final : public SequentialFile {
   public:
    Result<size_t> Read(char*, size_t) override { return Status(ErrorCode::kIoError, "disk on fire"); }
  } in;
  Recorder r;
  const Status s = ParseXml(&in, &r, kName);
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
  EXPECT_EQ(s.message(), "disk on fire");
}

}  // namespace
}  // namespace xml_parser_test
}  // namespace flexpipe
