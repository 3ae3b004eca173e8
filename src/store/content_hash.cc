#include "store/content_hash.h"

#include <vector>

#include "store/sha256.h"

namespace flexpipe {

Result<std::string> HashFileContent(FileSystem* fs, const std::filesystem::path& path) {
  constexpr size_t kChunk = 1 << 20;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> file, fs->OpenSequential(path));
  std::vector<char> buffer(kChunk);
  Sha256 hash;
  while (true) {
    FP_ASSIGN_OR_RETURN(const size_t n, file->Read(buffer.data(), buffer.size()));
    if (n == 0) break;
    hash.Update(std::string_view(buffer.data(), n));
  }
  return hash.HexDigest();
}

}  // namespace flexpipe
