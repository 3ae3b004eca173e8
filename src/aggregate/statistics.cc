#include "aggregate/statistics.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "aggregate/candidate_reader.h"
#include "aggregate/dedup_key.h"

namespace flexpipe {
namespace {

std::optional<double> ToNumber(std::string_view text) {
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return v;
}

constexpr std::array<std::string_view, 4> kDistributionBuckets = {"8-10", "6-8", "4-6", "below-4"};

size_t DistributionBucket(double score) {
  if (score >= 8) return 0;
  if (score >= 6) return 1;
  if (score >= 4) return 2;
  return 3;
}

// Counts by text. The keys are copies: a candidate read back from a spilled
// set is gone at the next read.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using TextCounts = std::unordered_map<std::string, uint64_t, TextHash, std::equal_to<>>;

void Count(std::string_view text, TextCounts* counts) {
  if (const auto it = counts->find(text); it != counts->end()) {
    ++it->second;
  } else {
    counts->emplace(text, 1);
  }
}

// Places are counted as one whatever their case and spacing ("FL", "fl",
// "Fl"; "West  Palm Beach", "WEST PALM BEACH"): spellings are grouped by the
// de-duplication key's form of the text (aggregate/dedup_key.h), and a group
// is named by its most frequent spelling (ties: the first in byte order).
void AddCounts(const TextCounts& counts, std::map<std::string, uint64_t>* into) {
  struct Group {
    uint64_t total = 0;
    std::string_view name;
    uint64_t name_count = 0;
  };
  std::unordered_map<std::string, Group> groups;
  std::string key;
  for (const auto& [text, n] : counts) {
    key.clear();
    AppendKeyPart(text, /*is_address=*/false, &key);
    Group& g = groups[key];
    g.total += n;
    if (n > g.name_count || (n == g.name_count && std::string_view(text) < g.name)) {
      g.name = text;
      g.name_count = n;
    }
  }
  for (const auto& [k, g] : groups) (*into)[std::string(g.name)] += g.total;
}

// The histogram bin of a score (flexpipe/summary.h: kScoreHistogramBinWidth);
// scores outside 0..10 go to the nearest end bin.
size_t HistogramBin(double score) {
  if (!(score > 0)) return 0;  // also NaN
  const double bin = score / kScoreHistogramBinWidth;
  return bin >= static_cast<double>(kScoreHistogramBins) ? kScoreHistogramBins - 1 : static_cast<size_t>(bin);
}

}  // namespace

Status ComputeCandidateStatistics(std::span<const CandidateSet* const> sets, const MergeResult& merged,
                                  const MasterLayout& layout, const Scorer& scorer, size_t top_n,
                                  std::span<const std::string> file_paths, RunSummary* summary) {
  summary->candidates_before_dedup = merged.before_dedup;
  summary->candidates_unique = merged.ranked.size();
  summary->duplicates_removed = merged.duplicates_removed;
  for (const char* bucket : {"8-10", "6-8", "4-6"}) summary->score_distribution[bucket] = 0;

  // Slot of each canonical field in the master layout, when present.
  std::array<std::optional<size_t>, kFieldCount> slot_of_field{};
  for (size_t i = 0; i < layout.fields.size(); ++i) slot_of_field[Index(layout.fields[i])] = i;
  auto text = [&](const std::vector<std::string_view>& slots, Field f) -> std::string_view {
    const auto& slot = slot_of_field[Index(f)];
    return slot ? slots[*slot] : std::string_view();
  };

  const auto component_names = scorer.component_names();
  std::vector<double> component_sums(component_names.size(), 0.0);
  double score_sum = 0;
  double building_sum = 0, acres_sum = 0;
  uint64_t building_n = 0, acres_n = 0;
  std::vector<std::string_view> slots;
  // Counted here, then into the summary's maps: a map lookup per candidate
  // and figure was most of this function's time.
  std::array<uint64_t, kDistributionBuckets.size()> buckets{};
  std::array<uint64_t, 256> classes{};
  TextCounts states, counties, cities;
  const size_t n = merged.ranked.size();
  CandidateReader reader(sets);
  for (size_t r = 0; r < n && reader.status().ok(); ++r) {
    const CandidateRef ref = merged.ranked[r];
    reader.PrefetchAhead(merged.ranked, r);
    const Candidate& c = reader.Read(ref);
    const double score = c.result.score;
    score_sum += score;
    ++buckets[DistributionBucket(score)];
    ++summary->score_histogram[HistogramBin(score)];
    ++classes[static_cast<uint8_t>(c.result.classification)];
    for (size_t k = 0; k < component_names.size(); ++k) component_sums[k] += c.result.components[k];

    UnpackSlots(layout, ref.set, c, &slots);
    if (auto v = text(slots, Field::kState); !v.empty()) Count(v, &states);
    if (auto v = text(slots, Field::kCounty); !v.empty()) Count(v, &counties);
    if (auto v = text(slots, Field::kCity); !v.empty()) Count(v, &cities);
    const auto building = ToNumber(text(slots, Field::kBuildingSqft));
    const auto acres = ToNumber(text(slots, Field::kAcres));
    if (building) building_sum += *building, ++building_n;
    if (acres) acres_sum += *acres, ++acres_n;

    if (r < top_n) {
      CandidateSummary top;
      top.rank = static_cast<uint32_t>(r + 1);
      top.score = score;
      top.classification = std::string(ClassificationName(c.result.classification));
      top.address = text(slots, Field::kAddress);
      top.city = text(slots, Field::kCity);
      top.state = text(slots, Field::kState);
      top.county = text(slots, Field::kCounty);
      top.zip = text(slots, Field::kZip);
      top.parcel_id = text(slots, Field::kParcelId);
      top.property_type = text(slots, Field::kPropertyType);
      top.zoning = text(slots, Field::kZoning);
      top.owner_name = text(slots, Field::kOwnerName);
      if (acres) top.acres = *acres, top.has_acres = true;
      if (building) top.building_sqft = *building, top.has_building_sqft = true;
      if (auto v = ToNumber(text(slots, Field::kImprovementValue))) {
        top.improvement_value = *v;
        top.has_improvement_value = true;
      }
      const auto flag_names = scorer.flag_names();
      for (size_t f = 0; f < flag_names.size(); ++f) {
        if (c.result.flags & (1u << f)) top.flags.push_back(flag_names[f]);
      }
      top.source_file = file_paths[c.id.file];
      top.source_row = c.id.row;
      summary->top_candidates.push_back(std::move(top));
    }
  }
  for (size_t b = 0; b < buckets.size(); ++b) {
    if (buckets[b] > 0) summary->score_distribution[std::string(kDistributionBuckets[b])] += buckets[b];
  }
  for (size_t k = 0; k < classes.size(); ++k) {
    if (classes[k] > 0) {
      summary->classification_counts[std::string(ClassificationName(static_cast<Classification>(k)))] +=
          classes[k];
    }
  }
  AddCounts(states, &summary->states);
  AddCounts(counties, &summary->counties);
  AddCounts(cities, &summary->cities);
  if (n > 0) {
    summary->score_average = score_sum / static_cast<double>(n);
    // Ranked by score descending: the extremes and the median come for free.
    const auto score_at = [&](size_t r) { return sets[merged.ranked[r].set]->score(merged.ranked[r].index); };
    summary->score_max = score_at(0);
    summary->score_min = score_at(n - 1);
    const double hi = score_at((n - 1) / 2);
    const double lo = score_at(n / 2);
    summary->score_median = (hi + lo) / 2;
    for (size_t k = 0; k < component_names.size(); ++k) {
      summary->component_means.emplace_back(component_names[k], component_sums[k] / static_cast<double>(n));
    }
  }
  if (building_n > 0) summary->average_building_sqft = building_sum / static_cast<double>(building_n);
  if (acres_n > 0) summary->average_acres = acres_sum / static_cast<double>(acres_n);
  return reader.status();
}

}  // namespace flexpipe
