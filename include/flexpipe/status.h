// Errors as values. Every fallible function in the library returns a Status
// or a Result<T>; only the command-line front end turns them into text and
// exit codes. Codes are stable: they appear in the JSON summary and in logs,
// so never renumber or rename one, only add.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace flexpipe {

// The seed's error categories (02_pipeline_design.md, "Error Categories").
enum class ErrorCategory : uint8_t {
  kNone,
  kFileAccess,  // missing file, permission, I/O failure
  kDataFormat,  // not a readable CSV/XLSX, bad encoding, corrupt container
  kSchema,      // readable, but the columns needed are not there
  kProcessing,  // failure while scoring/aggregating, resource limits
  kOutput,      // cannot write results
  kUsage,       // bad command line or configuration
};

enum class ErrorCode : uint16_t {
  kOk = 0,
  // File access.
  kNotFound = 100,
  kPermissionDenied = 101,
  kIoError = 102,
  kEmptyFile = 103,
  kBusy = 104,         // transient: EAGAIN, EBUSY, ETXTBSY, ENOLCK (locked, being written)
  kFileChanged = 105,  // transient: size or modification time changed while it was read
  // Data format.
  kUnsupportedFormat = 200,
  kBadEncoding = 201,
  kCorruptFile = 202,
  kNoHeader = 203,
  kBadValue = 204,   // a cell that does not parse as its field's type
  kRaggedRow = 205,  // a row with more or fewer cells than the header
  // Schema.
  kMissingRequiredColumns = 300,
  kDuplicateColumn = 301,
  // Processing.
  kInternal = 400,
  kCancelled = 401,
  kResourceLimit = 402,
  kTimedOut = 403,  // a file took longer than processing.timeout_minutes
  // Output.
  kOutputError = 500,
  kDatabaseError = 501,         // the store (SQLite) failed: I/O, locked, corrupt, full
  kDatabaseIncompatible = 502,  // the store's schema is newer than, or differs from, this binary's
  // Usage.
  kInvalidArgument = 600,
  kConfigError = 601,
};

// Whether an error may go away by itself (a file being copied or locked):
// such failures are retried with backoff (pipeline/retry.h).
bool IsTransient(ErrorCode code);

// Stable upper-snake name, e.g. "MISSING_REQUIRED_COLUMNS".
std::string_view ErrorCodeName(ErrorCode code);
ErrorCategory CategoryOf(ErrorCode code);
std::string_view CategoryName(ErrorCategory category);

// Where a problem is. Empty/zero members are unknown.
struct Location {
  std::string file;
  std::string sheet;
  uint64_t row = 0;  // 1-based source row number; 0 = unknown / whole file
  std::string column;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message, Location location = {})
      : code_(code), message_(std::move(message)), location_(std::move(location)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Location& location() const { return location_; }
  // Returns a copy of this status with the location's file set (when unset).
  Status WithFile(std::string file) const;
  // "CODE: message (file, sheet, row R, column C)".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  Location location_;
};

// A value or the Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)
  Result(ErrorCode code, std::string message, Location location = {})
      : v_(Status(code, std::move(message), std::move(location))) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const& {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  Status status() && { return ok() ? Status() : std::get<Status>(std::move(v_)); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace flexpipe

#define FP_CONCAT_INNER(a, b) a##b
#define FP_CONCAT(a, b) FP_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function when `expr` is not OK.
#define FP_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::flexpipe::Status fp_status_ = (expr);  \
    if (!fp_status_.ok()) return fp_status_; \
  } while (0)

// `FP_ASSIGN_OR_RETURN(auto x, MakeX());`
#define FP_ASSIGN_OR_RETURN(lhs, expr) FP_ASSIGN_OR_RETURN_IMPL(FP_CONCAT(fp_result_, __LINE__), lhs, expr)
// `tmp` is a generated name and `lhs` a declaration, neither can be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define FP_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return std::move(tmp).status(); \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
