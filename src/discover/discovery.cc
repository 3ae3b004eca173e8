#include "discover/discovery.h"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

namespace flexpipe {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

using Identity = std::pair<uint64_t, uint64_t>;  // (device, inode)

class Walker {
 public:
  Walker(FileSystem* fs, const DiscoveryOptions& options) : fs_(fs), options_(options) {
    for (const auto& folder : options.excluded_folders) {
      auto st = fs_->Stat(folder);
      if (st.ok()) excluded_.insert({st->device, st->inode});
    }
  }

  Status AddInput(const std::string& input) {
    const std::filesystem::path path(input);
    auto st = fs_->Stat(path);
    if (!st.ok()) {
      return Status(st.status().code(),
                    fmt::format("input '{}' cannot be read: {}", input, st.status().message()),
                    Location{input, {}, 0, {}});
    }
    if (st->is_directory) {
      Walk(path, *st, /*is_input=*/true);
    } else {
      AddFile(path, *st);
    }
    return Status::Ok();
  }

  DiscoveryResult Finish() && {
    std::sort(
        result_.files.begin(), result_.files.end(),
        [](const DiscoveredFile& a, const DiscoveredFile& b) { return a.path.native() < b.path.native(); });
    std::sort(result_.skipped.begin(), result_.skipped.end(),
              [](const Problem& a, const Problem& b) { return a.file < b.file; });
    return std::move(result_);
  }

 private:
  void Skip(const std::filesystem::path& path, ErrorCode code, std::string message) {
    result_.skipped.push_back(Problem{path.string(),
                                      std::string(ErrorCodeName(code)),
                                      std::string(CategoryName(CategoryOf(code))),
                                      std::move(message),
                                      0,
                                      {},
                                      {}});
  }

  bool Matches(std::string_view name) const {
    return std::any_of(options_.patterns.begin(), options_.patterns.end(),
                       [&](const std::string& p) { return GlobMatch(p, name); });
  }

  void AddFile(const std::filesystem::path& path, const FileStat& st) {
    if (!st.is_regular) {  // FIFOs, devices, sockets: never opened, a read could block or never end
      Skip(path, ErrorCode::kUnsupportedFormat,
           fmt::format("not read: it is {}, not a regular file",
                       st.special.empty() ? std::string_view("a special file") : st.special));
      return;
    }
    if (!seen_files_.insert({st.device, st.inode}).second) return;  // same file named twice
    if (st.size == 0) {
      Skip(path, ErrorCode::kEmptyFile, "zero-byte file skipped");
      return;
    }
    result_.files.push_back(DiscoveredFile{path, st.size, st.mtime_ns, FormatFromPath(path)});
  }

  void Walk(const std::filesystem::path& dir, const FileStat& dir_stat, bool is_input) {
    const Identity id{dir_stat.device, dir_stat.inode};
    if (!is_input && excluded_.count(id) != 0) return;
    if (!active_dirs_.insert(id).second) {
      Skip(dir, ErrorCode::kIoError, "symbolic link loop: folder already being scanned");
      return;
    }
    auto entries = fs_->ListDirectory(dir);
    if (!entries.ok()) {
      Skip(dir, entries.status().code(), entries.status().message());
    } else {
      for (const DirEntry& e : *entries) {
        if (e.name.empty() || e.name[0] == '.' || e.name.rfind("~$", 0) == 0) continue;
        const std::filesystem::path child = dir / e.name;
        auto st = fs_->Stat(child);
        if (!st.ok()) {
          const bool broken_link = e.is_symlink && st.status().code() == ErrorCode::kNotFound;
          Skip(child, st.status().code(),
               broken_link ? "broken symbolic link (its target does not exist)" : st.status().message());
          continue;
        }
        if (st->is_directory) {
          if (options_.recursive) Walk(child, *st, /*is_input=*/false);
        } else if (Matches(e.name) && !(options_.skip_file && options_.skip_file(child))) {
          AddFile(child, *st);
        }
      }
    }
    active_dirs_.erase(id);
  }

  FileSystem* fs_;
  const DiscoveryOptions& options_;
  std::set<Identity> excluded_;
  std::set<Identity> active_dirs_;  // the current descent path: a repeat is a loop
  std::set<Identity> seen_files_;
  DiscoveryResult result_;
};

}  // namespace

std::string_view FormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv:
      return "csv";
    case FileFormat::kTsv:
      return "tsv";
    case FileFormat::kXlsx:
      return "xlsx";
    case FileFormat::kXls:
      return "xls";
    case FileFormat::kUnknown:
      return "unknown";
  }
  return "unknown";
}

FileFormat FormatFromPath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), Lower);
  if (ext == ".csv" || ext == ".txt") return FileFormat::kCsv;
  if (ext == ".tsv" || ext == ".tab") return FileFormat::kTsv;
  if (ext == ".xlsx" || ext == ".xlsm") return FileFormat::kXlsx;
  if (ext == ".xls" || ext == ".xlsb") return FileFormat::kXls;
  return FileFormat::kUnknown;
}

bool GlobMatch(std::string_view pattern, std::string_view name) {
  // Iterative wildcard match with single-star backtracking; supports * ? and [abc]/[a-z]/[!x].
  size_t p = 0;
  size_t n = 0;
  size_t star_p = std::string_view::npos;
  size_t star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_n = n;
      continue;
    }
    if (p < pattern.size()) {
      const char c = Lower(name[n]);
      if (pattern[p] == '?') {
        ++p;
        ++n;
        continue;
      }
      if (pattern[p] == '[') {
        size_t q = p + 1;
        const bool negate = q < pattern.size() && (pattern[q] == '!' || pattern[q] == '^');
        if (negate) ++q;
        bool matched = false;
        bool first = true;
        while (q < pattern.size() && (first || pattern[q] != ']')) {
          first = false;
          char lo = Lower(pattern[q]);
          char hi = lo;
          if (q + 2 < pattern.size() && pattern[q + 1] == '-' && pattern[q + 2] != ']') {
            hi = Lower(pattern[q + 2]);
            q += 2;
          }
          if (c >= lo && c <= hi) matched = true;
          ++q;
        }
        if (q < pattern.size() && matched != negate) {
          p = q + 1;
          ++n;
          continue;
        }
      } else if (Lower(pattern[p]) == c) {
        ++p;
        ++n;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Result<DiscoveryResult> DiscoverFiles(FileSystem* fs, const DiscoveryOptions& options) {
  if (options.inputs.empty()) return Status(ErrorCode::kInvalidArgument, "no input folder or file given");
  Walker walker(fs, options);
  for (const std::string& input : options.inputs) FP_RETURN_IF_ERROR(walker.AddInput(input));
  return std::move(walker).Finish();
}

}  // namespace flexpipe
