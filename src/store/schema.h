// flexpipe's store schema as migrations (docs/store.md describes every table
// and view). Append new migrations; never edit a shipped one: its checksum
// is recorded in every database it was applied to.
#pragma once

#include <span>

#include "store/migrations.h"

namespace flexpipe {

// flexpipe's migrations, in version order.
std::span<const Migration> StoreMigrations();

}  // namespace flexpipe
