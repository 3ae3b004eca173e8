// Data quality per field in the summary: present, parse failures, distinct
// values of text fields (counted up to a cap), the range of numbers and dates
// — the same whether a file is read or reused from the store.
#include <gtest/gtest.h>

#include "core/date.h"
#include "flexpipe/pipeline.h"
#include "test_util.h"

namespace flexpipe {
namespace pipeline_quality_test {
namespace {

using testing::TempDir;

const FieldQuality* Find(const RunSummary& s, std::string_view field) {
  for (const FieldQuality& q : s.data_quality) {
    if (q.field == field) return &q;
  }
  return nullptr;
}

TEST(PipelineQuality, DistinctValuesRangesAndFailuresPerField) {
  TempDir dir;
  std::string a = "address,city,acres,sale_date\n";
  for (int i = 0; i < 1500; ++i) {
    a += std::to_string(i) + " Main St," +
         (i % 3 == 0   ? "Jupiter"
          : i % 3 == 1 ? "Tampa"
                       : "Miami") +
         "," + std::to_string(1 + i % 7) +
         (i == 5 ? ",TBD\n" : ",2024-0" + std::to_string(1 + i % 9) + "-15\n");
  }
  dir.Write("in/a.csv", a);
  dir.Write("in/b.csv", "address,city,acres\n1 Elm St,Orlando,0.25\n2 Elm St,,\n");
  PipelineOptions o;
  o.input.paths = {(dir.path() / "in").string()};
  o.output.master_file = (dir.path() / "out" / "master.xlsx").string();
  o.output.report_file = (dir.path() / "out" / "summary.json").string();
  o.output.enable_xlsx_export = false;
  o.output.existing = "replace";
  o.store = (dir.path() / "flexpipe.db").string();
  o.logging.file = "";
  o.scoring.as_of = "2025-06-30";

  for (int run = 0; run < 2; ++run) {  // read, then reused from the store
    auto s = RunPipeline(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->files_reused, run == 0 ? 0u : 2u);
    const FieldQuality* city = Find(*s, "city");
    ASSERT_NE(city, nullptr);
    EXPECT_EQ(city->rows_with_column, 1502u);
    EXPECT_EQ(city->present, 1501u);
    EXPECT_TRUE(city->has_distinct);
    EXPECT_EQ(city->distinct, 4u);  // Jupiter, Tampa, Miami, Orlando
    EXPECT_FALSE(city->distinct_over_cap);
    const FieldQuality* address = Find(*s, "address");
    ASSERT_NE(address, nullptr);
    EXPECT_EQ(address->distinct, kDistinctValuesCap);
    EXPECT_TRUE(address->distinct_over_cap);
    const FieldQuality* acres = Find(*s, "acres");
    ASSERT_NE(acres, nullptr);
    EXPECT_FALSE(acres->has_distinct);
    ASSERT_TRUE(acres->has_range);
    EXPECT_EQ(acres->min, 0.25);
    EXPECT_EQ(acres->max, 7);
    const FieldQuality* sold = Find(*s, "sale_date");
    ASSERT_NE(sold, nullptr);
    EXPECT_TRUE(sold->is_date);
    EXPECT_EQ(sold->parse_failures, 1u);
    EXPECT_EQ(FormatIso(Date{static_cast<int32_t>(sold->min)}), "2024-01-15");
    EXPECT_EQ(FormatIso(Date{static_cast<int32_t>(sold->max)}), "2024-09-15");
  }
}

}  // namespace
}  // namespace pipeline_quality_test
}  // namespace flexpipe
