// Text handed to a writer that needs valid UTF-8 (libxlsxwriter) is repaired
// the way the JSON summary repairs it (nlohmann::json's
// error_handler_t::replace, which json_summary.cc uses when it dumps): each
// ill-formed sequence becomes U+FFFD, so a bad byte looks the same in the
// workbook and in the summary. Cells read by flexpipe are already valid
// UTF-8 (readers decode to it); this guards text from elsewhere.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace flexpipe {

// `text` itself when it is valid UTF-8; otherwise the repaired text, stored
// in *scratch (the result views it until *scratch changes).
std::string_view ValidUtf8(std::string_view text, std::string* scratch);

}  // namespace flexpipe
