// The workbook's table of contents: which sheets it has (names, order,
// visibility, zip entries), its date system, and where its shared strings
// and styles are.
//
// Resolution, as Excel does it:
//   [Content_Types].xml -> the main workbook part: the Override whose content
//   type is a workbook's (.xlsx, .xlsm, .xltx, .xltm, .xlam); when there is
//   none, the officeDocument relationship of _rels/.rels ->
//   the workbook's relationships (xl/_rels/workbook.xml.rels; targets
//   relative to xl/ or absolute, ".." resolved, percent-escapes decoded) ->
//   <sheets> in workbook.xml, each <sheet r:id> resolved through them. Only
//   worksheets are listed; chartsheets, dialog and macro sheets are skipped
//   but keep their place in the numbering (SheetInfo::index).
// Element and attribute names are matched by local name, so prefixed
// documents (<x:workbook>, <x:sheet>) read the same.
//
// Errors (located in the workbook's path): kCorruptFile "not a valid XLSX
// workbook: [Content_Types].xml is missing"; kUnsupportedFormat for a binary
// workbook (.xlsb), a Word or PowerPoint document, or an OpenDocument
// spreadsheet; kCorruptFile naming the part for a missing workbook,
// relationships, worksheet, shared-strings or styles part, for a sheet
// whose r:id is not defined, and for malformed XML; everything ZipArchive and
// ParseXml report.
#pragma once

#include <string>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

struct SheetInfo {
  std::string name;
  std::string part;     // zip entry name, e.g. "xl/worksheets/sheet1.xml"
  bool visible = true;  // false for state="hidden" and "veryHidden"
  int index = 0;        // 1-based position in workbook.xml (all sheet kinds counted)
};

struct WorkbookInfo {
  std::vector<SheetInfo> sheets;    // worksheets, in workbook order
  bool date1904 = false;            // <workbookPr date1904="1">: serial 0 is 1904-01-01
  std::string shared_strings_part;  // "" if none
  std::string styles_part;          // "" if none
  std::string workbook_part;        // e.g. "xl/workbook.xml"
};

Result<WorkbookInfo> ReadWorkbookInfo(ZipArchive* zip);

}  // namespace flexpipe
