// Options for a run in a scratch folder: inputs in <dir>/in, outputs in
// <dir>/<out>, no store, no log file, a fixed as_of, one worker, every row a
// candidate (min score 0), only the master CSV, the rejects file and the JSON
// summary (the workbook and HTML report are other tests' subject). Tests
// change what they are about.
#pragma once

#include <string>

#include "flexpipe/options.h"
#include "test_util.h"

namespace flexpipe::testing {

inline PipelineOptions ScratchRunOptions(const TempDir& dir, const std::string& out = "out") {
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / out / "master.xlsx").string();
  o.output.report_file = (dir.path() / out / "summary.json").string();
  o.output.enable_xlsx_export = false;
  o.output.enable_html = false;
  o.store = "";
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";
  o.filtering.min_flex_score = 0;
  o.processing.max_workers = 1;
  return o;
}

}  // namespace flexpipe::testing
