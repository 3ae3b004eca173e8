#include "core/memory_usage.h"

#include <fcntl.h>
#include <unistd.h>

#include <charconv>

namespace flexpipe {

uint64_t ResidentSetBytes() {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[128];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n <= 0) return 0;
  // "size resident shared text lib data dt", in pages.
  const char* p = buf;
  const char* const end = buf + n;
  while (p != end && *p != ' ') ++p;
  if (p == end) return 0;
  uint64_t pages = 0;
  if (std::from_chars(p + 1, end, pages).ec != std::errc()) return 0;
  return pages * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace flexpipe
