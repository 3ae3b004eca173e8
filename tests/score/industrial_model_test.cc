// scoring.md, "Model `industrial`": filters (skipped for absent columns,
// failing on missing values), the points per field, the cap and candidates.
#include "score/industrial_model.h"

#include <gtest/gtest.h>

#include <string>

#include "score/profile.h"
#include "score/score_test_util.h"

namespace flexpipe {
namespace industrial_model_test {
namespace {

using testing::SetNumber;
using testing::SetText;
using testing::SetUnparsable;

ColumnSet Columns(std::initializer_list<Field> fields) {
  ColumnSet c;
  for (Field f : fields) c.set(Index(f));
  return c;
}

const ColumnSet kAllFilterColumns = Columns({Field::kPropertyType, Field::kBuildingSqft, Field::kAcres});

class IndustrialModelTest : public ::testing::Test {
 protected:
  IndustrialModel Model(double min_flex_score = 0) const {
    return IndustrialModel(profile_.industrial, profile_.classification, {Date{20000}, min_flex_score});
  }
  ScoreResult Score(const Record& r, const ColumnSet& columns = kAllFilterColumns,
                    double min_flex_score = 0) const {
    ScoreResult out;
    Model(min_flex_score).Score(r, columns, &out);
    return out;
  }
  // A row that passes every filter.
  static Record Passing() {
    Record r;
    SetText(r, Field::kPropertyType, "Industrial");
    SetNumber(r, Field::kBuildingSqft, 30000);
    SetNumber(r, Field::kAcres, 2);
    return r;
  }

  ScoringProfile profile_ = DefaultScoringProfile();
};

TEST_F(IndustrialModelTest, NamesItsComponentsAndHasNoFlags) {
  const IndustrialModel m = Model();
  EXPECT_EQ(m.name(), "industrial");
  const std::vector<std::string> names(m.component_names().begin(), m.component_names().end());
  EXPECT_EQ(names, (std::vector<std::string>{"size_score", "type_score", "lot_score", "age_score",
                                             "occupancy_score"}));
  EXPECT_TRUE(m.flag_names().empty());
}

TEST_F(IndustrialModelTest, ScoresTheSumOfItsPoints) {
  Record r;
  SetText(r, Field::kPropertyType, "Flex Warehouse");
  SetNumber(r, Field::kBuildingSqft, 30000);
  SetNumber(r, Field::kAcres, 2.5);
  SetNumber(r, Field::kYearBuilt, 1985);
  SetNumber(r, Field::kOccupancy, 85);
  const ScoreResult s = Score(r);
  EXPECT_EQ(s.components[IndustrialModel::kSize], 3);
  EXPECT_EQ(s.components[IndustrialModel::kType], 3);  // first match wins: "flex", not "warehouse"
  EXPECT_EQ(s.components[IndustrialModel::kLot], 2);
  EXPECT_EQ(s.components[IndustrialModel::kAge], 0.5);
  EXPECT_EQ(s.components[IndustrialModel::kOccupancy], 1);  // 85% → 0.85 < 1
  EXPECT_EQ(s.score, 9.5);
  EXPECT_EQ(s.classification, Classification::kPrimeFlex);
  EXPECT_EQ(s.flags, 0u);
  EXPECT_TRUE(s.candidate);
}

// ---- Filters ----

TEST_F(IndustrialModelTest, PropertyTypeFilterMatchesKeywordsIgnoringCase) {
  const IndustrialModel m = Model();
  for (const char* type : {"INDUSTRIAL", "Warehouse/Office", "distribution center", "Flex",
                           "Light Industrial", "Manufacturing", "Self Storage", "3PL Logistics"}) {
    Record r = Passing();
    SetText(r, Field::kPropertyType, type);
    EXPECT_TRUE(m.PassesFilters(r, kAllFilterColumns)) << type;
  }
  for (const char* type : {"Retail", "Office", "Multifamily", ""}) {
    Record r = Passing();
    SetText(r, Field::kPropertyType, type);
    EXPECT_FALSE(m.PassesFilters(r, kAllFilterColumns)) << "'" << type << "'";
  }
}

TEST_F(IndustrialModelTest, BuildingSqftFilterBoundary) {
  const IndustrialModel m = Model();
  Record r = Passing();
  SetNumber(r, Field::kBuildingSqft, 19999);
  EXPECT_FALSE(m.PassesFilters(r, kAllFilterColumns));
  SetNumber(r, Field::kBuildingSqft, 20000);
  EXPECT_TRUE(m.PassesFilters(r, kAllFilterColumns));
}

TEST_F(IndustrialModelTest, AcresFilterBoundaries) {
  const IndustrialModel m = Model();
  const struct {
    double acres;
    bool passes;
  } cases[] = {{0.49, false}, {0.5, true}, {20, true}, {20.0001, false}};
  for (const auto& c : cases) {
    Record r = Passing();
    SetNumber(r, Field::kAcres, c.acres);
    EXPECT_EQ(m.PassesFilters(r, kAllFilterColumns), c.passes) << c.acres;
  }
}

TEST_F(IndustrialModelTest, MissingValuesFailFiltersWhenTheColumnExists) {
  const IndustrialModel m = Model();
  for (Field f : {Field::kPropertyType, Field::kBuildingSqft, Field::kAcres}) {
    Record r = Passing();
    r[f] = FieldValue{};
    EXPECT_FALSE(m.PassesFilters(r, kAllFilterColumns)) << InfoOf(f).name;
  }
  Record unparsable = Passing();
  SetUnparsable(unparsable, Field::kBuildingSqft, "TBD");
  EXPECT_FALSE(m.PassesFilters(unparsable, kAllFilterColumns));
}

TEST_F(IndustrialModelTest, FiltersAreSkippedWhenTheFileLacksTheColumn) {
  const IndustrialModel m = Model();
  Record empty;
  EXPECT_TRUE(m.PassesFilters(empty, ColumnSet()));
  EXPECT_FALSE(m.PassesFilters(empty, Columns({Field::kPropertyType})));
  EXPECT_FALSE(m.PassesFilters(empty, Columns({Field::kBuildingSqft})));
  EXPECT_FALSE(m.PassesFilters(empty, Columns({Field::kAcres})));

  Record retail_small = Passing();
  SetText(retail_small, Field::kPropertyType, "Retail");
  SetNumber(retail_small, Field::kBuildingSqft, 100);
  SetNumber(retail_small, Field::kAcres, 100);
  EXPECT_TRUE(m.PassesFilters(retail_small, Columns({Field::kCity, Field::kZoning})));
}

TEST_F(IndustrialModelTest, CandidatesPassTheFiltersAndReachMinFlexScore) {
  Record r = Passing();  // 3 + 1.5 + 2 = 6.5
  EXPECT_EQ(Score(r).score, 6.5);
  EXPECT_TRUE(Score(r, kAllFilterColumns, 6.5).candidate);
  EXPECT_FALSE(Score(r, kAllFilterColumns, 6.51).candidate);

  SetNumber(r, Field::kAcres, 25);  // fails the acres filter; still scored
  const ScoreResult filtered = Score(r, kAllFilterColumns, 0);
  EXPECT_FALSE(filtered.candidate);
  EXPECT_EQ(filtered.score, 4.5);
}

// ---- Points ----

double SqftPoints(const IndustrialModel& m, double sqft) {
  Record r;
  SetNumber(r, Field::kBuildingSqft, sqft);
  ScoreResult s;
  m.Score(r, ColumnSet(), &s);
  return s.components[IndustrialModel::kSize];
}

TEST_F(IndustrialModelTest, BuildingSqftPointBands) {
  const IndustrialModel m = Model();
  EXPECT_EQ(SqftPoints(m, 19999), 0);
  EXPECT_EQ(SqftPoints(m, 20000), 3);
  EXPECT_EQ(SqftPoints(m, 49999.9), 3);
  EXPECT_EQ(SqftPoints(m, 50000), 2);
  EXPECT_EQ(SqftPoints(m, 99999), 2);
  EXPECT_EQ(SqftPoints(m, 100000), 1);
  EXPECT_EQ(SqftPoints(m, 199999), 1);
  EXPECT_EQ(SqftPoints(m, 200000), 0);
  Record missing;
  ScoreResult s;
  m.Score(missing, ColumnSet(), &s);
  EXPECT_EQ(s.components[IndustrialModel::kSize], 0);
}

TEST_F(IndustrialModelTest, PropertyTypeFirstMatchWins) {
  const IndustrialModel m = Model();
  const struct {
    const char* type;
    double points;
  } cases[] = {
      {"Flex Warehouse", 3},
      {"FLEX", 3},
      {"Warehouse", 2.5},
      {"Distribution Center", 2.5},
      {"Light Industrial", 2},
      {"Industrial", 1.5},
      {"Heavy Industrial", 1.5},
      {"Manufacturing", 1},
      {"Cold Storage", 1},
      {"Logistics Hub", 1},
      {"Warehouse - Light Industrial", 2.5},
      {"Retail", 0},
      {"", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(m.PropertyTypePoints(c.type), c.points) << c.type;
}

TEST_F(IndustrialModelTest, LongPropertyTypesAndCodeBuiltKeywordsMatch) {
  const std::string long_type = std::string(200, '-') + " Distribution";
  EXPECT_EQ(Model().PropertyTypePoints(long_type), 2.5);
  profile_.industrial.points.property_type = {{4, {"Cold STORAGE"}}};
  EXPECT_EQ(Model().PropertyTypePoints("cold storage"), 4);
}

double AcresPoints(const IndustrialModel& m, double acres) {
  Record r;
  SetNumber(r, Field::kAcres, acres);
  ScoreResult s;
  m.Score(r, ColumnSet(), &s);
  return s.components[IndustrialModel::kLot];
}

TEST_F(IndustrialModelTest, AcresPointBands) {
  const IndustrialModel m = Model();
  EXPECT_EQ(AcresPoints(m, 0.49), 0);
  EXPECT_EQ(AcresPoints(m, 0.5), 1);
  EXPECT_EQ(AcresPoints(m, 0.99), 1);
  EXPECT_EQ(AcresPoints(m, 1), 2);
  EXPECT_EQ(AcresPoints(m, 5), 2);
  EXPECT_EQ(AcresPoints(m, 5.01), 1.5);
  EXPECT_EQ(AcresPoints(m, 10), 1.5);
  EXPECT_EQ(AcresPoints(m, 10.01), 1);
  EXPECT_EQ(AcresPoints(m, 20), 1);
  EXPECT_EQ(AcresPoints(m, 20.01), 0);
}

TEST_F(IndustrialModelTest, YearBuiltPoints) {
  const IndustrialModel m = Model();
  auto points = [&m](double year) {
    Record r;
    SetNumber(r, Field::kYearBuilt, year);
    ScoreResult s;
    m.Score(r, ColumnSet(), &s);
    return s.components[IndustrialModel::kAge];
  };
  EXPECT_EQ(points(2020), 1);
  EXPECT_EQ(points(1990), 1);
  EXPECT_EQ(points(1989), 0.5);
  EXPECT_EQ(points(1980), 0.5);
  EXPECT_EQ(points(1979), 0);
  Record missing;
  ScoreResult s;
  m.Score(missing, ColumnSet(), &s);
  EXPECT_EQ(s.components[IndustrialModel::kAge], 0);
}

TEST_F(IndustrialModelTest, OccupancyPercentagesFractionsAndMissing) {
  const IndustrialModel m = Model();
  auto points = [&m](double occupancy) {
    Record r;
    SetNumber(r, Field::kOccupancy, occupancy);
    return m.OccupancyPoints(r);
  };
  EXPECT_EQ(points(85), 1);    // 85% → 0.85
  EXPECT_EQ(points(0.85), 1);  // already a fraction
  EXPECT_EQ(points(1.0), 0);   // fully occupied (not > 1, so not a percentage)
  EXPECT_EQ(points(100), 0);   // 100% → 1.0
  EXPECT_EQ(points(99.9), 1);
  EXPECT_EQ(points(0), 1);                    // vacant
  EXPECT_EQ(points(1.5), 1);                  // 1.5% → 0.015
  EXPECT_EQ(m.OccupancyPoints(Record()), 0);  // missing
}

TEST_F(IndustrialModelTest, ScoreIsCappedAtTen) {
  profile_.industrial.points.year_built = {{Range::Min(1990), 5}};
  Record r;
  SetText(r, Field::kPropertyType, "Flex");
  SetNumber(r, Field::kBuildingSqft, 30000);
  SetNumber(r, Field::kAcres, 2);
  SetNumber(r, Field::kYearBuilt, 2000);
  SetNumber(r, Field::kOccupancy, 50);
  EXPECT_EQ(Score(r).score, 10);  // 3 + 3 + 2 + 5 + 1 = 14
}

TEST_F(IndustrialModelTest, ProfileOverridesChangeFiltersAndPoints) {
  auto parsed = ParseScoringProfile(R"(
industrial:
  filters:
    property_types: [Retail]
    acres: {min: 0.1}
  points:
    property_type:
      - {points: 4, contains: [RETAIL]}
)",
                                    "retail.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  profile_ = *parsed;
  Record r;
  SetText(r, Field::kPropertyType, "Strip Retail");
  SetNumber(r, Field::kBuildingSqft, 30000);
  SetNumber(r, Field::kAcres, 0.2);
  const ScoreResult s = Score(r);
  EXPECT_TRUE(s.candidate);
  EXPECT_EQ(s.components[IndustrialModel::kType], 4);
  EXPECT_EQ(s.score, 7);  // 3 + 4 + 0
}

}  // namespace
}  // namespace industrial_model_test
}  // namespace flexpipe
