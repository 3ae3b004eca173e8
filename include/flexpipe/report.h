// `flexpipe report --run N`: a recorded run's outputs — master CSV, master
// workbook, HTML report, JSON summary — written again from the store alone
// (docs/store.md, "Reports from the store"). The input files are not read
// and need not exist: each file of the run is loaded back from the store as
// the candidate set the run merged (the path a reused file takes), merged
// and ranked again, and written by the run's own writers; the summary is
// the one the run stored. Written to the same paths, the four files have
// the bytes the run wrote, whatever became of its inputs.
#pragma once

#include <cstdint>
#include <string>

#include "flexpipe/pipeline.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

struct ReportOptions {
  // The store. Default: "data/flexpipe.db".
  std::string store = "data/flexpipe.db";
  // The run to report; 0 = the most recent completed run. Default: 0.
  int64_t run = 0;
  // Where the outputs go. "" = where the run wrote them (the paths its
  // summary names). An output the run did not write is written when its
  // path is given here. `master_file` is the workbook; the CSV goes beside
  // it with the extension .csv. Default: "".
  std::string master_file;
  std::string report_file;
  std::string html_file;
  std::string rejects_file;
  // false = leave that output out. Default: true.
  bool write_csv = true;
  bool write_xlsx = true;
  bool write_html = true;
  bool write_rejects = true;
  // What happens to a file already at an output's path (output.existing):
  // replace | backup | version. "" = the run's own setting. Backups carry the
  // report's start time. Default: "".
  std::string existing;
  // Memory for the stored candidates' rows, in MB, as `run`'s
  // processing.candidate_memory_mb: beyond it they go to a scratch file
  // beside the master file. 0 = all in memory. Default: 384.
  int candidate_memory_mb = 384;
};

struct ReportResult {
  int64_t run = 0;               // the run reported
  std::string flexpipe_version;  // the flexpipe that recorded it
  // The run's summary, its `outputs` naming the files just written (those
  // not written again keep the run's names).
  RunSummary summary;
};

// Errors, as values: kNotFound when there is no database at
// options.store, or no completed run in it (run 0); kInvalidArgument for a
// run that does not exist or did not complete ("run 7 was interrupted;
// nothing to report"); kDatabaseIncompatible for a database or summary from
// a newer flexpipe; kDatabaseError when the store is damaged or does not
// hold what the run recorded; kOutputError when an output cannot be
// written. `context` supplies the FileSystem, Clock and listener (OnStage
// "merge", "write"); its cancel flag and reuse setting are not used.
Result<ReportResult> ReportFromStore(const ReportOptions& options, const RunContext& context = {});

}  // namespace flexpipe
