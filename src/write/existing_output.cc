#include "write/existing_output.h"

#include <algorithm>

#include <fmt/format.h>

namespace flexpipe {
namespace {

// Gives up looking for a free name after this many tries (a folder with
// thousands of backups of one second, or versions, is not a real case).
constexpr uint32_t kMaxTries = 100'000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::filesystem::path WithStem(const std::filesystem::path& path, const std::string& stem) {
  std::filesystem::path out = path;
  out.replace_filename(stem + path.extension().string());
  return out;
}

Status NoFreeName(const std::filesystem::path& path) {
  return Status(ErrorCode::kOutputError, "no free name for a backup or version of this file",
                Location{path.string(), {}, 0, {}});
}

}  // namespace

std::optional<ExistingOutputPolicy> ParseExistingOutputPolicy(std::string_view name) {
  if (name == "replace") return ExistingOutputPolicy::kReplace;
  if (name == "backup") return ExistingOutputPolicy::kBackup;
  if (name == "version") return ExistingOutputPolicy::kVersion;
  return std::nullopt;
}

std::string BackupStamp(std::string_view iso) {
  // YYYY-MM-DDTHH:MM:SSZ
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (iso.size() != kShape.size()) return {};
  std::string stamp;
  for (size_t i = 0; i < iso.size(); ++i) {
    if (kShape[i] == 'd') {
      if (!IsDigit(iso[i])) return {};
      stamp.push_back(iso[i]);
    } else if (iso[i] != kShape[i]) {
      return {};
    } else if (kShape[i] == 'T') {
      stamp.push_back('-');
    }
  }
  return stamp;
}

Result<bool> PathExists(FileSystem* fs, const std::filesystem::path& path) {
  auto st = fs->Stat(path);
  if (st.ok()) return true;
  if (st.status().code() == ErrorCode::kNotFound) return false;
  return Status(ErrorCode::kOutputError,
                fmt::format("cannot tell whether it exists: {}", st.status().message()),
                Location{path.string(), {}, 0, {}});
}

Result<std::filesystem::path> FreeBackupPath(FileSystem* fs, const std::filesystem::path& destination,
                                             std::string_view stamp) {
  const std::string stem = destination.stem().string() + "." + std::string(stamp);
  for (uint32_t n = 1; n <= kMaxTries; ++n) {
    std::filesystem::path candidate = WithStem(destination, n == 1 ? stem : fmt::format("{}-{}", stem, n));
    FP_ASSIGN_OR_RETURN(const bool taken, PathExists(fs, candidate));
    if (!taken) return candidate;
  }
  return NoFreeName(destination);
}

bool IsOutputOrKeptCopyName(const std::filesystem::path& output, std::string_view name) {
  const std::string stem = output.stem().string();
  const std::string ext = output.extension().string();
  if (stem.empty() || name.size() <= stem.size() + ext.size() || name.substr(0, stem.size()) != stem ||
      name.substr(name.size() - ext.size()) != ext) {
    return name == output.filename().string();
  }
  std::string_view middle = name.substr(stem.size(), name.size() - stem.size() - ext.size());
  const auto all_digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
  };
  if (middle.substr(0, 2) == "_v") return all_digits(middle.substr(2));  // a version
  // A backup: .YYYYMMDD-HHMMSS, then -N when that name was taken.
  if (middle.size() < 16 || middle[0] != '.' || middle[9] != '-') return false;
  if (!all_digits(middle.substr(1, 8)) || !all_digits(middle.substr(10, 6))) return false;
  middle.remove_prefix(16);
  return middle.empty() || (middle[0] == '-' && all_digits(middle.substr(1)));
}

std::filesystem::path VersionedPath(const std::filesystem::path& path, uint32_t n) {
  return WithStem(path, fmt::format("{}_v{}", path.stem().string(), n));
}

Result<std::vector<std::filesystem::path>> FreeVersionedPaths(FileSystem* fs,
                                                              std::span<const std::filesystem::path> paths) {
  for (uint32_t n = 1; n <= kMaxTries; ++n) {
    std::vector<std::filesystem::path> out;
    bool any_taken = false;
    for (const std::filesystem::path& p : paths) {
      out.push_back(p.empty() || n == 1 ? p : VersionedPath(p, n));
      if (p.empty()) continue;
      FP_ASSIGN_OR_RETURN(const bool taken, PathExists(fs, out.back()));
      if (taken) {
        any_taken = true;
        break;
      }
    }
    if (!any_taken) return out;
  }
  return NoFreeName(paths.empty() ? std::filesystem::path() : paths.front());
}

}  // namespace flexpipe
