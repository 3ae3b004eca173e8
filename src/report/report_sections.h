// The sections of the HTML report (report/html_report.h), each appended to
// the page as a <section> with an id, an <h2> and its content. Internal to
// src/report. Every function escapes all text it takes from the summary.
#pragma once

#include <string>
#include <string_view>

#include "flexpipe/summary.h"

namespace flexpipe::report {

// Charts (report_charts.cc).
void AppendScoreSection(const RunSummary& s, std::string* out);      // #scores
void AppendGeographySection(const RunSummary& s, std::string* out);  // #geography
void AppendComponentSection(const RunSummary& s, std::string* out);  // #components

// Tables (report_tables.cc).
void AppendTopCandidates(const RunSummary& s, std::string* out);      // #top
void AppendFileTable(const RunSummary& s, std::string* out);          // #files
void AppendDataQuality(const RunSummary& s, std::string* out);        // #quality
void AppendSchemaDifferences(const RunSummary& s, std::string* out);  // #schema
void AppendProblems(const RunSummary& s, std::string* out);           // #problems

// Shared helpers (report_tables.cc).
// "<section id=ID aria-labelledby=ID-h><h2 id=ID-h>TITLE</h2>"; close with "</section>".
std::string OpenSection(std::string_view id, std::string_view title);
// The CSS class of a classification's badge and bars ("c-prime", ...).
std::string_view ClassificationCss(std::string_view classification);
// Its colour in charts.
std::string_view ClassificationColor(std::string_view classification);
// "PRIME_FLEX" → "Prime flex".
std::string ClassificationLabel(std::string_view classification);

}  // namespace flexpipe::report
