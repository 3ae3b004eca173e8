// Shared pieces of the store tests: a fixed clock, a scorer, and candidate
// sets made the way a run makes them (ProcessFile on a real file).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/date.h"
#include "core/env.h"
#include "pipeline/file_task.h"
#include "score/registry.h"
#include "store/run_store.h"
#include "test_util.h"

namespace flexpipe::testing {

class FixedClock final : public Clock {
 public:
  double MonotonicSeconds() override { return seconds_ += 0.25; }
  Date Today() override { return *ParseIsoDate("2025-06-30"); }
  std::string NowUtcIso() override { return "2025-06-30T12:00:00Z"; }

 private:
  double seconds_ = 0;
};

inline std::unique_ptr<Scorer> TestScorer(std::string_view model = "weighted") {
  auto scorer = MakeScorer(model, DefaultScoringProfile(), ScoringContext{*ParseIsoDate("2025-06-30"), 4.0});
  return scorer.ok() ? std::move(scorer).value() : nullptr;
}

inline ScoreColumns ColumnsOf(const Scorer& scorer) {
  return ScoreColumns{scorer.component_names(), scorer.flag_names()};
}

// Reads, scores and collects one file as a run does.
inline FileOutcome ReadOutcome(const std::filesystem::path& path, uint32_t ordinal, const Scorer& scorer,
                               Clock* clock, bool deduplicate = true) {
  FileTaskContext ctx;
  ctx.fs = DefaultFs();
  ctx.clock = clock;
  ctx.scorer = &scorer;
  ctx.key_fields = {Field::kAddress, Field::kCity, Field::kState};
  ctx.deduplicate = deduplicate;
  DiscoveredFile file;
  file.path = path;
  file.size = std::filesystem::file_size(path);
  file.format = FileFormat::kCsv;
  return ProcessFile(file, ordinal, ctx);
}

inline FileKey KeyOf(const std::filesystem::path& path, std::string hash = "h", std::string settings = "s") {
  FileKey key;
  key.path = path.string();
  key.size_bytes = std::filesystem::file_size(path);
  key.mtime_ns = 1'700'000'000'000'000'000;
  key.content_hash = std::move(hash);
  key.settings_fingerprint = std::move(settings);
  return key;
}

}  // namespace flexpipe::testing
