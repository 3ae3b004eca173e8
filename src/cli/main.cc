// flexpipe's command line: the only code that prints or exits.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/help_format.h"
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
    "Reads every CSV, TSV, TXT and XLSX/XLSM export in the input folders, maps their headers onto\n"
    "canonical fields, scores every row, merges duplicates across files and writes one ranked\n"
    "master list plus a JSON summary.";

constexpr const char* kFooter =
    "Exit status: 0 success; 1 run or validate: some files failed; 2 bad usage or configuration;\n"
    "3 nothing could be processed, or a file or the store could not be read or written;\n"
    "130 interrupted. Each command's help gives its own.\n"
    "Run 'flexpipe COMMAND --help' for a command's options. Documentation: README.md, docs/.";

constexpr const char* kRunFooter =
    "Exit status: 0 all files succeeded; 1 the run completed but some files failed;\n"
    "2 bad usage or configuration; 3 nothing could be processed or outputs could not be\n"
    "written; 130 interrupted. With --dry-run, those of 'flexpipe validate'.";

constexpr const char* kValidateFooter =
    "Exit status: 0 every file can be processed; 1 some files cannot; 2 bad usage or\n"
    "configuration; 3 no file can be processed, or none was found.";

constexpr const char* kConfigFooter =
    "Exit status: 0 done; 2 bad usage or configuration, or the --init file exists already;\n"
    "3 the --init file could not be written.";

constexpr const char* kGenerateFooter =
    "Scenarios:\n"
    "  valid            --files good exports, about 10 % of rows repeating a property\n"
    "  duplicates       --files good exports, about half the rows repeating a property\n"
    "  empty            a header-only file and a zero-byte file\n"
    "  missing-columns  files without a usable address or city column (each must fail)\n"
    "  corrupted        an unterminated quoted field, binary garbage, UTF-16 without BOM\n"
    "  large            one good export of --rows rows (--files does not apply)\n"
    "  mixed            valid + duplicates (--files/2, at least 1) + one file of each bad kind\n"
    "  all              every scenario above in a sub-folder of its own name\n"
    "\n"
    "Exit status: 0 the files were written; 2 bad usage (an unknown scenario or format, a bad\n"
    "number of files); 3 the files could not be written.";

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

// The options that make up the configuration a command uses: INPUT, -c, a
// flag per setting and --set. `run`, `validate` and `config` share them, so
// `flexpipe config --print` takes a run's command line. Returns the options
// that set settings (INPUT and all but -c).
std::vector<CLI::Option*> AddSettingOptions(CLI::App* run, RunFlags* flags) {
  std::vector<CLI::Option*> settings;
  const auto add = [&settings](CLI::Option* option) {
    settings.push_back(option);
    return option;
  };
  add(run->add_option("INPUT", flags->inputs,
                      "Folders and/or files to read (default: input.folder, data/raw)"))
      ->type_name("PATH");
  run->add_option("-c,--config", flags->config, "YAML configuration file (also $FLEXPIPE_CONFIG)")
      ->type_name("PATH");
  add(AddSetting<std::string>(run, flags, "-o,--output", "output.master_file",
                              "Master workbook path; the master CSV goes beside it as .csv\n"
                              "(default: data/exports/all_flex_properties.xlsx)"))
      ->type_name("PATH");
  add(AddSetting<std::string>(run, flags, "--report-file", "output.report_file",
                              "JSON summary path (default: data/reports/pipeline_summary.json)"))
      ->type_name("PATH");
  add(AddSetting<std::string>(run, flags, "--model", "scoring.model",
                              "Scoring model: weighted (default) | industrial"))
      ->type_name("NAME");
  add(AddSetting<std::string>(run, flags, "--profile", "scoring.profile",
                              "Scoring profile YAML overriding the defaults"))
      ->type_name("PATH");
  add(AddSetting<std::string>(run, flags, "--min-score", "filtering.min_flex_score",
                              "Minimum flex score of a candidate (default: 4.0)"))
      ->type_name("X");
  add(AddSetting<std::string>(run, flags, "--as-of", "scoring.as_of",
                              "Date scoring treats as today (default: today)"))
      ->type_name("YYYY-MM-DD");
  add(AddSetting<std::string>(
          run, flags, "-w,--workers", "processing.max_workers",
          "Threads reading files and scoring and writing rows (default: number of cores)"))
      ->type_name("N");
  add(AddSwitch(run, flags, "--no-dedup", "filtering.enable_deduplication", "false",
                "Keep duplicate properties"));
  add(run->add_option_function<std::vector<std::string>>(
          "--pattern",
          [flags](const std::vector<std::string>& v) {
            std::string joined;
            for (const auto& p : v) joined += (joined.empty() ? "" : ",") + p;
            flags->sets.emplace_back("input.file_pattern", joined);
          },
          "File-name glob, repeatable (default: *.xlsx *.xls? *.csv *.tsv *.txt)"))
      ->type_name("GLOB")
      ->allow_extra_args(false)  // one value each time: `--pattern "*.csv" data/raw` reads data/raw
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add(AddSwitch(run, flags, "-r,--recursive", "input.recursive_scan", "true", "Descend into sub-folders"));
  add(AddSetting<std::string>(run, flags, "--sheet", "input.sheet",
                              "Workbook sheet: a name, a 1-based position, or all (default: first visible)"))
      ->type_name("NAME|N|all");
  add(AddSetting<std::string>(run, flags, "--header-row", "input.header_row",
                              "Header row of workbooks (default: the first non-empty row)"))
      ->type_name("N");
  add(AddSetting<std::string>(run, flags, "--top-n", "output.top_n",
                              "Top candidates listed in summaries (default: 10)"))
      ->type_name("N");
  add(AddSwitch(run, flags, "--no-csv", "output.enable_csv_export", "false", "Do not write the master CSV"));
  add(AddSwitch(run, flags, "--no-xlsx", "output.enable_xlsx_export", "false",
                "Do not write the master workbook"));
  add(AddSetting<std::string>(run, flags, "--existing", "output.existing",
                              "Outputs already there: replace, backup (keep as NAME.<time>.EXT), or version "
                              "(write NAME_v2.EXT ...) (default: backup)"))
      ->type_name("POLICY");
  add(AddSetting<std::string>(run, flags, "--html", "output.html_file",
                              "HTML report path (default: report.html beside the master file)"))
      ->type_name("PATH");
  add(AddSwitch(run, flags, "--no-html", "output.enable_html", "false", "Do not write the HTML report"));
  add(AddSetting<std::string>(run, flags, "--rejects-file", "output.rejects_file",
                              "Rejects CSV path (default: <master name>_rejects.csv beside the master file)"))
      ->type_name("PATH");
  add(AddSwitch(run, flags, "--no-rejects", "output.enable_rejects", "false",
                "Do not write the rejects file"));
  add(AddSwitch(run, flags, "--strict-rows", "processing.strict_rows", "true",
                "Set aside rows with a value that does not parse, instead of scoring what parsed"));
  add(AddSetting<std::string>(run, flags, "--db", "store",
                              "SQLite store of every run, for resume and reuse (default: data/flexpipe.db)"))
      ->type_name("PATH");
  add(AddSwitch(run, flags, "--no-db", "store", "",
                "Do not record the run in a store (no resume, no reuse)"));
  add(AddSetting<std::string>(run, flags, "--log-level", "logging.level",
                              "TRACE|DEBUG|INFO|WARNING|ERROR (default: INFO)"))
      ->type_name("LEVEL");
  add(AddSetting<std::string>(run, flags, "--log-file", "logging.file",
                              "Log file (default: logs/pipeline.log; \"\" for none)"))
      ->type_name("PATH");
  add(run->add_option("--set", flags->raw_sets,
                      "Any setting, repeatable, e.g. --set processing.timeout_minutes=10"))
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  return settings;
}

// The settings, plus what `run` and `validate` take and `config` does not.
void AddRunOptions(CLI::App* run, RunFlags* flags) {
  AddSettingOptions(run, flags);
  CLI::Option* quiet = run->add_flag("-q,--quiet", flags->quiet, "Print only errors (not with -v)");
  run->add_flag("-v,--verbose", flags->verbose, "Print debug detail (not with -q)")->excludes(quiet);
}

int ConfigCommand(const std::string& init_path, const RunFlags& flags) {
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
  auto options = ResolveOptions(flags);
  if (!options.ok()) {
    fmt::print(stderr, "flexpipe: {}\n", options.status().ToString());
    return kExitUsage;
  }
  fmt::print("{}", EffectiveConfigYaml(*options));
  return kExitOk;
}

// The commands `command` offers, e.g. "run, validate, config, ...".
std::string CommandNames(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : command.get_subcommands({})) names.push_back(sub->get_name());
  return fmt::format("{}", fmt::join(names, ", "));
}

const CLI::App* FindCommand(const CLI::App& parent, const std::string& name) {
  for (const CLI::App* sub : parent.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// Prints "flexpipe: <message>" and where to read more; the exit status of bad usage.
int UsageError(const std::string& message, const std::string& command) {
  fmt::print(stderr, "flexpipe: {}\nRun '{} --help' for usage.\n", message, command);
  return kExitUsage;
}

// "command" for flexpipe's commands, "db command" for those of `flexpipe db`.
std::string CommandKind(const CLI::App& app, const CLI::App& level) {
  return &level == &app ? "command" : level.get_name() + " command";
}

// `word` named no command of `level`, which `path` ("flexpipe db") runs.
int UnknownCommand(const CLI::App& app, const CLI::App& level, const std::string& word,
                   const std::string& path) {
  return UsageError(
      fmt::format("unknown {} '{}'; commands: {}", CommandKind(app, level), word, CommandNames(level)), path);
}

// A command line CLI11 rejected. Commands that need a command after them
// (flexpipe, flexpipe db) name the one that is unknown or missing; other
// errors are CLI11's message, for the command that was being parsed.
int ParseFailure(const CLI::App& app, int argc, char** argv, const CLI::ParseError& error) {
  const CLI::App* level = &app;
  std::string path = "flexpipe";
  for (int i = 1; i < argc && level->get_require_subcommand_min() > 0; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with('-')) continue;
    const CLI::App* next = FindCommand(*level, arg);
    if (next == nullptr) return UnknownCommand(app, *level, arg, path);
    level = next;
    path += " " + arg;
  }
  if (level->get_require_subcommand_min() > 0 && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    const std::vector<std::string> extra = level->remaining();  // e.g. an option given before the command
    return UsageError(
        fmt::format("a {} is required{}; commands: {}", CommandKind(app, *level),
                    extra.empty() ? "" : fmt::format(" before {}", extra.front()), CommandNames(*level)),
        path);
  }
  path = "flexpipe";
  for (const CLI::App* parsed = &app; !parsed->get_subcommands().empty();) {
    parsed = parsed->get_subcommands().front();
    path += " " + parsed->get_name();
  }
  std::string message = error.what();
  if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) != 0 &&
      std::islower(static_cast<unsigned char>(message[1])) != 0) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return UsageError(message, path);
}

// `flexpipe help [COMMAND...]`: the top-level help, or a command's.
int HelpCommand(const CLI::App& app, const std::vector<std::string>& words) {
  const CLI::App* command = &app;
  std::string path = "flexpipe";
  for (const std::string& word : words) {
    const CLI::App* next = FindCommand(*command, word);
    if (next == nullptr) return UnknownCommand(app, *command, word, path);
    command = next;
    path += " " + word;
  }
  // Not App::help(): that shows the help of the command that was parsed, `help` itself.
  fmt::print("{}", command->get_formatter()->make_help(command, path, CLI::AppFormatMode::Normal));
  return kExitOk;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app(kDescription, "flexpipe");
  app.formatter(std::make_shared<HelpFormatter>());  // commands added below inherit it
  app.footer(kFooter);
  app.set_version_flag("-V,--version", fmt::format("flexpipe {}", FlexpipeVersion()));
  app.require_subcommand(1);

  RunFlags run_flags;
  CLI::App* run =
      app.add_subcommand("run", "Read, score, de-duplicate and rank; write the master list and summary");
  run->footer(kRunFooter);
  AddRunOptions(run, &run_flags);
  run->add_flag("--full", run_flags.full, "Read every file again, even those unchanged since an earlier run");
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
  validate->footer(kValidateFooter);
  AddRunOptions(validate, &validate_flags);
  validate->add_option("--sample", validate_flags.sample_rows, "Rows read per file (default: 1000)")
      ->type_name("N");

  RunFlags config_flags;
  bool print = false;
  std::string init_path;
  CLI::App* config = app.add_subcommand("config", "Show the effective configuration or write a default file");
  config->footer(kConfigFooter);
  CLI::Option* print_option = config->add_flag(
      "--print", print,
      "Print the configuration a run with the same options would use, as YAML (the default action)");
  CLI::Option* init_option =
      config
          ->add_option("--init", init_path,
                       "Write a commented default configuration file to PATH (with no other option)")
          ->type_name("PATH")
          ->excludes(print_option);
  for (CLI::Option* setting : AddSettingOptions(config, &config_flags)) init_option->excludes(setting);
  init_option->excludes("--config");

  StoreCommandFlags store_flags;
  AddStoreCommands(&app, &store_flags);

  GenerateOptions gen;
  std::string gen_out;
  CLI::App* generate =
      app.add_subcommand("generate", "Write deterministic synthetic property exports for tests");
  generate->footer(kGenerateFooter);
  generate->add_option("-o,--out", gen_out, "Folder the exports are written to (created when missing)")
      ->type_name("PATH")
      ->required();
  generate
      ->add_option("--scenario", gen.scenario,
                   fmt::format("{} (default: {})", fmt::join(GenerateScenarios(), " | "), gen.scenario))
      ->type_name("NAME");
  generate->add_option("--rows", gen.rows, fmt::format("Data rows per file (default: {})", gen.rows))
      ->type_name("N");
  generate
      ->add_option("--files", gen.files, fmt::format("Files per scenario, 1 to 999 (default: {})", gen.files))
      ->type_name("N");
  generate
      ->add_option("--seed", gen.seed,
                   fmt::format("Random seed; the same seed writes the same files (default: {})", gen.seed))
      ->type_name("N");
  generate
      ->add_option("--format", gen.format,
                   fmt::format("The rows as CSV files or as workbooks (default: {})", gen.format))
      ->type_name("csv|xlsx");
  generate
      ->add_option("--as-of", gen.as_of,
                   fmt::format("Sale dates are spread around this day (default: {})", gen.as_of))
      ->type_name("YYYY-MM-DD");

  std::vector<std::string> help_words;
  CLI::App* help = app.add_subcommand("help", "This help, or a command's: flexpipe help COMMAND");
  help->footer("");
  help->add_option("COMMAND", help_words, "The command to describe (default: none, the overview)")
      ->type_name("");

  const auto all = [](CLI::App*) { return true; };
  for (CLI::App* command : app.get_subcommands(all)) {
    command->group("Commands");
    for (CLI::App* sub : command->get_subcommands(all)) sub->group("Commands");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    return ParseFailure(app, argc, argv, e);
  }

  if (help->parsed()) return HelpCommand(app, help_words);
  if (run->parsed()) return RunCommand(run_flags);
  if (validate->parsed()) return ValidateCommand(validate_flags);
  const auto store_setting = [](const std::string& config_file) -> Result<std::string> {
    RunFlags flags;
    flags.config = config_file;
    FP_ASSIGN_OR_RETURN(PipelineOptions options, ResolveOptions(flags));
    return options.store;
  };
  if (auto code = RunStoreCommand(store_flags, store_setting)) return *code;
  if (config->parsed()) return ConfigCommand(init_path, config_flags);
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
