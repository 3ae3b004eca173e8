// The HTML report: one self-contained page (inline CSS, inline SVG charts,
// one small inline script, no network) that shows a run to people —
// headline figures, score histogram and classes, where the candidates are,
// mean component scores, the top candidates (sortable, filterable), files,
// data quality, schema differences and every problem with its hint.
// docs/outputs.md describes it.
//
// RenderHtmlReport is a pure function of the RunSummary (so a run read back
// from the store renders the same page) and deterministic: the same summary
// gives byte-identical HTML; the only clock reading shown is the run's own
// started_at. All text is HTML-escaped.
#pragma once

#include <filesystem>
#include <string>

#include "core/env.h"
#include "flexpipe/options.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

std::string RenderHtmlReport(const RunSummary& summary);

// Writes RenderHtmlReport(summary) to `path` through an AtomicFile. With a
// non-empty `backup_stamp`, an existing file is kept as <stem>.<stamp>.html
// (output.existing: backup).
Status WriteHtmlReport(FileSystem* fs, const std::filesystem::path& path, const RunSummary& summary,
                       std::string backup_stamp = {});

// Where a run writes the report: output.html_file, or when that is empty
// report.html in the master output's folder (output.master_file's).
std::filesystem::path HtmlReportPath(const OutputOptions& output);

}  // namespace flexpipe
