#include "read/xlsx/cell_styles.h"

#include <charconv>
#include <string>
#include <unordered_map>
#include <utility>

#include "read/xlsx/number_format.h"
#include "read/xlsx/opc_package.h"
#include "read/xlsx/xml_parser.h"

namespace flexpipe {
namespace {

// A numFmtId attribute; absent or malformed reads as 0 (General).
uint32_t ParseId(std::string_view s) {
  uint32_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() ? v : 0;
}

class StylesHandler final : public XmlHandler {
 public:
  void OnStartElement(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "numFmt") {
      custom[ParseId(attributes.Get("numFmtId"))] = std::string(attributes.Get("formatCode"));
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      xf_ids.push_back(ParseId(attributes.Get("numFmtId")));
    }
  }
  void OnEndElement(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

  std::unordered_map<uint32_t, std::string> custom;  // numFmtId -> format code
  std::vector<uint32_t> xf_ids;                      // cellXfs index -> numFmtId

 private:
  bool in_cell_xfs_ = false;
};

}  // namespace

CellStyles::CellStyles(std::vector<uint32_t> num_fmt_ids, std::vector<bool> is_date)
    : num_fmt_ids_(std::move(num_fmt_ids)), is_date_(std::move(is_date)) {}

Result<CellStyles> ReadCellStyles(ZipArchive* zip, std::string_view part) {
  if (part.empty()) return CellStyles();
  StylesHandler handler;
  FP_RETURN_IF_ERROR(ParseXmlPart(zip, part, &handler, {.max_input_bytes = kMaxSmallPartBytes}));
  std::unordered_map<uint32_t, bool> decided;  // numFmtId -> is a date
  std::vector<bool> is_date;
  is_date.reserve(handler.xf_ids.size());
  for (const uint32_t id : handler.xf_ids) {
    auto [it, added] = decided.emplace(id, false);
    if (added) {
      const auto custom = handler.custom.find(id);
      it->second =
          custom != handler.custom.end() ? IsDateFormatCode(custom->second) : IsBuiltinDateFormat(id);
    }
    is_date.push_back(it->second);
  }
  return CellStyles(std::move(handler.xf_ids), std::move(is_date));
}

}  // namespace flexpipe
