// Console output of a run: the progress listener (a live line per file on a
// terminal, plain log lines otherwise) and the final report.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <spdlog/logger.h>

#include "flexpipe/pipeline.h"
#include "flexpipe/summary.h"

namespace flexpipe::cli {

struct ConsoleOptions {
  bool quiet = false;
  bool tty = false;  // progress lines are redrawn in place
};

class ConsoleListener final : public ProgressListener {
 public:
  ConsoleListener(ConsoleOptions options, std::shared_ptr<spdlog::logger> log);
  void OnDiscovered(const std::vector<std::string>& files, const std::vector<Problem>& skipped) override;
  void OnFileStarted(const std::string& path, uint32_t ordinal) override;
  void OnFileProgress(const std::string& path, uint64_t rows, uint64_t bytes_read,
                      uint64_t total_bytes) override;
  void OnFileFinished(const FileReport& report) override;
  void OnStage(std::string_view stage) override;

 private:
  void ClearLine();
  ConsoleOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  std::mutex mu_;
  size_t total_ = 0;
  size_t done_ = 0;
  bool line_open_ = false;
};

// The end-of-run report on stdout: counts, outputs, failures with hints, top N.
void PrintRunReport(const RunSummary& summary, size_t top_n);

// `flexpipe validate` / `run --dry-run`: per file, how its headers map, what
// is left unmapped, the sample's row problems or why it would fail; then the
// schema differences between files.
void PrintValidationReport(const RunSummary& summary, uint64_t sample_rows);

}  // namespace flexpipe::cli
