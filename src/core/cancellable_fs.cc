#include "core/cancellable_fs.h"

#include <string_view>
#include <utility>

namespace flexpipe {
namespace {

class CancellableWritableFile final : public WritableFile {
 public:
  CancellableWritableFile(std::unique_ptr<WritableFile> inner, const std::atomic<bool>* cancel)
      : inner_(std::move(inner)), cancel_(cancel) {}

  Status Append(std::string_view data) override {
    if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
      return Status(ErrorCode::kCancelled, "interrupted while writing");
    }
    return inner_->Append(data);
  }
  Status Sync() override { return inner_->Sync(); }
  Status Close() override { return inner_->Close(); }

 private:
  std::unique_ptr<WritableFile> inner_;
  const std::atomic<bool>* cancel_;
};

}  // namespace

Result<std::unique_ptr<WritableFile>> CancellableFileSystem::OpenWritable(const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file, inner_->OpenWritable(path));
  return std::unique_ptr<WritableFile>(std::make_unique<CancellableWritableFile>(std::move(file), cancel_));
}

}  // namespace flexpipe
