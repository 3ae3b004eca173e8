// Reads a JSON summary (docs/summary-schema.md) back into a RunSummary: the
// inverse of SummaryToJson (write/json_summary.h), so a run recorded in the
// store can be written again — its JSON and its HTML report — from the
// summary it stored (pipeline/report_from_store.h).
//
// The contract is on the JSON, not on the struct: for any summary S,
//   SummaryToJson(ParseSummaryJson(SummaryToJson(S))) == SummaryToJson(S)
// byte for byte. The struct read back holds the figures as the JSON has them
// (scores rounded to 2 decimals, durations to 3, text with U+FFFD where the
// original was not valid UTF-8); what the JSON derives (geography's
// unique_* counts, a file's `unmapped`) is not read. A summary written
// without its volatile keys (include_volatile = false) reads back with
// those fields at their defaults.
#pragma once

#include <string_view>

#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

// kInvalidArgument naming the key for text that is not a summary (malformed
// JSON, a missing key, a value of the wrong type); kUnsupportedFormat for a
// summary_version newer than this flexpipe writes.
Result<RunSummary> ParseSummaryJson(std::string_view json);

// The summary exactly as its JSON says it: ParseSummaryJson(SummaryToJson(s)).
// What the HTML report is rendered from, so that a report rendered again
// from the store's copy of the JSON is the same page.
Result<RunSummary> SummaryAsWritten(const RunSummary& summary);

}  // namespace flexpipe
