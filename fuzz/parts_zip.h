// The xlsx_reader target's second input form: a workbook written as its
// parts in plain text, zipped by the target with correct sizes and CRCs.
//
// Mutating a real .xlsx mostly breaks its deflate streams or CRCs, so the
// XML inside (content types, relationships, workbook, styles, shared
// strings, sheets) would seldom be reached whole. An input that does not
// start with a ZIP signature is read instead as parts:
//
//   == [Content_Types].xml
//   <?xml ...?><Types ...>...</Types>
//   == xl/workbook.xml
//   ...
//
// Each "== NAME" line starts a part whose bytes run to the next such line (a
// line break before it belongs to the separator). The parts become stored
// (uncompressed) entries of a ZIP archive, in order.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flexpipe::fuzz {

inline constexpr std::string_view kPartMarker = "== ";

inline std::vector<std::pair<std::string_view, std::string_view>> SplitParts(std::string_view text) {
  std::vector<std::pair<std::string_view, std::string_view>> parts;
  if (!text.starts_with(kPartMarker)) return parts;
  size_t pos = 0;
  while (pos < text.size()) {
    pos += kPartMarker.size();
    size_t name_end = text.find('\n', pos);
    if (name_end == std::string_view::npos) name_end = text.size();
    const std::string_view name = text.substr(pos, name_end - pos);
    const size_t body = std::min(text.size(), name_end + 1);
    size_t next = text.find("\n== ", body);
    if (next == std::string_view::npos) next = text.size();
    parts.emplace_back(name, text.substr(body, next - body));
    pos = next == text.size() ? next : next + 1;
  }
  return parts;
}

// A ZIP archive of `parts`, each stored uncompressed.
inline std::string StoredZip(const std::vector<std::pair<std::string_view, std::string_view>>& parts) {
  std::string out;
  std::string directory;
  auto u16 = [](std::string* s, uint32_t v) {
    s->push_back(static_cast<char>(v & 0xFF));
    s->push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  auto u32 = [&u16](std::string* s, uint32_t v) {
    u16(s, v & 0xFFFF);
    u16(s, v >> 16);
  };
  for (const auto& [name, data] : parts) {
    const auto crc = static_cast<uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto size = static_cast<uint32_t>(data.size());
    const auto offset = static_cast<uint32_t>(out.size());
    const auto name_size = static_cast<uint32_t>(name.size() & 0xFFFF);
    // Local file header.
    u32(&out, 0x04034b50);
    u16(&out, 20);  // version needed
    u16(&out, 0);   // flags
    u16(&out, 0);   // stored
    u32(&out, 0);   // time, date
    u32(&out, crc);
    u32(&out, size);
    u32(&out, size);
    u16(&out, name_size);
    u16(&out, 0);  // extra
    out.append(name.substr(0, name_size));
    out.append(data);
    // Central directory entry.
    u32(&directory, 0x02014b50);
    u16(&directory, 20);  // version made by
    u16(&directory, 20);  // version needed
    u16(&directory, 0);
    u16(&directory, 0);
    u32(&directory, 0);
    u32(&directory, crc);
    u32(&directory, size);
    u32(&directory, size);
    u16(&directory, name_size);
    u16(&directory, 0);  // extra
    u16(&directory, 0);  // comment
    u16(&directory, 0);  // disk
    u16(&directory, 0);  // internal attributes
    u32(&directory, 0);  // external attributes
    u32(&directory, offset);
    directory.append(name.substr(0, name_size));
  }
  const auto directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  u32(&out, 0x06054b50);  // end of central directory
  u16(&out, 0);
  u16(&out, 0);
  u16(&out, static_cast<uint32_t>(parts.size() & 0xFFFF));
  u16(&out, static_cast<uint32_t>(parts.size() & 0xFFFF));
  u32(&out, static_cast<uint32_t>(directory.size()));
  u32(&out, directory_offset);
  u16(&out, 0);  // comment
  return out;
}

}  // namespace flexpipe::fuzz
