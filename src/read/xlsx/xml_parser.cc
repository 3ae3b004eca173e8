#include "read/xlsx/xml_parser.h"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "read/xlsx/zip_archive.h"

namespace flexpipe {
namespace {

// One parse: the expat parser, the handler and what stopped it.
class ParseRun {
 public:
  ParseRun(XmlHandler* handler, const XmlDocumentName& name, const XmlLimits& limits)
      : handler_(handler), name_(name), limits_(limits), parser_(XML_ParserCreate(nullptr)) {
    if (parser_ == nullptr) return;
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &ParseRun::Start, &ParseRun::End);
    XML_SetCharacterDataHandler(parser_, &ParseRun::Text);
    XML_SetStartDoctypeDeclHandler(parser_, &ParseRun::Doctype);
    XML_SetEntityDeclHandler(parser_, &ParseRun::EntityDecl);
  }
  ~ParseRun() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
  }
  ParseRun(const ParseRun&) = delete;
  ParseRun& operator=(const ParseRun&) = delete;

  // Feeds the next `n` bytes (already in expat's buffer when `in_buffer`).
  Status Feed(const char* data, size_t n, bool final, bool in_buffer) {
    if (parser_ == nullptr) return Error(ErrorCode::kResourceLimit, "out of memory creating the XML parser");
    fed_ += n;
    if (limits_.max_input_bytes != 0 && fed_ > limits_.max_input_bytes) {
      return Error(ErrorCode::kResourceLimit,
                   fmt::format("the part is larger than the limit of {} bytes", limits_.max_input_bytes));
    }
    const int len = static_cast<int>(n);
    const XML_Status rc = in_buffer ? XML_ParseBuffer(parser_, len, final ? XML_TRUE : XML_FALSE)
                                    : XML_Parse(parser_, data, len, final ? XML_TRUE : XML_FALSE);
    if (!error_.ok()) return error_;
    if (handler_->failed()) return Locate(handler_->status());
    if (rc != XML_STATUS_OK) {
      return Error(
          ErrorCode::kCorruptFile,
          fmt::format("XML error at line {}, column {}: {}", XML_GetCurrentLineNumber(parser_),
                      XML_GetCurrentColumnNumber(parser_), XML_ErrorString(XML_GetErrorCode(parser_))));
    }
    if (fed_ - last_event_ > limits_.max_token_bytes) {
      return Error(ErrorCode::kResourceLimit,
                   fmt::format("an XML token is longer than the limit of {} bytes", limits_.max_token_bytes));
    }
    return Status::Ok();
  }

  // A buffer of `n` bytes inside expat to read into, or null (out of memory).
  char* Buffer(size_t n) {
    return parser_ == nullptr ? nullptr : static_cast<char*>(XML_GetBuffer(parser_, static_cast<int>(n)));
  }

  Status Error(ErrorCode code, std::string message) const {
    return Status(code, fmt::format("{}: {}", name_.part, message), Location{name_.file, {}, 0, {}});
  }

 private:
  Status Locate(const Status& s) const { return s.WithFile(name_.file); }

  void Stop(Status s) {
    if (error_.ok()) error_ = std::move(s);
    XML_StopParser(parser_, XML_FALSE);
  }
  void Mark() {
    const XML_Index at = XML_GetCurrentByteIndex(parser_);
    if (at > 0) last_event_ = static_cast<uint64_t>(at);
  }
  void AfterCallback() {
    if (handler_->failed()) XML_StopParser(parser_, XML_FALSE);
  }

  static void Start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto* run = static_cast<ParseRun*>(self);
    run->Mark();
    if (++run->depth_ > run->limits_.max_depth) {
      run->Stop(
          run->Error(ErrorCode::kResourceLimit,
                     fmt::format("XML elements nest deeper than the limit of {}", run->limits_.max_depth)));
      return;
    }
    run->handler_->OnStartElement(XmlLocalName(name), XmlAttributes(attributes));
    run->AfterCallback();
  }
  static void End(void* self, const XML_Char* name) {
    auto* run = static_cast<ParseRun*>(self);
    run->Mark();
    --run->depth_;
    run->handler_->OnEndElement(XmlLocalName(name));
    run->AfterCallback();
  }
  static void Text(void* self, const XML_Char* text, int len) {
    auto* run = static_cast<ParseRun*>(self);
    run->Mark();
    run->handler_->OnText(std::string_view(text, static_cast<size_t>(len)));
    run->AfterCallback();
  }
  static void Doctype(void* self, const XML_Char* /*name*/, const XML_Char* /*sysid*/,
                      const XML_Char* /*pubid*/, int /*has_internal_subset*/) {
    auto* run = static_cast<ParseRun*>(self);
    run->Stop(
        run->Error(ErrorCode::kCorruptFile,
                   "XML document type declarations are not allowed (possible entity-expansion attack)"));
  }
  static void EntityDecl(void* self, const XML_Char* /*name*/, int /*is_parameter*/,
                         const XML_Char* /*value*/, int /*value_length*/, const XML_Char* /*base*/,
                         const XML_Char* /*system_id*/, const XML_Char* /*public_id*/,
                         const XML_Char* /*notation*/) {
    auto* run = static_cast<ParseRun*>(self);
    run->Stop(run->Error(ErrorCode::kCorruptFile,
                         "XML entity declarations are not allowed (possible entity-expansion attack)"));
  }

  XmlHandler* handler_;
  const XmlDocumentName& name_;
  XmlLimits limits_;
  XML_Parser parser_;
  int depth_ = 0;
  uint64_t fed_ = 0;         // bytes given to expat
  uint64_t last_event_ = 0;  // byte index of the latest callback
  Status error_;             // why the parser stopped (other than the handler)
};

}  // namespace

std::string_view XmlLocalName(std::string_view qualified_name) {
  const size_t colon = qualified_name.rfind(':');
  return colon == std::string_view::npos ? qualified_name : qualified_name.substr(colon + 1);
}

std::optional<std::string_view> XmlAttributes::Find(std::string_view local_name) const {
  for (const char** p = pairs_; p[0] != nullptr; p += 2) {
    if (XmlLocalName(p[0]) == local_name) return std::string_view(p[1]);
  }
  return std::nullopt;
}

Status ParseXml(SequentialFile* input, XmlHandler* handler, const XmlDocumentName& name,
                const XmlLimits& limits) {
  ParseRun run(handler, name, limits);
  const size_t chunk = std::clamp<size_t>(limits.chunk_bytes, 1, 1 << 30);
  while (true) {
    char* buf = run.Buffer(chunk);
    if (buf == nullptr) return run.Error(ErrorCode::kResourceLimit, "out of memory while parsing XML");
    FP_ASSIGN_OR_RETURN(const size_t n, input->Read(buf, chunk));
    FP_RETURN_IF_ERROR(run.Feed(buf, n, n == 0, /*in_buffer=*/true));
    if (n == 0) return Status::Ok();
  }
}

Status ParseXmlString(std::string_view text, XmlHandler* handler, const XmlDocumentName& name,
                      const XmlLimits& limits) {
  ParseRun run(handler, name, limits);
  const size_t chunk = std::clamp<size_t>(limits.chunk_bytes, 1, 1 << 30);
  do {
    const size_t n = std::min(chunk, text.size());
    FP_RETURN_IF_ERROR(run.Feed(text.data(), n, n == text.size(), /*in_buffer=*/false));
    text.remove_prefix(n);
  } while (!text.empty());
  return Status::Ok();
}

Status ParseXmlPart(ZipArchive* zip, std::string_view part, XmlHandler* handler, const XmlLimits& limits) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> input, zip->OpenEntry(part));
  return ParseXml(input.get(), handler, XmlDocumentName{zip->path(), std::string(part)}, limits);
}

}  // namespace flexpipe
