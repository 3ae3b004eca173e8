// Writing a run's outputs, for `flexpipe run` and `flexpipe report` alike:
// one order, one set (write/staged_outputs.h), one place to add an output.
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>

#include "aggregate/candidate_set.h"
#include "aggregate/master_layout.h"
#include "aggregate/merge.h"
#include "core/env.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"
#include "score/scorer.h"
#include "write/existing_output.h"

namespace flexpipe {

// Where the outputs go ("" = not written) and, under output.existing:
// backup, the stamp their predecessors are kept under.
struct OutputPlan {
  std::string csv, xlsx, rejects, html, report;
  std::string backup_stamp;
};

// Applies output.existing to `plan`: backup = the stamp of `started_at`
// (UTC ISO time) for the predecessors; version = the first free _vN names
// (the HTML report is not numbered, docs/outputs.md); replace = nothing.
Status ApplyExistingPolicy(ExistingOutputPolicy policy, const std::string& started_at, FileSystem* fs,
                           OutputPlan* plan);

// The merged, ranked candidates the master outputs list.
struct RankedCandidates {
  std::span<const CandidateSet* const> sets;
  const MergeResult& merged;
  const MasterLayout& layout;
  const Scorer& scorer;
  std::span<const std::string> paths;  // input names by file ordinal
};

// Writes `plan`'s outputs as one set, in this order: the master CSV, the
// master workbook (with the figures of `workbook_summary`, or of `*summary`
// when null; its top `top_n` candidates), the rejects file (summary->files);
// then, once `before_reports` (if any) has completed the summary, the HTML
// report — rendered from the summary as its JSON has it, so `flexpipe report`
// renders the same page again — and the JSON summary, which names them all.
// The summary's output paths are set as they are written. On any failure:
// kOutputError, and no previous output is replaced. `statistics`, when
// given, completes the summary's candidate figures: it runs on a thread of
// its own while the master CSV is written (both only read the candidates),
// and is done before anything that shows them is written; its failure is
// returned as it is.
Status WriteRunOutputs(FileSystem* fs, const OutputPlan& plan, size_t top_n, const RankedCandidates& ranked,
                       const RunSummary* workbook_summary, RunSummary* summary,
                       const std::function<void(RunSummary*)>& before_reports = {},
                       const std::function<Status()>& statistics = {});

}  // namespace flexpipe
