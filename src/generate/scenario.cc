#include "generate/scenario.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>

#include "generate/random.h"

namespace flexpipe::gen {
namespace {

constexpr uint32_t kValidDuplicates = 100;  // ‰
constexpr uint32_t kHeavyDuplicates = 500;  // ‰

// FNV-1a: a stable stream id from a file's relative name.
uint64_t StreamOf(uint64_t seed, std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
  return MixSeed(seed, h);
}

class Planner {
 public:
  Planner(const GenerateOptions& options, std::filesystem::path folder)
      : options_(options), folder_(std::move(folder)) {}

  // A good export; header styles cycle over every good export of the scenario.
  void Properties(std::string_view scenario, int number, uint32_t duplicate_per_mille) {
    const int cycle = style_cycle_++;
    FilePlan plan = Make(FileKind::kProperties, static_cast<HeaderStyle>(cycle % kHeaderStyleCount),
                         (cycle / kHeaderStyleCount) % kVariantCount, options_.rows);
    plan.duplicate_per_mille = duplicate_per_mille;
    Name(&plan, scenario, number, StyleName(plan.style, plan.variant));
    plans_.push_back(std::move(plan));
  }

  void Bad(std::string_view scenario, int number, FileKind kind, HeaderStyle style, std::string_view what) {
    uint64_t rows = options_.rows;
    if (kind == FileKind::kHeaderOnly || kind == FileKind::kZeroByte || kind == FileKind::kBinary) rows = 0;
    FilePlan plan = Make(kind, style, 0, rows);
    Name(&plan, scenario, number, what);
    plans_.push_back(std::move(plan));
  }

  void Goods(std::string_view scenario, int count, uint32_t duplicate_per_mille) {
    for (int i = 1; i <= count; ++i) Properties(scenario, i, duplicate_per_mille);
  }
  void Empty() {
    Bad("empty", 1, FileKind::kHeaderOnly, HeaderStyle::kCrexi, "header-only");
    Bad("empty", 2, FileKind::kZeroByte, HeaderStyle::kCrexi, "zero-byte");
  }
  void MissingColumns(bool all_kinds) {
    Bad("missing-columns", 1, FileKind::kNoAddressCity, HeaderStyle::kCrexi, "no-address-city");
    if (!all_kinds) return;
    Bad("missing-columns", 2, FileKind::kNoCity, HeaderStyle::kAppraiser, "no-city");
    Bad("missing-columns", 3, FileKind::kUnmappedKeyHeaders, HeaderStyle::kOdd, "unmapped-headers");
  }
  void Corrupted() {
    Bad("corrupted", 1, FileKind::kTruncatedQuote, HeaderStyle::kCrexi,
        options_.format == "xlsx" ? "truncated" : "truncated-quote");
    Bad("corrupted", 2, FileKind::kBinary, HeaderStyle::kCrexi, "binary");
    Bad("corrupted", 3, FileKind::kUtf16NoBom, HeaderStyle::kAppraiser, "utf16-no-bom");
  }

  std::vector<FilePlan> Take() { return std::move(plans_); }

 private:
  FilePlan Make(FileKind kind, HeaderStyle style, int variant, uint64_t rows) {
    FilePlan plan;
    plan.kind = kind;
    plan.style = style;
    plan.variant = variant;
    plan.rows = rows;
    plan.first_property = next_property_;
    next_property_ += rows;
    return plan;
  }
  // <scenario>_<NN>_<what>.csv, or .xlsx. The random stream comes from the
  // .csv name in both formats, so a workbook holds the same rows as the CSV.
  void Name(FilePlan* plan, std::string_view scenario, int number, std::string_view what) {
    const std::string name = fmt::format("{}_{:02}_{}.csv", scenario, number, what);
    plan->stream = StreamOf(options_.seed, (folder_ / name).generic_string());
    plan->xlsx = options_.format == "xlsx" && plan->kind != FileKind::kUtf16NoBom;
    plan->relative_path = folder_ / name;
    if (plan->xlsx) plan->relative_path.replace_extension(".xlsx");
  }

  const GenerateOptions& options_;
  std::filesystem::path folder_;
  std::vector<FilePlan> plans_;
  uint64_t next_property_ = 0;
  int style_cycle_ = 0;
};

Result<std::vector<FilePlan>> PlanOne(const GenerateOptions& options, std::string_view scenario,
                                      const std::filesystem::path& folder) {
  Planner p(options, folder);
  if (scenario == "valid") {
    p.Goods("valid", options.files, kValidDuplicates);
  } else if (scenario == "duplicates") {
    p.Goods("duplicates", options.files, kHeavyDuplicates);
  } else if (scenario == "empty") {
    p.Empty();
  } else if (scenario == "missing-columns") {
    p.MissingColumns(true);
  } else if (scenario == "corrupted") {
    p.Corrupted();
  } else if (scenario == "large") {
    p.Goods("large", 1, kValidDuplicates);
  } else if (scenario == "mixed") {
    p.Goods("valid", options.files, kValidDuplicates);
    p.Goods("duplicates", std::max(1, options.files / 2), kHeavyDuplicates);
    p.Empty();
    p.MissingColumns(false);
    p.Corrupted();
  } else {
    return Status(ErrorCode::kInvalidArgument, fmt::format("unknown scenario \"{}\" (expected one of: {})",
                                                           scenario, fmt::join(GenerateScenarios(), ", ")));
  }
  return p.Take();
}

}  // namespace

Result<std::vector<FilePlan>> PlanFiles(const GenerateOptions& options) {
  if (options.scenario != "all") return PlanOne(options, options.scenario, {});
  std::vector<FilePlan> plans;
  for (const std::string& scenario : GenerateScenarios()) {
    if (scenario == "all") continue;
    FP_ASSIGN_OR_RETURN(std::vector<FilePlan> some, PlanOne(options, scenario, scenario));
    for (FilePlan& plan : some) plans.push_back(std::move(plan));
  }
  return plans;
}

}  // namespace flexpipe::gen
