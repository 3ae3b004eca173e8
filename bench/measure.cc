// measure: runs one command and reports its wall time, peak RSS and CPU time, for scripts/bench.
//
//   measure RESULT.json COMMAND [ARG...]
//
// Forks, execs COMMAND (stdin, stdout and stderr inherited), waits for it with wait4 and writes
//   {"exit": N, "seconds": wall, "max_rss_kib": ru_maxrss, "user_s": …, "sys_s": …}
// to RESULT.json; exits with COMMAND's status.
//
// Why a separate small program: Linux carries the peak RSS of the address space a process leaves
// at exec into its ru_maxrss. A child forked (or vforked) from the Python bench driver, whose
// memory grows as it reads master CSVs, would report at least the driver's size. This program's
// own footprint is a megabyte or two, so what it reports is the command's.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: measure RESULT.json COMMAND [ARG...]\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) {
    std::perror("measure: fork");
    return 2;
  }
  if (child == 0) {
    execvp(argv[2], argv + 2);
    std::perror("measure: exec");
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) != child) {
    std::perror("measure: wait4");
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::FILE* out = std::fopen(argv[1], "w");
  if (out == nullptr) {
    std::perror("measure: cannot write the result");
    return 2;
  }
  std::fprintf(out,
               "{\"exit\": %d, \"seconds\": %.6f, \"max_rss_kib\": %ld, \"user_s\": %.6f, \"sys_s\": %.6f}\n",
               code, seconds, usage.ru_maxrss,
               static_cast<double>(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec / 1e6,
               static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6);
  std::fclose(out);
  return code;
}
