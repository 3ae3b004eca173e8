// Issue 4, done when: "A run over a folder of good files plus one of each kind
// of bad file produces exactly the good files' results (compare with a run
// over the good files alone) and an error entry for each bad one."
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "flexpipe/pipeline.h"
#include "generate/generator.h"
#include "pipeline/pipeline_test_util.h"
#include "test_util.h"

namespace flexpipe {
namespace pipeline_mixed_test {
namespace {

using testing::ReadFileToString;
using testing::TempDir;

PipelineOptions Options(const TempDir& dir, const std::string& out) {
  PipelineOptions o = testing::ScratchRunOptions(dir, out);
  o.output.enable_xlsx_export = true;
  o.filtering.min_flex_score = 4;
  o.processing.max_workers = 2;
  o.processing.retry_backoff_seconds = 0;
  return o;
}

TEST(PipelineMixed, BadFilesFailAloneAndTheGoodFilesGiveExactlyTheirOwnResults) {
  TempDir dir;
  const auto in = dir.path() / "in";
  // Good and bad CSVs and workbooks from the generator: valid and duplicate
  // exports; a header-only and a zero-byte file; a file without address/city
  // columns; an unterminated quote, binary garbage, UTF-16 without a BOM; a
  // workbook cut off halfway.
  for (const char* format : {"csv", "xlsx"}) {
    GenerateOptions g;
    g.out_dir = in / format;
    g.scenario = "mixed";
    g.rows = 200;
    g.files = 2;
    g.format = format;
    ASSERT_TRUE(Generate(testing::DefaultFs(), g).ok());
  }
  // More kinds of bad file, by hand.
  const std::string crexi = ReadFileToString(testing::TestDataPath("pbc_flex_sample_50.xlsx"));
  const std::string ole2_signature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  std::string password = ole2_signature;
  std::string legacy = ole2_signature;
  password.append(600, '\0');
  legacy.append(600, 'x');
  dir.Write("in/bad/password.xlsx", password);
  dir.Write("in/bad/legacy.xls", legacy);
  dir.Write("in/bad/truncated.xlsx", crexi.substr(0, crexi.size() / 3));
  dir.Write("in/bad/not_a_zip.xlsx", "this is not a workbook\n");
  dir.Write("in/bad/ragged_only.csv", "address,city\n\"1 Main St\",\"Jup");
  dir.Write("in/bad/empty.xlsx", "");

  PipelineOptions all = Options(dir, "out_all");
  all.input.paths = {in.string()};
  all.input.recursive = true;
  auto mixed = RunPipeline(all);
  ASSERT_TRUE(mixed.ok()) << mixed.status().ToString();

  // The good files: those that succeeded, named one by one.
  PipelineOptions good = Options(dir, "out_good");
  good.input.paths.clear();
  std::set<std::string> failed;
  for (const FileReport& f : mixed->files) {
    if (f.succeeded) {
      good.input.paths.push_back(f.path);
    } else {
      failed.insert(f.path);
      EXPECT_FALSE(f.error_code.empty()) << f.path;
      EXPECT_FALSE(f.error_message.empty()) << f.path;
    }
  }
  // Every bad file failed (the zero-byte ones are skipped at discovery), and
  // no good file did.
  for (const FileReport& f : mixed->files) {
    const bool bad = f.path.find("/bad/") != std::string::npos ||
                     f.path.find("corrupted") != std::string::npos ||
                     f.path.find("missing-columns") != std::string::npos;
    EXPECT_EQ(!f.succeeded, bad) << f.path << ": " << f.error_code << " " << f.error_message;
  }
  EXPECT_EQ(mixed->failures.size(), failed.size());
  std::set<std::string> skipped;
  for (const Problem& p : mixed->skipped) skipped.insert(p.file);
  EXPECT_EQ(skipped.size(), 3u);  // csv/empty_02, xlsx/empty_02, bad/empty.xlsx: zero bytes
  EXPECT_GE(failed.size(), 11u);

  auto alone = RunPipeline(good);
  ASSERT_TRUE(alone.ok()) << alone.status().ToString();
  EXPECT_EQ(alone->files_failed, 0u);
  EXPECT_EQ(
      alone->rows_read, mixed->rows_read - [&] {
        uint64_t n = 0;
        for (const FileReport& f : mixed->files) n += f.succeeded ? 0 : f.rows_read;
        return n;
      }());
  EXPECT_EQ(ReadFileToString(dir.path() / "out_all" / "master.csv"),
            ReadFileToString(dir.path() / "out_good" / "master.csv"));
  EXPECT_EQ(alone->candidates_unique, mixed->candidates_unique);
  EXPECT_GT(alone->candidates_unique, 0u);
}

}  // namespace
}  // namespace pipeline_mixed_test
}  // namespace flexpipe
