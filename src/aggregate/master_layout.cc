#include "aggregate/master_layout.h"

#include <algorithm>
#include <unordered_map>

#include "schema/header_normalize.h"

namespace flexpipe {

MasterLayout BuildMasterLayout(std::span<const CandidateSet* const> sets, const Scorer& scorer) {
  MasterLayout layout;
  ColumnSet present;
  for (const CandidateSet* set : sets) {
    if (set == nullptr) continue;
    for (Field f : set->layout().fields) present.set(Index(f));
  }
  for (const FieldInfo& info : AllFields()) {
    if (present.test(Index(info.field))) layout.fields.push_back(info.field);
  }

  // Fixed columns, whose names pass-through columns must not shadow.
  std::vector<MasterColumn> fixed;
  fixed.push_back({"flex_score", ColumnKind::kScore});
  fixed.push_back({"classification", ColumnKind::kClass});
  const auto components = scorer.component_names();
  for (size_t i = 0; i < components.size(); ++i)
    fixed.push_back({components[i], ColumnKind::kComponent, {}, i});
  fixed.push_back({"flags", ColumnKind::kFlags});
  fixed.push_back({"source_file", ColumnKind::kSourceFile});
  fixed.push_back({"source_row", ColumnKind::kSourceRow});

  std::unordered_map<std::string, size_t> reserved;  // normalised name → 1
  for (Field f : layout.fields) reserved.emplace(NormalizeHeader(InfoOf(f).name), 0);
  for (const MasterColumn& c : fixed) reserved.emplace(NormalizeHeader(c.name), 0);

  std::unordered_map<std::string, size_t> passthrough_slot;  // normalised header → pass-through index
  layout.slot_of_cell.resize(sets.size());
  for (size_t s = 0; s < sets.size(); ++s) {
    if (sets[s] == nullptr) continue;
    const CandidateLayout& local = sets[s]->layout();
    std::vector<size_t>& slots = layout.slot_of_cell[s];
    for (Field f : local.fields) {
      slots.push_back(static_cast<size_t>(std::find(layout.fields.begin(), layout.fields.end(), f) -
                                          layout.fields.begin()));
    }
    std::unordered_map<std::string, int> seen_in_file;
    for (const std::string& header : local.passthrough_headers) {
      std::string display = header;
      std::string norm = NormalizeHeader(header);
      // The same header twice in one file: keep both, the second as "header (2)".
      if (int n = ++seen_in_file[norm]; n > 1) {
        display = header + " (" + std::to_string(n) + ")";
        norm = NormalizeHeader(display);
      }
      if (reserved.count(norm) != 0) {
        display.insert(0, "orig_");
        norm = NormalizeHeader(display);
      }
      auto [it, inserted] = passthrough_slot.emplace(norm, layout.passthrough.size());
      if (inserted) layout.passthrough.push_back(display);
      slots.push_back(layout.fields.size() + it->second);
    }
  }

  for (size_t i = 0; i < layout.fields.size(); ++i) {
    layout.columns.push_back(
        {std::string(InfoOf(layout.fields[i]).name), ColumnKind::kField, layout.fields[i], i});
  }
  for (MasterColumn& c : fixed) layout.columns.push_back(std::move(c));
  for (size_t i = 0; i < layout.passthrough.size(); ++i) {
    layout.columns.push_back({layout.passthrough[i], ColumnKind::kPassthrough, {}, i});
  }
  return layout;
}

}  // namespace flexpipe

namespace flexpipe {

void UnpackSlots(const MasterLayout& layout, size_t set, const Candidate& candidate,
                 std::vector<std::string_view>* slots) {
  slots->assign(layout.slot_count(), std::string_view());
  const std::vector<size_t>& slot_of = layout.slot_of_cell[set];
  PackedCells cells(candidate.packed_cells);
  std::string_view cell;
  for (size_t i = 0; i < slot_of.size() && cells.Next(&cell); ++i) (*slots)[slot_of[i]] = cell;
}

}  // namespace flexpipe
