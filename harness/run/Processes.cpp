#include "harness/run/Processes.hpp"

#include "harness/Errors.hpp"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <map>

namespace linksim {

namespace {

/// Starts a child with the signal mask it had before `blocked` (the parent blocks signals to wait
/// for them without a race; the child must not inherit that).
pid_t spawn(const std::vector<std::string>& args, const sigset_t& previous)
{
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM); // never outlive the parent
    if (getppid() == 1)
      _exit(EXIT_SIGTERM);
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    std::vector<char*> argv;
    for (const auto& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::perror("linksim: exec");
    _exit(127);
  }
  return pid;
}

} // namespace

int run_processes(const std::vector<std::vector<std::string>>& commands, unsigned parallel,
                  const std::function<void(size_t, int)>& on_done, std::vector<int>& codes)
{
  // SIGINT, SIGTERM and SIGCHLD are blocked and taken with sigtimedwait: a signal that comes at
  // any moment (even between two waits) is seen at once, never after a whole run.
  sigset_t wanted, previous;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGINT);
  sigaddset(&wanted, SIGTERM);
  sigaddset(&wanted, SIGCHLD);
  sigprocmask(SIG_BLOCK, &wanted, &previous);
  codes.assign(commands.size(), -1);
  std::map<pid_t, size_t> running;
  size_t next = 0, done = 0;
  int stopped_by = 0;
  while (done < commands.size()) {
    while (next < commands.size() && running.size() < parallel) {
      const pid_t pid = spawn(commands[next], previous);
      if (pid < 0) {
        sigprocmask(SIG_SETMASK, &previous, nullptr);
        throw UsageError("cannot start a process for run " + std::to_string(next + 1));
      }
      running[pid] = next++;
    }
    int status = 0;
    pid_t pid  = 0;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
      auto it = running.find(pid);
      if (it == running.end())
        continue;
      codes[it->second] = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_INTERNAL;
      on_done(it->second, codes[it->second]);
      running.erase(it);
      ++done;
    }
    if (done == commands.size())
      break;
    const timespec tick{1, 0};
    const int sig = sigtimedwait(&wanted, nullptr, &tick);
    if (sig == SIGINT || sig == SIGTERM) {
      stopped_by = sig;
      break;
    }
  }
  if (stopped_by) {
    for (const auto& [pid, i] : running)
      kill(pid, stopped_by);
    for (const auto& [pid, i] : running) {
      int status = 0;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  sigprocmask(SIG_SETMASK, &previous, nullptr);
  return stopped_by;
}

std::string find_program(const std::string& program)
{
  auto executable = [](const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(p.c_str(), X_OK) == 0;
  };
  if (program.find('/') != std::string::npos)
    return executable(program) ? program : "";
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start     = 0;
  while (start <= dirs.size()) {
    const size_t end      = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    const std::string p   = (dir.empty() ? "." : dir) + "/" + program;
    if (executable(p))
      return p;
    start = end + 1;
  }
  return "";
}

int run_capture(const std::vector<std::string>& argv, std::string& out)
{
  int fds[2];
  if (pipe(fds) != 0)
    throw UsageError("cannot start " + argv.at(0) + ": pipe failed");
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    throw UsageError("cannot start " + argv.at(0) + ": fork failed");
  }
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv)
      args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror(("linksim: exec " + argv[0]).c_str());
    _exit(127);
  }
  close(fds[1]);
  out.clear();
  char buf[4096];
  ssize_t n = 0;
  while ((n = read(fds[0], buf, sizeof buf)) != 0) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace linksim
