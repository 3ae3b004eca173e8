// The streaming scanner of a shared-strings part (xl/sharedStrings.xml): reads
// the inflated XML front to back into a SharedStrings table (shared_strings.h
// says what each string holds and how it is decoded).
//
// Stages: SequentialFile (the inflated part, usually inflated ahead on a
// second thread) -> this scanner (buffering, the XML around the items,
// limits, the arena) -> one <si> at a time: a straight-line fast path for
// <si><t>plain text</t></si> (Excel's spelling of nearly every string), else
// the CT_Rst reader of xml_rich_text.h that inline strings in sheets use too,
// on xml_scan.h.
//
// What is read, and checked (this is not a general XML parser, see
// xml_scan.h):
//   - before the root: a UTF-8 byte-order mark, white space, comments,
//     processing instructions; the XML declaration's encoding must be UTF-8
//     (or ASCII). A UTF-16 part (byte-order mark or "<\0") is refused.
//   - the root element, which must be <sst> (any prefix). Its uniqueCount
//     pre-sizes the table (capped: it is untrusted).
//   - inside <sst>: the <si> items, in order; other elements (<extLst>) are
//     skipped whole, text between elements is ignored.
//   - after </sst>: white space, comments and processing instructions only.
// Tags and attributes must be well-formed, end tags of <sst>, <si>, <r> and
// <t> where they belong; inside skipped elements end tags are only counted.
// Not checked: UTF-8 validity, the characters XML forbids, duplicate
// attributes, namespace URIs.
//
// Errors (a Status, located in source.file, messages starting with
// source.part): see shared_strings.h. Syntax errors name the byte offset in
// the part and, inside an item, the string's index (what a cell's <v> would
// hold). Read errors from the input are returned as they are. The outcome
// does not depend on how the input's reads are chunked.
//
// Memory: the read buffer (buffer_bytes, grown to hold a longer construct up
// to max_string_bytes) and the table being built; the arena is reserved from
// the declared size (capped; untouched pages cost nothing) and trimmed in
// place at the end.
//
// PERF: the fast path copies the text straight from the read buffer to the
// arena. bench/xlsx_reader_bench.cc, a 34 MB part of 1.04 M strings: 21 ms
// scanned from memory (~1.5 GB/s, BM_SharedStringsScan) against 91 ms to
// inflate it (BM_SharedStringsInflateOnly), so with read-ahead the table
// costs about its inflate (BM_SharedStrings: ~97 ms; expat took ~340 ms).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/env.h"
#include "flexpipe/status.h"
#include "read/xlsx/shared_strings.h"

namespace flexpipe {

struct SharedStringsSource {
  SequentialFile* input = nullptr;  // the part's XML, read to its end
  uint64_t declared_bytes = 0;      // its size as the archive declares it (untrusted; 0: unknown)
  std::string_view file;            // the archive's path, for error locations
  std::string_view part;            // the part's name, starting each error message
};

Result<SharedStrings> ScanSharedStrings(const SharedStringsSource& source,
                                        const SharedStringsOptions& options = {});

}  // namespace flexpipe
