// Process exit codes (documented in docs/outputs.md and `flexpipe --help`).
#pragma once

namespace flexpipe::cli {

inline constexpr int kExitOk = 0;          // every file succeeded
inline constexpr int kExitSomeFailed = 1;  // the run completed; some files failed
inline constexpr int kExitUsage = 2;       // bad command line or configuration
inline constexpr int kExitFailed = 3;      // nothing could be processed, or outputs could not be written
inline constexpr int kExitInterrupted = 130;

}  // namespace flexpipe::cli
