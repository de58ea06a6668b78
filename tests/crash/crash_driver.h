// A fork-and-kill driver for crash tests: runs a workload in a child process
// that reports every acknowledged unit of work on a pipe ("<id>\n"), kills it
// with SIGKILL after a chosen number of acknowledgements (or lets a named
// crash point kill it), and hands back what was acknowledged. The test then
// checks the store. Kills are placed by counting acknowledgements, not by
// sleeping, so a run is reproducible from its seed.
#ifndef FNF_TESTS_CRASH_CRASH_DRIVER_H_
#define FNF_TESTS_CRASH_CRASH_DRIVER_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>

namespace fnf::testing {

struct ChildRun {
  std::set<int64_t> acked;  // ids the child acknowledged
  bool killed = false;      // it died of SIGKILL (ours or a crash point's)
  int exit_code = -1;       // when it exited
  std::string errors;       // lines it reported that were not ids
};

// Runs `body(ack_fd)` in a child. With kill_after > 0, the child is killed
// once it has acknowledged that many ids. `body` must write "<id>\n" (or
// "E <message>\n") lines to ack_fd, and never return into the test framework
// (the driver _exits the child when it returns).
ChildRun RunChild(const std::function<int(int ack_fd)>& body, int kill_after);

// Installs a crash hook in this (child) process that sends SIGKILL to itself
// the `n`-th time `point` is reached.
void ArmCrashPoint(const std::string& point, int n);

// Writes one acknowledgement line; safe from several threads (one write).
void Ack(int fd, int64_t id);
void AckError(int fd, const std::string& message);

}  // namespace fnf::testing

#endif  // FNF_TESTS_CRASH_CRASH_DRIVER_H_
