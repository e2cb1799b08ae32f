#include "harness/run/Signals.hpp"

#include "harness/Errors.hpp"

#include <csignal>
#include <cstring>

#include <unistd.h>

namespace linksim {

namespace {

// What the handler needs, prepared before it can run (it may only call async-signal-safe
// functions: write, unlink, _exit).
constexpr size_t MAX_FILES = 8, MAX_PATH = 4096, MAX_MSG = 512;
char g_files[MAX_FILES][MAX_PATH];
size_t g_file_count = 0;
char g_message[2][MAX_MSG]; // [0] SIGINT, [1] SIGTERM

void copy(char* dst, size_t cap, const std::string& s)
{
  const size_t n = std::min(s.size(), cap - 1);
  std::memcpy(dst, s.data(), n);
  dst[n] = '\0';
}

extern "C" void on_run_signal(int sig)
{
  const char* msg = g_message[sig == SIGTERM ? 1 : 0];
  ssize_t ignored = write(STDERR_FILENO, msg, std::strlen(msg));
  (void)ignored;
  for (size_t i = 0; i < g_file_count; ++i)
    unlink(g_files[i]);
  _exit(sig == SIGTERM ? EXIT_SIGTERM : EXIT_SIGINT);
}

void install(void (*handler)(int))
{
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; // no SA_RESTART: a blocking wait returns with EINTR
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

} // namespace

void stop_run_on_signals(const std::vector<std::string>& unfinished, const std::string& what)
{
  g_file_count = 0;
  for (const std::string& f : unfinished)
    if (g_file_count < MAX_FILES)
      copy(g_files[g_file_count++], MAX_PATH, f);
  copy(g_message[0], MAX_MSG, "\nlinksim: interrupted (SIGINT): " + what + " stopped; no complete result was written (exit 130)\n");
  copy(g_message[1], MAX_MSG, "\nlinksim: terminated (SIGTERM): " + what + " stopped; no complete result was written (exit 143)\n");
  install(on_run_signal);
}

void default_signals() { install(SIG_DFL); }

int exit_code_for_signal(int sig) { return sig == SIGTERM ? EXIT_SIGTERM : EXIT_SIGINT; }

} // namespace linksim
