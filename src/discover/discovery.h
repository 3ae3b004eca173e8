// Stage 1: turn the user's inputs (folders and files) into the ordered list
// of files to read. The list is sorted by path, so a file's ordinal — its
// place in this list — is stable across runs and thread counts (design.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"
#include "flexpipe/summary.h"

namespace flexpipe {

enum class FileFormat : uint8_t { kCsv, kTsv, kXlsx, kXls, kUnknown };
std::string_view FormatName(FileFormat format);
// From the extension (case-insensitive).
FileFormat FormatFromPath(const std::filesystem::path& path);

struct DiscoveryOptions {
  std::vector<std::string> inputs;    // folders and/or files; must not be empty
  std::vector<std::string> patterns;  // globs on file names, case-insensitive
  bool recursive = false;
  // Folders never descended into (the output folders), compared by identity.
  // A folder given as an input itself is read all the same (outputs written
  // into the input folder), minus the files `skip_file` names.
  std::vector<std::filesystem::path> excluded_folders;
  // Files found in folders that are never read, skipped silently: the run's
  // own outputs and the copies it keeps of them. Null = none.
  std::function<bool(const std::filesystem::path& file)> skip_file;
};

struct DiscoveredFile {
  std::filesystem::path path;  // as found: the input joined with the relative path
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  FileFormat format = FileFormat::kUnknown;
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files;  // sorted by path, no file twice
  std::vector<Problem> skipped;       // zero-byte files, unreadable entries, symlink loops
};

// Fails (kNotFound) only when an input named explicitly does not exist.
// Hidden entries (".x"), Office lock files ("~$x"), excluded folders met
// inside an input folder and files `skip_file` names are skipped silently;
// zero-byte files are skipped and reported.
Result<DiscoveryResult> DiscoverFiles(FileSystem* fs, const DiscoveryOptions& options);

// Shell-style glob match of a file name ("*.xls?"), ASCII case-insensitive.
bool GlobMatch(std::string_view pattern, std::string_view name);

}  // namespace flexpipe
