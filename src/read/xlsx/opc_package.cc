#include "read/xlsx/opc_package.h"

#include <utility>

#include <fmt/format.h>

#include "read/xlsx/xml_parser.h"

namespace flexpipe {
namespace {

std::string_view StripSlash(std::string_view name) {
  while (!name.empty() && (name.front() == '/' || name.front() == '\\')) name.remove_prefix(1);
  return name;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%20" -> " "; malformed escapes are kept as written.
std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

class ContentTypesHandler final : public XmlHandler {
 public:
  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "Default") {
      types.defaults.push_back(
          {std::string(attributes.Get("Extension")), std::string(attributes.Get("ContentType"))});
    } else if (name == "Override") {
      types.overrides.push_back(
          {std::string(StripSlash(attributes.Get("PartName"))), std::string(attributes.Get("ContentType"))});
    }
  }
  ContentTypes types;
};

class RelationshipsHandler final : public XmlHandler {
 public:
  explicit RelationshipsHandler(std::string_view source_part) : source_part_(source_part) {}
  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Relationship") return;
    Relationship r;
    r.id = std::string(attributes.Get("Id"));
    r.type = std::string(attributes.Get("Type"));
    r.external = attributes.Get("TargetMode") == "External";
    const std::string_view target = attributes.Get("Target");
    r.target = r.external ? std::string(target) : ResolvePartTarget(source_part_, target);
    r.written_target = std::string(target);
    relationships.push_back(std::move(r));
  }
  std::vector<Relationship> relationships;

 private:
  std::string_view source_part_;
};

}  // namespace

Result<ContentTypes> ReadContentTypes(ZipArchive* zip) {
  if (!zip->Contains(kContentTypesPart)) {
    return Status(ErrorCode::kCorruptFile, "not a valid XLSX workbook: [Content_Types].xml is missing",
                  Location{zip->path(), {}, 0, {}});
  }
  ContentTypesHandler handler;
  FP_RETURN_IF_ERROR(ParseXmlPart(zip, kContentTypesPart, &handler, {.max_input_bytes = kMaxSmallPartBytes}));
  return std::move(handler.types);
}

bool RelationshipTypeIs(std::string_view type, std::string_view name) {
  return type.size() > name.size() && type.substr(type.size() - name.size()) == name &&
         type[type.size() - name.size() - 1] == '/';
}

std::string RelationshipsPartOf(std::string_view source_part) {
  source_part = StripSlash(source_part);
  const size_t slash = source_part.rfind('/');
  const std::string_view folder = slash == std::string_view::npos ? "" : source_part.substr(0, slash + 1);
  const std::string_view file = slash == std::string_view::npos ? source_part : source_part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", folder, file);
}

std::string ResolvePartTarget(std::string_view source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && (target.front() == '/' || target.front() == '\\')) {
    joined = std::string(StripSlash(target));
  } else {
    source_part = StripSlash(source_part);
    const size_t slash = source_part.find_last_of("/\\");
    if (slash != std::string_view::npos) joined = std::string(source_part.substr(0, slash + 1));
    joined += target;
  }
  std::vector<std::string_view> segments;
  const std::string_view all = joined;
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view seg = all.substr(start, end - start);
    if (seg == "..") {
      if (segments.empty()) return {};
      segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string_view seg : segments) {
    if (!out.empty()) out += '/';
    out += seg;
  }
  return out;
}

std::string FindPart(const ZipArchive& zip, std::string_view part) {
  if (part.empty()) return {};
  std::string_view stored = zip.StoredName(part);
  if (stored.empty() && part.find('%') != std::string_view::npos)
    stored = zip.StoredName(PercentDecode(part));
  return std::string(stored);
}

Result<std::vector<Relationship>> ReadRelationships(ZipArchive* zip, std::string_view source_part,
                                                    bool required) {
  const std::string rels = RelationshipsPartOf(source_part);
  if (!zip->Contains(rels)) {
    if (!required) return std::vector<Relationship>{};
    return Status(ErrorCode::kCorruptFile,
                  fmt::format("not a valid XLSX workbook: part \"{}\" is missing", rels),
                  Location{zip->path(), {}, 0, {}});
  }
  RelationshipsHandler handler(source_part);
  FP_RETURN_IF_ERROR(ParseXmlPart(zip, rels, &handler, {.max_input_bytes = kMaxSmallPartBytes}));
  return std::move(handler.relationships);
}

}  // namespace flexpipe
