// The streaming readers' refill: bytes from a SequentialFile into the spare
// room of a ByteBuffer (the CSV reader, the sheet scanner, the shared-strings
// scanner).
#pragma once

#include <cstdint>
#include <utility>

#include "core/env.h"
#include "read/csv/byte_buffer.h"

namespace flexpipe {

// Reads from `input` (a SequentialFile, or anything with its Read()) until `buffer`'s spare room is full, the
// input ends
// (*input_done) or a read fails (*input_error: kept, so the caller can report
// it after using the bytes read before it). Reads nothing once either is set.
// Returns the bytes read.
template <typename Input>
uint64_t FillBuffer(Input* input, ByteBuffer* buffer, bool* input_done, Status* input_error) {
  uint64_t total = 0;
  while (buffer->spare_size() > 0 && !*input_done && input_error->ok()) {
    Result<size_t> got = input->Read(buffer->spare(), buffer->spare_size());
    if (!got.ok()) {
      *input_error = std::move(got).status();
    } else if (*got == 0) {
      *input_done = true;
    } else {
      buffer->Commit(*got);
      total += *got;
    }
  }
  return total;
}

}  // namespace flexpipe
