#include "flexpipe/status.h"

#include <fmt/format.h>

namespace flexpipe {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "OK";
    case ErrorCode::kNotFound:
      return "NOT_FOUND";
    case ErrorCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    case ErrorCode::kIoError:
      return "IO_ERROR";
    case ErrorCode::kEmptyFile:
      return "EMPTY_FILE";
    case ErrorCode::kBusy:
      return "BUSY";
    case ErrorCode::kFileChanged:
      return "FILE_CHANGED";
    case ErrorCode::kUnsupportedFormat:
      return "UNSUPPORTED_FORMAT";
    case ErrorCode::kBadEncoding:
      return "BAD_ENCODING";
    case ErrorCode::kCorruptFile:
      return "CORRUPT_FILE";
    case ErrorCode::kNoHeader:
      return "NO_HEADER";
    case ErrorCode::kBadValue:
      return "BAD_VALUE";
    case ErrorCode::kRaggedRow:
      return "RAGGED_ROW";
    case ErrorCode::kMissingRequiredColumns:
      return "MISSING_REQUIRED_COLUMNS";
    case ErrorCode::kDuplicateColumn:
      return "DUPLICATE_COLUMN";
    case ErrorCode::kInternal:
      return "INTERNAL";
    case ErrorCode::kCancelled:
      return "CANCELLED";
    case ErrorCode::kResourceLimit:
      return "RESOURCE_LIMIT";
    case ErrorCode::kTimedOut:
      return "TIMED_OUT";
    case ErrorCode::kOutputError:
      return "OUTPUT_ERROR";
    case ErrorCode::kDatabaseError:
      return "DATABASE_ERROR";
    case ErrorCode::kDatabaseIncompatible:
      return "DATABASE_INCOMPATIBLE";
    case ErrorCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case ErrorCode::kConfigError:
      return "CONFIG_ERROR";
  }
  return "UNKNOWN";
}

bool IsTransient(ErrorCode code) { return code == ErrorCode::kBusy || code == ErrorCode::kFileChanged; }

ErrorCategory CategoryOf(ErrorCode code) {
  const auto n = static_cast<uint16_t>(code);
  switch (n / 100) {
    case 0:
      return ErrorCategory::kNone;
    case 1:
      return ErrorCategory::kFileAccess;
    case 2:
      return ErrorCategory::kDataFormat;
    case 3:
      return ErrorCategory::kSchema;
    case 4:
      return ErrorCategory::kProcessing;
    case 5:
      return ErrorCategory::kOutput;
    default:
      return ErrorCategory::kUsage;
  }
}

std::string_view CategoryName(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::kNone:
      return "none";
    case ErrorCategory::kFileAccess:
      return "file_access";
    case ErrorCategory::kDataFormat:
      return "data_format";
    case ErrorCategory::kSchema:
      return "schema";
    case ErrorCategory::kProcessing:
      return "processing";
    case ErrorCategory::kOutput:
      return "output";
    case ErrorCategory::kUsage:
      return "usage";
  }
  return "unknown";
}

Status Status::WithFile(std::string file) const {
  Status s = *this;
  if (s.location_.file.empty()) s.location_.file = std::move(file);
  return s;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out = fmt::format("{}: {}", ErrorCodeName(code_), message_);
  std::string where;
  auto add = [&where](const std::string& part) {
    if (!where.empty()) where += ", ";
    where += part;
  };
  if (!location_.file.empty()) add(location_.file);
  if (!location_.sheet.empty()) add("sheet " + location_.sheet);
  if (location_.row != 0) add(fmt::format("row {}", location_.row));
  if (!location_.column.empty()) add("column " + location_.column);
  if (!where.empty()) out += " (" + where + ")";
  return out;
}

}  // namespace flexpipe
