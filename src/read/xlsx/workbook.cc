#include "read/xlsx/workbook.h"

#include <array>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "read/xlsx/opc_package.h"
#include "read/xlsx/xml_parser.h"

namespace flexpipe {
namespace {

constexpr std::array<std::string_view, 5> kWorkbookContentTypes = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",     // .xlsx
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",                           // .xlsm
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",  // .xltx
    "application/vnd.ms-excel.template.macroEnabled.main+xml",                        // .xltm
    "application/vnd.ms-excel.addin.macroEnabled.main+xml",                           // .xlam
};

Status Corrupt(const ZipArchive& zip, std::string message) {
  return Status(ErrorCode::kCorruptFile, std::move(message), Location{zip.path(), {}, 0, {}});
}
Status Unsupported(const ZipArchive& zip, std::string message) {
  return Status(ErrorCode::kUnsupportedFormat, std::move(message), Location{zip.path(), {}, 0, {}});
}
Status MissingPart(const ZipArchive& zip, std::string_view part) {
  return Corrupt(zip, fmt::format("not a valid XLSX workbook: part \"{}\" is missing", part));
}
// The part a relationship points to is not in the archive.
Status MissingTarget(const ZipArchive& zip, const Relationship& r) {
  if (r.target.empty()) {
    return Corrupt(zip,
                   fmt::format("not a valid XLSX workbook: relationship \"{}\" points outside the package "
                               "(\"{}\")",
                               r.id, r.written_target));
  }
  return MissingPart(zip, r.target);
}

bool IsWorkbookType(std::string_view content_type) {
  for (const std::string_view t : kWorkbookContentTypes) {
    if (content_type == t) return true;
  }
  return false;
}

// Refuses packages that are some other kind of document.
Status CheckNotOtherDocument(const ZipArchive& zip, const ContentTypes& types) {
  for (const ContentTypeEntry& o : types.overrides) {
    const std::string_view t = o.content_type;
    if (t == "application/vnd.ms-excel.sheet.binary.macroEnabled.main") {
      return Unsupported(zip, "binary workbook (.xlsb) is not supported: save it as .xlsx");
    }
    if (t.starts_with("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main")) {
      return Unsupported(zip, "the file is a Word document, not an Excel workbook");
    }
    if (t.starts_with("application/vnd.openxmlformats-officedocument.presentationml.presentation.main")) {
      return Unsupported(zip, "the file is a PowerPoint presentation, not an Excel workbook");
    }
  }
  return Status::Ok();
}

// The main workbook part's entry name.
Result<std::string> FindWorkbookPart(ZipArchive* zip) {
  if (!zip->Contains(kContentTypesPart) && zip->Contains("mimetype")) {
    return Unsupported(*zip, "OpenDocument spreadsheets (.ods) are not supported: save it as .xlsx");
  }
  FP_ASSIGN_OR_RETURN(const ContentTypes types, ReadContentTypes(zip));
  FP_RETURN_IF_ERROR(CheckNotOtherDocument(*zip, types));
  std::string declared;  // named by the content types but absent
  for (const ContentTypeEntry& o : types.overrides) {
    if (!IsWorkbookType(o.content_type)) continue;
    std::string part = FindPart(*zip, o.key);
    if (!part.empty()) return part;
    if (declared.empty()) declared = o.key;
  }
  FP_ASSIGN_OR_RETURN(const std::vector<Relationship> rels, ReadRelationships(zip, "", /*required=*/false));
  for (const Relationship& r : rels) {
    if (r.external || !RelationshipTypeIs(r.type, "officeDocument")) continue;
    if (r.target.ends_with(".bin")) {
      return Unsupported(*zip, "binary workbook (.xlsb) is not supported: save it as .xlsx");
    }
    std::string part = FindPart(*zip, r.target);
    if (!part.empty()) return part;
    if (declared.empty()) declared = r.target;
  }
  if (!declared.empty()) return MissingPart(*zip, declared);
  return Corrupt(
      *zip, "not a valid XLSX workbook: neither [Content_Types].xml nor _rels/.rels names a workbook part");
}

struct SheetEntry {
  std::string name;
  std::string rel_id;
  bool visible = true;
  int index = 0;
};

class WorkbookHandler final : public XmlHandler {
 public:
  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "workbookPr") {
      const std::string_view v = attributes.Get("date1904");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheets") {
      in_sheets_ = true;
    } else if (name == "sheet" && in_sheets_) {
      const std::string_view state = attributes.Get("state");
      sheets.push_back(SheetEntry{std::string(attributes.Get("name")), std::string(attributes.Get("id")),
                                  state != "hidden" && state != "veryHidden",
                                  static_cast<int>(sheets.size()) + 1});
    }
  }
  void OnEndElement(std::string_view name) override {
    if (name == "sheets") in_sheets_ = false;
  }

  bool date1904 = false;
  std::vector<SheetEntry> sheets;

 private:
  bool in_sheets_ = false;
};

const Relationship* FindRelationship(const std::vector<Relationship>& rels, std::string_view id) {
  for (const Relationship& r : rels) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// The entry of the first internal relationship of type `type`, "" when
// there is none, kCorruptFile when its target is missing.
Result<std::string> RelatedPart(const ZipArchive& zip, const std::vector<Relationship>& rels,
                                std::string_view type) {
  for (const Relationship& r : rels) {
    if (r.external || !RelationshipTypeIs(r.type, type)) continue;
    std::string part = FindPart(zip, r.target);
    if (part.empty()) return MissingTarget(zip, r);
    return part;
  }
  return std::string();
}

}  // namespace

Result<WorkbookInfo> ReadWorkbookInfo(ZipArchive* zip) {
  WorkbookInfo info;
  FP_ASSIGN_OR_RETURN(info.workbook_part, FindWorkbookPart(zip));
  FP_ASSIGN_OR_RETURN(const std::vector<Relationship> rels,
                      ReadRelationships(zip, info.workbook_part, /*required=*/true));
  WorkbookHandler handler;
  FP_RETURN_IF_ERROR(
      ParseXmlPart(zip, info.workbook_part, &handler, {.max_input_bytes = kMaxSmallPartBytes}));
  info.date1904 = handler.date1904;

  const std::string rels_part = RelationshipsPartOf(info.workbook_part);
  for (const SheetEntry& s : handler.sheets) {
    const Relationship* r = FindRelationship(rels, s.rel_id);
    if (r == nullptr) {
      return Corrupt(*zip,
                     fmt::format("{}: sheet \"{}\" refers to relationship \"{}\", which {} does not define",
                                 info.workbook_part, s.name, s.rel_id, rels_part));
    }
    if (r->external || !RelationshipTypeIs(r->type, "worksheet")) continue;  // chartsheet, dialogsheet, ...
    std::string part = FindPart(*zip, r->target);
    if (part.empty()) return MissingTarget(*zip, *r);
    info.sheets.push_back(SheetInfo{s.name, std::move(part), s.visible, s.index});
  }
  FP_ASSIGN_OR_RETURN(info.shared_strings_part, RelatedPart(*zip, rels, "sharedStrings"));
  FP_ASSIGN_OR_RETURN(info.styles_part, RelatedPart(*zip, rels, "styles"));
  return info;
}

}  // namespace flexpipe
