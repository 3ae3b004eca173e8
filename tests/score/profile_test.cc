// Scoring profiles: defaults = scoring.md, the committed default.yaml never
// drifts from the code, overrides merge, and every mistake names its key.
#include "score/profile.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace flexpipe {
namespace profile_test {
namespace {

std::filesystem::path DefaultProfilePath() {
  return testing::TestDataPath("../../config/profiles/default.yaml");
}

Status ParseError(std::string_view yaml) {
  auto r = ParseScoringProfile(yaml, "my_profile.yaml");
  EXPECT_FALSE(r.ok()) << "expected an error for:\n" << yaml;
  return r.ok() ? Status() : r.status();
}

// The message starts with the key path of the problem.
::testing::AssertionResult NamesKey(const Status& s, std::string_view key_path) {
  if (s.ok()) return ::testing::AssertionFailure() << "no error";
  if (s.code() != ErrorCode::kConfigError) return ::testing::AssertionFailure() << s.ToString();
  if (s.message().rfind(std::string(key_path) + ":", 0) != 0) {
    return ::testing::AssertionFailure()
           << "message does not start with '" << key_path << ":': " << s.ToString();
  }
  if (s.location().file != "my_profile.yaml") {
    return ::testing::AssertionFailure() << "no file: " << s.ToString();
  }
  return ::testing::AssertionSuccess();
}

// ---- Defaults ----

TEST(ScoringProfile, DefaultsAreTheSpecificationsValues) {
  const ScoringProfile p = DefaultScoringProfile();
  EXPECT_EQ(p.weighted.weights, (WeightedWeights{3.0, 2.0, 2.5, 1.5, 1.0, 1.0}));
  ASSERT_EQ(p.weighted.zoning.tiers.size(), 4u);
  EXPECT_EQ(p.weighted.zoning.tiers[2].keywords, (std::vector<std::string>{"MUPD", "MXPD", "AGR/IND"}));
  EXPECT_EQ(p.weighted.size.ideal_acres, 2.5);
  EXPECT_EQ(p.weighted.building.sqft_sweet_spot.range, Range::MinMax(15000, 35000));
  EXPECT_EQ(p.weighted.activity.recent_sale_days, 730);
  EXPECT_EQ(p.weighted.value.improvement[1].range, Range::MinBelow(250000, 500000));
  EXPECT_EQ(p.weighted.bonuses.ideal_building.points, 0.3);
  EXPECT_EQ(p.industrial.filters.acres, Range::MinMax(0.5, 20));
  EXPECT_EQ(p.industrial.points.acres[1].range, Range::AboveMax(5, 10));
  EXPECT_EQ(p.classification, (ClassificationThresholds{8, 6, 4, 2}));
  EXPECT_TRUE(ValidateScoringProfile(p).ok());
}

TEST(ScoringProfile, CommittedDefaultYamlIsTheRenderedDefaultProfile) {
  const std::string committed = testing::ReadFileToString(DefaultProfilePath());
  EXPECT_EQ(committed, DefaultScoringProfileYaml())
      << "config/profiles/default.yaml is stale; regenerate it from DefaultScoringProfileYaml()";
}

TEST(ScoringProfile, CommittedDefaultYamlParsesBackToTheDefaults) {
  const std::string committed = testing::ReadFileToString(DefaultProfilePath());
  ASSERT_FALSE(committed.empty());
  auto parsed = ParseScoringProfile(committed, "default.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(*parsed == DefaultScoringProfile());
}

TEST(ScoringProfile, AnyProfileRoundTripsThroughYaml) {
  ScoringProfile p = DefaultScoringProfile();
  p.classification.prime_flex = 8.25;
  p.weighted.weights.location = 0.1;  // not exact in binary
  p.weighted.zoning.tiers = {{9.5, {"PUD", "I-1 (LIGHT)", "A: B", "NULL", "#7", "\"Q\"", "~"}}};
  p.weighted.building.without_building_data = {};
  p.weighted.location.city_tiers.push_back({1, {"BELLE GLADE"}});
  p.weighted.activity.recent_sale_days = 365;
  p.weighted.value.price_per_sqft = {Range::AboveMax(-1e-7, 1234567.125), 1.0 / 3};
  p.industrial.filters.property_types = {};
  p.industrial.filters.building_sqft = Range{};
  p.industrial.points.occupancy.bands = {{Range::Below(0.5), 2}, {Range{}, 0.5}};
  const std::string yaml = RenderScoringProfileYaml(p);
  auto parsed = ParseScoringProfile(yaml, "rendered.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << yaml;
  EXPECT_EQ(RenderScoringProfileYaml(*parsed), yaml);
  EXPECT_TRUE(*parsed == p);
}

// ---- Overrides ----

TEST(ScoringProfile, AnEmptyOrCommentedOutDocumentGivesTheDefaults) {
  for (const char* yaml : {"", "# nothing\n", "weighted:\n  # weights:\n  #   zoning: 4\nindustrial:\n"}) {
    auto parsed = ParseScoringProfile(yaml, "empty.yaml");
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_TRUE(*parsed == DefaultScoringProfile()) << yaml;
  }
}

TEST(ScoringProfile, OverridesOnlyTheKeysGiven) {
  auto parsed = ParseScoringProfile(R"(
weighted:
  weights:
    zoning: 4
  location:
    city_tiers:
      - {points: 1, names: [" Belle Glade "]}
classification: {good_flex: 5.5}
)",
                                    "tuned.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ScoringProfile expected = DefaultScoringProfile();
  expected.weighted.weights.zoning = 4;
  expected.weighted.location.city_tiers = {{1, {"BELLE GLADE"}}};  // a list replaces the default list
  expected.classification.good_flex = 5.5;
  EXPECT_EQ(RenderScoringProfileYaml(*parsed), RenderScoringProfileYaml(expected));
  EXPECT_TRUE(*parsed == expected);
}

TEST(ScoringProfile, KeywordsAreStoredTrimmedInTheRulesCase) {
  auto parsed = ParseScoringProfile(R"(
weighted:
  zoning:
    tiers: [{score: 10, codes: [" il ", m-1]}]
industrial:
  filters: {property_types: [Flex, " WAREHOUSE"]}
)",
                                    "case.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->weighted.zoning.tiers[0].keywords, (std::vector<std::string>{"IL", "M-1"}));
  EXPECT_EQ(parsed->industrial.filters.property_types, (std::vector<std::string>{"flex", "warehouse"}));
}

TEST(ScoringProfile, RangesReplaceTheDefaultRangeAsAWhole) {
  auto parsed = ParseScoringProfile("weighted:\n  building:\n    sqft: {above: 6000, points: 3}\n", "r.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->weighted.building.sqft, (Band{Range::Above(6000), 3}));
}

// ---- Errors name the key ----

TEST(ScoringProfileErrors, UnknownKeysNameTheirPathAndTheKnownKeys) {
  const Status s = ParseError("weighted:\n  weights:\n    zonng: 3\n");
  EXPECT_TRUE(NamesKey(s, "weighted.weights.zonng"));
  EXPECT_NE(s.message().find("zoning, size, building"), std::string::npos) << s.message();
  EXPECT_EQ(s.location().row, 3u);
  EXPECT_TRUE(NamesKey(ParseError("weigthed: {}\n"), "weigthed"));
  EXPECT_TRUE(NamesKey(ParseError("industrial:\n  points:\n    acres:\n      - {min: 1, points: 2, mx: 5}\n"),
                       "industrial.points.acres[0].mx"));
}

TEST(ScoringProfileErrors, WrongTypesNameTheirPath) {
  EXPECT_TRUE(NamesKey(ParseError("weighted: {weights: {zoning: heavy}}"), "weighted.weights.zoning"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {weights: {zoning: [3]}}"), "weighted.weights.zoning"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {weights: 3}"), "weighted.weights"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {zoning: {tiers: {score: 10}}}"), "weighted.zoning.tiers"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {zoning: {tiers: [{score: 10, codes: [[IL]]}]}}"),
                       "weighted.zoning.tiers[0].codes[0]"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {building: {sqft: 5000}}"), "weighted.building.sqft"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {activity: {recent_sale_days: 1.5}}"),
                       "weighted.activity.recent_sale_days"));
  EXPECT_TRUE(NamesKey(ParseError("classification: {prime_flex: .inf}"), "classification.prime_flex"));
  EXPECT_TRUE(NamesKey(ParseError("- 1\n- 2\n"), "(top level)"));
}

TEST(ScoringProfileErrors, MalformedRangesAndTiers) {
  EXPECT_TRUE(NamesKey(ParseError("weighted: {building: {sqft: {min: 1, above: 2, points: 1}}}"),
                       "weighted.building.sqft"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {building: {sqft: {max: 1, below: 2, points: 1}}}"),
                       "weighted.building.sqft"));
  EXPECT_TRUE(
      NamesKey(ParseError("weighted: {building: {sqft: {min: 5000}}}"), "weighted.building.sqft.points"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {building: {sqft: {min: 9, below: 9, points: 1}}}"),
                       "weighted.building.sqft"));
  EXPECT_TRUE(NamesKey(ParseError("industrial: {filters: {acres: {min: 1, points: 1}}}"),
                       "industrial.filters.acres.points"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {location: {city_tiers: [{names: [JUPITER]}]}}"),
                       "weighted.location.city_tiers[0].points"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {location: {city_tiers: [{points: 1, names: []}]}}"),
                       "weighted.location.city_tiers[0].names"));
  EXPECT_TRUE(NamesKey(ParseError("industrial: {filters: {property_types: [flex, '  ']}}"),
                       "industrial.filters.property_types[1]"));
}

TEST(ScoringProfileErrors, DuplicateKeysAreErrors) {
  EXPECT_TRUE(NamesKey(ParseError("weighted:\n  cap: 9\n  cap: 10\n"), "weighted.cap"));
}

TEST(ScoringProfileErrors, InconsistentValuesNameTheirSection) {
  EXPECT_TRUE(NamesKey(
      ParseError(
          "weighted: {weights: {zoning: 0, size: 0, building: 0, location: 0, activity: 0, value: 0}}"),
      "weighted.weights"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {weights: {value: -1}}"), "weighted.weights"));
  EXPECT_TRUE(NamesKey(ParseError("weighted: {size: {ideal_acres: 25}}"), "weighted.size"));
  EXPECT_TRUE(NamesKey(ParseError("classification: {good_flex: 9}"), "classification"));
}

TEST(ScoringProfileErrors, InvalidYamlReportsTheLine) {
  const Status s = ParseError("weighted:\n  weights: {zoning: 3\n  cap: 10\n");
  EXPECT_EQ(s.code(), ErrorCode::kConfigError);
  EXPECT_NE(s.message().find("not valid YAML"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.location().file, "my_profile.yaml");
  EXPECT_GT(s.location().row, 0u);
}

TEST(ScoringProfileErrors, ProgrammaticProfilesAreValidatedToo) {
  ScoringProfile p = DefaultScoringProfile();
  p.weighted.value.ratio = {{Range::MinMax(2, 1), 1}};
  EXPECT_TRUE(NamesKey(ValidateScoringProfile(p).WithFile("my_profile.yaml"),
                       "weighted.value.improvement_to_land_ratio[0]"));
  p = DefaultScoringProfile();
  p.industrial.points.property_type[0].keywords.push_back("");
  EXPECT_TRUE(NamesKey(ValidateScoringProfile(p).WithFile("my_profile.yaml"),
                       "industrial.points.property_type[0].contains[1]"));
}

}  // namespace
}  // namespace profile_test
}  // namespace flexpipe
