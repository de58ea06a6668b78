// What an execution's history says about its path through the flow: the
// states it entered, those that failed, those still running, and how far each
// Parallel or Map state has got.
#ifndef FNF_CONSOLE_RUN_MARKS_H_
#define FNF_CONSOLE_RUN_MARKS_H_

#include <set>
#include <string>
#include <vector>

#include "fnf/types.h"

namespace fnf::console {

// Branches or iterations of one Parallel / Map state (legacy parallel /
// foreach): how many started and how many ended.
struct FanProgress {
  std::string state;
  std::string kind;  // "iterations" or "branches"
  int started = 0, ended = 0;
};

struct RunMarks {
  std::set<std::string> visited;  // entered at least once
  std::set<std::string> failed;   // failed at least once (also cut short)
  std::set<std::string> running;  // entered more often than left
  std::vector<FanProgress> fans;  // in the order they first appear
};

// Reads `events` (either dialect). States count as running only while the
// execution itself does (`execution_running`). States are named as in the
// history, so a name used in several scopes is one entry.
RunMarks MarksOf(const std::vector<HistoryEvent>& events,
                 bool execution_running);

}  // namespace fnf::console

#endif  // FNF_CONSOLE_RUN_MARKS_H_
