#include "core/problem_hint.h"

#include <array>
#include <utility>

namespace flexpipe {

std::string_view ProblemHint(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kHints = {{
      {"MISSING_REQUIRED_COLUMNS", "map the columns with `columns:` in the config file"},
      {"UNSUPPORTED_FORMAT", "save the file as .xlsx or .csv (a regular file)"},
      {"BAD_ENCODING", "save the file as UTF-8 CSV"},
      {"NO_HEADER", "the file has no data: re-export it"},
      {"EMPTY_FILE", "the file has no data: re-export it"},
      {"PERMISSION_DENIED", "check the file's permissions"},
      {"CORRUPT_FILE", "open and re-save the file, or re-export it"},
      {"BAD_VALUE", "the cell was counted as missing; fix it in the source to score it"},
      {"RAGGED_ROW", "the row has a different number of cells than the header; check its quoting"},
      {"RESOURCE_LIMIT",
       "the file is over one of flexpipe's safety limits (the message names it; docs/configuration.md); "
       "if the file is genuine, raise that limit or split the file"},
      {"TIMED_OUT", "raise processing.timeout_minutes or split the file"},
      {"BUSY", "another program holds the file; close it and run again with --retry-failed"},
      {"FILE_CHANGED",
       "the file was still being written (a download or copy?); run again once it is complete"},
  }};
  for (const auto& [c, hint] : kHints) {
    if (c == code) return hint;
  }
  return {};
}

}  // namespace flexpipe
