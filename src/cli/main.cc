// flexpipe's command line: the only code that prints or exits.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/store_commands.h"
#include "config/config.h"
#include "core/env.h"
#include "flexpipe/pipeline.h"
#include "generate/generator.h"
#include "store/previous_run.h"

namespace flexpipe::cli {
namespace {

std::atomic<bool> g_cancel{false};

extern "C" void OnSignal(int) { g_cancel.store(true); }

constexpr const char* kDescription =
    "flexpipe — find flex-industrial candidates across property exports.\n"
    "Reads every CSV/XLSX export in the input folders, maps their headers onto canonical\n"
    "fields, scores every row, merges duplicates across files and writes one ranked master\n"
    "list plus a JSON summary.";

constexpr const char* kFooter =
    "\nExit status: 0 all files succeeded; 1 the run completed but some files failed;\n"
    "2 bad usage or configuration; 3 nothing could be processed or outputs could not be\n"
    "written; 130 interrupted.\n"
    "Run 'flexpipe COMMAND --help' for a command's options. Documentation: README.md, docs/.";

struct RunFlags {
  std::vector<std::string> inputs;
  std::string config;
  std::vector<std::pair<std::string, std::string>> sets;  // (key path, value) from flags, applied last
  std::vector<std::string> raw_sets;                      // --set KEY=VALUE
  bool quiet = false;
  bool verbose = false;
  bool full = false;            // --full: read every file, reuse nothing from the store
  bool dry_run = false;         // --dry-run: validate only (as `flexpipe validate`)
  bool retry_failed = false;    // --retry-failed: the last run's inputs again (store/previous_run.h)
  uint64_t sample_rows = 1000;  // rows read per file when validating
};

// Registers a flag whose value becomes `key = value` when given.
template <typename T>
CLI::Option* AddSetting(CLI::App* app, RunFlags* flags, const std::string& name, const std::string& key,
                        const std::string& help) {
  return app->add_option_function<T>(
      name,
      [flags, key](const T& value) {
        if constexpr (std::is_same_v<T, std::string>) {
          flags->sets.emplace_back(key, value);
        } else {
          flags->sets.emplace_back(key, fmt::format("{}", value));
        }
      },
      help);
}

CLI::Option* AddSwitch(CLI::App* app, RunFlags* flags, const std::string& name, const std::string& key,
                       const std::string& value, const std::string& help) {
  return app->add_flag_callback(
      name, [flags, key, value] { flags->sets.emplace_back(key, value); }, help);
}

// defaults < file < environment < flags.
Result<PipelineOptions> ResolveOptions(const RunFlags& flags) {
  PipelineOptions options;
  FileSystem* fs = DefaultFileSystem();
  const EnvironmentVariables env = EnvironmentFromProcess();
  std::string config = flags.config;
  if (config.empty()) config = ConfigFileFromEnvironment(env).value_or("");
  if (!config.empty()) FP_RETURN_IF_ERROR(ApplyConfigFile(fs, config, &options));
  FP_RETURN_IF_ERROR(ApplyEnvironment(env, &options));
  for (const auto& [key, value] : flags.sets) FP_RETURN_IF_ERROR(SetOption(key, value, &options));
  for (const std::string& kv : flags.raw_sets) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos) {
      return Status(ErrorCode::kInvalidArgument, fmt::format("--set '{}': expected KEY=VALUE", kv));
    }
    FP_RETURN_IF_ERROR(SetOption(kv.substr(0, eq), kv.substr(eq + 1), &options));
  }
  if (!flags.inputs.empty()) options.input.paths = flags.inputs;
  FP_RETURN_IF_ERROR(ValidateOptions(options));
  return options;
}

spdlog::level::level_enum LevelOf(std::string level) {
  for (char& c : level) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (level == "warning") level = "warn";
  return spdlog::level::from_str(level);
}

std::shared_ptr<spdlog::logger> MakeLogger(const PipelineOptions& options, bool quiet, bool verbose) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%^%l%$: %v");
  console->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::info);
  std::vector<spdlog::sink_ptr> sinks{console};
  std::string file_error;
  if (!options.logging.file.empty()) {
    try {
      auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.logging.file);
      file->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
      file->set_level(LevelOf(options.logging.level));
      sinks.push_back(file);
    } catch (const spdlog::spdlog_ex& e) {
      file_error = e.what();
    }
  }
  auto logger = std::make_shared<spdlog::logger>("flexpipe", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::trace);
  if (!file_error.empty()) logger->warn("cannot write log file {}: {}", options.logging.file, file_error);
  return logger;
}

// `flexpipe validate` and `run --dry-run`: exit 0 when every file can be
// processed, 1 when some cannot, 3 when none can (or none was found).
int ValidateCommand(const RunFlags& flags) {
  auto options = ResolveOptions(flags);
  if (!options.ok()) {
    fmt::print(stderr, "flexpipe: {}\n", options.status().ToString());
    return kExitUsage;
  }
  options->logging.file.clear();  // validation writes nothing, not even a log
  auto log = MakeLogger(*options, flags.quiet, flags.verbose);
  RunContext context;
  context.validate_sample_rows = std::max<uint64_t>(1, flags.sample_rows);
  auto summary = RunPipeline(*options, context);
  if (!summary.ok()) {
    log->error("{}", summary.status().ToString());
    return summary.status().code() == ErrorCode::kConfigError ? kExitUsage : kExitFailed;
  }
  if (!flags.quiet) PrintValidationReport(*summary, context.validate_sample_rows);
  if (summary->files_succeeded == 0) return kExitFailed;
  return summary->files_failed > 0 ? kExitSomeFailed : kExitOk;
}

int RunCommand(const RunFlags& flags) {
  if (flags.dry_run) return ValidateCommand(flags);
  auto options = ResolveOptions(flags);
  if (!options.ok()) {
    fmt::print(stderr, "flexpipe: {}\n", options.status().ToString());
    return kExitUsage;
  }
  auto log = MakeLogger(*options, flags.quiet, flags.verbose);
  if (flags.retry_failed) {
    if (options->store.empty()) {
      log->error("--retry-failed needs the store (it is off: --no-db or store: \"\")");
      return kExitUsage;
    }
    auto previous = LoadPreviousRun(options->store);
    if (!previous.ok()) {
      log->error("{}", previous.status().message());
      return kExitFailed;
    }
    if (previous->failed.empty()) {
      log->info("every file of run {} succeeded: nothing to retry; its results are written again",
                previous->run_id);
    } else {
      log->info("retrying {} failed file{} of run {}: {}; the others are taken from the store",
                previous->failed.size(), previous->failed.size() == 1 ? "" : "s", previous->run_id,
                fmt::join(previous->failed, ", "));
    }
    options->input.paths = previous->inputs;
  }
  ConsoleListener listener(
      ConsoleOptions{flags.quiet, ::isatty(STDERR_FILENO) == 1, options->logging.progress_reporting}, log);
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  RunContext context;
  context.listener = &listener;
  context.cancel = &g_cancel;
  context.reuse_stored_files = !flags.full;
  auto summary = RunPipeline(*options, context);
  log->flush();
  if (!summary.ok()) {
    if (summary.status().code() == ErrorCode::kCancelled) {
      if (options->store.empty()) {
        log->error("interrupted: no outputs were written; run the same command again to start over");
      } else {
        log->error(
            "interrupted: no outputs were written; files read so far are kept in {}: run the same "
            "command again to resume",
            options->store);
      }
      return kExitInterrupted;
    }
    log->error("{}", summary.status().ToString());
    const ErrorCode code = summary.status().code();
    return code == ErrorCode::kConfigError || code == ErrorCode::kDatabaseIncompatible ? kExitUsage
                                                                                       : kExitFailed;
  }
  if (summary->files_reused > 0) {
    log->info(
        "{} of {} files unchanged since an earlier run: their results were taken from {} (--full reads "
        "them again)",
        summary->files_reused, summary->files_processed, options->store);
  }
  if (!flags.quiet) PrintRunReport(*summary, static_cast<size_t>(options->output.top_n));
  if (summary->files_succeeded == 0) return kExitFailed;
  return summary->files_failed > 0 ? kExitSomeFailed : kExitOk;
}

void AddRunOptions(CLI::App* run, RunFlags* flags) {
  run->add_option("INPUT", flags->inputs, "Folders and/or files to read (default: input.folder, data/raw)")
      ->type_name("PATH");
  run->add_option("-c,--config", flags->config, "YAML configuration file (also $FLEXPIPE_CONFIG)")
      ->type_name("PATH");
  AddSetting<std::string>(run, flags, "-o,--output", "output.master_file",
                          "Master workbook path; the master CSV goes beside it as .csv\n"
                          "(default: data/exports/all_flex_properties.xlsx)")
      ->type_name("PATH");
  AddSetting<std::string>(run, flags, "--report-file", "output.report_file",
                          "JSON summary path (default: data/reports/pipeline_summary.json)")
      ->type_name("PATH");
  AddSetting<std::string>(run, flags, "--model", "scoring.model",
                          "Scoring model: weighted (default) | industrial")
      ->type_name("NAME");
  AddSetting<std::string>(run, flags, "--profile", "scoring.profile",
                          "Scoring profile YAML overriding the defaults")
      ->type_name("PATH");
  AddSetting<std::string>(run, flags, "--min-score", "filtering.min_flex_score",
                          "Minimum flex score of a candidate (default: 4.0)")
      ->type_name("X");
  AddSetting<std::string>(run, flags, "--as-of", "scoring.as_of", "Date scoring treats as today, YYYY-MM-DD")
      ->type_name("YYYY-MM-DD");
  AddSetting<std::string>(run, flags, "-w,--workers", "processing.max_workers",
                          "Threads reading files and scoring and writing rows (default: number of cores)")
      ->type_name("N");
  AddSwitch(run, flags, "--no-dedup", "filtering.enable_deduplication", "false", "Keep duplicate properties");
  run->add_option_function<std::vector<std::string>>(
         "--pattern",
         [flags](const std::vector<std::string>& v) {
           std::string joined;
           for (const auto& p : v) joined += (joined.empty() ? "" : ",") + p;
           flags->sets.emplace_back("input.file_pattern", joined);
         },
         "File-name glob, repeatable (default: *.xlsx *.xls? *.csv *.tsv *.txt)")
      ->type_name("GLOB");
  AddSwitch(run, flags, "-r,--recursive", "input.recursive_scan", "true", "Descend into sub-folders");
  AddSetting<std::string>(run, flags, "--sheet", "input.sheet",
                          "Workbook sheet: a name, a 1-based position, or all (default: first visible)")
      ->type_name("NAME|N|all");
  AddSetting<std::string>(run, flags, "--header-row", "input.header_row",
                          "Header row of workbooks (default: the first non-empty row)")
      ->type_name("N");
  AddSetting<std::string>(run, flags, "--top-n", "output.top_n",
                          "Top candidates listed in summaries (default: 10)")
      ->type_name("N");
  AddSwitch(run, flags, "--no-csv", "output.enable_csv_export", "false", "Do not write the master CSV");
  AddSwitch(run, flags, "--no-xlsx", "output.enable_xlsx_export", "false",
            "Do not write the master workbook");
  AddSetting<std::string>(run, flags, "--existing", "output.existing",
                          "Outputs already there: replace, backup (keep as NAME.<time>.EXT), or version "
                          "(write NAME_v2.EXT ...) (default: backup)")
      ->type_name("POLICY");
  AddSetting<std::string>(run, flags, "--html", "output.html_file",
                          "HTML report path (default: report.html beside the master file)")
      ->type_name("PATH");
  AddSwitch(run, flags, "--no-html", "output.enable_html", "false", "Do not write the HTML report");
  AddSetting<std::string>(run, flags, "--rejects-file", "output.rejects_file",
                          "Rejects CSV path (default: <master name>_rejects.csv beside the master file)")
      ->type_name("PATH");
  AddSwitch(run, flags, "--no-rejects", "output.enable_rejects", "false", "Do not write the rejects file");
  AddSwitch(run, flags, "--strict-rows", "processing.strict_rows", "true",
            "Set aside rows with a value that does not parse, instead of scoring what parsed");
  AddSetting<std::string>(run, flags, "--db", "store",
                          "SQLite store of every run, for resume and reuse (default: data/flexpipe.db)")
      ->type_name("PATH");
  AddSwitch(run, flags, "--no-db", "store", "", "Do not record the run in a store (no resume, no reuse)");
  run->add_flag("--full", flags->full, "Read every file again, even those unchanged since an earlier run");
  AddSetting<std::string>(run, flags, "--log-level", "logging.level",
                          "TRACE|DEBUG|INFO|WARNING|ERROR (default: INFO)")
      ->type_name("LEVEL");
  AddSetting<std::string>(run, flags, "--log-file", "logging.file",
                          "Log file (default: logs/pipeline.log; \"\" for none)")
      ->type_name("PATH");
  run->add_option("--set", flags->raw_sets,
                  "Any setting as KEY=VALUE, e.g. --set processing.timeout_minutes=10")
      ->type_name("KEY=VALUE");
  run->add_flag("-q,--quiet", flags->quiet, "Print only errors");
  run->add_flag("-v,--verbose", flags->verbose, "Print debug detail");
}

int ConfigCommand(bool print, const std::string& init_path, const RunFlags& flags) {
  if (!init_path.empty()) {
    FileSystem* fs = DefaultFileSystem();
    if (fs->Stat(init_path).ok()) {
      fmt::print(stderr, "flexpipe: {} already exists; not overwriting it\n", init_path);
      return kExitUsage;
    }
    auto file = fs->OpenWritable(init_path);
    Status s = file.ok() ? (*file)->Append(CommentedDefaultConfig()) : file.status();
    if (s.ok()) s = (*file)->Close();
    if (!s.ok()) {
      fmt::print(stderr, "flexpipe: {}\n", s.ToString());
      return kExitFailed;
    }
    fmt::print("wrote the default configuration to {}\n", init_path);
    return kExitOk;
  }
  (void)print;
  auto options = ResolveOptions(flags);
  if (!options.ok()) {
    fmt::print(stderr, "flexpipe: {}\n", options.status().ToString());
    return kExitUsage;
  }
  fmt::print("{}", EffectiveConfigYaml(*options));
  return kExitOk;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app(kDescription, "flexpipe");
  app.footer(kFooter);
  app.set_version_flag("-V,--version", fmt::format("flexpipe {}", FlexpipeVersion()));
  app.require_subcommand(1);

  RunFlags run_flags;
  CLI::App* run =
      app.add_subcommand("run", "Read, score, de-duplicate and rank; write the master list and summary");
  run->footer(kFooter);
  AddRunOptions(run, &run_flags);
  run->add_flag("--dry-run", run_flags.dry_run,
                "Only validate: read headers and a sample of rows, report what would fail, write nothing");
  run->add_option("--sample", run_flags.sample_rows, "Rows read per file with --dry-run (default: 1000)")
      ->type_name("N");
  run->add_flag("--retry-failed", run_flags.retry_failed,
                "Read again only the files that failed in the last completed run (the others come from the "
                "store) and write the merged results");

  RunFlags validate_flags;
  validate_flags.dry_run = true;
  CLI::App* validate = app.add_subcommand(
      "validate", "Check inputs without processing: header mapping, unmapped headers, what would fail");
  validate->footer(kFooter);
  AddRunOptions(validate, &validate_flags);
  validate->add_option("--sample", validate_flags.sample_rows, "Rows read per file (default: 1000)")
      ->type_name("N");

  RunFlags config_flags;
  bool print = false;
  std::string init_path;
  CLI::App* config = app.add_subcommand("config", "Show the effective configuration or write a default file");
  config->add_flag("--print", print, "Print the effective configuration as YAML (the default action)");
  config->add_option("--init", init_path, "Write a commented default configuration file to PATH");
  config->add_option("-c,--config", config_flags.config, "YAML configuration file (also $FLEXPIPE_CONFIG)");
  config->add_option("--set", config_flags.raw_sets, "Any setting as KEY=VALUE")->type_name("KEY=VALUE");

  StoreCommandFlags store_flags;
  AddStoreCommands(&app, &store_flags);

  GenerateOptions gen;
  std::string gen_out;
  CLI::App* generate =
      app.add_subcommand("generate", "Write deterministic synthetic property exports for tests");
  generate->add_option("-o,--out", gen_out, "Output folder")->required();
  generate
      ->add_option("--scenario", gen.scenario,
                   "valid | duplicates | empty | missing-columns | corrupted | large | mixed | all")
      ->capture_default_str();
  generate->add_option("--rows", gen.rows, "Rows per file")->capture_default_str();
  generate->add_option("--files", gen.files, "Files per scenario")->capture_default_str();
  generate->add_option("--seed", gen.seed, "Random seed")->capture_default_str();
  generate->add_option("--format", gen.format, "csv | xlsx")->capture_default_str();
  generate->add_option("--as-of", gen.as_of, "Dates are generated around this day")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  if (run->parsed()) return RunCommand(run_flags);
  if (validate->parsed()) return ValidateCommand(validate_flags);
  const auto store_setting = [](const std::string& config_file) -> Result<std::string> {
    RunFlags flags;
    flags.config = config_file;
    FP_ASSIGN_OR_RETURN(PipelineOptions options, ResolveOptions(flags));
    return options.store;
  };
  if (auto code = RunStoreCommand(store_flags, store_setting)) return *code;
  if (config->parsed()) return ConfigCommand(print, init_path, config_flags);
  if (generate->parsed()) {
    gen.out_dir = gen_out;
    auto written = Generate(DefaultFileSystem(), gen);
    if (!written.ok()) {
      fmt::print(stderr, "flexpipe: {}\n", written.status().ToString());
      return written.status().code() == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailed;
    }
    fmt::print("wrote {} files to {}\n", written->size(), gen_out);
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace flexpipe::cli

int main(int argc, char** argv) { return flexpipe::cli::Main(argc, argv); }
