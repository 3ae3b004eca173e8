// Console output of a run: the progress listener (a live line per file on a
// terminal, plain log lines otherwise) and the final report.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "flexpipe/pipeline.h"
#include "flexpipe/summary.h"

namespace flexpipe::cli {

struct ConsoleOptions {
  bool quiet = false;
  bool tty = false;  // progress lines are redrawn in place
  // Per-file lines and the live line (logging.progress_reporting); false =
  // only warnings, errors and the final report.
  bool progress = true;
};

// Files are reported in their sorted order whatever order they finish in
// (with several workers a file's lines wait for the files before it); a
// file's number is its place in that order. On a terminal one live line
// shows the first file still being read, redrawn at most 10 times a second.
class ConsoleListener final : public ProgressListener {
 public:
  ConsoleListener(ConsoleOptions options, std::shared_ptr<spdlog::logger> log);
  void OnDiscovered(const std::vector<std::string>& files, const std::vector<Problem>& skipped) override;
  void OnFileStarted(const std::string& path, uint32_t ordinal) override;
  void OnFileProgress(uint32_t ordinal, const std::string& path, uint64_t rows, uint64_t bytes_read,
                      uint64_t total_bytes) override;
  void OnFileFinished(const FileReport& report) override;
  void OnGroupFinished(size_t files_done, size_t files_total) override;
  void OnStage(std::string_view stage) override;

 private:
  struct Line {
    spdlog::level::level_enum level;
    std::string text;
  };
  struct Reading {
    std::string path;
    uint64_t rows = 0;
    double percent = 0;
  };
  std::vector<Line> LinesOf(const FileReport& report) const;
  void DrawLiveLine(bool force);
  void ClearLine();

  ConsoleOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  std::mutex mu_;
  size_t total_ = 0;
  uint32_t next_to_print_ = 0;                       // files before it have been printed
  std::map<uint32_t, std::vector<Line>> waiting_;    // finished, behind an unfinished file
  std::map<uint32_t, Reading> reading_;              // started, not finished
  uint64_t rows_ = 0, candidates_ = 0, failed_ = 0;  // of the files finished
  std::chrono::steady_clock::time_point last_draw_{};
  bool line_open_ = false;
};

// The end-of-run report on stdout: counts, outputs, failures with hints, top N.
void PrintRunReport(const RunSummary& summary, size_t top_n);

// `flexpipe validate` / `run --dry-run`: per file, how its headers map, what
// is left unmapped, the sample's row problems or why it would fail; then the
// schema differences between files.
void PrintValidationReport(const RunSummary& summary, uint64_t sample_rows);

}  // namespace flexpipe::cli
