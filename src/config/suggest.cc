#include "config/suggest.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "config/settings.h"
#include "schema/alias_suggest.h"
#include "schema/ascii.h"

namespace flexpipe::config {
namespace {

// A name something may be a misspelling of, compared in "flat" form
// (lower case, '_' for '.'), with what to suggest for it.
struct Candidate {
  std::string flat;  // "processing_max_workers", "workers" (alias), "processing" (section)
  std::string leaf;  // "max_workers", "workers", "processing"
  std::string key;   // what SuggestKey offers
  std::string env;   // what SuggestEnvVar offers
};

std::string Flat(std::string_view s) {
  std::string out;
  for (const char c : s) out.push_back(c == '.' ? '_' : AsciiLower(c));
  return out;
}

// Flat names of the seed's PipelineConfiguration (02_pipeline_design.md) that
// are not found by their leaf: the others (input_folder, batch_size,
// max_workers, enable_deduplication, min_flex_score, progress_reporting, and
// the developer guide's log_level) match a key's flat form, a leaf or an
// environment alias. They come before the settings so that `output.file`
// suggests output.master_file rather than logging.file.
constexpr std::pair<std::string_view, std::string_view> kSeedNames[] = {
    {"output_file", "output.master_file"},
};

std::vector<Candidate> Candidates() {
  std::vector<Candidate> out;
  for (const std::string_view section : SectionNames()) {
    out.push_back({std::string(section), std::string(section), std::string(section), ""});
  }
  for (const auto& [name, key] : kSeedNames) {
    const Setting* setting = FindSetting(key);
    out.push_back({std::string(name), std::string(name), std::string(key),
                   setting != nullptr ? EnvVarName(*setting) : ""});
  }
  for (const Setting& s : AllSettings()) {
    const std::string env = EnvVarName(s);
    out.push_back({Flat(s.key), std::string(s.leaf()), std::string(s.key), env});
    if (!s.env_alias.empty()) {
      const std::string tail = Flat(s.env_alias.substr(kEnvPrefix.size()));
      out.push_back({tail, tail, std::string(s.key), std::string(s.env_alias)});
    }
  }
  const std::string config_tail = Flat(kConfigFileEnvVar.substr(kEnvPrefix.size()));
  out.push_back({config_tail, config_tail, "", std::string(kConfigFileEnvVar)});
  return out;
}

// Smaller is closer. A leaf that matches exactly (a key in the wrong section)
// or a known leaf that contains the unknown one ("timeout" in
// "timeout_minutes") counts as one edit.
size_t Distance(std::string_view flat, std::string_view leaf, const Candidate& c) {
  size_t d = std::min(EditDistance(flat, c.flat), EditDistance(leaf, c.leaf));
  if (leaf.size() >= 4 && c.leaf.find(leaf) != std::string::npos) d = std::min<size_t>(d, 1);
  return d;
}

// The closest candidate within a few edits; `wanted` picks the field offered.
std::optional<std::string> Closest(std::string_view flat, std::string_view leaf,
                                   std::string Candidate::*wanted) {
  const size_t allowed = std::max<size_t>(2, leaf.size() / 4);
  std::optional<std::string> best;
  size_t best_distance = allowed + 1;
  for (const Candidate& c : Candidates()) {
    if ((c.*wanted).empty()) continue;
    const size_t d = Distance(flat, leaf, c);
    if (d < best_distance) {
      best = c.*wanted;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> SuggestKey(std::string_view unknown) {
  const size_t dot = unknown.rfind('.');
  const std::string leaf = Flat(dot == std::string_view::npos ? unknown : unknown.substr(dot + 1));
  return Closest(Flat(unknown), leaf, &Candidate::key);
}

std::optional<std::string> SuggestEnvVar(std::string_view unknown) {
  if (unknown.starts_with(kEnvPrefix)) unknown.remove_prefix(kEnvPrefix.size());
  const std::string flat = Flat(unknown);
  return Closest(flat, flat, &Candidate::env);
}

}  // namespace flexpipe::config
