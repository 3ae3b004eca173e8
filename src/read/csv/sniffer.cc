#include "read/csv/sniffer.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "read/csv/parser.h"

namespace flexpipe {
namespace {

constexpr char kCandidates[] = {',', ';', '\t', '|'};
constexpr size_t kMaxRecords = 200;

// Records with the most common cell count, times that count; 0 when the
// delimiter does not split records into at least two cells.
size_t Score(std::string_view sample, bool complete, char delimiter) {
  std::string scratch(sample);  // the parser unescapes in place
  CsvParser parser(CsvDialect{delimiter, '"'});
  CsvRecord record;
  std::map<size_t, size_t> records_by_width;
  std::span<char> rest(scratch);
  for (size_t n = 0; n < kMaxRecords;) {
    size_t consumed = 0;
    if (parser.Next(rest, complete, &record, &consumed) != CsvParser::Outcome::kRecord) break;
    rest = rest.subspan(consumed);
    if (record.IsBlank()) continue;
    ++records_by_width[record.cells.size()];
    ++n;
  }
  size_t width = 0;
  size_t consistent = 0;
  for (const auto& [w, count] : records_by_width) {  // ascending, so ">=" prefers the wider on a tie
    if (count >= consistent) {
      width = w;
      consistent = count;
    }
  }
  return width >= 2 ? width * consistent : 0;
}

}  // namespace

char SniffDelimiter(std::string_view sample, bool complete, char preferred) {
  std::vector<char> order = {preferred};
  for (const char c : kCandidates) {
    if (c != preferred) order.push_back(c);
  }
  char best = preferred;
  size_t best_score = 0;
  for (const char delimiter : order) {
    const size_t score = Score(sample, complete, delimiter);
    if (score > best_score) {
      best = delimiter;
      best_score = score;
    }
  }
  return best;
}

}  // namespace flexpipe
