// The store's commands (docs/store.md):
//   flexpipe db status | migrate | rollback N   the schema and its migrations
//   flexpipe query "SELECT ..." [--csv|--json]  read-only SQL
//   flexpipe runs [--limit N]                   the recorded runs, newest first
//   flexpipe report [--run N] [-o ...]          a run's outputs again, from the store alone
// Each takes --db PATH; without it, the `store` setting (-c/--config,
// $FLEXPIPE_CONFIG, FLEXPIPE_STORE, default data/flexpipe.db).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "flexpipe/status.h"

namespace flexpipe::cli {

struct StoreCommandFlags {
  std::string db;      // --db PATH
  std::string config;  // -c/--config PATH
  // db
  std::string db_action;  // status | migrate | rollback
  int rollback_steps = 0;
  // query
  std::string sql;
  bool csv = false;
  bool json = false;
  // runs
  int limit = 20;
  // report
  int64_t run = 0;  // 0 = the latest completed run
  std::string master_file, report_file, html_file, rejects_file, existing;
  bool no_csv = false, no_xlsx = false, no_html = false, no_rejects = false;

  CLI::App* db_command = nullptr;
  CLI::App* query_command = nullptr;
  CLI::App* runs_command = nullptr;
  CLI::App* report_command = nullptr;
};

void AddStoreCommands(CLI::App* app, StoreCommandFlags* flags);

// The `store` setting for a configuration file ("" = none given).
using StoreSetting = std::function<Result<std::string>(const std::string& config)>;

// Runs the store command that was parsed and returns its exit status;
// nullopt when the command line named none of them.
std::optional<int> RunStoreCommand(const StoreCommandFlags& flags, const StoreSetting& store_setting);

}  // namespace flexpipe::cli
