// The Open Packaging Conventions layer of an XLSX file (ECMA-376 Part 2):
// part names, the content-type table ([Content_Types].xml) and
// relationship parts (_rels/*.rels), read through a ZipArchive.
//
// Part names here are zip entry names: no leading '/', case as written
// (ZipArchive matches them case-insensitively).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flexpipe/status.h"
#include "read/xlsx/zip_archive.h"

namespace flexpipe {

inline constexpr std::string_view kContentTypesPart = "[Content_Types].xml";

// Most bytes of a small XML part (content types, relationships, workbook,
// styles) accepted. Default-sized workbooks have parts of a few KiB; a styles
// part with Excel's maximum of 64,000 formats is ~10 MiB.
inline constexpr uint64_t kMaxSmallPartBytes = 64 << 20;

struct ContentTypeEntry {
  std::string key;  // Default: the extension ("xml"); Override: the part name (no leading '/')
  std::string content_type;
};

struct ContentTypes {
  std::vector<ContentTypeEntry> defaults;
  std::vector<ContentTypeEntry> overrides;  // in document order
};

// Reads [Content_Types].xml. kCorruptFile when it is missing ("not a valid
// XLSX workbook: [Content_Types].xml is missing") or malformed.
Result<ContentTypes> ReadContentTypes(ZipArchive* zip);

struct Relationship {
  std::string id;
  std::string type;            // the full URI
  std::string target;          // resolved part name (internal targets; "" when it climbs out of the
                               // package), or as written (external)
  std::string written_target;  // the Target attribute as written
  bool external = false;
};

// True when a relationship type URI ends in "/<name>": matches both the
// transitional (http://schemas.openxmlformats.org/...) and the strict
// (http://purl.oclc.org/ooxml/...) namespaces, e.g. name "worksheet".
bool RelationshipTypeIs(std::string_view type, std::string_view name);

// The relationships part of a source part: "xl/workbook.xml" ->
// "xl/_rels/workbook.xml.rels"; "" (the package itself) -> "_rels/.rels".
std::string RelationshipsPartOf(std::string_view source_part);

// Resolves a relationship target against the part it belongs to: absolute
// targets ("/xl/x.xml") from the package root, relative ones from the source
// part's folder; "." and ".." segments resolved, '\' read as '/'. Returns ""
// when ".." climbs above the package root.
std::string ResolvePartTarget(std::string_view source_part, std::string_view target);

// The entry name of a part as stored in `zip`, or "" when absent. Also
// tries the percent-decoded name ("sheet%201.xml" -> "sheet 1.xml"): targets
// are URIs.
std::string FindPart(const ZipArchive& zip, std::string_view part);

// Reads the relationships of `source_part` ("" for the package). A missing
// relationships part is kCorruptFile naming it when `required`, else an empty
// list.
Result<std::vector<Relationship>> ReadRelationships(ZipArchive* zip, std::string_view source_part,
                                                    bool required);

}  // namespace flexpipe
