// ValidateOptions: each setting's own rule (from the table), then the rules
// that involve more than one setting.
#include <fmt/format.h>

#include <filesystem>
#include <vector>

#include "config/config.h"
#include "config/setting_value.h"
#include "config/settings.h"
#include "report/html_report.h"
#include "schema/ascii.h"

namespace flexpipe {
namespace {

Status Invalid(std::string message) { return Status(ErrorCode::kConfigError, std::move(message)); }

// A file the run writes, and the setting that names it.
struct OutputFile {
  std::string_view key;
  std::filesystem::path path;
};

std::vector<OutputFile> OutputFiles(const PipelineOptions& o) {
  std::vector<OutputFile> out;
  if (o.output.enable_xlsx_export) out.push_back({"output.master_file", o.output.master_file});
  if (o.output.enable_csv_export) {
    std::filesystem::path csv(o.output.master_file);
    csv.replace_extension(".csv");
    out.push_back({"output.master_file (its .csv)", csv});
  }
  out.push_back({"output.report_file", o.output.report_file});
  if (o.output.enable_html) out.push_back({"output.html_file", HtmlReportPath(o.output)});
  if (!o.logging.file.empty()) out.push_back({"logging.file", o.logging.file});
  return out;
}

Status CheckOutputs(const PipelineOptions& o) {
  const bool master_written = o.output.enable_xlsx_export || o.output.enable_csv_export;
  if (master_written && TrimAscii(o.output.master_file).empty()) {
    return Invalid("output.master_file: is empty; name the master file or turn off both exports");
  }
  if (TrimAscii(o.output.report_file).empty())
    return Invalid("output.report_file: is empty; name the JSON summary");
  const std::vector<OutputFile> files = OutputFiles(o);
  for (size_t i = 0; i < files.size(); ++i) {
    for (size_t j = i + 1; j < files.size(); ++j) {
      if (files[i].path.lexically_normal() != files[j].path.lexically_normal()) continue;
      std::string message =
          fmt::format("{} and {} are the same file ({})", files[i].key, files[j].key, files[i].path.string());
      if (files[j].key == "output.master_file (its .csv)") {
        message += "; the master workbook needs the extension .xlsx, or set output.enable_xlsx_export: false";
      }
      return Invalid(std::move(message));
    }
  }
  return Status();
}

}  // namespace

Status ValidateOptions(const PipelineOptions& options) {
  for (const config::Setting& setting : config::AllSettings()) {
    const Status s = config::CheckValue(setting, options);
    if (!s.ok()) return Invalid(fmt::format("{}: {}", setting.key, s.message()));
  }
  if (options.filtering.enable_deduplication && options.filtering.duplicate_fields.empty()) {
    return Invalid(
        "filtering.duplicate_fields: is empty while filtering.enable_deduplication is true; name the fields "
        "that "
        "identify a property (e.g. [\"address\", \"city\", \"state\"]) or turn de-duplication off");
  }
  return CheckOutputs(options);
}

}  // namespace flexpipe
