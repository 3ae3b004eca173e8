// Random worksheet XML for the scanner's property tests: every construct the
// scanner accepts (prefixes, both quotes, attribute order, whitespace,
// comments, CDATA, entities, rich text, formulas, self-closing tags, missing
// r attributes, multi-byte UTF-8, large prelude/epilogue), always valid.
#pragma once

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "read/xlsx/cell_ref.h"

namespace flexpipe::testing {

class RandomSheet {
 public:
  explicit RandomSheet(uint32_t seed) : rng_(seed) {}

  std::string Generate() {
    prefix_ = Chance(4) ? "x:" : "";
    std::string xml;
    if (Chance(8)) xml += "\xEF\xBB\xBF";
    if (Chance(2)) xml += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    xml += Open("worksheet",
                fmt::format(" xmlns{}=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                            " xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\""
                            " xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\"",
                            prefix_.empty() ? "" : ":x"));
    xml += Prelude();
    const int rows = Pick(12);
    if (rows == 0 && Chance(2)) {
      xml += "<" + prefix_ + "sheetData/>";
    } else {
      xml += Open("sheetData", "");
      uint64_t previous = 0;
      for (int i = 0; i < rows; ++i) xml += Space() + Row(&previous);
      xml += Space() + Close("sheetData");
    }
    xml += Epilogue();
    xml += Close("worksheet");
    if (Chance(3)) xml += "\n";
    return xml;
  }

 private:
  bool Chance(int one_in) { return rng_() % static_cast<uint32_t>(one_in) == 0; }
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  template <typename T>
  const T& OneOf(const std::vector<T>& v) {
    return v[rng_() % v.size()];
  }

  std::string Open(std::string_view name, std::string_view attributes) {
    return fmt::format("<{}{}{}>", prefix_, name, attributes);
  }
  std::string Close(std::string_view name) {
    return fmt::format("</{}{}{}>", prefix_, name, Chance(10) ? " " : "");
  }
  std::string Space() {
    static const std::vector<std::string> kSpaces = {"",  "",   "",           "\n",      "\r\n  ",
                                                     " ", "\t", "<!-- c -->", "<?pi x?>"};
    return OneOf(kSpaces);
  }
  std::string Attribute(std::string_view name, std::string_view value) {
    const char q = Chance(3) ? '\'' : '"';
    const std::string around = Chance(8) ? " " : "";
    return fmt::format(" {}{}={}{}{}{}", name, around, around, q, value, q);
  }

  std::string Prelude() {
    std::string out;
    if (Chance(2))
      out +=
          "<" + prefix_ + "sheetPr><" + prefix_ + "outlinePr summaryBelow=\"1\"/></" + prefix_ + "sheetPr>";
    if (Chance(2)) out += "<" + prefix_ + "dimension" + Attribute("ref", Chance(2) ? "A1:C9" : "B2") + "/>";
    if (Chance(3)) out += "<!-- a comment with <tags> & stuff -->";
    if (Chance(2)) {
      out += "<" + prefix_ + "cols>";
      const int n = Chance(4) ? 300 : Pick(4);
      for (int i = 1; i <= n; ++i) {
        out += fmt::format("<{}col min=\"{}\" max=\"{}\" width=\"12.7109375\" customWidth=\"1\"/>", prefix_,
                           i, i);
      }
      out += "</" + prefix_ + "cols>";
    }
    return out + Space();
  }

  std::string Epilogue() {
    std::string out;
    if (Chance(2)) {
      out += "<" + prefix_ + "mergeCells count=\"2\">";
      out += "<" + prefix_ + "mergeCell" + Attribute("ref", "A1:B1") + "/>";
      out +=
          Space() + "<" + prefix_ + "mergeCell" + Attribute("ref", "D7:C5") + "></" + prefix_ + "mergeCell>";
      out += "</" + prefix_ + "mergeCells>";
    }
    if (Chance(3)) {
      out += "<" + prefix_ + "conditionalFormatting sqref=\"A1:A9\"><" + prefix_ +
             "cfRule type=\"cellIs\" operator=\"greaterThan\"><" + prefix_ + "formula>\"a&gt;b\"</" +
             prefix_ + "formula></" + prefix_ + "cfRule></" + prefix_ + "conditionalFormatting>";
    }
    if (Chance(3)) out += "<" + prefix_ + "pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\"/>";
    if (Chance(4))
      out += "<" + prefix_ + "extLst><ext uri=\"{1}\"><![CDATA[</worksheet>]]></ext></" + prefix_ + "extLst>";
    return out + Space();
  }

  // A row numbered after *previous (with gaps), as the scanner numbers it:
  // a row without r takes its first cell's row, or else previous + 1; a cell
  // without r is one past the previous cell.
  std::string Row(uint64_t* previous) {
    const bool with_r = !Chance(5);
    const int cells = Pick(7);
    const bool first_cell_r = Chance(2);
    uint64_t number = *previous + 1 + (Chance(3) ? static_cast<uint64_t>(Pick(3)) : 0);
    if (!with_r && (cells == 0 || !first_cell_r)) number = *previous + 1;
    *previous = number;
    std::vector<std::string> parts;
    if (with_r) parts.push_back(Attribute("r", std::to_string(number)));
    if (Chance(2)) parts.push_back(Attribute("spans", "1:9"));
    if (Chance(3)) parts.push_back(Attribute("x14ac:dyDescent", "0.25"));
    std::shuffle(parts.begin(), parts.end(), rng_);
    std::string attributes;
    for (const std::string& p : parts) attributes += p;
    if (cells == 0 && Chance(2)) return "<" + prefix_ + "row" + attributes + "/>";
    std::string out = Open("row", attributes);
    uint64_t next_column = 0;
    for (int i = 0; i < cells; ++i) {
      const bool cell_r = (i == 0 && !with_r) ? first_cell_r : !Chance(4);
      const uint64_t column = next_column + (cell_r ? static_cast<uint64_t>(Pick(3)) : 0);
      next_column = column + 1;
      out += Space() + Cell(cell_r ? CellRefName(column, number) : "");
    }
    return out + Space() + Close("row");
  }

  std::string Cell(const std::string& ref) {
    std::vector<std::string> parts;
    if (!ref.empty()) parts.push_back(Attribute("r", ref));
    if (Chance(3)) parts.push_back(Attribute("s", std::to_string(Pick(40))));
    std::string type;
    std::string body;
    switch (Pick(14)) {
      case 0:
        body = V(OneOf<std::string>({"0", "1234.5", "-0", "8.4346050800001296E+15", "1E-3", "45000.5"}));
        break;
      case 1:
        type = "s";
        body = V(std::to_string(Pick(5000)));
        break;
      case 2:
        type = "inlineStr";
        body = "<" + prefix_ + "is>" + T(Text()) + "</" + prefix_ + "is>";
        break;
      case 3:
        type = "inlineStr";
        body = "<" + prefix_ + "is><" + prefix_ + "r><" + prefix_ + "rPr><" + prefix_ + "b/><" + prefix_ +
               "sz val=\"11\"/></" + prefix_ + "rPr>" + T(Text()) + "</" + prefix_ + "r>" + Space() + "<" +
               prefix_ + "r>" + T(Text()) + "</" + prefix_ + "r><" + prefix_ + "rPh sb=\"0\" eb=\"1\">" +
               T("phonetic") + "</" + prefix_ + "rPh></" + prefix_ + "is>";
        break;
      case 4:
        type = "str";
        body = "<" + prefix_ + "f>CONCAT(A1,\"&amp;\")</" + prefix_ + "f>" + V(Text());
        break;
      case 5:
        body = "<" + prefix_ + "f t=\"shared\" si=\"0\"/>" + V("42");
        break;
      case 6:
        type = "b";
        body = V(Chance(2) ? "1" : "0");
        break;
      case 7:
        type = "e";
        body = V("#N/A");
        break;
      case 8:
        type = "d";
        body = V("2023-03-15T12:00:00");
        break;
      case 9:
        if (Chance(2)) type = "inlineStr";
        break;  // blank, written <c .../> or <c ...></c>
      case 10:
        type = "inlineStr";
        body = "<" + prefix_ + "is><" + prefix_ + "t><![CDATA[" +
               OneOf<std::string>({"a<b>&amp;", "", "]]", "x\r\ny"}) + "]]></" + prefix_ + "t></" + prefix_ +
               "is>";
        break;
      case 11:
        body = V("7") + "<" + prefix_ + "extLst><ext uri=\"u\"><x14:y a=\"&gt;\">t</x14:y></ext></" +
               prefix_ + "extLst>";
        break;
      case 12:
        type = "str";
        body = "<" + prefix_ + "v>" + Text() + "<!-- in v -->" + Text() + "</" + prefix_ + "v>";
        break;
      default:
        type = "n";
        body = V(std::to_string(Pick(100000)));
        break;
    }
    if (!type.empty()) parts.push_back(Attribute("t", type));
    std::shuffle(parts.begin(), parts.end(), rng_);
    std::string attributes;
    for (const std::string& p : parts) attributes += p;
    if (body.empty() && Chance(2)) return "<" + prefix_ + "c" + attributes + (Chance(2) ? " " : "") + "/>";
    return Open("c", attributes) + body + Close("c");
  }

  std::string V(const std::string& text) { return "<" + prefix_ + "v>" + text + "</" + prefix_ + "v>"; }
  std::string T(const std::string& text) {
    return "<" + prefix_ + "t" + (Chance(2) ? " xml:space=\"preserve\"" : "") + ">" + text + "</" + prefix_ +
           "t>";
  }
  std::string Text() {
    static const std::vector<std::string> kPieces = {
        "Main St",
        " ",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&apos;",
        "&#65;",
        "&#x20AC;",
        "&#128512;",
        "Caf\xC3\xA9",
        "\xE2\x82\xAC",
        "\xF0\x9F\x8F\xA2",
        "\r\n",
        "\r",
        "\n",
        "1234",
        "LLC",
        "'\"",
        "]]",
        "a > b",
        "\t",
    };
    std::string out;
    const int n = Pick(5);
    for (int i = 0; i < n; ++i) out += OneOf(kPieces);
    if (Chance(20)) out += std::string(static_cast<size_t>(Pick(3000)), 'z');  // a long value
    return out;
  }

  std::mt19937 rng_;
  std::string prefix_;
};

}  // namespace flexpipe::testing
