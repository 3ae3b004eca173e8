#include "read/xlsx/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "read/xlsx/zip_probe.h"

namespace flexpipe {
namespace {

constexpr size_t kReadAheadBytes = 64 << 10;

// libzip's view of the RandomAccessFile: a seekable, read-only source. A read
// error keeps the file system's Status, which is reported in place of
// libzip's generic "Read error".
class FileSource {
 public:
  FileSource(RandomAccessFile* file, std::atomic<uint64_t>* bytes_read)
      : file_(file), size_(file->size()), bytes_read_(bytes_read), buffer_(kReadAheadBytes) {
    zip_error_init(&error_);
  }
  ~FileSource() { zip_error_fini(&error_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  static zip_int64_t Callback(void* self, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    return static_cast<FileSource*>(self)->Handle(data, len, cmd);
  }
  // The latest read error, and how many reads have failed.
  const Status& io_error() const { return io_error_; }
  uint64_t io_failures() const { return io_failures_; }

 private:
  zip_int64_t Handle(void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        pos_ = 0;
        return 0;
      case ZIP_SOURCE_READ:
        return Read(static_cast<char*>(data), len);
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_FREE:  // FileSource is owned by the archive's Impl
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &error_);
        if (st == nullptr) return -1;
        zip_stat_init(st);
        st->size = size_;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&error_, data, len);
      case ZIP_SOURCE_SEEK: {
        const zip_int64_t pos = zip_source_seek_compute_offset(pos_, size_, data, len, &error_);
        if (pos < 0) return -1;
        pos_ = static_cast<uint64_t>(pos);
        return 0;
      }
      case ZIP_SOURCE_TELL:
        return static_cast<zip_int64_t>(pos_);
      case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_SEEKABLE;
      default:
        zip_error_set(&error_, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }

  // Serves reads smaller than the read-ahead buffer from it: libzip asks for
  // a few KiB at a time, one pread each would dominate small-part parsing.
  zip_int64_t Read(char* out, uint64_t len) {
    if (pos_ >= size_) return 0;
    len = std::min(len, size_ - pos_);
    uint64_t done = 0;
    while (done < len) {
      if (pos_ >= buffer_offset_ && pos_ < buffer_offset_ + buffer_len_) {
        const size_t at = static_cast<size_t>(pos_ - buffer_offset_);
        const size_t n = static_cast<size_t>(std::min<uint64_t>(len - done, buffer_len_ - at));
        std::memcpy(out + done, buffer_.data() + at, n);
        done += n;
        pos_ += n;
        continue;
      }
      const bool direct = len - done >= buffer_.size();
      char* dest = direct ? out + done : buffer_.data();
      const size_t want = direct ? static_cast<size_t>(len - done)
                                 : static_cast<size_t>(std::min<uint64_t>(buffer_.size(), size_ - pos_));
      Result<size_t> got = file_->ReadAt(pos_, dest, want);
      if (!got.ok()) {
        io_error_ = got.status();
        ++io_failures_;
        zip_error_set(&error_, ZIP_ER_READ, EIO);
        return -1;
      }
      bytes_read_->fetch_add(*got, std::memory_order_relaxed);
      if (*got == 0) break;  // the file shrank
      if (direct) {
        done += *got;
        pos_ += *got;
      } else {
        buffer_offset_ = pos_;
        buffer_len_ = *got;
      }
    }
    return static_cast<zip_int64_t>(done);
  }

  RandomAccessFile* file_;
  uint64_t size_;
  std::atomic<uint64_t>* bytes_read_;
  uint64_t pos_ = 0;
  std::vector<char> buffer_;
  uint64_t buffer_offset_ = 0;
  size_t buffer_len_ = 0;
  zip_error_t error_;
  Status io_error_;
  uint64_t io_failures_ = 0;
};

bool IsDirectoryName(std::string_view name) {
  return !name.empty() && (name.back() == '/' || name.back() == '\\');
}

// Why an entry name is unsafe, or empty when it is fine.
std::string_view UnsafeNameReason(std::string_view name) {
  if (name.empty()) return "an empty name";
  if (name.front() == '/' || name.front() == '\\') return "an absolute path";
  if (name.size() >= 2 && name[1] == ':' &&
      ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
    return "an absolute path";
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "a \"..\" path segment";
    start = end + 1;
  }
  return {};
}

std::string Quoted(std::string_view name) { return fmt::format("\"{}\"", name); }

std::string_view WithoutSlash(std::string_view name) {
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  return name;
}

}  // namespace

std::string CanonicalPartName(std::string_view name) {
  while (!name.empty() && (name.front() == '/' || name.front() == '\\')) name.remove_prefix(1);
  std::string out(name);
  for (char& c : out) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct ZipArchive::Impl {
  struct Entry {
    std::string name;  // as stored
    zip_uint64_t index = 0;
    uint64_t size = 0;             // declared
    uint64_t compressed_size = 0;  // declared; libzip never reads past it
    uint16_t encryption = 0;
  };

  Impl(std::string p, const ZipLimits& l, std::unique_ptr<RandomAccessFile> f)
      : path(std::move(p)), limits(l), file(std::move(f)), source(file.get(), &compressed_read) {}
  ~Impl() {
    if (archive != nullptr) zip_discard(archive);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  Status Error(ErrorCode code, std::string message) const {
    return Status(code, std::move(message), Location{path, {}, 0, {}});
  }
  Status Truncated(std::string_view detail) const {
    return Error(ErrorCode::kCorruptFile,
                 fmt::format("truncated or damaged archive (incomplete download?): {}", detail));
  }
  Status Encrypted(std::string_view name) const {
    return Error(
        ErrorCode::kUnsupportedFormat,
        fmt::format("password-protected workbook: save it without a password (entry {} is encrypted)",
                    Quoted(name)));
  }
  Status Missing(std::string_view name) const {
    return Error(ErrorCode::kCorruptFile,
                 fmt::format("not a valid XLSX workbook: part {} is missing", Quoted(WithoutSlash(name))));
  }

  // Turns a libzip error into a Status; `entry` names the entry, if any.
  // Once a read of the file has failed, that is the cause of every later
  // error, whatever libzip calls it: its sources stay failed after a read
  // error, and its window layer reports one as "Premature end of file".
  Status FromZipError(zip_error_t* error, std::string_view entry) const {
    if (source.io_failures() > 0) return source.io_error();
    const int code = zip_error_code_zip(error);
    const std::string what = entry.empty()
                                 ? std::string(zip_error_strerror(error))
                                 : fmt::format("entry {}: {}", Quoted(entry), zip_error_strerror(error));
    switch (code) {
      case ZIP_ER_MEMORY:
        return Error(ErrorCode::kResourceLimit, "out of memory: " + what);
      case ZIP_ER_MULTIDISK:
        return Error(ErrorCode::kUnsupportedFormat, "split (multi-part) ZIP archives are not supported");
      case ZIP_ER_COMPNOTSUPP:
        return Error(ErrorCode::kUnsupportedFormat,
                     fmt::format("entry {} uses a compression method other than deflate or stored; save the "
                                 "workbook again from Excel",
                                 Quoted(entry)));
      case ZIP_ER_ENCRNOTSUPP:
      case ZIP_ER_NOPASSWD:
      case ZIP_ER_WRONGPASSWD:
        return Encrypted(entry);
      case ZIP_ER_CRC:
        return Truncated(fmt::format("entry {} fails its CRC check", Quoted(entry)));
      default:
        return Truncated(what);
    }
  }

  const Entry* Find(std::string_view name) const {
    const auto it = by_name.find(CanonicalPartName(name));
    return it == by_name.end() ? nullptr : &entries[it->second];
  }

  Status ReadDirectory() {
    const zip_int64_t n = zip_get_num_entries(archive, 0);
    if (n < 0 || static_cast<uint64_t>(n) > limits.max_entries) {
      return Error(
          ErrorCode::kResourceLimit,
          fmt::format("the archive has {} entries, more than the limit of {}", n, limits.max_entries));
    }
    entries.reserve(static_cast<size_t>(n));
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(n); ++i) {
      zip_stat_t st;
      if (zip_stat_index(archive, i, 0, &st) != 0) return FromZipError(zip_get_error(archive), {});
      if ((st.valid & ZIP_STAT_NAME) == 0 || st.name == nullptr) return Truncated("an entry has no name");
      const std::string_view name = st.name;
      if (const std::string_view why = UnsafeNameReason(name); !why.empty()) {
        return Error(ErrorCode::kCorruptFile,
                     fmt::format("damaged or malicious archive: entry {} has {}", Quoted(name), why));
      }
      if (IsDirectoryName(name)) continue;
      Entry e;
      e.name = std::string(name);
      e.index = i;
      e.size = (st.valid & ZIP_STAT_SIZE) != 0 ? st.size : 0;
      e.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
      e.encryption = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 ? st.encryption_method : 0;
      if (!by_name.emplace(CanonicalPartName(name), entries.size()).second) {
        return Error(ErrorCode::kCorruptFile,
                     fmt::format("damaged archive: two entries are named {} (duplicate part)", Quoted(name)));
      }
      entries.push_back(std::move(e));
    }
    return Status::Ok();
  }

  std::string path;
  ZipLimits limits;
  std::unique_ptr<RandomAccessFile> file;
  std::atomic<uint64_t> compressed_read{0};
  std::atomic<uint64_t> inflated{0};
  FileSource source;
  zip_t* archive = nullptr;
  std::vector<Entry> entries;
  std::unordered_map<std::string, size_t> by_name;  // canonical name -> entries index
};

namespace {

// One entry being inflated. Holds the archive's internals alive.
class EntryStream final : public SequentialFile {
 public:
  EntryStream(std::shared_ptr<ZipArchive::Impl> impl, const ZipArchive::Impl::Entry* entry, zip_file_t* file)
      : impl_(std::move(impl)), entry_(entry), file_(file) {}
  ~EntryStream() override { zip_fclose(file_); }
  EntryStream(const EntryStream&) = delete;
  EntryStream& operator=(const EntryStream&) = delete;

  Result<size_t> Read(char* buf, size_t n) override {
    if (!status_.ok()) return status_;
    if (n == 0) return size_t{0};
    const zip_int64_t got = zip_fread(file_, buf, n);
    if (got < 0) return Fail(impl_->FromZipError(zip_file_get_error(file_), entry_->name));
    if (got == 0 && inflated_ != entry_->size) return Fail(SizeMismatch());
    const auto count = static_cast<uint64_t>(got);
    inflated_ += count;
    const uint64_t total = impl_->inflated.fetch_add(count, std::memory_order_relaxed) + count;
    const ZipLimits& limits = impl_->limits;
    if (inflated_ > limits.ratio_grace_bytes &&
        static_cast<double>(inflated_) > limits.max_ratio * static_cast<double>(entry_->compressed_size)) {
      const double ratio = static_cast<double>(inflated_) /
                           static_cast<double>(std::max<uint64_t>(entry_->compressed_size, 1));
      return Fail(impl_->Error(
          ErrorCode::kResourceLimit,
          fmt::format(
              "possible zip bomb: entry {} inflated {} bytes from {} compressed bytes ({:.0f}:1), over "
              "the limit of {:g}:1 (processing.max_inflate_ratio)",
              Quoted(entry_->name), inflated_, entry_->compressed_size, ratio, limits.max_ratio)));
    }
    if (total > limits.max_total_inflated) {
      return Fail(impl_->Error(ErrorCode::kResourceLimit,
                               fmt::format("possible zip bomb: the archive inflates to more than the limit "
                                           "of {} bytes (processing.max_inflated_gb) while reading entry {}",
                                           limits.max_total_inflated, Quoted(entry_->name))));
    }
    if (inflated_ > entry_->size) return Fail(SizeMismatch());
    return static_cast<size_t>(got);
  }

 private:
  // libzip checks the CRC but not the length of deflated data.
  Status SizeMismatch() const {
    if (inflated_ > entry_->size) {
      return impl_->Truncated(
          fmt::format("entry {} holds more data than the {} bytes its directory record declares",
                      Quoted(entry_->name), entry_->size));
    }
    return impl_->Truncated(fmt::format("entry {} holds {} bytes, but its directory record declares {}",
                                        Quoted(entry_->name), inflated_, entry_->size));
  }

  Status Fail(Status s) {
    status_ = std::move(s);
    return status_;
  }

  std::shared_ptr<ZipArchive::Impl> impl_;
  const ZipArchive::Impl::Entry* entry_;
  zip_file_t* file_;
  uint64_t inflated_ = 0;
  Status status_;  // sticky: a failed stream keeps failing
};

}  // namespace

ZipArchive::ZipArchive(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::~ZipArchive() = default;

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(FileSystem* fs, const std::filesystem::path& path,
                                                     const ZipLimits& limits) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<RandomAccessFile> file, fs->OpenRandomAccess(path));
  FP_RETURN_IF_ERROR(ProbeZipDirectory(file.get(), path.string(), limits.max_entries).status());
  auto impl = std::make_shared<Impl>(path.string(), limits, std::move(file));

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_function_create(&FileSource::Callback, &impl->source, &error);
  if (source == nullptr) {
    const Status s = impl->FromZipError(&error, {});
    zip_error_fini(&error);
    return s;
  }
  impl->archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (impl->archive == nullptr) {
    zip_source_free(source);  // not taken over on failure
    const Status s = impl->FromZipError(&error, {});
    zip_error_fini(&error);
    return s;
  }
  zip_error_fini(&error);
  FP_RETURN_IF_ERROR(impl->ReadDirectory());
  return std::unique_ptr<ZipArchive>(new ZipArchive(std::move(impl)));
}

bool ZipArchive::Contains(std::string_view name) const { return impl_->Find(name) != nullptr; }

std::string_view ZipArchive::StoredName(std::string_view name) const {
  const Impl::Entry* e = impl_->Find(name);
  return e == nullptr ? std::string_view() : std::string_view(e->name);
}

Result<uint64_t> ZipArchive::UncompressedSize(std::string_view name) const {
  const Impl::Entry* e = impl_->Find(name);
  if (e == nullptr) return impl_->Missing(name);
  return e->size;
}

Result<std::unique_ptr<SequentialFile>> ZipArchive::OpenEntry(std::string_view name) {
  const Impl::Entry* e = impl_->Find(name);
  if (e == nullptr) return impl_->Missing(name);
  if (e->encryption != ZIP_EM_NONE) return impl_->Encrypted(e->name);
  zip_file_t* file = zip_fopen_index(impl_->archive, e->index, 0);
  if (file == nullptr) return impl_->FromZipError(zip_get_error(impl_->archive), e->name);
  return std::unique_ptr<SequentialFile>(new EntryStream(impl_, e, file));
}

Result<std::string> ZipArchive::ReadEntry(std::string_view name, size_t max_bytes) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<SequentialFile> stream, OpenEntry(name));
  const Impl::Entry* e = impl_->Find(name);
  std::string out;
  out.reserve(static_cast<size_t>(std::min<uint64_t>({e->size, max_bytes, 16 << 20})));
  constexpr size_t kChunk = 64 << 10;
  while (true) {
    // Ask for one byte more than allowed, so an oversized entry is detected
    // without inflating much of it.
    const size_t room = max_bytes - std::min(out.size(), max_bytes);
    const size_t want = std::min(kChunk, room + 1);
    const size_t old = out.size();
    out.resize(old + want);
    FP_ASSIGN_OR_RETURN(const size_t got, stream->Read(out.data() + old, want));
    out.resize(old + got);
    if (got == 0) break;
    if (out.size() > max_bytes) {
      return impl_->Error(
          ErrorCode::kResourceLimit,
          fmt::format("part {} is larger than the limit of {} bytes", Quoted(e->name), max_bytes));
    }
  }
  return out;
}

uint64_t ZipArchive::compressed_bytes_read() const {
  return impl_->compressed_read.load(std::memory_order_relaxed);
}

uint64_t ZipArchive::inflated_bytes() const { return impl_->inflated.load(std::memory_order_relaxed); }

const std::string& ZipArchive::path() const { return impl_->path; }

std::vector<std::string> ZipArchive::EntryNames() const {
  std::vector<std::string> names;
  names.reserve(impl_->entries.size());
  for (const Impl::Entry& e : impl_->entries) names.push_back(e.name);
  return names;
}

}  // namespace flexpipe
