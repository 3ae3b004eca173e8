// Reading OOXML strings (CT_Rst): the <si> items of the shared-string table
// and the <is> of an inline-string cell have one grammar, read here for both
// (shared_strings_scanner.cc, sheet_row_parser.cc):
//
//   <si>                                    (or <is>)
//     <t>text</t>                           plain text, or
//     <r><rPr>…</rPr><t>text</t></r>…       rich-text runs: their <t> joined
//     <rPh sb="0" eb="2"><t>…</t></rPh>     phonetic runs: skipped
//     <phoneticPr fontId="1"/>              and any other element: skipped
//   </si>
//
// Text is handed to a sink piece by piece, undecoded, with the decoding it
// needs (TextKind), so each caller decides where it goes: a view into its
// input when it can, an arena otherwise.
//
// Built on xml_scan.h and follows its kOk / kIncomplete / kError protocol.
// After kIncomplete the caller reads the element again from its start, so the
// sink must be able to forget what it was given (callers roll their output
// back). A sink returning kError ends the read with kError and *error
// untouched: the sink records its own problem.
//
// PERF: templates, inlined into each caller; the sheet row parser's values go
// through ReadText.
#pragma once

#include <cstdint>
#include <string_view>

#include "read/xlsx/xml_scan.h"

namespace flexpipe::xml {

enum class TextKind : uint8_t {
  kPlain,   // character data without '&' or CR: copied as is
  kDecode,  // character data with references or CR: DecodeXmlText (xml_text.h)
  kCdata,   // a CDATA section: only line ends normalised (NormalizeLineEnds)
};

// The (static) error descriptions of the readers below, worded by each caller
// for its own elements.
struct TextErrors {
  const char* end_tag_in_text;    // "<t>a</x>"
  const char* element_in_text;    // "<t>a<b/></t>"
  const char* end_tag_in_string;  // "<si><t>a</t></r></si>"
};

inline bool IsNameStart(char c) {
  const auto u = static_cast<unsigned char>(c);
  return ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || c == '_' || c == ':' || u >= 0x80;
}

// The character data of a text element up to and including its end tag
// </element>, p just after the start tag: sink(raw, kind) for each non-empty
// piece (text between markup, CDATA sections); comments and processing
// instructions are skipped, an element inside is an error.
template <typename Sink>
Scan ReadText(const char*& p, const char* end, std::string_view element, const TextErrors& errors,
              const char** error, Sink&& sink) {
  while (true) {
    const char* stop = FindTextEnd(p, end);
    TextKind kind = TextKind::kPlain;
    if (stop != end && *stop != '<') {
      kind = TextKind::kDecode;
      stop = FindLt(stop, end);
    }
    if (end - stop < 2) return Scan::kIncomplete;
    if (stop != p) {
      if (const Scan s = sink(std::string_view(p, static_cast<size_t>(stop - p)), kind); s != Scan::kOk) {
        return s;
      }
    }
    p = stop;
    if (p[1] == '/') {
      if (AtPlainEndTag(p, end, element)) {
        p += element.size() + 3;
        return Scan::kOk;
      }
      std::string_view name;
      if (const Scan s = ReadEndTag(p, end, &name, error); s != Scan::kOk) return s;
      if (name != element) {
        *error = errors.end_tag_in_text;
        return Scan::kError;
      }
      return Scan::kOk;
    }
    if (p[1] != '!' && p[1] != '?') {
      *error = IsNameStart(p[1]) ? errors.element_in_text : "'<' in text (it must be written &lt;)";
      return Scan::kError;
    }
    Markup markup;
    std::string_view cdata;
    if (const Scan s = ReadMarkup(p, end, &markup, &cdata, error); s != Scan::kOk) return s;
    if (markup == Markup::kCdata && !cdata.empty()) {
      if (const Scan s = sink(cdata, TextKind::kCdata); s != Scan::kOk) return s;
    }
  }
}

// The content of a string element (<si>, <is>) up to and including its end
// tag </element>, p just after its start tag: the text of its <t> elements,
// directly inside it or inside rich-text runs <r>, through sink(raw, kind)
// as in ReadText; end_text() after each <t> with text. Phonetic runs <rPh>,
// run properties <rPr> and unknown elements are skipped whole; text outside
// <t> (white space between runs) is ignored.
template <typename Sink, typename EndText>
Scan ReadRichText(const char*& p, const char* end, std::string_view element, const TextErrors& errors,
                  const char** error, Sink&& sink, EndText&& end_text) {
  bool in_run = false;
  while (true) {
    p = FindLt(p, end);
    if (end - p < 2) return Scan::kIncomplete;
    Scan s = Scan::kOk;
    if (p[1] == '/') {
      std::string_view name;
      s = ReadEndTag(p, end, &name, error);
      if (s != Scan::kOk) return s;
      if (in_run && name == "r") {
        in_run = false;
        continue;
      }
      if (!in_run && name == element) return Scan::kOk;
      *error = errors.end_tag_in_string;
      return Scan::kError;
    }
    if (p[1] == '!' || p[1] == '?') {
      Markup markup;
      std::string_view cdata;
      s = ReadMarkup(p, end, &markup, &cdata, error);
    } else {
      std::string_view name;
      bool empty = false;
      ++p;
      s = ReadName(p, end, &name, error);
      if (s == Scan::kOk) s = SkipAttributes(p, end, &empty, error);
      if (s == Scan::kOk && !empty) {
        if (name == "t") {
          s = ReadText(p, end, "t", errors, error, sink);
          if (s == Scan::kOk) end_text();
        } else if (name == "r" && !in_run) {
          in_run = true;
        } else {
          s = SkipElement(p, end, error);
        }
      }
    }
    if (s != Scan::kOk) return s;
  }
}

}  // namespace flexpipe::xml
