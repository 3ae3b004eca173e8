#include "cli/store_commands.h"

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "core/env.h"
#include "flexpipe/report.h"
#include "store/migrations.h"
#include "store/query.h"
#include "store/run_liveness.h"
#include "store/schema.h"

namespace flexpipe::cli {
namespace {

int Fail(const Status& s) {
  fmt::print(stderr, "flexpipe: {}\n", s.ToString());
  switch (s.code()) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kConfigError:
    case ErrorCode::kDatabaseIncompatible:
      return kExitUsage;
    default:
      return kExitFailed;
  }
}

bool Exists(const std::string& path) { return DefaultFileSystem()->Stat(path).ok(); }

Status Missing(const std::string& path) {
  return Status(
      ErrorCode::kNotFound,
      fmt::format("no database at {} yet: `flexpipe run` creates it (or `flexpipe db migrate`)", path));
}

Result<std::unique_ptr<Database>> OpenExisting(const std::string& path, bool read_only) {
  if (!Exists(path)) return Missing(path);
  DatabaseOptions options;
  options.read_only = read_only;
  options.create = false;
  return Database::Open(path, options);
}

int DbStatus(const std::string& path) {
  const auto migrations = StoreMigrations();
  std::vector<MigrationStatus> rows;
  if (Exists(path)) {
    auto db = OpenExisting(path, /*read_only=*/true);
    if (!db.ok()) return Fail(db.status());
    auto status = GetMigrationStatus(db->get(), migrations);
    if (!status.ok()) return Fail(status.status());
    rows = std::move(status).value();
  } else {
    for (const Migration& m : migrations) {
      rows.push_back(MigrationStatus{m.version, std::string(m.name), MigrationState::kPending,
                                     MigrationChecksum(m), "", ""});
    }
  }
  int current = 0;
  bool ok = true;
  for (const MigrationStatus& r : rows) {
    if (r.state == MigrationState::kApplied) current = r.version;
    if (r.state == MigrationState::kChecksumMismatch || r.state == MigrationState::kUnknown) ok = false;
  }
  fmt::print("database {}: schema version {} (this flexpipe knows {}){}\n", path, current,
             migrations.empty() ? 0 : migrations.back().version, Exists(path) ? "" : " — not created yet");
  fmt::print("{:>7}  {:<10}  {:<17}  {:<20}  {}\n", "version", "name", "state", "applied at", "checksum");
  for (const MigrationStatus& r : rows) {
    const std::string& checksum = r.checksum.empty() ? r.applied_checksum : r.checksum;
    fmt::print("{:>7}  {:<10}  {:<17}  {:<20}  {}\n", r.version, r.name, MigrationStateName(r.state),
               r.applied_at, checksum);
    if (r.state == MigrationState::kChecksumMismatch) {
      fmt::print("{:>7}  {:<10}  {:<17}  {:<20}  {} (recorded)\n", "", "", "", "", r.applied_checksum);
    }
  }
  if (!ok) {
    fmt::print(stderr,
               "flexpipe: this database was written by a different or newer flexpipe; runs refuse it\n");
    return kExitUsage;
  }
  return kExitOk;
}

int DbMigrate(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    if (Status s = DefaultFileSystem()->CreateDirectories(parent); !s.ok()) return Fail(s);
  }
  auto db = Database::Open(path);
  if (!db.ok()) return Fail(db.status());
  auto before = (*db)->QueryInt("PRAGMA user_version");
  auto reached = Migrate(db->get(), StoreMigrations());
  if (!reached.ok()) return Fail(reached.status());
  fmt::print("database {}: schema version {} (was {})\n", path, *reached, before.ok() ? *before : 0);
  return kExitOk;
}

int DbRollback(const std::string& path, int steps) {
  auto db = OpenExisting(path, /*read_only=*/false);
  if (!db.ok()) return Fail(db.status());
  auto before = (*db)->QueryInt("PRAGMA user_version");
  auto reached = Rollback(db->get(), steps, StoreMigrations());
  if (!reached.ok()) return Fail(reached.status());
  fmt::print(
      "database {}: schema version {} (was {}); `flexpipe db migrate` or the next run brings it back\n", path,
      *reached, before.ok() ? *before : 0);
  return kExitOk;
}

int Query(const std::string& path, const std::string& sql, QueryFormat format) {
  if (!Exists(path)) return Fail(Missing(path));
  QueryWriterOptions options;
  options.format = format;
  auto rows = RunQuery(path, sql, options, &std::cout);
  if (!rows.ok()) return Fail(rows.status());
  return kExitOk;
}

// Runs left 'running' by a process that is gone become 'interrupted' before
// they are listed; a store that cannot be written is listed as it is.
void MarkAbandoned(const std::string& path) {
  auto marked = MarkAbandonedRuns(path);
  if (!marked.ok()) {
    fmt::print(stderr, "flexpipe: note: runs left running by a killed process are not marked: {}\n",
               marked.status().ToString());
    return;
  }
  for (const int64_t id : *marked) {
    fmt::print(stderr, "flexpipe: run {} was left running by a process that is gone: marked interrupted\n",
               id);
  }
}

int Report(const std::string& path, const StoreCommandFlags& flags) {
  ReportOptions options;
  options.store = path;
  options.run = flags.run;
  options.master_file = flags.master_file;
  options.report_file = flags.report_file;
  options.html_file = flags.html_file;
  options.write_csv = !flags.no_csv;
  options.write_xlsx = !flags.no_xlsx;
  options.write_html = !flags.no_html;
  options.rejects_file = flags.rejects_file;
  options.write_rejects = !flags.no_rejects;
  options.existing = flags.existing;
  auto report = ReportFromStore(options);
  if (!report.ok()) return Fail(report.status());
  const RunSummary& s = report->summary;
  fmt::print("run {} of {}: {} unique candidates from {} files\n", report->run, s.started_at,
             s.candidates_unique, s.files_processed);
  const std::pair<const char*, const std::string*> written[] = {{"master CSV", &s.master_csv},
                                                                {"master workbook", &s.master_xlsx},
                                                                {"HTML report", &s.html_report},
                                                                {"JSON summary", &s.report_file}};
  for (const auto& [name, file] : written) {
    if (!file->empty()) fmt::print("  {:<16} {}\n", name, *file);
  }
  if (report->flexpipe_version != FlexpipeVersion()) {
    fmt::print(
        stderr,
        "flexpipe: note: run {} was recorded by flexpipe {}; these outputs were written by flexpipe {} "
        "and may differ from the run's\n",
        report->run, report->flexpipe_version, FlexpipeVersion());
  }
  return kExitOk;
}

constexpr std::string_view kRunsSql =
    "SELECT id AS run, started_at, status, files_found AS files, files_reused AS reused, files_failed AS "
    "failed, "
    "rows_read, candidates_unique AS candidates, round(seconds, 2) AS seconds FROM runs ORDER BY id DESC "
    "LIMIT {}";

// The exit statuses of Fail() and of each command.
constexpr const char* kStoreFooter =
    "Exit status: 0 done; 2 bad usage or configuration (a run that is not recorded, SQL that would\n"
    "write), or a database written by a different or newer flexpipe; 3 there is no database, or it\n"
    "or an output could not be read or written.";

}  // namespace

void AddStoreCommands(CLI::App* app, StoreCommandFlags* flags) {
  auto add_common = [flags](CLI::App* command) {
    command->add_option("--db", flags->db, "The database (default: the store setting, data/flexpipe.db)")
        ->type_name("PATH");
    command->add_option("-c,--config", flags->config, "YAML configuration file naming the store")
        ->type_name("PATH");
  };

  flags->db_command = app->add_subcommand("db", "The store's schema: status, migrate, rollback N");
  flags->db_command->footer(kStoreFooter);  // before its commands: they inherit it
  flags->db_command->require_subcommand(1);
  CLI::App* status = flags->db_command->add_subcommand("status", "Applied and pending migrations, checksums");
  CLI::App* migrate = flags->db_command->add_subcommand("migrate", "Apply pending migrations");
  CLI::App* rollback = flags->db_command->add_subcommand("rollback", "Revert the last N migrations");
  rollback->add_option("N", flags->rollback_steps, "How many migrations to revert")
      ->type_name("")
      ->required();
  for (CLI::App* c : {status, migrate, rollback}) {
    add_common(c);
    c->callback([flags, c] { flags->db_action = c->get_name(); });
  }

  flags->query_command = app->add_subcommand("query", "Run read-only SQL against the store (docs/store.md)");
  flags->query_command->add_option("SQL", flags->sql, "One SELECT (or WITH ...) statement")
      ->type_name("")
      ->required();
  flags->query_command->footer(kStoreFooter);
  CLI::Option* query_csv =
      flags->query_command->add_flag("--csv", flags->csv, "CSV instead of an aligned table");
  flags->query_command->add_flag("--json", flags->json, "A JSON array of objects instead of a table")
      ->excludes(query_csv);
  add_common(flags->query_command);

  flags->runs_command = app->add_subcommand("runs", "List the runs recorded in the store, newest first");
  flags->runs_command->footer(kStoreFooter);
  flags->runs_command
      ->add_option("--limit", flags->limit, fmt::format("How many runs (default: {})", flags->limit))
      ->type_name("N");
  CLI::Option* runs_csv =
      flags->runs_command->add_flag("--csv", flags->csv, "CSV instead of an aligned table");
  flags->runs_command->add_flag("--json", flags->json, "JSON instead of an aligned table")
      ->excludes(runs_csv);
  add_common(flags->runs_command);

  flags->report_command = app->add_subcommand(
      "report", "Write a recorded run's outputs again from the store alone (its input files may be gone)");
  CLI::App* report = flags->report_command;
  report->footer(kStoreFooter);
  report->add_option("--run", flags->run, "The run (`flexpipe runs`; default: the latest completed run)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  report
      ->add_option("-o,--output", flags->master_file,
                   "Master workbook path; the master CSV goes beside it as .csv (default: the run's)")
      ->type_name("PATH");
  report->add_option("--report-file", flags->report_file, "JSON summary path (default: the run's)")
      ->type_name("PATH");
  report->add_option("--html", flags->html_file, "HTML report path (default: the run's)")->type_name("PATH");
  report->add_flag("--no-csv", flags->no_csv, "Do not write the master CSV");
  report->add_flag("--no-xlsx", flags->no_xlsx, "Do not write the master workbook");
  report->add_flag("--no-html", flags->no_html, "Do not write the HTML report");
  report->add_option("--rejects-file", flags->rejects_file, "Rejects file path (default: the run's)")
      ->type_name("PATH");
  report->add_flag("--no-rejects", flags->no_rejects, "Do not write the rejects file");
  report
      ->add_option("--existing", flags->existing,
                   "Outputs already there: replace, backup or version (default: the run's setting)")
      ->type_name("POLICY");
  add_common(report);
}

std::optional<int> RunStoreCommand(const StoreCommandFlags& flags, const StoreSetting& store_setting) {
  const bool db = flags.db_command != nullptr && flags.db_command->parsed();
  const bool query = flags.query_command != nullptr && flags.query_command->parsed();
  const bool runs = flags.runs_command != nullptr && flags.runs_command->parsed();
  const bool report = flags.report_command != nullptr && flags.report_command->parsed();
  if (!db && !query && !runs && !report) return std::nullopt;

  std::string path = flags.db;
  if (path.empty()) {
    auto setting = store_setting(flags.config);
    if (!setting.ok()) return Fail(setting.status());
    path = *setting;
    if (path.empty())
      return Fail(Status(ErrorCode::kInvalidArgument, "no store is configured: give --db PATH"));
  }
  const QueryFormat format = flags.csv    ? QueryFormat::kCsv
                             : flags.json ? QueryFormat::kJson
                                          : QueryFormat::kTable;
  if (query) return Query(path, flags.sql, format);
  if (runs) {
    if (Exists(path)) MarkAbandoned(path);
    return Query(path, fmt::format(kRunsSql, std::max(0, flags.limit)), format);
  }
  if (report) return Report(path, flags);
  if (flags.db_action == "status") return DbStatus(path);
  if (flags.db_action == "migrate") return DbMigrate(path);
  if (flags.rollback_steps < 0)
    return Fail(Status(ErrorCode::kInvalidArgument, "rollback N: N must be 0 or more"));
  return DbRollback(path, flags.rollback_steps);
}

}  // namespace flexpipe::cli
