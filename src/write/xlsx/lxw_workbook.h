// XlsxWorkbook's libxlsxwriter engine (XlsxEngine::kLibxlsxwriter): the
// workbook laid out as Excel saves it. libxlsxwriter writes by file name, so
// it writes the AtomicFile's temporary file (write/atomic_file.h); its own
// scratch files (the sheets' XML in constant-memory mode) go in the
// destination's folder too, not in /tmp, which is often a RAM disk, and each
// is unlinked the moment it is created. libxlsxwriter dates every ZIP entry
// 1980-01-01.
#pragma once

#include <filesystem>
#include <memory>

#include "write/xlsx_workbook.h"

namespace flexpipe {

std::unique_ptr<XlsxWorkbook> NewLibxlsxwriterWorkbook(std::filesystem::path destination,
                                                       std::unique_ptr<AtomicFile> file);

}  // namespace flexpipe
