// Helpers for the XLSX container tests: archives built by Debian's python3
// (zipfile, openpyxl, xlsxwriter) and whole-entry reads through ZipArchive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/env.h"
#include "read/xlsx/zip_archive.h"
#include "test_util.h"

namespace flexpipe::testing {

inline constexpr const char* kPython = "/usr/bin/python3";

// Runs `script` with Debian's python3 in `dir`. Returns false (and adds a
// test failure showing the output) when it exits non-zero.
inline bool RunPython(const TempDir& dir, std::string_view script, std::string* output = nullptr) {
  const auto path = dir.Write("script.py", script);
  std::string out;
  const int rc =
      RunCommand(fmt::format("cd '{}' && {} '{}'", dir.path().string(), kPython, path.string()), &out);
  if (output != nullptr) *output = out;
  if (rc != 0) ADD_FAILURE() << "python failed (" << rc << "):\n" << out;
  return rc == 0;
}

struct ZipEntrySpec {
  std::string name;
  std::string data;
  bool stored = false;  // ZIP_STORED instead of ZIP_DEFLATED
};

struct ZipBuildOptions {
  bool force_zip64 = false;  // ZIP64 extra fields on every entry
  bool streamed = false;     // written to a non-seekable stream: data descriptors
};

inline std::string HexOf(std::string_view bytes) {
  std::string out;
  for (const unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

// Builds dir/name from `entries` with python's zipfile (names and data passed
// as hex, so anything goes: duplicates, "../", binary). Returns the path.
inline std::filesystem::path BuildZip(const TempDir& dir, std::string_view name,
                                      const std::vector<ZipEntrySpec>& entries,
                                      const ZipBuildOptions& options = {}) {
  std::string script = R"(import zipfile, warnings
warnings.simplefilter('ignore')
class Unseekable:
    def __init__(self, f): self.f = f
    def write(self, b): return self.f.write(b)
    def flush(self): self.f.flush()
entries = [
)";
  for (const ZipEntrySpec& e : entries) {
    script += fmt::format("  (bytes.fromhex('{}').decode('utf-8'), bytes.fromhex('{}'), {}),\n",
                          HexOf(e.name), HexOf(e.data), e.stored ? "True" : "False");
  }
  script += fmt::format(R"(]
raw = open(bytes.fromhex('{}').decode('utf-8'), 'wb')
out = Unseekable(raw) if {} else raw
with zipfile.ZipFile(out, 'w') as z:
    for name, data, stored in entries:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 2, 3, 4, 6))
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with z.open(info, 'w', force_zip64={}) as f:
            f.write(data)
raw.close()
)",
                        HexOf((dir.path() / name).string()), options.streamed ? "True" : "False",
                        options.force_zip64 ? "True" : "False");
  RunPython(dir, script);
  return dir.path() / name;
}

// The parts of a minimal workbook: one sheet "Sheet1", optional extra parts.
inline std::vector<ZipEntrySpec> MinimalWorkbookParts() {
  return {
      {"[Content_Types].xml",
       R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>)"},
      {"_rels/.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml",
       R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>)"},
  };
}

// Replaces (or adds) the entry `name` in `parts`.
inline void SetPart(std::vector<ZipEntrySpec>* parts, std::string name, std::string data) {
  for (ZipEntrySpec& e : *parts) {
    if (e.name == name) {
      e.data = std::move(data);
      return;
    }
  }
  parts->push_back({std::move(name), std::move(data)});
}

// Reads a whole entry through OpenEntry() in reads of `chunk` bytes.
inline Result<std::string> ReadWholeEntry(ZipArchive* zip, std::string_view name, size_t chunk = 65536) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> in, zip->OpenEntry(name));
  std::string out;
  std::string buf(chunk, '\0');
  while (true) {
    FP_ASSIGN_OR_RETURN(const size_t n, in->Read(buf.data(), buf.size()));
    if (n == 0) return out;
    out.append(buf.data(), n);
  }
}

inline Result<std::unique_ptr<ZipArchive>> OpenZip(const std::filesystem::path& path,
                                                   const ZipLimits& limits = {}) {
  return ZipArchive::Open(DefaultFileSystem(), path, limits);
}

}  // namespace flexpipe::testing
