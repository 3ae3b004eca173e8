// Helpers of the HTML report tests: a summary with every part filled, and a
// check of a page or chart by Python's own parsers (html.parser for the
// page, xml.etree for every inline SVG), independent of flexpipe's code.
#pragma once

#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "flexpipe/summary.h"
#include "test_util.h"

namespace flexpipe::testing {
namespace internal {

inline constexpr const char* kChecker = R"py(
import json, re, sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.attrs = {}, [], []
    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.attrs.extend([tag, k, v] for k, v in attrs)
    handle_startendtag = handle_starttag
    def handle_data(self, data):
        self.text.append(data)

html = open(sys.argv[1], encoding="utf-8").read()
page = Page()
page.feed(html)
page.close()
svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
bad = []
for svg in svgs:
    try:
        ET.fromstring(svg)
    except ET.ParseError as e:
        bad.append(str(e))
json.dump({"tags": page.tags, "text": "".join(page.text), "attrs": page.attrs,
           "svgs": len(svgs), "bad_svgs": bad}, sys.stdout)
)py";

}  // namespace internal

// A run with two files (one failed), problems of every kind, candidates in
// three states, and every text field set to `text(name)` for its field name.
inline RunSummary FullSummary(std::string (*text)(const std::string& name)) {
  RunSummary s;
  s.flexpipe_version = text("version");
  s.started_at = "2025-06-01T12:00:00Z";
  s.model = text("model");
  s.as_of = text("as_of");
  s.min_flex_score = 4;
  s.duplicate_fields = {text("dup_field")};
  s.files_found = 3;
  s.files_processed = 2;
  s.files_succeeded = 1;
  s.files_failed = 1;
  s.skipped.push_back(
      Problem{text("skipped_file"), text("skipped_code"), "file_access", text("skipped_msg"), 0, "", ""});
  FileReport a;
  a.path = text("file_path");
  a.format = text("format");
  a.size_bytes = 12345678;
  a.succeeded = true;
  a.rows_read = 1234567;
  a.rows_scored = 1234560;
  a.rows_set_aside = 7;
  a.candidates = 3;
  a.seconds = 1.5;
  a.columns = {{text("header"), ""}};
  a.mapping_notes = {text("mapping_note")};
  a.row_problems.push_back(
      Problem{a.path, "BAD_VALUE", "data_format", text("row_msg"), 7, text("row_column"), "bad<value>"});
  FileReport b;
  b.path = text("failed_path");
  b.succeeded = false;
  b.error_code = "MISSING_REQUIRED_COLUMNS";
  b.error_message = text("failed_msg");
  s.files = {a, b};
  s.failures.push_back(Problem{b.path, b.error_code, "schema", b.error_message, 0, "", ""});
  s.rows_read = 1234567;
  s.rows_scored = 1234560;
  s.rows_set_aside = 7;
  s.candidates_before_dedup = 4;
  s.candidates_unique = 3;
  s.duplicates_removed = 1;
  s.score_average = 7.5;
  s.score_median = 7.25;
  s.score_min = 4.5;
  s.score_max = 10;
  s.score_distribution = {{"8-10", 1}, {"6-8", 1}, {"4-6", 1}};
  s.score_histogram[9] = 1;
  s.score_histogram[14] = 1;
  s.score_histogram[19] = 1;
  s.classification_counts = {{"PRIME_FLEX", 1}, {"GOOD_FLEX", 1}, {"POTENTIAL_FLEX", 1}};
  s.component_means = {{"zoning_score", 7.5}, {"size_score", 6.25}};
  s.states = {{text("state"), 2}, {"GA", 1}};
  s.counties = {{text("county"), 3}};
  s.cities = {{text("city"), 2}, {"Jupiter", 1}};
  s.average_building_sqft = 25000;
  s.average_acres = 2.5;
  for (uint32_t rank = 1; rank <= 3; ++rank) {
    CandidateSummary c;
    c.rank = rank;
    c.score = rank == 1 ? 10 : rank == 2 ? 7.25 : 4.5;
    c.classification = rank == 1 ? "PRIME_FLEX" : rank == 2 ? "GOOD_FLEX" : "POTENTIAL_FLEX";
    c.address = text("address") + std::to_string(rank);
    c.city = text("city");
    c.state = text("state");
    c.county = text("county");
    c.zip = "33431";
    c.parcel_id = "00424701000000010";
    c.property_type = text("property_type");
    c.zoning = text("zoning");
    c.owner_name = text("owner");
    c.acres = 2.5;
    c.has_acres = rank != 2;
    c.building_sqft = 25000 * rank;
    c.has_building_sqft = true;
    c.improvement_value = 2569458.4;
    c.has_improvement_value = true;
    c.flags = {text("flag")};
    c.source_file = text("source_file");
    c.source_row = rank + 1;
    s.top_candidates.push_back(c);
  }
  s.schema_differences.push_back(
      SchemaDifference{text("diff_file"), {text("diff_field")}, {text("diff_column")}});
  s.data_quality.push_back(FieldQuality{text("quality_field"), 1234567, 1000000, 12});
  s.master_csv = text("master_csv");
  s.master_xlsx = text("master_xlsx");
  s.report_file = text("report_file");
  s.html_report = text("html_report");
  s.seconds = 125;
  s.rows_per_second = 9876.4;
  return s;
}

// Parses `html` with Python: {"tags": {tag: count}, "text": all text,
// "attrs": [[tag, name, value]], "svgs": n, "bad_svgs": [errors]}.
// Fails the calling test (and returns null) when Python cannot run.
inline nlohmann::json ParseWithPython(const std::string& html) {
  TempDir dir;
  const auto page = dir.Write("page.html", html);
  const auto checker = dir.Write("check.py", internal::kChecker);
  std::string output;
  const int rc = RunCommand("python3 '" + checker.string() + "' '" + page.string() + "'", &output);
  EXPECT_EQ(rc, 0) << output;
  if (rc != 0) return nullptr;
  return nlohmann::json::parse(output);
}

}  // namespace flexpipe::testing
