#include "config/settings.h"

#include <array>

namespace flexpipe::config {
namespace {

template <typename T, typename Get, typename Read>
constexpr Member<T> Bind(Get get, Read read) {
  return Member<T>{get, read};
}

// The member of PipelineOptions at `path` as its two accessors (mutable,
// const), e.g. OPT(filtering.min_flex_score).
// clang-format off
#define OPT(path) \
  [](PipelineOptions& o) -> auto& { return o.path; }, \
  [](const PipelineOptions& o) -> const auto& { return o.path; }
// clang-format on

template <typename G, typename R>
constexpr Setting Text(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kText, Bind<std::string>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting Choice(std::string_view key, G get, R read, std::span<const std::string_view> choices,
                         std::string_view doc) {
  Setting s{key, SettingKind::kChoice, Bind<std::string>(get, read), doc};
  s.choices = choices;
  return s;
}
template <typename G, typename R>
constexpr Setting IsoDate(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kDate, Bind<std::string>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting TextList(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kTextList, Bind<std::vector<std::string>>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting FieldList(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kFieldList, Bind<std::vector<std::string>>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting Bool(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kBool, Bind<bool>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting Int(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kInt, Bind<int>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting Number(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kNumber, Bind<double>(get, read), doc};
}
template <typename G, typename R>
constexpr Setting FieldMapping(std::string_view key, G get, R read, std::string_view doc) {
  return Setting{key, SettingKind::kFieldMap, Bind<FieldMap>(get, read), doc};
}

constexpr std::array<std::string_view, 2> kModels = {"weighted", "industrial"};
constexpr std::array<std::string_view, 3> kExistingOutputs = {"replace", "backup", "version"};
constexpr std::array<std::string_view, 5> kLogLevels = {"TRACE", "DEBUG", "INFO", "WARNING", "ERROR"};
constexpr int kMaxWorkers = 1024;

// clang-format off
constexpr auto kSettings = std::to_array<Setting>({
  TextList("input.folder", OPT(input.paths),
           "Folders and/or files to read: one path or a list. Files named here are read whatever their name.")
      .Flag("INPUT... (positional)"),
  TextList("input.file_pattern", OPT(input.patterns),
           "File-name globs (* ? [abc], any case) a file in a folder must match: one pattern or a list.")
      .Flag("--pattern GLOB (repeatable)"),
  Bool("input.recursive_scan", OPT(input.recursive), "Also read matching files in sub-folders.")
      .Flag("-r, --recursive"),
  Text("input.sheet", OPT(input.sheet),
       "Workbook sheet to read: empty = the first visible worksheet; a name; a 1-based position; or all "
       "(every visible worksheet is an input of its own, reported as file.xlsx#Sheet).")
      .Flag("--sheet NAME|N|all"),
  Int("input.header_row", OPT(input.header_row),
      "Row number of the header row in workbooks; 0 = the first non-empty row.")
      .Range(0, 1048576)
      .Flag("--header-row N"),

  Int("processing.batch_size", OPT(processing.batch_size),
      "Files scheduled per group; after each group a line sums up the files done so far (rows, "
      "candidates, failures).")
      .Range(1, std::numeric_limits<int>::max()),
  Int("processing.max_workers", OPT(processing.max_workers), "Threads reading files and scoring and writing rows; 0 = one per CPU core.")
      .Range(0, kMaxWorkers).Alias("FLEXPIPE_WORKERS").Flag("-w, --workers N"),
  Number("processing.memory_limit_gb", OPT(processing.memory_limit_gb),
         "Memory budget of a run, in GB: a file read while the process's resident memory is over it fails "
         "(RESOURCE_LIMIT) and the run goes on; over 80 % a file gets a note.")
      .Range(0, std::numeric_limits<int>::max(), /*min_exclusive=*/true),
  Int("processing.candidate_memory_mb", OPT(processing.candidate_memory_mb),
      "Memory for the candidates' rows, in MB, shared by the files of a run; beyond it they go to a nameless "
      "scratch file beside the master file (gone when the run ends) and memory grows by ~28 bytes per "
      "candidate. 0 = keep every row in memory.")
      .Range(0, std::numeric_limits<int>::max()),
  Number("processing.timeout_minutes", OPT(processing.timeout_minutes),
         "Time allowed for one file, in minutes; a file over it fails and the run goes on.")
      .Range(0, std::numeric_limits<int>::max(), /*min_exclusive=*/true),
  Int("processing.retry_attempts", OPT(processing.retry_attempts),
      "Tries of a file that failed transiently (locked, or still being copied: BUSY, FILE_CHANGED), in "
      "all; 1 = no retry. Other failures are never retried.")
      .Range(1, 100),
  Number("processing.retry_backoff_seconds", OPT(processing.retry_backoff_seconds),
         "Wait before the first retry, in seconds; it doubles for each next retry (at most 30 s), with "
         "25 % jitter.")
      .Range(0, 3600),
  Int("processing.rows_per_batch", OPT(processing.rows_per_batch),
      "Rows handed from a reader to scoring at a time (tuning; memory grows with it).")
      .Range(1, 1 << 20),
  Bool("processing.strict_rows", OPT(processing.strict_rows),
       "Set aside (do not score) a row with a value that does not parse or a wrong cell count; false = "
       "score it on the values that did parse. Either way it is listed in the rejects file.")
      .Flag("--strict-rows"),
  Number("processing.max_inflate_ratio", OPT(processing.max_inflate_ratio),
         "Zip-bomb guard: a workbook part inflating to more than this many bytes per compressed byte "
         "(after its first 10 MiB) fails the file (RESOURCE_LIMIT). Real sheets compress 5-20:1.")
      .Range(1, 100000),
  Number("processing.max_inflated_gb", OPT(processing.max_inflated_gb),
         "Zip-bomb guard: most bytes inflated from one workbook, in GB, over every part read; more fails "
         "the file (RESOURCE_LIMIT).")
      .Range(0, 1 << 20, /*min_exclusive=*/true),

  Text("output.master_file", OPT(output.master_file),
       "Master workbook of ranked candidates; the master CSV is written beside it with extension .csv.")
      .Flag("-o, --output PATH"),
  Text("output.report_file", OPT(output.report_file), "JSON summary of the run.")
      .Flag("--report-file PATH"),
  Bool("output.enable_csv_export", OPT(output.enable_csv_export), "Write the master CSV.")
      .Flag("--no-csv (sets false)"),
  Bool("output.enable_xlsx_export", OPT(output.enable_xlsx_export), "Write the master workbook.")
      .Flag("--no-xlsx (sets false)"),
  Text("output.html_file", OPT(output.html_file),
       "HTML report of the run (charts, top candidates, problems); empty = report.html in the master file's "
       "folder.")
      .Flag("--html PATH"),
  Bool("output.enable_html", OPT(output.enable_html), "Write the HTML report.")
      .Flag("--no-html (sets false)"),
  Int("output.top_n", OPT(output.top_n), "Top candidates listed in the summary and on the console.")
      .Range(0, std::numeric_limits<int>::max()).Flag("--top-n N"),
  Choice("output.existing", OPT(output.existing), kExistingOutputs,
         "What happens to an output file that already exists: replace it; backup = first rename it to "
         "<name>.<YYYYMMDD-HHMMSS>.<ext> (the run's start, UTC); version = keep it and write "
         "<name>_v2.<ext> (_v3, ...) instead.")
      .Flag("--existing POLICY"),
  Text("output.rejects_file", OPT(output.rejects_file),
       "Rejects file: every value that did not parse and every row with a wrong cell count (source file, "
       "sheet, row, column, raw value, reason); empty = <master name>_rejects.csv beside the master file.")
      .Flag("--rejects-file PATH"),
  Bool("output.enable_rejects", OPT(output.enable_rejects), "Write the rejects file.")
      .Flag("--no-rejects (sets false)"),
  Int("output.max_rejects_per_file", OPT(output.max_rejects_per_file),
      "Row-level problems listed per file in the rejects file (memory); more are counted and noted.")
      .Range(0, std::numeric_limits<int>::max()),

  Number("filtering.min_flex_score", OPT(filtering.min_flex_score),
         "Minimum flex score (0 to 10) for a property to be a candidate.")
      .Range(0, 10).Alias("FLEXPIPE_MIN_SCORE").Flag("--min-score X"),
  Bool("filtering.enable_deduplication", OPT(filtering.enable_deduplication),
       "Merge rows that describe the same property (across and within files), keeping the highest score.")
      .Flag("--no-dedup (sets false)"),
  FieldList("filtering.duplicate_fields", OPT(filtering.duplicate_fields),
            "Canonical fields that identify a property for de-duplication; header spellings such as "
            "\"Address\" are accepted."),

  Choice("logging.level", OPT(logging.level), kLogLevels, "Least severe message written to the log file.")
      .Alias("FLEXPIPE_LOG_LEVEL").Flag("--log-level LEVEL"),
  Text("logging.file", OPT(logging.file), "Log file; empty = no log file.")
      .Flag("--log-file PATH"),
  Int("logging.progress_interval", OPT(logging.progress_interval),
      "Rows between progress updates while a file is read (the live line on a terminal, debug lines in "
      "the log); at most one update per batch of processing.rows_per_batch rows.")
      .Range(1, std::numeric_limits<int>::max()),
  Bool("logging.progress_reporting", OPT(logging.progress_reporting),
       "Show a line per file and the live progress line; false = only warnings, errors and the final "
       "report."),

  Choice("scoring.model", OPT(scoring.model), kModels,
         "Scoring model: weighted (the pipeline's scorer) or industrial (the broker-export classifier).")
      .Alias("FLEXPIPE_MODEL").Flag("--model NAME"),
  IsoDate("scoring.as_of", OPT(scoring.as_of),
       "The date the scoring rules treat as today (sale recency).")
      .Alias("FLEXPIPE_AS_OF").Flag("--as-of YYYY-MM-DD"),
  Text("scoring.profile", OPT(scoring.profile_file),
       "Scoring profile (YAML) overriding the built-in weights and thresholds; empty = built-in.")
      .Flag("--profile PATH"),

  Text("store", OPT(store),
       "SQLite database every run is recorded in (docs/store.md): lets an interrupted run resume and a "
       "later run reuse unchanged files; empty = no database.")
      .Flag("--db PATH, --no-db (sets empty)"),

  FieldMapping("columns", OPT(columns),
               "Explicit header mapping, canonical field: header as written in the files; overrides the "
               "alias table."),
});
// clang-format on

#undef OPT

}  // namespace

std::string_view Setting::section() const {
  const size_t dot = key.find('.');
  return dot == std::string_view::npos ? std::string_view() : key.substr(0, dot);
}

std::string_view Setting::leaf() const {
  const size_t dot = key.rfind('.');
  return dot == std::string_view::npos ? key : key.substr(dot + 1);
}

std::span<const Setting> AllSettings() { return kSettings; }

const Setting* FindSetting(std::string_view key) {
  for (const Setting& s : kSettings) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

std::span<const std::string_view> SectionNames() {
  static const std::vector<std::string_view> sections = [] {
    std::vector<std::string_view> out;
    for (const Setting& s : kSettings) {
      if (!s.section().empty() && (out.empty() || out.back() != s.section())) out.push_back(s.section());
    }
    return out;
  }();
  return sections;
}

std::string EnvVarName(const Setting& setting) {
  std::string name(kEnvPrefix);
  for (const char c : setting.key) {
    name.push_back(c == '.' ? '_' : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return name;
}

}  // namespace flexpipe::config
