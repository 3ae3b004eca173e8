#include "write/staged_outputs.h"

#include <string>
#include <utility>

#include <fmt/format.h>

#include "write/atomic_file.h"

namespace flexpipe {

OutputStaging::~OutputStaging() {
  if (!committed_) RollBack();
}

Result<std::unique_ptr<WritableFile>> OutputStaging::OpenWritable(const std::filesystem::path& path) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file, base_->OpenWritable(path));
  created_.insert(path);
  return file;
}

// What a path is once the recorded moves are done, so that writers that look
// before they move (the free backup name, "is the destination a folder")
// see the state they are building.
Result<FileStat> OutputStaging::Stat(const std::filesystem::path& path) {
  for (auto it = moves_.rbegin(); it != moves_.rend(); ++it) {
    if (it->to == path) return base_->Stat(it->from);
    if (it->from == path) return Status(ErrorCode::kNotFound, "moved", Location{path.string(), {}, 0, {}});
  }
  return base_->Stat(path);
}

Status OutputStaging::Rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  moves_.push_back(Move{from, to});
  return Status::Ok();
}

Status OutputStaging::RemoveFile(const std::filesystem::path& path) {
  created_.erase(path);
  return base_->RemoveFile(path);
}

Status OutputStaging::SyncDirectory(const std::filesystem::path& path) {
  folders_.insert(path);
  return Status::Ok();
}

Status OutputStaging::Commit() {
  committed_ = true;
  std::vector<Move> done;                   // renames made, to undo on failure
  std::vector<std::filesystem::path> kept;  // previous outputs moved aside, removed on success
  const auto fail = [&](const Status& s) {
    for (auto it = done.rbegin(); it != done.rend(); ++it) (void)base_->Rename(it->to, it->from);
    RollBack();
    return Status(s.code(), fmt::format("{}; no output was replaced", s.message()), s.location());
  };
  for (const Move& move : moves_) {
    // A file about to be replaced goes aside first, so that it can come back.
    if (auto st = base_->Stat(move.to); st.ok() && st->is_regular) {
      const std::filesystem::path aside = AsidePathFor(move.to);
      if (Status s = base_->Rename(move.to, aside); !s.ok()) return fail(s);
      done.push_back(Move{move.to, aside});
      kept.push_back(aside);
    }
    if (Status s = base_->Rename(move.from, move.to); !s.ok()) return fail(s);
    done.push_back(move);
  }
  for (const std::filesystem::path& folder : folders_) {
    if (Status s = base_->SyncDirectory(folder); !s.ok()) return fail(s);
  }
  for (const std::filesystem::path& path : kept) (void)base_->RemoveFile(path);
  for (const Move& move : moves_) RemoveSupersededAsides(base_, move.to);
  created_.clear();
  moves_.clear();
  return Status::Ok();
}

void OutputStaging::RollBack() {
  for (const std::filesystem::path& path : created_) (void)base_->RemoveFile(path);
  created_.clear();
  moves_.clear();
}

}  // namespace flexpipe
