// The rejects file: every row-level problem of a run, one line each, for a
// person to fix at the source (issue 4, "Rows"). Columns:
//
//   source_file,sheet,row,column,raw_value,code,reason
//
//   source_file  the file as discovered (without a "#Sheet" suffix)
//   sheet        the worksheet, for workbooks; empty for text files
//   row          the row number as the source shows it (1-based, header
//                included: what a spreadsheet or `sed -n Np` shows)
//   column       the header of the cell; empty for a whole-row problem
//   raw_value    the cell's text as written, for a value that did not parse
//   code         BAD_VALUE (a value that does not parse as its field's type)
//                or RAGGED_ROW (more or fewer cells than the header)
//   reason       e.g. "'TBD' is not a valid acres value"
//
// Files in run order, problems in row order; a file with more problems than
// output.max_rejects_per_file ends with one line whose reason says how many
// more there were. Written whole or not at all (write/atomic_file.h), with
// the CSV formula guard (write/csv_writer.h). A header-only file means no
// row-level problems.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

// The default rejects path: <master name>_rejects.csv beside the master file.
std::filesystem::path DefaultRejectsPath(const std::filesystem::path& master_file);

// Writes the rejects of `files` (FileReport::row_problems and
// rejects_not_listed) to `path`; an existing file there is first renamed to
// its backup name when `backup_stamp` is not empty (write/existing_output.h).
Status WriteRejectsCsv(FileSystem* fs, const std::filesystem::path& path,
                       const std::vector<FileReport>& files, std::string backup_stamp);

}  // namespace flexpipe
