#include "generate/generator.h"

#include <fmt/format.h>

#include "core/date.h"
#include "generate/file_writers.h"
#include "generate/scenario.h"

namespace flexpipe {
namespace {

constexpr int kMaxFiles = 999;

Status Invalid(std::string message) { return Status(ErrorCode::kInvalidArgument, std::move(message)); }

}  // namespace

const std::vector<std::string>& GenerateScenarios() {
  static const std::vector<std::string> kScenarios = {"valid",     "duplicates", "empty", "missing-columns",
                                                      "corrupted", "large",      "mixed", "all"};
  return kScenarios;
}

Result<std::vector<std::filesystem::path>> Generate(FileSystem* fs, const GenerateOptions& options) {
  if (options.format != "csv" && options.format != "xlsx") {
    return Invalid(fmt::format("format \"{}\" is not supported (csv or xlsx)", options.format));
  }
  if (options.files < 1 || options.files > kMaxFiles) {
    return Invalid(fmt::format("files must be between 1 and {} (got {})", kMaxFiles, options.files));
  }
  if (options.out_dir.empty()) return Invalid("an output folder is required");
  const std::optional<Date> as_of = ParseIsoDate(options.as_of);
  if (!as_of) return Invalid(fmt::format("as_of \"{}\" is not a date (YYYY-MM-DD)", options.as_of));
  FP_ASSIGN_OR_RETURN(const std::vector<gen::FilePlan> plans, gen::PlanFiles(options));

  std::vector<std::filesystem::path> written;
  written.reserve(plans.size());
  for (const gen::FilePlan& plan : plans) {
    std::filesystem::path path = options.out_dir / plan.relative_path;
    FP_RETURN_IF_ERROR(gen::WritePlannedFile(fs, path, plan, options.seed, *as_of));
    written.push_back(std::move(path));
  }
  return written;
}

}  // namespace flexpipe
