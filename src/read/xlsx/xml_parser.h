// A hardened, streaming XML parser (expat) for the parts of an XLSX package.
//
// What a handler sees: element start and end with the element's *local* name
// (the part after the last ':'; prefixes are not resolved, so <x:sheet> and
// <sheet> both arrive as "sheet" — producers disagree on prefixes but not on
// local names), attributes looked up by local name, and text (entities
// decoded, UTF-8, possibly in several pieces, line ends normalised to LF as
// XML requires).
//
// Untrusted input. Refused, all located in the archive's file and naming the
// part:
//   - any document type declaration (so no entity declarations, no
//     entity-expansion "billion laughs", no external entities): kCorruptFile,
//     "XML document type declarations are not allowed (possible
//     entity-expansion attack)". XLSX parts never have one;
//   - nesting deeper than XmlLimits::max_depth (kResourceLimit);
//   - a single token (tag, comment, ...) longer than max_token_bytes, which
//     would otherwise grow expat's buffer without bound (kResourceLimit);
//   - more than max_input_bytes of input (kResourceLimit);
//   - malformed XML, including a document cut short (kCorruptFile with line
//     and column).
// Errors from the input stream (I/O, CRC, zip-bomb limits) pass through.
//
// Memory: expat's buffer (chunk_bytes plus the longest unfinished token) and
// its name tables; the handler holds what it keeps.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/env.h"
#include "flexpipe/status.h"

namespace flexpipe {

class ZipArchive;

// "x:sheet" -> "sheet"; "sheet" -> "sheet".
std::string_view XmlLocalName(std::string_view qualified_name);

// The attributes of one start tag (expat's name/value array), valid only
// during the OnStartElement call.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** pairs) : pairs_(pairs) {}
  // The value of the first attribute with this local name ("r:id" matches
  // "id"), or nullopt.
  std::optional<std::string_view> Find(std::string_view local_name) const;
  // Find(), or "" when absent.
  std::string_view Get(std::string_view local_name) const { return Find(local_name).value_or(""); }

 private:
  const char** pairs_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void OnStartElement(std::string_view local_name, const XmlAttributes& attributes) = 0;
  virtual void OnEndElement(std::string_view /*local_name*/) {}
  virtual void OnText(std::string_view /*text*/) {}

  // A handler that finds the document unusable calls Fail(); parsing stops
  // after the current callback and the parse returns this status.
  void Fail(Status status) {
    if (status_.ok()) status_ = std::move(status);
  }
  bool failed() const { return !status_.ok(); }
  const Status& status() const { return status_; }

 private:
  Status status_;
};

struct XmlLimits {
  // Deepest element nesting accepted. Default: 256 (XLSX parts use < 10).
  int max_depth = 256;
  // Longest single token. Default: 64 MiB.
  size_t max_token_bytes = 64 << 20;
  // Most input bytes; 0 = no limit. Default: 0.
  uint64_t max_input_bytes = 0;
  // Bytes handed to expat per step. Default: 64 KiB.
  size_t chunk_bytes = 64 << 10;
};

// Where a document comes from, for error messages: the archive's path (the
// Location's file) and the part name.
struct XmlDocumentName {
  std::string file;
  std::string part;
};

// Parses the document read from `input` to its end.
Status ParseXml(SequentialFile* input, XmlHandler* handler, const XmlDocumentName& name,
                const XmlLimits& limits = {});
// Parses a document held in memory.
Status ParseXmlString(std::string_view text, XmlHandler* handler, const XmlDocumentName& name,
                      const XmlLimits& limits = {});
// Opens `part` in `zip` and parses it streaming. kCorruptFile when missing.
Status ParseXmlPart(ZipArchive* zip, std::string_view part, XmlHandler* handler,
                    const XmlLimits& limits = {});

}  // namespace flexpipe
