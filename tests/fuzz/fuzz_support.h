// Shared by the libFuzzer harnesses: engines in manual mode (no threads, so a
// finding reproduces on the fuzzer's own thread) and a bounded way to drive
// them.
#ifndef FNF_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define FNF_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fnf/engine.h"

namespace fnf::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A manual-mode engine on a manual clock, so nothing runs unless driven.
struct ManualEngine {
  ManualEngine()
      : clock(TimePoint(std::chrono::seconds(1700000000))), engine([this] {
          EngineOptions o;
          o.worker_threads = 0;
          o.clock = &clock;
          o.random_seed = 1;
          return o;
        }()) {}
  ManualClock clock;
  Engine engine;
};

// `text` as a JSON string literal.
inline std::string JsonString(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace fnf::fuzz

#endif  // FNF_TESTS_FUZZ_FUZZ_SUPPORT_H_
