// The report's table sections: top candidates, files, data quality, schema
// differences, problems; and the helpers the sections share.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/human_number.h"
#include "core/problem_hint.h"
#include "report/html_escape.h"
#include "report/report_sections.h"
#include "score/round.h"
#include "write/json_summary.h"

namespace flexpipe::report {
namespace {

std::string Td(std::string_view text) { return "<td>" + HtmlEscape(text) + "</td>"; }
std::string TdWrap(std::string_view text) { return "<td class=\"wrap\">" + HtmlEscape(text) + "</td>"; }
std::string TdNum(std::string_view text) { return "<td class=\"num\">" + HtmlEscape(text) + "</td>"; }
std::string TdCount(uint64_t n) { return TdNum(WithThousands(n)); }

// A number cell the script sorts by `value` (shortest round-trip text); ""
// when the value is missing.
std::string TdSortable(std::string_view text, std::optional<double> value) {
  std::string v;
  if (value && std::isfinite(*value)) {
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *value);
    if (ec == std::errc()) v.assign(buf, end);
  }
  return "<td class=\"num\" data-value=\"" + HtmlEscape(v) + "\">" + HtmlEscape(text) + "</td>";
}

std::string Th(std::string_view text, bool numeric = false) {
  return std::string(numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") + HtmlEscape(text) +
         "</th>";
}

std::string Codes(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ", ") + ("<code>" + HtmlEscape(n) + "</code>");
  return s;
}

std::string Row(uint64_t row) { return row == 0 ? std::string() : WithThousands(row); }

// A table of problems, one row each: file, [row, column,] code, message, hint.
std::string ProblemTable(const std::vector<const Problem*>& problems, std::string_view caption,
                         bool with_rows) {
  std::string s = "<div class=\"scroll\"><table><caption>" + HtmlEscape(caption) + "</caption><thead><tr>" +
                  Th("File") + (with_rows ? Th("Row", true) + Th("Column") : "") + Th("Code") +
                  Th("Problem") + Th("What to do") + "</tr></thead><tbody>";
  for (const Problem* p : problems) {
    s += "<tr>" + TdWrap(p->file) + (with_rows ? TdNum(Row(p->row)) + Td(p->column) : "") + "<td><code>" +
         HtmlEscape(p->code) + "</code></td>" + TdWrap(p->message) + "<td class=\"hint\">" +
         HtmlEscape(ProblemHint(p->code)) + "</td></tr>";
  }
  return s + "</tbody></table></div>";
}

// A column of the top-candidates table: its heading, whether it sorts as a
// number, and its cell for a candidate ("" text = empty cell).
struct TopColumn {
  std::string_view heading;
  bool numeric;
  bool always;  // shown even when every cell is empty
  std::string (*cell)(const CandidateSummary&);
  std::string (*text)(const CandidateSummary&);  // the cell's text, to tell whether it is empty
};

std::string Source(const CandidateSummary& c) {
  const std::string full = c.source_file + ", row " + std::to_string(c.source_row);
  const std::string name =
      std::filesystem::path(c.source_file).filename().string() + ", row " + std::to_string(c.source_row);
  return "<td class=\"wrap\" title=\"" + HtmlEscape(full) + "\">" + HtmlEscape(name) + "</td>";
}

std::string Flags(const CandidateSummary& c) {
  std::string flags;
  for (const std::string& f : c.flags) flags += (flags.empty() ? "" : ", ") + f;
  return flags;
}

std::string Acres(const CandidateSummary& c) { return c.has_acres ? FormatAcres(c.acres) : ""; }
std::string Building(const CandidateSummary& c) {
  return c.has_building_sqft ? DecimalWithThousands(c.building_sqft, 0) : "";
}
std::string Value(const CandidateSummary& c) {
  return c.has_improvement_value ? FormatMoney(c.improvement_value) : "";
}

// clang-format off
const TopColumn kTopColumns[] = {
    {"Rank", true, true,
     [](const CandidateSummary& c) { return TdSortable(std::to_string(c.rank), c.rank); },
     [](const CandidateSummary& c) { return std::to_string(c.rank); }},
    {"Score", true, true,
     [](const CandidateSummary& c) { return TdSortable(FormatScore(c.score), RoundHalfEven2(c.score)); },
     [](const CandidateSummary& c) { return FormatScore(c.score); }},
    {"Class", false, true,
     [](const CandidateSummary& c) {
       return "<td><span class=\"class " + std::string(ClassificationCss(c.classification)) + "\">" +
              HtmlEscape(ClassificationLabel(c.classification)) + "</span></td>";
     },
     [](const CandidateSummary& c) { return c.classification; }},
    {"Address", false, true, [](const CandidateSummary& c) { return TdWrap(c.address); },
     [](const CandidateSummary& c) { return c.address; }},
    {"City", false, false, [](const CandidateSummary& c) { return Td(c.city); },
     [](const CandidateSummary& c) { return c.city; }},
    {"State", false, false, [](const CandidateSummary& c) { return Td(c.state); },
     [](const CandidateSummary& c) { return c.state; }},
    {"County", false, false, [](const CandidateSummary& c) { return Td(c.county); },
     [](const CandidateSummary& c) { return c.county; }},
    {"Zoning", false, false, [](const CandidateSummary& c) { return Td(c.zoning); },
     [](const CandidateSummary& c) { return c.zoning; }},
    {"Type", false, false, [](const CandidateSummary& c) { return TdWrap(c.property_type); },
     [](const CandidateSummary& c) { return c.property_type; }},
    {"Acres", true, false,
     [](const CandidateSummary& c) { return TdSortable(Acres(c), c.has_acres ? std::optional(c.acres) : std::nullopt); },
     Acres},
    {"Building sq ft", true, false,
     [](const CandidateSummary& c) {
       return TdSortable(Building(c), c.has_building_sqft ? std::optional(c.building_sqft) : std::nullopt);
     },
     Building},
    {"Improvement value", true, false,
     [](const CandidateSummary& c) {
       return TdSortable(Value(c), c.has_improvement_value ? std::optional(c.improvement_value) : std::nullopt);
     },
     Value},
    {"Owner", false, false, [](const CandidateSummary& c) { return TdWrap(c.owner_name); },
     [](const CandidateSummary& c) { return c.owner_name; }},
    {"Flags", false, false, [](const CandidateSummary& c) { return TdWrap(Flags(c)); }, Flags},
    {"Source", false, true, Source, [](const CandidateSummary& c) { return c.source_file; }},
};
// clang-format on

}  // namespace

std::string OpenSection(std::string_view id, std::string_view title) {
  const std::string i(id);
  return "<section id=\"" + i + "\" aria-labelledby=\"" + i + "-h\"><h2 id=\"" + i + "-h\">" +
         HtmlEscape(title) + "</h2>";
}

std::string_view ClassificationCss(std::string_view c) {
  if (c == "PRIME_FLEX") return "c-prime";
  if (c == "GOOD_FLEX") return "c-good";
  if (c == "POTENTIAL_FLEX") return "c-potential";
  if (c == "POSSIBLE_FLEX") return "c-possible";
  return "c-unlikely";
}

std::string_view ClassificationColor(std::string_view c) {
  if (c == "PRIME_FLEX") return "#1b7837";
  if (c == "GOOD_FLEX") return "#5aae61";
  if (c == "POTENTIAL_FLEX") return "#d9a21b";
  if (c == "POSSIBLE_FLEX") return "#e08250";
  return "#a0a7ae";
}

std::string ClassificationLabel(std::string_view c) {
  if (c.ends_with("_FLEX")) c.remove_suffix(5);
  std::string label;
  for (size_t i = 0; i < c.size(); ++i) {
    const char ch = c[i];
    label.push_back(ch == '_'                           ? ' '
                    : (i > 0 && ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a')
                                                        : ch);
  }
  return label;
}

void AppendTopCandidates(const RunSummary& s, std::string* out) {
  const size_t n = s.top_candidates.size();
  *out += OpenSection("top", n == 1 ? "Top candidate" : "Top " + WithThousands(n) + " candidates");
  if (n == 0) {
    *out += "<p>No candidates.</p></section>";
    return;
  }
  if (s.candidates_unique > n) {
    *out +=
        "<p class=\"note\">The " + WithThousands(n) + " best-ranked of " +
        WithThousands(s.candidates_unique) +
        " unique candidates (setting <code>output.top_n</code>); the master list has them all, the charts "
        "above cover them all.</p>";
  }
  *out +=
      "<div class=\"tools\" id=\"top-tools\" hidden=\"hidden\"><label for=\"top-filter\">Filter</label>"
      "<input id=\"top-filter\" type=\"search\" autocomplete=\"off\" placeholder=\"address, city, owner, "
      "flag\u2026\"/>"
      "<p id=\"top-status\" aria-live=\"polite\"></p></div>";
  *out +=
      "<div class=\"scroll\"><table id=\"top-table\"><caption>Ranked by flex score, highest first; "
      "select a column heading to sort by it. Columns no candidate here has a value for are left out."
      "</caption><thead><tr>";
  // Columns without a value in any row are left out (an export without counties, say).
  std::vector<const TopColumn*> columns;
  for (const TopColumn& col : kTopColumns) {
    const bool any =
        col.always || std::any_of(s.top_candidates.begin(), s.top_candidates.end(),
                                  [&](const CandidateSummary& c) { return !col.text(c).empty(); });
    if (any) columns.push_back(&col);
  }
  for (const TopColumn* col : columns) {
    *out += std::string("<th scope=\"col\"") +
            (col->numeric ? " class=\"num\" data-sort=\"number\"" : " data-sort=\"text\"") +
            (col == &kTopColumns[0] ? " aria-sort=\"ascending\"" : "") + ">" + HtmlEscape(col->heading) +
            "</th>";
  }
  *out += "</tr></thead><tbody>";
  for (const CandidateSummary& c : s.top_candidates) {
    *out += "<tr data-rank=\"" + std::to_string(c.rank) + "\">";
    for (const TopColumn* col : columns) *out += col->cell(c);
    *out += "</tr>";
  }
  *out += "</tbody></table></div></section>";
}

void AppendFileTable(const RunSummary& s, std::string* out) {
  *out += OpenSection("files", "Files");
  *out += "<p>" + WithThousands(s.files_found) + " found, " + WithThousands(s.files_processed) +
          " processed, " + WithThousands(s.files_succeeded) + " succeeded, " + WithThousands(s.files_failed) +
          " failed" + (s.skipped.empty() ? "" : ", " + WithThousands(s.skipped.size()) + " skipped") +
          ".</p>";
  if (s.files.empty()) {
    *out += "<p>No files were processed.</p></section>";
    return;
  }
  *out +=
      "<div class=\"scroll\"><table><caption>In input order (sorted paths); time is each file's own "
      "reading and scoring.</caption><thead><tr>" +
      Th("File") + Th("Format") + Th("Size", true) + Th("Status") + Th("Rows read", true) +
      Th("Scored", true) + Th("Set aside", true) + Th("Candidates", true) + Th("Duplicates in file", true) +
      Th("Ragged rows", true) + Th("Unparsed values", true) + Th("Time", true) + "</tr></thead><tbody>";
  uint64_t size = 0, read = 0, scored = 0, aside = 0, candidates = 0, dups = 0, ragged = 0, bad = 0;
  for (const FileReport& f : s.files) {
    *out += "<tr>" + TdWrap(f.path) + Td(f.format) + TdNum(FormatBytes(f.size_bytes));
    *out += f.succeeded ? std::string("<td class=\"ok\">succeeded</td>")
                        : "<td><span class=\"failed\">failed</span> <code>" + HtmlEscape(f.error_code) +
                              "</code></td>";
    *out += TdCount(f.rows_read) + TdCount(f.rows_scored) + TdCount(f.rows_set_aside) +
            TdCount(f.candidates) + TdCount(f.duplicates_in_file) + TdCount(f.ragged_rows) +
            TdCount(f.value_problems) + TdNum(FormatDuration(f.seconds)) + "</tr>";
    size += f.size_bytes, read += f.rows_read, scored += f.rows_scored, aside += f.rows_set_aside;
    candidates += f.candidates, dups += f.duplicates_in_file, ragged += f.ragged_rows,
        bad += f.value_problems;
  }
  *out += "</tbody><tfoot><tr><th scope=\"row\">Total</th><td></td>" + TdNum(FormatBytes(size)) +
          "<td></td>" + TdCount(read) + TdCount(scored) + TdCount(aside) + TdCount(candidates) +
          TdCount(dups) + TdCount(ragged) + TdCount(bad) + "<td></td></tr></tfoot></table></div></section>";
}

void AppendDataQuality(const RunSummary& s, std::string* out) {
  *out += OpenSection("quality", "Data quality");
  if (s.data_quality.empty()) {
    *out += "<p>No file was read.</p></section>";
    return;
  }
  *out +=
      "<p>Per canonical field: the rows that had a column for it, how many of those had a usable value, "
      "how many cells did not parse as the field's type (they count as missing), the distinct values of "
      "text fields (counted up to " +
      WithThousands(kDistinctValuesCap) + ") and the range of numbers and dates.</p>";
  *out += "<div class=\"scroll\"><table><thead><tr>" + Th("Field") + Th("Rows with the column", true) +
          Th("Usable values", true) + Th("Usable", true) + Th("Did not parse", true) + Th("Distinct", true) +
          Th("Smallest", true) + Th("Largest", true) + "</tr></thead><tbody>";
  const auto bound = [](const FieldQuality& q, double x) {
    if (!q.has_range) return std::string();
    return q.is_date ? FormatIso(Date{static_cast<int32_t>(x)})
                     : DecimalWithThousands(x, x == std::floor(x) ? 0 : 2);
  };
  for (const FieldQuality& q : s.data_quality) {
    const std::string distinct =
        q.has_distinct ? WithThousands(q.distinct) + (q.distinct_over_cap ? "+" : "") : std::string();
    *out += "<tr><td><code>" + HtmlEscape(q.field) + "</code></td>" + TdCount(q.rows_with_column) +
            TdCount(q.present) + TdNum(FormatPercent(q.present, q.rows_with_column)) +
            TdCount(q.parse_failures) + TdNum(distinct) + TdNum(bound(q, q.min)) + TdNum(bound(q, q.max)) +
            "</tr>";
  }
  *out += "</tbody></table></div></section>";
}

void AppendSchemaDifferences(const RunSummary& s, std::string* out) {
  *out += OpenSection("schema", "Schema differences");
  if (s.schema_differences.empty()) {
    *out += s.files_succeeded < 2 ? "<p>Fewer than two files were read: nothing to compare.</p></section>"
                                  : "<p>All files that were read have the same columns.</p></section>";
    return;
  }
  *out +=
      "<p>Files whose columns differ from the others': canonical fields other files have and this one "
      "lacks, and columns of this file that not every file has (kept as pass-through columns).</p>";
  *out += "<div class=\"scroll\"><table><thead><tr>" + Th("File") + Th("Missing fields") +
          Th("Extra columns") + "</tr></thead><tbody>";
  for (const SchemaDifference& d : s.schema_differences) {
    *out += "<tr>" + TdWrap(d.file) + "<td class=\"wrap\">" + Codes(d.missing_fields) +
            "</td><td class=\"wrap\">" + Codes(d.extra_columns) + "</td></tr>";
  }
  *out += "</tbody></table></div></section>";
}

void AppendProblems(const RunSummary& s, std::string* out) {
  *out += OpenSection("problems", "Problems");
  std::vector<const Problem*> failures, skipped, rows;
  for (const Problem& p : s.failures) failures.push_back(&p);
  for (const Problem& p : s.skipped) skipped.push_back(&p);
  std::string notes;
  for (const FileReport& f : s.files) {
    for (size_t i = 0; i < f.row_problems.size() && i < kRowProblemSamples; ++i)
      rows.push_back(&f.row_problems[i]);
    for (const std::string& note : f.mapping_notes) notes += "<tr>" + TdWrap(f.path) + TdWrap(note) + "</tr>";
  }
  if (failures.empty() && skipped.empty() && rows.empty() && notes.empty()) {
    *out += "<p>None: every file was read whole and every value parsed.</p></section>";
    return;
  }
  if (!failures.empty()) {
    *out += "<h3>Failed files (" + WithThousands(failures.size()) + ")</h3>" +
            ProblemTable(failures, "None of these files' rows are in the results.", false);
  }
  if (!skipped.empty()) {
    *out += "<h3>Skipped while finding inputs (" + WithThousands(skipped.size()) + ")</h3>" +
            ProblemTable(skipped, "Entries passed over before reading.", false);
  }
  if (!rows.empty()) {
    *out += "<h3>Row problems (samples)</h3>" +
            ProblemTable(rows,
                         "The first few per file; the files table has the totals. The rows were still scored "
                         "on the values that did parse.",
                         true);
  }
  if (!notes.empty()) {
    *out += "<h3>Column mapping notes</h3><div class=\"scroll\"><table><thead><tr>" + Th("File") +
            Th("Note") + "</tr></thead><tbody>" + notes + "</tbody></table></div>";
  }
  *out += "</section>";
}

}  // namespace flexpipe::report
