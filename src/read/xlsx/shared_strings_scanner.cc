#include "read/xlsx/shared_strings_scanner.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "core/utf8.h"
#include "read/csv/byte_buffer.h"
#include "read/fill_buffer.h"
#include "read/xlsx/xml_rich_text.h"
#include "read/xlsx/xml_scan.h"
#include "read/xlsx/xml_text.h"

namespace flexpipe {
namespace {

using xml::Scan;

constexpr uint64_t kMaxArenaBytes = std::numeric_limits<uint32_t>::max();
constexpr size_t kMaxStrings = std::numeric_limits<uint32_t>::max();
// Pre-sizing from declared sizes (untrusted) is capped.
constexpr uint64_t kMaxReserveBytes = 256 << 20;
constexpr uint64_t kMaxReserveStrings = 16 << 20;

constexpr xml::TextErrors kItemErrors{"unexpected end tag in <t>", "an element inside <t>",
                                      "unexpected end tag in <si>"};
constexpr char kDeclarationMessage[] =
    "XML document type declarations are not allowed (possible entity-expansion attack)";

using xml::At;

std::string_view LocalName(std::string_view name) {
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The encoding an XML declaration (<?xml version="1.0" encoding="UTF-8"?>)
// names, or "" when it names none.
std::string_view DeclaredEncoding(std::string_view declaration) {
  size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  at += 8;
  while (at < declaration.size() && xml::IsSpace(declaration[at])) ++at;
  if (at == declaration.size() || declaration[at] != '=') return {};
  ++at;
  while (at < declaration.size() && xml::IsSpace(declaration[at])) ++at;
  if (at == declaration.size() || (declaration[at] != '"' && declaration[at] != '\'')) return {};
  const size_t close = declaration.find(declaration[at], at + 1);
  if (close == std::string_view::npos) return {};
  return declaration.substr(at + 1, close - at - 1);
}

bool IsUtf8Compatible(std::string_view encoding) {
  std::string lower(encoding);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii";
}

}  // namespace

// One read of a part: the buffer, the phase of the document, the table.
class SharedStringsScanner {
 public:
  SharedStringsScanner(const SharedStringsSource& source, const SharedStringsOptions& options)
      : source_(source), limit_(options.max_string_bytes), buffer_(options.buffer_bytes) {
    if (options.buffer_bytes == 0 || options.max_string_bytes == 0) {
      error_ = Status(ErrorCode::kInvalidArgument,
                      "shared strings options: buffer_bytes and max_string_bytes must be positive");
    }
  }

  Result<SharedStrings> Run() {
    while (error_.ok()) {
      Step step = Step::kPhaseDone;
      switch (phase_) {
        case Phase::kProlog:
          step = ScanProlog();
          break;
        case Phase::kItems:
          step = ScanItems();
          break;
        case Phase::kEpilog:
          step = ScanEpilog();
          break;
        case Phase::kDone:
          return Finish();
      }
      if (step == Step::kNeedInput) {
        if (Status s = NeedInput(); !s.ok()) error_ = std::move(s);
      }
    }
    return error_;
  }

 private:
  enum class Phase : uint8_t { kProlog, kItems, kEpilog, kDone };
  enum class Step : uint8_t { kNeedInput, kPhaseDone, kError };

  Step ScanProlog();
  Step ScanItems();
  Step ScanEpilog();
  Scan ReadRoot(const char*& p, const char* end);
  Scan ReadItem(const char*& p, const char* end);

  Scan AppendText(std::string_view raw, xml::TextKind kind);
  void EndText();
  Scan AddString();
  SharedStrings Finish();

  Status NeedInput();
  Status Refill();
  void Consume(const char* upto) {
    const auto n = static_cast<size_t>(upto - buffer_.data());
    buffer_.Consume(n);
    bytes_consumed_ += n;
  }
  uint64_t OffsetOf(const char* at) { return bytes_consumed_ + static_cast<uint64_t>(at - buffer_.data()); }

  // Errors: Fail() records one and returns kError.
  Step Fail(Status status) {
    error_ = std::move(status);
    return Step::kError;
  }
  Status Error(ErrorCode code, std::string_view message) const {
    return Status(code, fmt::format("{}: {}", source_.part, message),
                  Location{std::string(source_.file), {}, 0, {}});
  }
  // Malformed XML at byte `offset` (where the construct starts), inside the
  // string being read when `in_item`.
  Status Malformed(uint64_t offset, std::string_view what, bool in_item) const {
    if (what.data() == xml::kDeclarationError) {
      return Error(ErrorCode::kCorruptFile, fmt::format("{} (at byte {})", kDeclarationMessage, offset));
    }
    if (in_item) {
      return Error(ErrorCode::kCorruptFile, fmt::format("XML error at byte {} (shared string {}): {}", offset,
                                                        table_.ends_.size(), what));
    }
    return Error(ErrorCode::kCorruptFile, fmt::format("XML error at byte {}: {}", offset, what));
  }
  // The error of a construct at `start` that read kError: the sink's, or a
  // syntax error.
  Status ErrorAt(const char* start, bool in_item) {
    if (pending_.ok()) return Malformed(OffsetOf(start), syntax_error_, in_item);
    Status pending = std::move(pending_);
    pending_ = Status();
    if (pending.code() == ErrorCode::kCorruptFile)
      return Malformed(OffsetOf(start), pending.message(), in_item);
    return Error(pending.code(), pending.message());
  }
  Status TooLong() const {
    return in_item_ ? Error(ErrorCode::kResourceLimit,
                            fmt::format("shared string {} is longer than the limit of {} bytes of XML",
                                        table_.ends_.size(), limit_))
                    : Error(ErrorCode::kResourceLimit,
                            fmt::format("a tag or element is longer than the limit of {} bytes", limit_));
  }

  const SharedStringsSource& source_;
  size_t limit_;  // longest construct, in bytes of XML
  ByteBuffer buffer_;
  SharedStrings table_;

  Phase phase_ = Phase::kProlog;
  bool started_ = false;         // the first bytes were checked (byte-order mark, UTF-16)
  bool at_first_markup_ = true;  // nothing but a byte-order mark and white space read yet
  bool in_item_ = false;         // ScanItems() needs input to finish a <si>
  size_t text_start_ = 0;        // arena offset where the current <t>'s text began
  bool input_done_ = false;      // the input has no more bytes
  Status input_error_;           // a read failed; reported once its bytes are needed
  Status pending_;               // a sink's error (AppendText, AddString)
  Status error_;                 // sticky
  const char* syntax_error_ = nullptr;
  uint64_t bytes_read_ = 0;
  uint64_t bytes_consumed_ = 0;
};

// Before the root: a byte-order mark, white space, comments and processing
// instructions, then <sst>.
SharedStringsScanner::Step SharedStringsScanner::ScanProlog() {
  const char* p = buffer_.data();
  const char* const end = p + buffer_.size();
  if (!started_) {
    if (end - p < 3 && !input_done_) return Step::kNeedInput;
    if (end - p >= 2 && ((p[0] == '\xFF' && p[1] == '\xFE') || (p[0] == '\xFE' && p[1] == '\xFF') ||
                         (p[0] == '<' && p[1] == '\0') || (p[0] == '\0' && p[1] == '<'))) {
      return Fail(Error(ErrorCode::kBadEncoding, "UTF-16 XML is not supported (only UTF-8)"));
    }
    if (At(p, end, "\xEF\xBB\xBF")) p += 3;
    started_ = true;
  }
  while (true) {
    while (p != end && xml::IsSpace(*p)) ++p;
    Consume(p);
    if (p == end) return Step::kNeedInput;
    if (*p != '<') return Fail(Malformed(OffsetOf(p), "text before the root element", false));
    if (end - p < 2) return Step::kNeedInput;
    const char* const start = p;
    if (p[1] != '!' && p[1] != '?') {
      if (p[1] == '/') return Fail(Malformed(OffsetOf(p), "an end tag before the root element", false));
      const Scan s = ReadRoot(p, end);
      if (s == Scan::kIncomplete) return Step::kNeedInput;
      if (s == Scan::kError) return error_.ok() ? Fail(ErrorAt(start, false)) : Step::kError;
      Consume(p);
      return Step::kPhaseDone;
    }
    xml::Markup markup;
    std::string_view cdata;
    const Scan s = xml::ReadMarkup(p, end, &markup, &cdata, &syntax_error_);
    if (s == Scan::kIncomplete) return Step::kNeedInput;
    if (s == Scan::kError) return Fail(ErrorAt(start, false));
    if (markup == xml::Markup::kCdata)
      return Fail(Malformed(OffsetOf(start), "CDATA before the root element", false));
    if (markup == xml::Markup::kProcessingInstruction && at_first_markup_ && At(start, end, "<?xml") &&
        xml::IsSpace(start[5])) {
      const std::string_view encoding =
          DeclaredEncoding(std::string_view(start, static_cast<size_t>(p - start)));
      if (!encoding.empty() && !IsUtf8Compatible(encoding)) {
        return Fail(Error(
            ErrorCode::kBadEncoding,
            fmt::format("XML in the encoding \"{}\" is not supported (only UTF-8)", encoding.substr(0, 40))));
      }
    }
    at_first_markup_ = false;
    if (static_cast<size_t>(p - start) > limit_) return Fail(TooLong());
    Consume(p);
  }
}

// The root's start tag, p on its '<'.
Scan SharedStringsScanner::ReadRoot(const char*& p, const char* end) {
  const char* const start = p;
  ++p;
  std::string_view name;
  if (const Scan s = xml::ReadName(p, end, &name, &syntax_error_); s != Scan::kOk) return s;
  if (name != "sst") {
    Fail(Error(
        ErrorCode::kCorruptFile,
        fmt::format("the root element is <{}>, not <sst>: not a shared-strings part", name.substr(0, 40))));
    return Scan::kError;
  }
  uint64_t count = 0;
  bool empty = false;
  const Scan s = xml::ReadAttributes(p, end, &empty, &syntax_error_,
                                     [&](std::string_view attribute, std::string_view value) {
                                       if (LocalName(attribute) == "uniqueCount")
                                         std::from_chars(value.data(), value.data() + value.size(), count);
                                       return true;
                                     });
  if (s != Scan::kOk) return s;
  if (static_cast<size_t>(p - start) > limit_) {
    Fail(TooLong());
    return Scan::kError;
  }
  // Pre-sizing from untrusted sizes, capped. The text is never longer than
  // the part (untouched pages of the reservation cost nothing; Finish() trims
  // it); "<si/>" is 5 bytes, so a count beyond declared/5 is a lie.
  const uint64_t declared = source_.declared_bytes;
  table_.arena_.Reserve(static_cast<size_t>(std::min(declared, kMaxReserveBytes)));
  table_.ends_.reserve(static_cast<size_t>(std::min({count, declared / 5 + 1, kMaxReserveStrings})));
  phase_ = empty ? Phase::kEpilog : Phase::kItems;
  return Scan::kOk;
}

// Inside <sst>: the items, until </sst>.
SharedStringsScanner::Step SharedStringsScanner::ScanItems() {
  const char* p = buffer_.data();
  const char* const end = p + buffer_.size();
  SharedStrings::Arena& arena = table_.arena_;
  std::vector<uint32_t>& ends = table_.ends_;
  in_item_ = false;
  while (true) {
    // PERF: <si><t>text</t></si> (or <t xml:space="preserve">), the text
    // plain: straight from the buffer to the arena. Anything else, or a
    // limit about to be hit, takes the general path below, which reads the
    // same XML the same way: this path cannot change an outcome.
    if (At(p, end, "<si><t")) {
      const char* text = p + 6;
      if (text != end && *text == '>') {
        ++text;
      } else if (At(text, end, " xml:space=\"preserve\">")) {
        text += 22;
      } else {
        text = nullptr;
      }
      if (text != nullptr) {
        const char* stop = xml::FindTextEnd<'_'>(text, end);
        const bool escapes = stop != end && *stop == '_';  // maybe: decoded below
        if (escapes) stop = xml::FindTextEnd(stop, end);
        const auto n = static_cast<size_t>(stop - text);
        if (At(stop, end, "</t></si>") && static_cast<size_t>(stop + 9 - p) <= limit_ &&
            n <= kMaxArenaBytes - arena.size() && ends.size() < kMaxStrings &&
            FindInvalidUtf8(std::string_view(text, n)) == std::string_view::npos) {
          char* const out = arena.Extend(n);
          std::memcpy(out, text, n);
          arena.Resize(arena.size() + (escapes ? DecodeOoxmlEscapes(out, n) : n));
          ends.push_back(static_cast<uint32_t>(arena.size()));
          p = stop + 9;
          continue;
        }
      }
    }
    p = xml::FindLt(p, end);  // text between the items is ignored
    const char* const start = p;
    if (end - p < 2) {
      Consume(p);
      return Step::kNeedInput;
    }
    Scan s = Scan::kOk;
    bool item = false;
    if (p[1] == '/') {
      std::string_view name;
      s = xml::ReadEndTag(p, end, &name, &syntax_error_);
      if (s == Scan::kOk && name != "sst") {
        syntax_error_ = "unexpected end tag in <sst>";
        s = Scan::kError;
      }
      if (s == Scan::kOk) {
        Consume(p);
        phase_ = Phase::kEpilog;
        return Step::kPhaseDone;
      }
    } else if (p[1] == '!' || p[1] == '?') {
      xml::Markup markup;
      std::string_view cdata;
      s = xml::ReadMarkup(p, end, &markup, &cdata, &syntax_error_);
    } else {
      std::string_view name;
      ++p;
      s = xml::ReadName(p, end, &name, &syntax_error_);
      if (s == Scan::kOk && name == "si") {
        item = true;
        s = ReadItem(p, end);
      } else if (s == Scan::kOk) {  // <extLst> and the like
        bool empty = false;
        s = xml::SkipAttributes(p, end, &empty, &syntax_error_);
        if (s == Scan::kOk && !empty) s = xml::SkipElement(p, end, &syntax_error_);
      }
    }
    switch (s) {
      case Scan::kOk:
        break;
      case Scan::kIncomplete:
        in_item_ = item;
        Consume(start);
        return Step::kNeedInput;
      case Scan::kError:
        return Fail(ErrorAt(start, item));
    }
    if (static_cast<size_t>(p - start) > limit_) {
      in_item_ = item;
      if (item) ends.pop_back();  // the error names it by its index
      return Fail(TooLong());
    }
  }
}

// One <si>, p just after its name: attributes, content, end tag. The string
// is added to the table; on kIncomplete or kError the arena is as before.
Scan SharedStringsScanner::ReadItem(const char*& p, const char* end) {
  bool empty = false;
  if (const Scan s = xml::SkipAttributes(p, end, &empty, &syntax_error_); s != Scan::kOk) return s;
  SharedStrings::Arena& arena = table_.arena_;
  const size_t item_start = arena.size();
  if (!empty) {
    text_start_ = item_start;
    const Scan s = xml::ReadRichText(
        p, end, "si", kItemErrors, &syntax_error_,
        [this](std::string_view raw, xml::TextKind kind) { return AppendText(raw, kind); },
        [this] { EndText(); });
    if (s != Scan::kOk) {
      arena.Resize(item_start);
      return s;
    }
  }
  return AddString();
}

// A piece of a <t>'s text, decoded into the arena.
Scan SharedStringsScanner::AppendText(std::string_view raw, xml::TextKind kind) {
  SharedStrings::Arena& arena = table_.arena_;
  if (raw.size() > kMaxArenaBytes - arena.size()) {
    pending_ = Status(ErrorCode::kResourceLimit, "the shared strings hold more than 4 GiB of text");
    return Scan::kError;
  }
  char* const out = arena.Extend(raw.size());  // decoded text is never longer
  size_t written = raw.size();
  switch (kind) {
    case xml::TextKind::kPlain:
      std::memcpy(out, raw.data(), raw.size());
      break;
    case xml::TextKind::kCdata:
      written = NormalizeLineEnds(raw, out);
      break;
    case xml::TextKind::kDecode:
      if (std::string_view bad; !DecodeXmlText(raw, out, &written, &bad)) {
        pending_ = Status(ErrorCode::kCorruptFile, fmt::format("invalid entity reference \"{}\"", bad));
        return Scan::kError;
      }
      break;
  }
  arena.Resize(arena.size() + written);
  return Scan::kOk;
}

// The end of a <t>: Excel's escapes are decoded within each (shared_strings.h).
void SharedStringsScanner::EndText() {
  SharedStrings::Arena& arena = table_.arena_;
  if (arena.size() != text_start_) {
    arena.Resize(text_start_ + DecodeOoxmlEscapes(arena.data() + text_start_, arena.size() - text_start_));
  }
  text_start_ = arena.size();
}

Scan SharedStringsScanner::AddString() {
  std::vector<uint32_t>& ends = table_.ends_;
  if (ends.size() >= kMaxStrings) {
    pending_ = Status(ErrorCode::kResourceLimit, "the shared-string table has more than 2^32 strings");
    return Scan::kError;
  }
  const size_t start = ends.empty() ? 0 : ends.back();
  const std::string_view text(table_.arena_.data() + start, table_.arena_.size() - start);
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    pending_ = Status(ErrorCode::kBadEncoding,
                      fmt::format("shared string {} is not valid UTF-8 (byte 0x{:02X} at offset {}); the "
                                  "workbook is damaged",
                                  ends.size(), static_cast<unsigned char>(text[bad]), bad));
    return Scan::kError;
  }
  ends.push_back(static_cast<uint32_t>(table_.arena_.size()));
  return Scan::kOk;
}

// After </sst>: comments, processing instructions, white space.
SharedStringsScanner::Step SharedStringsScanner::ScanEpilog() {
  const char* p = buffer_.data();
  const char* const end = p + buffer_.size();
  while (true) {
    while (p != end && xml::IsSpace(*p)) ++p;
    Consume(p);
    if (p == end) return Step::kNeedInput;
    if (*p != '<') return Fail(Malformed(OffsetOf(p), "text after the root element", false));
    if (end - p < 2) return Step::kNeedInput;
    if (p[1] != '!' && p[1] != '?')
      return Fail(Malformed(OffsetOf(p), "an element after the root element", false));
    const char* const start = p;
    xml::Markup markup;
    std::string_view cdata;
    const Scan s = xml::ReadMarkup(p, end, &markup, &cdata, &syntax_error_);
    if (s == Scan::kIncomplete) return Step::kNeedInput;
    if (s == Scan::kError) return Fail(ErrorAt(start, false));
    if (markup == xml::Markup::kCdata)
      return Fail(Malformed(OffsetOf(start), "CDATA after the root element", false));
    if (static_cast<size_t>(p - start) > limit_) return Fail(TooLong());
    Consume(p);
  }
}

SharedStrings SharedStringsScanner::Finish() {
  table_.arena_.Trim();  // the reservation's rest (realloc: no copy)
  std::vector<uint32_t>& ends = table_.ends_;
  if (ends.capacity() - ends.size() > ends.size() / 8 + 1024) ends.shrink_to_fit();
  return std::move(table_);
}

Status SharedStringsScanner::NeedInput() {
  if (!input_done_) {
    if (!input_error_.ok()) return input_error_;
    return Refill();
  }
  const uint64_t offset = bytes_read_;
  switch (phase_) {
    case Phase::kProlog:
      if (bytes_read_ == 0) return Error(ErrorCode::kCorruptFile, "XML error: the part is empty");
      if (buffer_.size() == 0) return Malformed(offset, "the part has no root element <sst>", false);
      return Malformed(offset, "the part ends inside a tag (truncated?)", false);
    case Phase::kItems:
      if (in_item_) return Malformed(offset, "the part ends inside a <si> (truncated?)", true);
      return Malformed(offset,
                       fmt::format("the part ends inside <sst> after {} string{} (truncated?)",
                                   table_.ends_.size(), table_.ends_.size() == 1 ? "" : "s"),
                       false);
    case Phase::kEpilog:
      if (buffer_.size() == 0) {
        phase_ = Phase::kDone;
        return Status::Ok();
      }
      return Malformed(offset, "the part ends inside a tag (truncated?)", false);
    case Phase::kDone:
      break;
  }
  return Status::Ok();
}

Status SharedStringsScanner::Refill() {
  if (buffer_.size() == buffer_.capacity() && !buffer_.Grow(limit_))
    return TooLong();  // one construct fills it
  buffer_.Compact();
  bytes_read_ += FillBuffer(source_.input, &buffer_, &input_done_, &input_error_);
  return Status::Ok();
}

Result<SharedStrings> ScanSharedStrings(const SharedStringsSource& source,
                                        const SharedStringsOptions& options) {
  return SharedStringsScanner(source, options).Run();
}

}  // namespace flexpipe
