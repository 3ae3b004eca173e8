#include "read/open_source.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "read/xlsx/zip_probe.h"

namespace flexpipe {
namespace {

// Binary formats a text file cannot start like (at most 8 bytes, as read by
// ReadMagic). Their files are refused by signature, whether or not a NUL
// byte would have given them away.
struct BinarySignature {
  std::string_view magic;
  std::string_view kind;
};
constexpr BinarySignature kBinarySignatures[] = {
    {"\x1F\x8B", "a gzip archive"},
    {"%PDF-", "a PDF document"},
    {"\x89PNG\r\n\x1A\n", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
    {"Rar!\x1A\x07", "a RAR archive"},
    {std::string_view("\xFD"
                      "7zXZ\0",
                      6),
     "an xz archive"},
};

std::string LowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// Up to the first 8 bytes of the file (fewer only when the file is shorter).
Result<std::string> ReadMagic(FileSystem* fs, const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, fs->OpenSequential(path));
  std::string magic(kOle2Magic.size(), '\0');
  size_t have = 0;
  while (have < magic.size()) {
    FP_ASSIGN_OR_RETURN(const size_t got, file->Read(magic.data() + have, magic.size() - have));
    if (got == 0) break;
    have += got;
  }
  magic.resize(have);
  return magic;
}

// "this .csv file", "this file" (no extension): how the messages below name
// a file whose name says text but whose bytes do not.
std::string ThisFile(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  return ext.empty() ? "this file" : fmt::format("this {} file", ext);
}

// A ZIP archive under a name other than .xlsx/.xlsm that the XLSX reader
// could not open: not text and not a readable workbook, so kUnsupportedFormat
// where the reader says kCorruptFile (other codes, such as kResourceLimit for
// a zip bomb, are kept), with the reader's reason.
Status RenamedZipError(const std::filesystem::path& path, const Status& status) {
  const ErrorCode code =
      status.code() == ErrorCode::kCorruptFile ? ErrorCode::kUnsupportedFormat : status.code();
  return Status(
      code,
      fmt::format("{} is a ZIP archive, not text (an .xlsx workbook renamed?), and cannot be read as "
                  "a workbook: {}",
                  ThisFile(path), status.message()),
      status.location());
}

}  // namespace

Result<bool> IsWorkbook(FileSystem* fs, const std::filesystem::path& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".xlsx" || ext == ".xlsm") return true;
  FP_ASSIGN_OR_RETURN(const std::string magic, ReadMagic(fs, path));
  return magic.starts_with(kZipLocalHeaderMagic);
}

Result<std::unique_ptr<RowSource>> OpenRowSource(FileSystem* fs, const std::filesystem::path& path,
                                                 const SourceOptions& options) {
  const Location where{path.string(), "", 0, ""};
  Result<std::string> magic = ReadMagic(fs, path);
  if (!magic.ok()) return magic.status().WithFile(where.file);
  const std::string ext = LowerExtension(path);
  const bool workbook_name = ext == ".xlsx" || ext == ".xlsm";
  if (magic->starts_with(kOle2Magic)) {
    constexpr std::string_view kOle2Reason =
        "legacy .xls (BIFF) or password-protected workbook: save it as .xlsx without a password";
    if (workbook_name || ext == ".xls")
      return Status(ErrorCode::kUnsupportedFormat, std::string(kOle2Reason), where);
    return Status(ErrorCode::kUnsupportedFormat,
                  fmt::format("{} is an Office (OLE2) file, not text: {}", ThisFile(path), kOle2Reason),
                  where);
  }
  if (workbook_name || magic->starts_with(kZipLocalHeaderMagic)) {
    Result<std::unique_ptr<XlsxReader>> reader = XlsxReader::Open(fs, path, options.xlsx);
    if (!reader.ok()) return workbook_name ? reader.status() : RenamedZipError(path, reader.status());
    return std::unique_ptr<RowSource>(std::move(*reader));
  }
  for (const BinarySignature& binary : kBinarySignatures) {
    if (magic->starts_with(binary.magic)) {
      return Status(ErrorCode::kBadEncoding,
                    fmt::format("{} is {}: binary data, not text", ThisFile(path), binary.kind), where);
    }
  }
  return OpenCsv(fs, path, options.csv);
}

}  // namespace flexpipe
