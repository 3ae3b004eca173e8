// Helpers shared by tests: a scratch folder on the real disk, paths to the
// committed test data and to the built flexpipe binary.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace flexpipe::testing {

// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `contents` to path()/name (creating sub-folders) and returns the path.
  std::filesystem::path Write(std::string_view name, std::string_view contents) const;

 private:
  std::filesystem::path path_;
};

std::filesystem::path TestDataPath(std::string_view relative);
// A path under the repository's root (docs/, config/, README.md).
std::filesystem::path RepoPath(std::string_view relative);
std::string ReadFileToString(const std::filesystem::path& path);
// The names in `folder`, sorted.
std::set<std::string> Entries(const std::filesystem::path& folder);
std::filesystem::path FlexpipeBinary();

// Runs a shell command, returns its exit status (0..255) and captures stdout+stderr.
int RunCommand(const std::string& command, std::string* output);

// The pid of a process that has ended (a child forked, exited and reaped), for
// files named after a writer that no longer exists.
long EndedProcessId();

// The same double bit for bit (tells -0.0 from 0.0, and one NaN from another).
bool SameBits(double a, double b);

// `text` as UTF-16 bytes, with its byte-order mark unless `bom` is false.
std::string Utf16(std::u16string_view text, bool big_endian, bool bom = true);

}  // namespace flexpipe::testing

namespace flexpipe {
class FileSystem;
}
namespace flexpipe::testing {
// The real file system (tests use real files on disk).
FileSystem* DefaultFs();
}  // namespace flexpipe::testing
