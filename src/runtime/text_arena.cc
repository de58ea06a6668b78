#include "runtime/text_arena.h"

#include <algorithm>
#include <cstring>

namespace fnf::internal {

std::string_view TextArena::Add(std::string_view text) {
  if (text.empty()) return std::string_view();
  if (text.size() > left_) {
    if (text.size() > kMaxBlock / 4) {
      // Its own block: the current one stays open for small texts.
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return std::string_view(blocks_.back().get(), text.size());
    }
    while (block_size_ < text.size()) block_size_ *= 2;
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_size_));
    next_ = blocks_.back().get();
    left_ = block_size_;
    block_size_ = std::min(block_size_ * 2, kMaxBlock);
  }
  std::memcpy(next_, text.data(), text.size());
  std::string_view stored(next_, text.size());
  next_ += text.size();
  left_ -= static_cast<uint32_t>(text.size());
  return stored;
}

}  // namespace fnf::internal
