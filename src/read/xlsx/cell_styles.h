// The part of a workbook's styles (xl/styles.xml) that reading values needs:
// for each cell style — a cell's s="N" attribute indexes <cellXfs> — whether
// its number format shows a date or time (see number_format.h).
//
// A style's number format is its xf's numFmtId: a <numFmt> of the styles part
// when one defines that id (custom formats, and the rare redefinition of a
// built-in id), else the built-in format. Only <cellXfs> entries count
// (<cellStyleXfs> are named styles cells do not point to); applyNumberFormat
// is ignored, as Excel does when it displays a cell.
//
// Errors: kCorruptFile for malformed XML; kResourceLimit for a styles part
// over 64 MiB; ZipArchive errors. Memory: about 4 bytes per cell style (Excel
// allows 64,000).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

class CellStyles {
 public:
  CellStyles() = default;  // no styles: nothing is a date
  CellStyles(std::vector<uint32_t> num_fmt_ids, std::vector<bool> is_date);

  // True when style `style_index` formats numbers as a date, time or date
  // and time. False for an index past the end (Excel shows such cells with
  // the default style).
  bool IsDate(uint32_t style_index) const { return style_index < is_date_.size() && is_date_[style_index]; }
  // The style's numFmtId; 0 (General) for an index past the end.
  uint32_t NumberFormatId(uint32_t style_index) const {
    return style_index < num_fmt_ids_.size() ? num_fmt_ids_[style_index] : 0;
  }
  // The number of cell styles (<cellXfs> entries).
  size_t size() const { return num_fmt_ids_.size(); }

 private:
  std::vector<uint32_t> num_fmt_ids_;
  std::vector<bool> is_date_;
};

// Reads the styles part `part` (WorkbookInfo::styles_part); "" gives empty
// styles.
Result<CellStyles> ReadCellStyles(ZipArchive* zip, std::string_view part);

}  // namespace flexpipe
