// What a person can do about a problem, by its stable code: the "hint" shown
// under a failed file on the console and in the HTML report. Codes without
// advice give "".
#pragma once

#include <string_view>

namespace flexpipe {

// E.g. "MISSING_REQUIRED_COLUMNS" → "map the columns with `columns:` in the
// config file". The text is plain (no markup) and ends without a period.
std::string_view ProblemHint(std::string_view code);

}  // namespace flexpipe
