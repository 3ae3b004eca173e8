// Calendar dates as days since 1970-01-01 (proleptic Gregorian), the one date
// representation inside flexpipe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flexpipe {

struct Date {
  int32_t days = 0;  // days since 1970-01-01
  friend auto operator<=>(const Date&, const Date&) = default;
};

struct CivilDate {
  int32_t year;
  uint32_t month;  // 1..12
  uint32_t day;    // 1..31
};

Date FromCivil(int32_t year, uint32_t month, uint32_t day);
CivilDate ToCivil(Date date);
bool IsValidCivil(int32_t year, uint32_t month, uint32_t day);
// "YYYY-MM-DD".
std::string FormatIso(Date date);
// Strict "YYYY-MM-DD" (used for settings such as --as-of).
std::optional<Date> ParseIsoDate(std::string_view text);

}  // namespace flexpipe
