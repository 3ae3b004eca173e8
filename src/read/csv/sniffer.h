// Delimiter detection ("sniffing") from the start of a file.
//
// Each candidate (, ; TAB |) parses the sample with the real, quote-aware
// parser, so delimiters inside quoted cells do not count. For each candidate
// the sniffer finds the most common cell count among the first records (blank
// records ignored; the record cut off at the end of a partial sample dropped)
// and how many records have exactly that count. A candidate splitting records
// into fewer than two cells is out. Score = consistent records x cells per
// record: a consistent table beats one with ragged rows, and among consistent
// tables the one with more columns wins (a stray `|` in one column does not
// beat 22 comma-separated columns). Ties go to `preferred`, then , ; TAB |.
// With no candidate left (a one-column file), the result is `preferred`.
#pragma once

#include <string_view>

namespace flexpipe {

// `sample` is the start of the text (64 KiB is plenty); `complete` says it is
// the whole file, so its last record is not cut off. `preferred` is the
// delimiter to assume when the sample does not decide: ',' for .csv, '\t' for
// .tsv.
char SniffDelimiter(std::string_view sample, bool complete, char preferred);

}  // namespace flexpipe
