#include "aggregate/key_index.h"

#include <algorithm>
#include <bit>

namespace flexpipe {

void KeyIndex::Reserve(size_t keys) {
  if (keys * 10 > slots_.size() * 7) Grow(keys);
}

void KeyIndex::Grow(size_t keys) {
  const size_t wanted = std::max({size_t{16}, std::bit_ceil(keys * 10 / 7 + 1), 2 * slots_.size()});
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(wanted));
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.position == kEmpty) continue;
    size_t i = s.tag & mask_;
    while (slots_[i].position != kEmpty) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

}  // namespace flexpipe
