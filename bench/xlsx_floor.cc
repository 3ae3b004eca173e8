// xlsx_floor: the floor of reading a workbook, for scripts/bench (issue 7).
//
//   xlsx_floor [--zlib] [--threads N] FILE.xlsx...
//
// For every workbook: read the file, find the shared-strings part
// (xl/sharedStrings.xml) and the first worksheet (the lowest-numbered
// xl/worksheets/sheetN.xml) in the zip's central directory, inflate each and
// scan its bytes once (memchr for '<', counting them, so the scan cannot be
// optimised away). Nothing is parsed. Prints one JSON line:
//   {"files":…, "parts":…, "compressed_bytes":…, "xml_bytes":…, "tags":…, "seconds":…}
//
// Default: libdeflate, each part inflated whole into a buffer of its
// uncompressed size (the fastest inflate there is; issue 7's "inflate
// (libdeflate) + one byte scan"). --zlib: zlib's streaming inflate through a
// 1 MiB buffer, scanning each chunk as it comes (what a bounded-memory reader
// can do at best with zlib). --threads N: the parts are shared among N threads
// (default 1, the floor the targets are measured against).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <libdeflate.h>
#include <zlib.h>

namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "xlsx_floor: %s\n", what.c_str());
  std::exit(1);
}

uint32_t U16(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8;
}
uint32_t U32(const unsigned char* p) { return U16(p) | U16(p + 2) << 16; }
uint64_t U64(const unsigned char* p) { return U32(p) | static_cast<uint64_t>(U32(p + 4)) << 32; }

struct Mapped {
  const unsigned char* data = nullptr;
  size_t size = 0;
};

Mapped MapFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) Die("cannot open " + path);
  struct stat st {};
  if (fstat(fd, &st) != 0 || st.st_size == 0) Die("cannot stat " + path);
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) Die("cannot map " + path);
  return {static_cast<const unsigned char*>(p), static_cast<size_t>(st.st_size)};
}

struct Part {
  const unsigned char* compressed = nullptr;
  uint64_t compressed_size = 0;
  uint64_t size = 0;
  uint32_t method = 0;  // 0 stored, 8 deflate
};

// The shared strings and the first worksheet of the workbook in `file`.
std::vector<Part> FindParts(const Mapped& file, const std::string& path) {
  const unsigned char* d = file.data;
  const size_t n = file.size;
  if (n < 22) Die(path + ": not a zip file");
  size_t eocd = n - 22;
  const size_t lowest = n > 22 + 65535 ? n - 22 - 65535 : 0;
  while (U32(d + eocd) != 0x06054b50) {
    if (eocd == lowest) Die(path + ": no end of central directory");
    --eocd;
  }
  const uint64_t entries = U16(d + eocd + 10);
  const uint64_t cd_offset = U32(d + eocd + 16);
  if (cd_offset == 0xFFFFFFFFu || entries == 0xFFFFu) Die(path + ": zip64 central directory not supported");
  Part strings;
  Part sheet;
  long sheet_number = -1;
  size_t p = cd_offset;
  for (uint64_t i = 0; i < entries; ++i) {
    if (p + 46 > n || U32(d + p) != 0x02014b50) Die(path + ": bad central directory");
    const uint32_t method = U16(d + p + 10);
    uint64_t csize = U32(d + p + 20);
    uint64_t usize = U32(d + p + 24);
    const uint32_t name_len = U16(d + p + 28);
    const uint32_t extra_len = U16(d + p + 30);
    const uint32_t comment_len = U16(d + p + 32);
    uint64_t local = U32(d + p + 42);
    const std::string_view name(reinterpret_cast<const char*>(d + p + 46), name_len);
    // Zip64 extended information: the fields that are 0xFFFFFFFF, in order.
    for (size_t e = p + 46 + name_len; e + 4 <= p + 46 + name_len + extra_len;) {
      const uint32_t id = U16(d + e);
      const uint32_t len = U16(d + e + 2);
      if (id == 0x0001) {
        size_t q = e + 4;
        if (usize == 0xFFFFFFFFu) usize = U64(d + q), q += 8;
        if (csize == 0xFFFFFFFFu) csize = U64(d + q), q += 8;
        if (local == 0xFFFFFFFFu) local = U64(d + q), q += 8;
      }
      e += 4 + len;
    }
    Part part;
    if (local + 30 > n || U32(d + local) != 0x04034b50) Die(path + ": bad local header");
    part.compressed = d + local + 30 + U16(d + local + 26) + U16(d + local + 28);
    part.compressed_size = csize;
    part.size = usize;
    part.method = method;
    if (part.compressed + csize > d + n) Die(path + ": entry past the end of the file");
    if (name == "xl/sharedStrings.xml") strings = part;
    constexpr std::string_view kSheet = "xl/worksheets/sheet";
    if (name.starts_with(kSheet) && name.ends_with(".xml")) {
      const std::string digits(name.substr(kSheet.size(), name.size() - kSheet.size() - 4));
      char* end = nullptr;
      const long number = std::strtol(digits.c_str(), &end, 10);
      if (!digits.empty() && *end == 0 && (sheet_number < 0 || number < sheet_number)) {
        sheet_number = number;
        sheet = part;
      }
    }
    p += 46 + name_len + extra_len + comment_len;
  }
  if (sheet_number < 0) Die(path + ": no worksheet");
  std::vector<Part> parts;
  if (strings.compressed != nullptr) parts.push_back(strings);
  parts.push_back(sheet);
  return parts;
}

uint64_t CountTags(const char* p, const char* end) {
  uint64_t tags = 0;
  while (const void* hit = std::memchr(p, '<', static_cast<size_t>(end - p))) {
    ++tags;
    p = static_cast<const char*>(hit) + 1;
  }
  return tags;
}

// Inflates `part` and scans it; returns the '<' count.
uint64_t InflateAndScan(const Part& part, bool use_zlib, std::vector<char>* buffer) {
  if (part.method == 0) {
    const auto* p = reinterpret_cast<const char*>(part.compressed);
    return CountTags(p, p + part.size);
  }
  if (part.method != 8) Die("compression method " + std::to_string(part.method) + " not supported");
  if (!use_zlib) {
    buffer->resize(part.size);
    libdeflate_decompressor* inflater = libdeflate_alloc_decompressor();
    size_t got = 0;
    const libdeflate_result r = libdeflate_deflate_decompress(inflater, part.compressed, part.compressed_size,
                                                              buffer->data(), part.size, &got);
    libdeflate_free_decompressor(inflater);
    if (r != LIBDEFLATE_SUCCESS || got != part.size) Die("libdeflate: bad deflate stream");
    return CountTags(buffer->data(), buffer->data() + got);
  }
  buffer->resize(size_t{1} << 20);
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) Die("zlib: inflateInit2");
  z.next_in = const_cast<Bytef*>(part.compressed);
  z.avail_in = static_cast<uInt>(part.compressed_size);
  uint64_t tags = 0;
  uint64_t total = 0;
  int r = Z_OK;
  while (r != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buffer->data());
    z.avail_out = static_cast<uInt>(buffer->size());
    r = inflate(&z, Z_NO_FLUSH);
    if (r != Z_OK && r != Z_STREAM_END) Die("zlib: bad deflate stream");
    const size_t got = buffer->size() - z.avail_out;
    total += got;
    tags += CountTags(buffer->data(), buffer->data() + got);
  }
  inflateEnd(&z);
  if (total != part.size) Die("zlib: size mismatch");
  return tags;
}

}  // namespace

int main(int argc, char** argv) {
  bool use_zlib = false;
  unsigned threads = 1;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--zlib") {
      use_zlib = true;
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (arg == "-h" || arg == "--help" || arg.starts_with("--")) {
      std::fprintf(stderr, "usage: xlsx_floor [--zlib] [--threads N] FILE.xlsx...\n");
      return arg.starts_with("--") && arg != "--help" ? 2 : 0;
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.empty()) Die("no input (usage: xlsx_floor [--zlib] [--threads N] FILE.xlsx...)");

  const auto start = std::chrono::steady_clock::now();
  std::vector<Mapped> files;
  std::vector<Part> parts;
  uint64_t compressed = 0;
  for (const std::string& path : paths) {
    files.push_back(MapFile(path));
    compressed += files.back().size;
    for (const Part& part : FindParts(files.back(), path)) parts.push_back(part);
  }
  // Largest first, so that threads finish together.
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.size > b.size; });
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> tags{0};
  auto work = [&] {
    std::vector<char> buffer;
    uint64_t mine = 0;
    for (size_t i; (i = next.fetch_add(1)) < parts.size();)
      mine += InflateAndScan(parts[i], use_zlib, &buffer);
    tags += mine;
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  uint64_t xml = 0;
  for (const Part& part : parts) xml += part.size;
  std::printf(
      "{\"files\": %zu, \"parts\": %zu, \"compressed_bytes\": %llu, \"xml_bytes\": %llu, \"tags\": %llu, "
      "\"inflater\": \"%s\", \"threads\": %u, \"seconds\": %.6f}\n",
      paths.size(), parts.size(), static_cast<unsigned long long>(compressed),
      static_cast<unsigned long long>(xml), static_cast<unsigned long long>(tags.load()),
      use_zlib ? "zlib" : "libdeflate", threads, seconds);
  for (const Mapped& m : files) munmap(const_cast<unsigned char*>(m.data), m.size);
  return 0;
}
