#include "report/html_report.h"

#include <utility>

#include "core/human_number.h"
#include "report/html_escape.h"
#include "report/report_assets.h"
#include "report/report_sections.h"
#include "write/atomic_file.h"

namespace flexpipe {
namespace {

using report::OpenSection;

// "2025-06-01T12:00:00Z" → "2025-06-01 12:00:00 UTC"; other text as it is.
std::string ReadableTime(const std::string& iso) {
  if (iso.size() == 20 && iso[10] == 'T' && iso[19] == 'Z')
    return iso.substr(0, 10) + " " + iso.substr(11, 8) + " UTC";
  return iso;
}

void AppendHead(const RunSummary& s, std::string* out) {
  *out +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
      // Nothing is loaded from anywhere; only the report's own script may run.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'sha256-";
  *out += kReportScriptSha256;
  *out += "'\"/>\n<meta name=\"generator\" content=\"flexpipe " + HtmlEscape(s.flexpipe_version) + "\"/>\n";
  *out += "<title>flexpipe report" +
          (s.started_at.empty() ? "" : " \u2014 " + HtmlEscape(ReadableTime(s.started_at))) +
          "</title>\n<style>";
  *out += kReportCss;
  *out += "</style>\n</head>\n";
}

void AppendHeader(const RunSummary& s, std::string* out) {
  *out += "<header>\n<h1>Flex property candidates</h1>\n<p class=\"meta\">";
  std::string meta = "Run " + (s.started_at.empty() ? std::string("(start time unknown)")
                                                    : "of " + ReadableTime(s.started_at));
  meta += " \u00b7 flexpipe " + s.flexpipe_version + " \u00b7 model " + s.model;
  if (!s.as_of.empty()) meta += " \u00b7 scored as of " + s.as_of;
  meta += " \u00b7 minimum score " + DecimalWithThousands(s.min_flex_score, 2);
  if (s.deduplication) {
    std::string fields;
    for (const std::string& f : s.duplicate_fields) fields += (fields.empty() ? "" : ", ") + f;
    meta += " \u00b7 duplicates merged on " + fields;
  } else {
    meta += " \u00b7 duplicates kept";
  }
  *out += HtmlEscape(meta) + "</p>\n<nav aria-label=\"Sections\"><ul>";
  static constexpr std::pair<const char*, const char*> kSections[] = {
      {"overview", "Overview"},    {"scores", "Scores"},
      {"geography", "Where"},      {"components", "Why"},
      {"top", "Top candidates"},   {"files", "Files"},
      {"quality", "Data quality"}, {"schema", "Schema differences"},
      {"problems", "Problems"},    {"outputs", "Outputs"}};
  for (const auto& [id, name] : kSections)
    *out += "<li><a href=\"#" + std::string(id) + "\">" + name + "</a></li>";
  *out += "</ul></nav>\n</header>\n";
}

std::string Figure(std::string_view name, const std::string& value, const std::string& detail = {}) {
  std::string s = "<div><dt>" + HtmlEscape(name) + "</dt><dd>" + HtmlEscape(value);
  if (!detail.empty()) s += "<small>" + HtmlEscape(detail) + "</small>";
  return s + "</dd></div>";
}

void AppendOverview(const RunSummary& s, std::string* out) {
  *out += OpenSection("overview", "Overview") + "<dl class=\"figures\">";
  std::string files =
      WithThousands(s.files_succeeded) + " read whole, " + WithThousands(s.files_failed) + " failed";
  if (!s.skipped.empty()) files += ", " + WithThousands(s.skipped.size()) + " skipped";
  *out += Figure("Files", WithThousands(s.files_found), files);
  *out += Figure("Rows read", WithThousands(s.rows_read),
                 WithThousands(s.rows_scored) + " scored, " + WithThousands(s.rows_set_aside) + " set aside");
  *out += Figure("Candidates", WithThousands(s.candidates_before_dedup), "before de-duplication");
  *out += Figure("Unique candidates", WithThousands(s.candidates_unique), "after de-duplication");
  *out += Figure("Duplicates removed", WithThousands(s.duplicates_removed),
                 FormatPercent(s.duplicates_removed, s.candidates_before_dedup) +
                     (s.candidates_before_dedup > 0 ? " of candidates" : ""));
  *out += Figure("Run time", FormatDuration(s.seconds));
  *out += Figure(
      "Throughput",
      WithThousands(static_cast<uint64_t>(s.rows_per_second > 0 ? s.rows_per_second + 0.5 : 0)) + " rows/s");
  if (s.candidates_unique > 0) {
    *out += Figure("Average building", DecimalWithThousands(s.average_building_sqft, 0) + " sq ft",
                   "of candidates that list it");
    *out += Figure("Average lot", FormatAcres(s.average_acres) + " acres", "of candidates that list it");
  }
  *out += "</dl></section>\n";
}

void AppendOutputs(const RunSummary& s, std::string* out) {
  *out += OpenSection("outputs", "Outputs") + "<ul>";
  const std::pair<const char*, const std::string*> outputs[] = {{"Master list (CSV)", &s.master_csv},
                                                                {"Master workbook", &s.master_xlsx},
                                                                {"JSON summary", &s.report_file},
                                                                {"This report", &s.html_report}};
  bool any = false;
  for (const auto& [name, path] : outputs) {
    if (path->empty()) continue;
    any = true;
    *out += "<li>" + std::string(name) + ": <code>" + HtmlEscape(*path) + "</code></li>";
  }
  if (!any) *out += "<li>None.</li>";
  *out += "</ul></section>\n";
}

}  // namespace

std::string RenderHtmlReport(const RunSummary& s) {
  std::string out;
  out.reserve(64 * 1024);
  AppendHead(s, &out);
  out += "<body>\n<main>\n";
  AppendHeader(s, &out);
  AppendOverview(s, &out);
  report::AppendScoreSection(s, &out);
  out += '\n';
  report::AppendGeographySection(s, &out);
  out += '\n';
  report::AppendComponentSection(s, &out);
  out += '\n';
  report::AppendTopCandidates(s, &out);
  out += '\n';
  report::AppendFileTable(s, &out);
  out += '\n';
  report::AppendDataQuality(s, &out);
  out += '\n';
  report::AppendSchemaDifferences(s, &out);
  out += '\n';
  report::AppendProblems(s, &out);
  out += '\n';
  AppendOutputs(s, &out);
  out += "<footer>Made by flexpipe " + HtmlEscape(s.flexpipe_version) +
         " from the run's summary; the JSON summary has the same figures.</footer>\n</main>\n<script>";
  out += kReportScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

Status WriteHtmlReport(FileSystem* fs, const std::filesystem::path& path, const RunSummary& summary,
                       std::string backup_stamp) {
  const std::string html = RenderHtmlReport(summary);
  FP_ASSIGN_OR_RETURN(auto file, AtomicFile::Create(fs, path));
  if (!backup_stamp.empty()) file->KeepExistingAsBackup(std::move(backup_stamp));
  FP_RETURN_IF_ERROR(file->Append(html));
  return file->Commit();
}

std::filesystem::path HtmlReportPath(const OutputOptions& output) {
  if (!output.html_file.empty()) return output.html_file;
  const std::filesystem::path master(output.master_file);
  return master.has_parent_path() ? master.parent_path() / "report.html"
                                  : std::filesystem::path("report.html");
}

}  // namespace flexpipe
