// `flexpipe generate`: synthetic property exports for tests, benchmarks and
// demos — the seeds' TestDataGenerator. Files look like the real thing
// (Palm Beach County commercial properties in three header styles with the
// value spellings of docs/fields.md, hostile text, duplicates across files)
// and come in the seed's scenarios:
//   valid            `files` good exports, about 10 % of rows repeating a property
//   duplicates       `files` good exports, about half the rows repeating a property
//   empty            a header-only file and a zero-byte file
//   missing-columns  files without a usable address or city column (each must fail)
//   corrupted        an unterminated quoted field, binary garbage, UTF-16 without BOM
//   large            one good export of `rows` rows
//   mixed            valid + duplicates (files/2, at least 1) + one file of each bad kind
//   all              every scenario above in a sub-folder of its own name
// File names are <scenario>_<NN>_<style>.csv (.xlsx with format xlsx: every
// file but the UTF-16 one, whose fault is a text encoding, and the truncated
// CSV becomes a workbook cut off halfway); in `mixed` each file is named
// after the scenario it comes from, so a reader can tell which must fail.
//
// Deterministic: the same options give byte-identical files on any machine
// (own PRNG, integer arithmetic, own number formatting). Streaming: memory
// does not grow with `rows`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

struct GenerateOptions {
  std::filesystem::path out_dir;  // created when missing; existing files of the same name are replaced
  // valid | duplicates | empty | missing-columns | corrupted | large | mixed | all. Default: valid.
  std::string scenario = "valid";
  uint64_t rows = 1000;  // data rows per generated export. Default: 1000.
  int files = 3;         // good exports per scenario (1..999). Default: 3.
  uint64_t seed = 42;    // Default: 42.
  // csv | xlsx: the same rows as CSV files or as workbooks (generate/workbook_export.h).
  // Default: csv.
  std::string format = "csv";
  std::string as_of = "2025-06-30";  // YYYY-MM-DD; sale dates are spread around it.
};

// The scenario names accepted by GenerateOptions::scenario, in the order above.
const std::vector<std::string>& GenerateScenarios();

// Writes the scenario's files; returns their paths (out_dir joined with the
// relative name) in generation order. kInvalidArgument for bad options.
Result<std::vector<std::filesystem::path>> Generate(FileSystem* fs, const GenerateOptions& options);

}  // namespace flexpipe
