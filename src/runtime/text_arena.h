// Append-only storage for the texts an execution's history points at (payload
// JSON, error and task details). Texts never move once stored, so compact
// history events keep a pointer and a size instead of a string of their own;
// all of it is freed with the execution. Not thread-safe: it belongs to one
// execution and is used under that execution's mutex.
#ifndef FNF_RUNTIME_TEXT_ARENA_H_
#define FNF_RUNTIME_TEXT_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace fnf::internal {

class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;

  // A stable copy of `text`.
  std::string_view Add(std::string_view text);

 private:
  // Small texts share blocks that grow from kFirstBlock up to kMaxBlock, so
  // that a short execution holds a few hundred bytes, not a page; a text
  // larger than a quarter block gets a block of its own.
  static constexpr uint32_t kFirstBlock = 128;
  static constexpr uint32_t kMaxBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  uint32_t left_ = 0;
  uint32_t block_size_ = kFirstBlock;
};

}  // namespace fnf::internal

#endif  // FNF_RUNTIME_TEXT_ARENA_H_
