// XlsxWorkbook's streaming engine (XlsxEngine::kStreaming), flexpipe's own.
// Each sheet's XML is formatted row by row into a small buffer and deflated
// into the archive as it goes (write/xlsx/zip_writer.h over
// write/xlsx/parallel_deflate.h: the formatting thread and every core's
// compression overlap); the fixed parts (write/xlsx/package_parts.h) follow
// the sheets. Strings are inline (t="inlineStr"), numbers are written in
// their shortest round-trip form, styles are the XlsxStyle list. Memory: the
// deflate chunks (a few MiB) and the sheet list, whatever the rows.
#pragma once

#include <filesystem>
#include <memory>

#include "write/xlsx_workbook.h"

namespace flexpipe {

std::unique_ptr<XlsxWorkbook> NewStreamingWorkbook(std::filesystem::path destination,
                                                   std::unique_ptr<AtomicFile> file);

}  // namespace flexpipe
