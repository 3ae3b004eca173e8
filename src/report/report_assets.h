// The HTML report's fixed parts: its style sheet and its one script (sorting
// and filtering the top-candidates table). The page works without the
// script; the script only enhances it. The page's Content-Security-Policy
// allows exactly this script by its SHA-256 hash (kReportScriptSha256), so no
// other script can run in the page even if text were ever left unescaped.
// After editing kReportScript, update the hash: tests/report/report_assets_test.cc
// prints the new one.
#pragma once

#include <string_view>

namespace flexpipe {

// The text of the page's <style> element.
extern const std::string_view kReportCss;

// The text of the page's <script> element, exactly (the hash covers every byte).
extern const std::string_view kReportScript;

// base64 of SHA-256(kReportScript), for the CSP's script-src 'sha256-…'.
extern const std::string_view kReportScriptSha256;

}  // namespace flexpipe
