#include "read/open_source.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace flexpipe {
namespace {

constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::string_view kZipMagic = "PK\x03\x04";

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

}  // namespace

Result<bool> IsWorkbook(FileSystem* fs, const std::filesystem::path& path) {
  const std::string ext = LowerExtension(path);
  if (ext == ".xlsx" || ext == ".xlsm") return true;
  FP_ASSIGN_OR_RETURN(const std::string magic, ReadMagic(fs, path));
  return magic.starts_with(kZipMagic);
}

Result<std::unique_ptr<RowSource>> OpenRowSource(FileSystem* fs, const std::filesystem::path& path,
                                                 const SourceOptions& options) {
  const Location where{path.string(), "", 0, ""};
  Result<std::string> magic = ReadMagic(fs, path);
  if (!magic.ok()) return magic.status().WithFile(where.file);
  const std::string ext = LowerExtension(path);
  if (magic->starts_with(kOle2Magic)) {
    return Status(ErrorCode::kUnsupportedFormat,
                  "legacy .xls (BIFF) or password-protected workbook: save it as .xlsx without a password",
                  where);
  }
  if (ext == ".xlsx" || ext == ".xlsm" || magic->starts_with(kZipMagic)) {
    FP_ASSIGN_OR_RETURN(std::unique_ptr<XlsxReader> reader, XlsxReader::Open(fs, path, options.xlsx));
    return std::unique_ptr<RowSource>(std::move(reader));
  }
  return OpenCsv(fs, path, options.csv);
}

}  // namespace flexpipe
