// Named crash points for the crash-test harness (tests/crash/). A test binary
// installs a hook that kills the process when a chosen point is reached for
// the n-th time; without a hook (every production host) a crash point is one
// relaxed atomic load, and it is only on the store's paths.
#ifndef FNF_STORE_CRASH_POINT_H_
#define FNF_STORE_CRASH_POINT_H_

#include <atomic>

namespace fnf::internal {

using CrashHook = void (*)(const char* point);

inline std::atomic<CrashHook>& CrashHookSlot() {
  static std::atomic<CrashHook> hook{nullptr};
  return hook;
}

// Installs `hook` (nullptr: none) for the whole process. Thread-safe.
inline void SetCrashHook(CrashHook hook) {
  CrashHookSlot().store(hook, std::memory_order_release);
}

inline void CrashPoint(const char* point) {
  if (CrashHook h = CrashHookSlot().load(std::memory_order_acquire)) h(point);
}

}  // namespace fnf::internal

#endif  // FNF_STORE_CRASH_POINT_H_
