// The report's chart sections: scores, geography, component means.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "core/human_number.h"
#include "report/html_escape.h"
#include "report/report_sections.h"
#include "report/svg_chart.h"
#include "score/round.h"

namespace flexpipe::report {
namespace {

constexpr size_t kTopPlaces = 15;
constexpr std::array<std::string_view, 5> kClasses = {"PRIME_FLEX", "GOOD_FLEX", "POTENTIAL_FLEX",
                                                      "POSSIBLE_FLEX", "UNLIKELY_FLEX"};

// "7.5" for a bin edge.
std::string Edge(size_t i) {
  return DecimalWithThousands(static_cast<double>(i) * kScoreHistogramBinWidth, 1);
}

// The classification a score at the bin's lower edge falls in under the
// standard bands (docs/scoring.md), for the bin's colour.
std::string_view BandOfBin(size_t i) {
  const double low = static_cast<double>(i) * kScoreHistogramBinWidth;
  if (low >= 8) return "PRIME_FLEX";
  if (low >= 6) return "GOOD_FLEX";
  if (low >= 4) return "POTENTIAL_FLEX";
  if (low >= 2) return "POSSIBLE_FLEX";
  return "UNLIKELY_FLEX";
}

std::string Figure(std::string_view css_class, std::string_view caption, const std::string& chart,
                   std::string_view note = {}) {
  std::string s = "<figure";
  if (!css_class.empty()) s += " class=\"" + std::string(css_class) + "\"";
  s += "><figcaption>" + HtmlEscape(caption) + "</figcaption>" + chart;
  if (!note.empty()) s += "<p class=\"note\">" + HtmlEscape(note) + "</p>";
  return s + "</figure>";
}

std::string Histogram(const RunSummary& s) {
  ColumnChart chart;
  chart.id = "chart-histogram";
  chart.title = "Unique candidates per half-point score bin";
  chart.x_title = "Flex score";
  chart.y_title = "Candidates";
  std::string described;
  for (size_t i = 0; i < kScoreHistogramBins; ++i) {
    const uint64_t n = s.score_histogram[i];
    ChartBar bar;
    bar.label = "Score " + Edge(i) + "\u2013" + Edge(i + 1);
    bar.value = static_cast<double>(n);
    bar.value_text = WithThousands(n) + (n == 1 ? " candidate" : " candidates");
    bar.color = std::string(ClassificationColor(BandOfBin(i)));
    if (n > 0)
      described += (described.empty() ? "" : "; ") + Edge(i) + " to " + Edge(i + 1) + ": " + WithThousands(n);
    chart.columns.push_back(std::move(bar));
  }
  for (size_t i = 0; i <= kScoreHistogramBins; ++i)
    chart.edge_labels.push_back(i % 2 == 0 ? std::to_string(i / 2) : "");
  chart.description = "Candidates per score bin (empty bins left out): " + described + ".";
  if (s.min_flex_score > 0) {
    chart.marker = s.min_flex_score / kScoreHistogramBinWidth;
    chart.marker_label = "min score " + FormatScore(s.min_flex_score);
  }
  return Figure("wide histogram", "Score distribution (all unique candidates)", RenderColumnChart(chart),
                "Bars are coloured by class; the dashed line is the minimum score of a candidate.");
}

std::string Classes(const RunSummary& s) {
  BarChart chart;
  chart.id = "chart-classes";
  chart.title = "Unique candidates per classification";
  std::string described;
  for (size_t k = 0; k < kClasses.size(); ++k) {
    const auto it = s.classification_counts.find(std::string(kClasses[k]));
    const uint64_t n = it == s.classification_counts.end() ? 0 : it->second;
    if (n == 0 && k >= 3) continue;  // the first three always, the others when present
    ChartBar bar;
    bar.label = ClassificationLabel(kClasses[k]);
    bar.value = static_cast<double>(n);
    bar.value_text = WithThousands(n);
    if (const std::string pct = FormatPercent(n, s.candidates_unique); !pct.empty())
      bar.value_text += " (" + pct + ")";
    bar.color = std::string(ClassificationColor(kClasses[k]));
    described += (described.empty() ? "" : "; ") + bar.label + ": " + bar.value_text;
    chart.bars.push_back(std::move(bar));
  }
  chart.description = described + ".";
  return Figure("", "Classifications", RenderBarChart(chart));
}

// value → count, most frequent first, ties by name (byte order): the JSON
// summary's order. Empty values are not places.
std::vector<std::pair<std::string_view, uint64_t>> ByCount(const std::map<std::string, uint64_t>& counts) {
  std::vector<std::pair<std::string_view, uint64_t>> v;
  for (const auto& [name, n] : counts) {
    if (!name.empty()) v.emplace_back(name, n);
  }
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return v;
}

std::string Places(const std::map<std::string, uint64_t>& counts, std::string_view id,
                   std::string_view plural, std::string_view column) {
  const auto ranked = ByCount(counts);
  const std::string caption = std::string(plural) + (ranked.size() > kTopPlaces ? " (top 15)" : "");
  if (ranked.empty()) return {};
  BarChart chart;
  chart.id = std::string(id);
  chart.title =
      "Unique candidates by " + std::string(column) + (ranked.size() > kTopPlaces ? ", top 15" : "");
  std::string described;
  uint64_t rest = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    if (i >= kTopPlaces) {
      rest += ranked[i].second;
      continue;
    }
    ChartBar bar;
    bar.label = std::string(ranked[i].first);
    bar.value = static_cast<double>(ranked[i].second);
    bar.value_text = WithThousands(ranked[i].second);
    described += (described.empty() ? "" : "; ") + bar.label + ": " + bar.value_text;
    chart.bars.push_back(std::move(bar));
  }
  chart.description = described + ".";
  std::string note;
  if (ranked.size() > kTopPlaces) {
    note = WithThousands(ranked.size() - kTopPlaces) + " more not shown, with " + WithThousands(rest) +
           (rest == 1 ? " candidate." : " candidates.");
  }
  return Figure("", caption, RenderBarChart(chart), note);
}

// "zoning_score" → "Zoning", "lot_score" → "Lot".
std::string ComponentLabel(std::string_view name) {
  if (name.ends_with("_score")) name.remove_suffix(6);
  std::string label(name);
  std::replace(label.begin(), label.end(), '_', ' ');
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z')
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

}  // namespace

void AppendScoreSection(const RunSummary& s, std::string* out) {
  *out += OpenSection("scores", "Scores");
  if (s.candidates_unique == 0) {
    *out += "<p>No candidates: no row scored at least " + FormatScore(s.min_flex_score) + ".</p></section>";
    return;
  }
  *out += "<dl class=\"figures\">";
  const std::pair<const char*, double> figures[] = {{"Average", s.score_average},
                                                    {"Median", s.score_median},
                                                    {"Lowest", s.score_min},
                                                    {"Highest", s.score_max}};
  for (const auto& [name, value] : figures) {
    *out += "<div><dt>" + std::string(name) + " score</dt><dd>" + FormatScore(value) + "</dd></div>";
  }
  *out += "</dl><div class=\"charts\">" + Histogram(s) + Classes(s) + "</div></section>";
}

void AppendGeographySection(const RunSummary& s, std::string* out) {
  *out += OpenSection("geography", "Where the candidates are");
  if (s.candidates_unique == 0) {
    *out += "<p>No candidates.</p></section>";
    return;
  }
  auto distinct = [](const std::map<std::string, uint64_t>& m) {
    return WithThousands(static_cast<uint64_t>(
        std::count_if(m.begin(), m.end(), [](const auto& kv) { return !kv.first.empty(); })));
  };
  *out += "<p>" + distinct(s.states) + " states, " + distinct(s.counties) + " counties, " +
          distinct(s.cities) + " cities.";
  for (const auto& [counts, column] :
       {std::pair{&s.states, "state"}, {&s.counties, "county"}, {&s.cities, "city"}}) {
    if (distinct(*counts) == "0") *out += std::string(" No candidate has a ") + column + ".";
  }
  *out += "</p><div class=\"charts\">";
  *out += Places(s.states, "chart-states", "States", "state");
  *out += Places(s.counties, "chart-counties", "Counties", "county");
  *out += Places(s.cities, "chart-cities", "Cities", "city");
  *out += "</div></section>";
}

void AppendComponentSection(const RunSummary& s, std::string* out) {
  *out += OpenSection("components", "Why they scored as they did");
  if (s.component_means.empty()) {
    *out += "<p>No candidates.</p></section>";
    return;
  }
  *out += "<p>The mean of each component score (0 to 10) over the " + WithThousands(s.candidates_unique) +
          " unique candidates; model <code>" + HtmlEscape(s.model) +
          "</code> combines the components into the flex score (docs/scoring.md).</p>";
  BarChart chart;
  chart.id = "chart-components";
  chart.title = "Mean component scores, 0 to 10";
  chart.max_value = 10;
  std::string described;
  for (const auto& [name, mean] : s.component_means) {
    ChartBar bar;
    bar.label = ComponentLabel(name);
    bar.value = mean;
    bar.value_text = FormatScore(mean);
    described += (described.empty() ? "" : "; ") + bar.label + ": " + bar.value_text;
    chart.bars.push_back(std::move(bar));
  }
  chart.description = "Mean of each component score: " + described + ".";
  *out += "<div class=\"charts\">" + Figure("", "Mean component scores", RenderBarChart(chart)) +
          "</div></section>";
}

}  // namespace flexpipe::report
