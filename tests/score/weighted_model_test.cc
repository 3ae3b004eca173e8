// scoring.md, "Model `weighted`": both worked examples, every boundary of every
// rule, and agreement with a Python reference on many rows.
#include "score/weighted_model.h"

#include <gtest/gtest.h>

#include <cstring>

#include "score/profile.h"
#include "score/score_test_util.h"

namespace flexpipe {
namespace weighted_model_test {
namespace {

using testing::SetNumber;
using testing::SetText;
using testing::SetUnparsable;

constexpr Date kAsOf{20000};  // 2024-10-04

class WeightedModelTest : public ::testing::Test {
 protected:
  WeightedModel Model() const {
    return WeightedModel(profile_.weighted, profile_.classification, {kAsOf, 4.0});
  }
  ScoreResult Score(const Record& r) const {
    ScoreResult out;
    Model().Score(r, ColumnSet().set(), &out);
    return out;
  }
  double Component(const Record& r, WeightedModel::Component c) const { return Score(r).components[c]; }
  double Size(double acres) {
    Record r;
    SetNumber(r, Field::kAcres, acres);
    return Model().SizeScore(r);
  }
  void SaleDaysBeforeAsOf(Record& r, int32_t days) { SetNumber(r, Field::kSaleDate, kAsOf.days - days); }

  ScoringProfile profile_ = DefaultScoringProfile();
};

// ---- The worked examples, verbatim ----

TEST_F(WeightedModelTest, FirstWorkedExampleIsCappedAtTenWithBothFlags) {
  Record r;
  SetText(r, Field::kZoning, "il");
  SetNumber(r, Field::kAcres, 2.5);
  SetNumber(r, Field::kBuildingSqft, 25000);
  SetNumber(r, Field::kOfficeSqft, 5000);
  SetNumber(r, Field::kWarehouseSqft, 20000);
  SetNumber(r, Field::kImprovementValue, 1200000);
  SetNumber(r, Field::kLandValue, 400000);
  SetText(r, Field::kCity, "Boca Raton");
  SaleDaysBeforeAsOf(r, 300);

  const ScoreResult s = Score(r);
  EXPECT_EQ(s.components[WeightedModel::kZoning], 10);
  EXPECT_EQ(s.components[WeightedModel::kSize], 10);
  EXPECT_EQ(s.components[WeightedModel::kBuilding], 10);  // 5+2+1+2
  EXPECT_EQ(s.components[WeightedModel::kLocation], 8);
  EXPECT_EQ(s.components[WeightedModel::kActivity], 6);
  EXPECT_EQ(s.components[WeightedModel::kValue], 9);  // 5+2+2, pps 48 → no +1
  EXPECT_EQ(s.score, 10.0);                           // 9.2727… + 0.5 + 0.3 → capped
  EXPECT_EQ(s.flags, WeightedModel::kHighPotential | WeightedModel::kIdealBuilding);
  EXPECT_EQ(s.classification, Classification::kPrimeFlex);
  EXPECT_TRUE(s.candidate);
}

TEST_F(WeightedModelTest, SecondWorkedExampleScoresFourPointEightTwo) {
  Record r;
  SetText(r, Field::kZoning, "CG");
  SetNumber(r, Field::kAcres, 1.3);
  SetNumber(r, Field::kImprovementValue, 300000);
  SetNumber(r, Field::kLandValue, 0);
  SetText(r, Field::kCity, "Miami");
  SaleDaysBeforeAsOf(r, 300);

  const ScoreResult s = Score(r);
  EXPECT_EQ(s.components[WeightedModel::kZoning], 4);
  EXPECT_EQ(s.components[WeightedModel::kSize], 7.0);
  EXPECT_EQ(s.components[WeightedModel::kBuilding], 3);
  EXPECT_EQ(s.components[WeightedModel::kLocation], 5);
  EXPECT_EQ(s.components[WeightedModel::kActivity], 6);
  EXPECT_EQ(s.components[WeightedModel::kValue], 6);
  EXPECT_EQ(s.score, 4.82);  // 53/11 = 4.8181…
  EXPECT_EQ(s.flags, 0u);
  EXPECT_EQ(s.classification, Classification::kPotentialFlex);
  EXPECT_TRUE(s.candidate);
}

TEST_F(WeightedModelTest, NamesItsComponentsAndFlags) {
  const WeightedModel m = Model();
  EXPECT_EQ(m.name(), "weighted");
  const std::vector<std::string> components(m.component_names().begin(), m.component_names().end());
  EXPECT_EQ(components, (std::vector<std::string>{"zoning_score", "size_score", "building_score",
                                                  "location_score", "activity_score", "value_score"}));
  const std::vector<std::string> flags(m.flag_names().begin(), m.flag_names().end());
  EXPECT_EQ(flags, (std::vector<std::string>{"HIGH_POTENTIAL", "IDEAL_BUILDING"}));
}

// ---- Zoning ----

TEST_F(WeightedModelTest, ZoningTiersMatchTrimmedCodesInAnyCase) {
  const struct {
    const char* zoning;
    double score;
  } cases[] = {{"IL", 10}, {"ip", 10}, {" PIPD ", 10}, {"m-1", 10}, {"IG", 8},
               {"Ind", 8}, {"M-2", 8}, {"MUPD", 6},    {"mxpd", 6}, {"AGR/IND", 6},
               {"cg", 4},  {"CH", 4},  {"CS", 4},      {"RS", 0},   {"M-10", 0},
               {"I", 0},   {"", 0},    {"IL-1", 0},    {"M 1", 0},  {"INDUSTRIAL", 0}};
  for (const auto& c : cases) {
    Record r;
    SetText(r, Field::kZoning, c.zoning);
    EXPECT_EQ(Model().ZoningScore(r), c.score) << "'" << c.zoning << "'";
  }
}

// ---- Size ----

TEST_F(WeightedModelTest, SizeBoundaries) {
  EXPECT_EQ(Size(-1), 0);
  EXPECT_EQ(Size(0), 0);
  EXPECT_EQ(Size(0.0001), 2);
  EXPECT_EQ(Size(0.4999), 2);
  EXPECT_EQ(Size(0.5), 5);
  EXPECT_EQ(Size(1.3), 7.0);
  EXPECT_EQ(Size(2.4999), 9.999749999999999);  // Python: 5 + ((2.4999 - 0.5) / (2.5 - 0.5)) * 5
  EXPECT_EQ(Size(2.5), 10);
  EXPECT_EQ(Size(2.5000001), 9.999999971428572);
  EXPECT_EQ(Size(11.25), 7.5);
  EXPECT_EQ(Size(13), 7.0);
  EXPECT_EQ(Size(20), 5);
  EXPECT_EQ(Size(20.0001), 3);
  EXPECT_EQ(Size(500), 3);
}

TEST_F(WeightedModelTest, OperationOrderAsWrittenDecidesTheRoundedScore) {
  // Python: 5 + ((20 - a) / (20 - 2.5)) * 5. The rearranged 5 + (20 - a) * 5 / 17.5
  // differs in the last bit, which moves the rounded score by a cent.
  Record r;
  SetNumber(r, Field::kAcres, 6.23625);
  EXPECT_EQ(Model().SizeScore(r), 8.932500000000001);
  EXPECT_EQ(Score(r).score, 3.22);  // (17.865000000000002 + 7.5 + 5 + 5) / 11 = 3.2150000000000003
  SetNumber(r, Field::kAcres, 11.04875);
  EXPECT_EQ(Model().SizeScore(r), 7.557499999999999);
  EXPECT_EQ(Score(r).score, 2.96);  // 2.9649999999999994
}

TEST_F(WeightedModelTest, MissingOrUnparsableAcresCountAsZero) {
  Record r;
  EXPECT_EQ(Model().SizeScore(r), 0);
  SetUnparsable(r, Field::kAcres, "TBD");
  EXPECT_EQ(Model().SizeScore(r), 0);
}

// ---- Building ----

double BuildingWith(const WeightedModel& m, std::initializer_list<std::pair<Field, double>> values) {
  Record r;
  for (const auto& [f, v] : values) SetNumber(r, f, v);
  return m.BuildingScore(r);
}

TEST_F(WeightedModelTest, WithoutBuildingDataOnlyImprovementAboveOneHundredThousandScores) {
  const WeightedModel m = Model();
  EXPECT_EQ(BuildingWith(m, {}), 0);
  EXPECT_EQ(BuildingWith(m, {{Field::kImprovementValue, 100000}}), 0);
  EXPECT_EQ(BuildingWith(m, {{Field::kImprovementValue, 100000.01}}), 3);
  // Zeros are no building data either.
  EXPECT_EQ(BuildingWith(
                m, {{Field::kBuildingSqft, 0}, {Field::kCeilingHeight, 0}, {Field::kImprovementValue, 2e6}}),
            3);
}

TEST_F(WeightedModelTest, BuildingSqftBoundaries) {
  const WeightedModel m = Model();
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 4999}}), 5);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 5000}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 14999}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 15000}}), 8);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 35000}}), 8);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 35000.5}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 100000}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kBuildingSqft, 100001}}), 5);
}

TEST_F(WeightedModelTest, CeilingHeightBoundaries) {
  const WeightedModel m = Model();
  EXPECT_EQ(BuildingWith(m, {{Field::kCeilingHeight, 13.9}}), 5);
  EXPECT_EQ(BuildingWith(m, {{Field::kCeilingHeight, 14}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kCeilingHeight, 24}}), 7);
  EXPECT_EQ(BuildingWith(m, {{Field::kCeilingHeight, 24.1}}), 5);
}

TEST_F(WeightedModelTest, DocksAndDoorsAddUp) {
  const WeightedModel m = Model();
  EXPECT_EQ(BuildingWith(m, {{Field::kLoadingDocks, 1}}), 6);
  EXPECT_EQ(BuildingWith(m, {{Field::kOverheadDoors, 1}}), 6);
  EXPECT_EQ(BuildingWith(m, {{Field::kLoadingDocks, 0.5}, {Field::kOverheadDoors, 0.5}}), 6);
  EXPECT_EQ(BuildingWith(m, {{Field::kOverheadDoors, 0.5}}), 5);  // building data, but fewer than one door
}

TEST_F(WeightedModelTest, OfficeRatioBoundaries) {
  const WeightedModel m = Model();
  auto ratio = [&m](double office, double warehouse) {
    return BuildingWith(m, {{Field::kOfficeSqft, office}, {Field::kWarehouseSqft, warehouse}});
  };
  EXPECT_EQ(ratio(14, 86), 5);
  EXPECT_EQ(ratio(15, 85), 7);  // 0.15
  EXPECT_EQ(ratio(50, 50), 7);  // 0.50
  EXPECT_EQ(ratio(51, 49), 5);
  EXPECT_EQ(BuildingWith(m, {{Field::kOfficeSqft, 3000}}), 5);     // no warehouse
  EXPECT_EQ(BuildingWith(m, {{Field::kWarehouseSqft, 3000}}), 5);  // no office
}

TEST_F(WeightedModelTest, BuildingIsCappedAtTen) {
  // 5 + 2 + 1 + 2 + 1 + 2 = 13.
  EXPECT_EQ(BuildingWith(Model(), {{Field::kBuildingSqft, 20000},
                                   {Field::kCeilingHeight, 20},
                                   {Field::kLoadingDocks, 2},
                                   {Field::kOfficeSqft, 4000},
                                   {Field::kWarehouseSqft, 16000}}),
            10);
}

// ---- Location ----

TEST_F(WeightedModelTest, LocationCityTiersAndHighway) {
  const struct {
    const char* city;
    bool highway;
    double score;
  } cases[] = {
      {"Boca Raton", false, 8},
      {" boca raton ", false, 8},
      {"NORTH BOCA RATON AREA", false, 8},
      {"West Palm Beach", false, 8},
      {"Delray Beach", false, 8},
      {"Boynton Beach", false, 8},
      {"Jupiter", false, 7},
      {"Lake Worth Beach", false, 7},
      {"riviera beach", false, 7},
      {"Wellington", false, 7},
      {"Palm Beach Gardens", false, 5},
      {"Miami", false, 5},
      {"", false, 5},
      {"Miami", true, 7},
      {"Boca Raton", true, 10},
      {"Jupiter", true, 9},
  };
  for (const auto& c : cases) {
    Record r;
    SetText(r, Field::kCity, c.city);
    if (c.highway) SetNumber(r, Field::kNearHighway, 1);
    EXPECT_EQ(Model().LocationScore(r), c.score) << "'" << c.city << "' highway=" << c.highway;
  }
}

TEST_F(WeightedModelTest, CityNamesOfAProfileBuiltInCodeMatchInAnyCase) {
  profile_.weighted.location.city_tiers = {{1, {"belle glade"}}};
  Record r;
  SetText(r, Field::kCity, "BELLE GLADE");
  EXPECT_EQ(Model().LocationScore(r), 6);
}

TEST_F(WeightedModelTest, NearHighwayFalseAddsNothing) {
  Record r;
  SetNumber(r, Field::kNearHighway, 0);
  EXPECT_EQ(Model().LocationScore(r), 5);
}

TEST_F(WeightedModelTest, LocationIsCappedAtTen) {
  profile_.weighted.location.base = 9;
  Record r;
  SetText(r, Field::kCity, "Boca Raton");
  SetNumber(r, Field::kNearHighway, 1);
  EXPECT_EQ(Model().LocationScore(r), 10);
}

// ---- Activity ----

TEST_F(WeightedModelTest, SaleWithinSevenHundredThirtyDaysIsRecent) {
  const struct {
    int32_t days_before;
    double score;
  } cases[] = {{0, 6}, {300, 6}, {729, 6}, {730, 6}, {731, 5}, {5000, 5}, {-1, 6}, {-400, 6}};
  for (const auto& c : cases) {
    Record r;
    SaleDaysBeforeAsOf(r, c.days_before);
    EXPECT_EQ(Model().ActivityScore(r), c.score) << c.days_before << " days before as_of";
  }
  Record missing;
  EXPECT_EQ(Model().ActivityScore(missing), 5);
}

TEST_F(WeightedModelTest, ActivityIsCappedAtTen) {
  profile_.weighted.activity.base = 9.5;
  Record r;
  SaleDaysBeforeAsOf(r, 1);
  EXPECT_EQ(Model().ActivityScore(r), 10);
}

// ---- Value ----

double ValueWith(const WeightedModel& m, double improvement, double land, double sqft = 0) {
  Record r;
  SetNumber(r, Field::kImprovementValue, improvement);
  SetNumber(r, Field::kLandValue, land);
  SetNumber(r, Field::kBuildingSqft, sqft);
  return m.ValueScore(r);
}

TEST_F(WeightedModelTest, ImprovementToLandRatioBoundaries) {
  const WeightedModel m = Model();
  // Improvements below 250000 earn no improvement points.
  EXPECT_EQ(ValueWith(m, 100000, 200000), 5);  // 0.5
  EXPECT_EQ(ValueWith(m, 100001, 200000), 6);  // just above 0.5
  EXPECT_EQ(ValueWith(m, 150000, 100000), 6);  // 1.5
  EXPECT_EQ(ValueWith(m, 150001, 100000), 7);  // just above 1.5
  EXPECT_EQ(ValueWith(m, 200000, 0), 5);       // no land value: no ratio
}

TEST_F(WeightedModelTest, ImprovementValueBoundaries) {
  const WeightedModel m = Model();
  EXPECT_EQ(ValueWith(m, 249999, 0), 5);
  EXPECT_EQ(ValueWith(m, 250000, 0), 6);
  EXPECT_EQ(ValueWith(m, 499999.99, 0), 6);
  EXPECT_EQ(ValueWith(m, 500000, 0), 7);
  EXPECT_EQ(ValueWith(m, 5000000, 0), 7);
  EXPECT_EQ(ValueWith(m, 5000001, 0), 5);
}

TEST_F(WeightedModelTest, PricePerSqftBoundaries) {
  const WeightedModel m = Model();
  EXPECT_EQ(ValueWith(m, 49990, 0, 1000), 5);
  EXPECT_EQ(ValueWith(m, 50000, 0, 1000), 6);   // 50
  EXPECT_EQ(ValueWith(m, 150000, 0, 1000), 6);  // 150
  EXPECT_EQ(ValueWith(m, 150010, 0, 1000), 5);
  EXPECT_EQ(ValueWith(m, 50000, 0, 0), 5);  // no building size
}

TEST_F(WeightedModelTest, ValueIsCappedAtTen) {
  EXPECT_EQ(ValueWith(Model(), 1000000, 100000, 10000), 10);  // 5 + 2 + 2 + 1
  profile_.weighted.value.base = 6;
  EXPECT_EQ(ValueWith(Model(), 1000000, 100000, 10000), 10);
}

// ---- Bonuses, cap, classification, candidates ----

Record ZoningAcresSqft(std::string_view zoning, double acres, double sqft) {
  Record r;
  SetText(r, Field::kZoning, zoning);
  SetNumber(r, Field::kAcres, acres);
  SetNumber(r, Field::kBuildingSqft, sqft);
  return r;
}

TEST_F(WeightedModelTest, HighPotentialNeedsZoningEightAndSizeSeven) {
  EXPECT_EQ(Score(ZoningAcresSqft("IG", 1.3, 0)).flags, WeightedModel::kHighPotential);  // 8 and 7.0
  EXPECT_EQ(Score(ZoningAcresSqft("IG", 0.9, 0)).flags, 0u);                             // size 6
  EXPECT_EQ(Score(ZoningAcresSqft("MUPD", 2.5, 0)).flags, 0u);                           // zoning 6
}

TEST_F(WeightedModelTest, HighPotentialAddsHalfAPoint) {
  // IG, 1.3 acres: (24 + 14 + 0 + 7.5 + 5 + 5) / 11 = 5.0454… + 0.5 = 5.5454… → 5.55.
  EXPECT_EQ(Score(ZoningAcresSqft("IG", 1.3, 0)).score, 5.55);
}

TEST_F(WeightedModelTest, IdealBuildingNeedsBuildingEight) {
  EXPECT_EQ(Score(ZoningAcresSqft("RS", 0, 15000)).flags, WeightedModel::kIdealBuilding);  // 5+2+1
  EXPECT_EQ(Score(ZoningAcresSqft("RS", 0, 14999)).flags, 0u);                             // 5+2
  // (0 + 0 + 20 + 7.5 + 5 + 5) / 11 = 3.4090… + 0.3 = 3.7090… → 3.71.
  EXPECT_EQ(Score(ZoningAcresSqft("RS", 0, 15000)).score, 3.71);
}

TEST_F(WeightedModelTest, ClassifiesTheRoundedScore) {
  // Only zoning counts; a zoning score of 7.996 rounds to 8.00: PRIME_FLEX.
  profile_.weighted.weights = {1, 0, 0, 0, 0, 0};
  profile_.weighted.zoning.tiers = {{7.996, {"IL"}}, {7.994, {"IG"}}};
  const ScoreResult prime = Score(ZoningAcresSqft("IL", 0, 0));
  EXPECT_EQ(prime.score, 8.0);
  EXPECT_EQ(prime.classification, Classification::kPrimeFlex);
  const ScoreResult good = Score(ZoningAcresSqft("IG", 0, 0));
  EXPECT_EQ(good.score, 7.99);
  EXPECT_EQ(good.classification, Classification::kGoodFlex);
}

TEST_F(WeightedModelTest, CandidateWhenScoreReachesMinFlexScore) {
  Record r;
  SetText(r, Field::kZoning, "CG");
  SetNumber(r, Field::kAcres, 1.3);
  SetNumber(r, Field::kImprovementValue, 300000);
  SetText(r, Field::kCity, "Miami");
  SaleDaysBeforeAsOf(r, 300);
  ScoreResult s;
  WeightedModel(profile_.weighted, profile_.classification, {kAsOf, 4.82}).Score(r, ColumnSet(), &s);
  EXPECT_EQ(s.score, 4.82);
  EXPECT_TRUE(s.candidate);
  WeightedModel(profile_.weighted, profile_.classification, {kAsOf, 4.83}).Score(r, ColumnSet(), &s);
  EXPECT_FALSE(s.candidate);
}

TEST_F(WeightedModelTest, AnEmptyRowScoresUnlikely) {
  // (0 + 0 + 0 + 7.5 + 5 + 5) / 11 = 1.5909… → 1.59.
  const ScoreResult s = Score(Record());
  EXPECT_EQ(s.score, 1.59);
  EXPECT_EQ(s.classification, Classification::kUnlikelyFlex);
  EXPECT_FALSE(s.candidate);
}

// ---- Profile overrides ----

TEST_F(WeightedModelTest, ProfileWeightAndZoningListChangeTheScore) {
  Record r;
  SetText(r, Field::kZoning, "PUD");
  SetNumber(r, Field::kAcres, 2.5);
  EXPECT_EQ(Score(r).score, 3.41);  // (0 + 20 + 0 + 7.5 + 5 + 5) / 11 = 3.4090…

  auto parsed = ParseScoringProfile(R"(
weighted:
  weights: {zoning: 5}
  zoning:
    tiers:
      - {score: 9, codes: [pud, IL]}
)",
                                    "tuned.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  profile_ = *parsed;
  // (45 + 20 + 0 + 7.5 + 5 + 5) / 13 = 6.3461… + 0.5 (9 >= 8, size 10) = 6.8461… → 6.85.
  const ScoreResult s = Score(r);
  EXPECT_EQ(s.components[WeightedModel::kZoning], 9);
  EXPECT_EQ(s.score, 6.85);
  EXPECT_EQ(s.flags, WeightedModel::kHighPotential);
}

// ---- Agreement with the Python reference ----

constexpr int32_t kNoSale = INT32_MIN;

struct ReferenceCase {
  const char* zoning;
  double acres, building_sqft, office_sqft, warehouse_sqft, ceiling_height, loading_docks, overhead_doors;
  double improvement_value, land_value;
  const char* city;
  bool near_highway;
  int32_t sale_days_before;
  double score;
  double components[6];
  uint32_t flags;
};

constexpr ReferenceCase kReferenceCases[] = {
#include "score/weighted_reference_cases.inc"
};

TEST_F(WeightedModelTest, MatchesThePythonReferenceBitForBit) {
  const WeightedModel m = Model();
  for (size_t i = 0; i < std::size(kReferenceCases); ++i) {
    const ReferenceCase& c = kReferenceCases[i];
    Record r;
    SetText(r, Field::kZoning, c.zoning);
    SetNumber(r, Field::kAcres, c.acres);
    SetNumber(r, Field::kBuildingSqft, c.building_sqft);
    SetNumber(r, Field::kOfficeSqft, c.office_sqft);
    SetNumber(r, Field::kWarehouseSqft, c.warehouse_sqft);
    SetNumber(r, Field::kCeilingHeight, c.ceiling_height);
    SetNumber(r, Field::kLoadingDocks, c.loading_docks);
    SetNumber(r, Field::kOverheadDoors, c.overhead_doors);
    SetNumber(r, Field::kImprovementValue, c.improvement_value);
    SetNumber(r, Field::kLandValue, c.land_value);
    SetText(r, Field::kCity, c.city);
    SetNumber(r, Field::kNearHighway, c.near_highway ? 1 : 0);
    if (c.sale_days_before != kNoSale) SaleDaysBeforeAsOf(r, c.sale_days_before);
    ScoreResult s;
    m.Score(r, ColumnSet().set(), &s);
    EXPECT_EQ(s.score, c.score) << "case " << i;
    for (size_t k = 0; k < 6; ++k) {
      EXPECT_EQ(std::memcmp(&s.components[k], &c.components[k], sizeof(double)), 0)
          << "case " << i << " component " << k << ": " << s.components[k] << " vs " << c.components[k];
    }
    EXPECT_EQ(s.flags, c.flags) << "case " << i;
  }
}

}  // namespace
}  // namespace weighted_model_test
}  // namespace flexpipe
