// Reading workbooks back in tests: tests/write/xlsx_check.py run with
// Debian's /usr/bin/python3 and its openpyxl (an independent reader), and
// listings of what is left in an output folder.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace flexpipe::testing {

inline constexpr const char* kSystemPython = "/usr/bin/python3";

inline std::string Quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

inline std::string XlsxCheck(const std::string& args, int* status) {
  const std::filesystem::path script = (TestDataPath("..") / "write" / "xlsx_check.py").lexically_normal();
  std::string output;
  *status = RunCommand(std::string(kSystemPython) + " " + Quoted(script) + " " + args, &output);
  return output;
}

// The workbook as xlsx_check.py's JSON ({"sheets": [...]}); fails the test
// and returns null when it cannot be read.
inline nlohmann::json DumpWorkbook(const std::filesystem::path& xlsx) {
  int status = 0;
  const std::string out = XlsxCheck("dump " + Quoted(xlsx), &status);
  EXPECT_EQ(status, 0) << out;
  if (status != 0) return nullptr;
  return nlohmann::json::parse(out);
}

// The sheet named `name` of a dump (null when absent).
inline nlohmann::json SheetOf(const nlohmann::json& book, const std::string& name) {
  if (book.is_null()) return nullptr;
  for (const auto& sheet : book["sheets"]) {
    if (sheet["name"] == name) return sheet;
  }
  return nullptr;
}

}  // namespace flexpipe::testing
