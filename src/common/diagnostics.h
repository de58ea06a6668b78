// Definition problems with their place in the definition text. Definitions are
// validated once, at CreateFlow/UpdateFlow, and every problem is reported
// (DECISIONS.md 2).
#ifndef FNF_COMMON_DIAGNOSTICS_H_
#define FNF_COMMON_DIAGNOSTICS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "fnf/types.h"

namespace fnf::internal {

// Only addresses of nodes are kept, so common/ need not depend on json/.
class Json;

struct Position {
  int line = 0, column = 0;  // 1-based; 0 = unknown
};

// Where each node of a loaded definition came from. Keyed by node address, so
// the tree must not move or change after loading.
class SourceMap {
 public:
  void Set(const Json* node, Position pos) { map_[node] = pos; }
  Position Get(const Json* node) const {
    auto it = map_.find(node);
    return it == map_.end() ? Position{} : it->second;
  }

 private:
  std::unordered_map<const Json*, Position> map_;
};

// Collects the problems of one definition.
class Diagnostics {
 public:
  explicit Diagnostics(const SourceMap* sources) : sources_(sources) {}
  // `node`: the value the problem is about (its position is reported), or
  // nullptr. `path`: where in the definition, e.g. "States[2].Next".
  void Add(const Json* node, std::string path, std::string message);
  // Same, with a position known otherwise (e.g. inside an expression string).
  void AddAt(Position pos, std::string path, std::string message);
  Position PositionOf(const Json* node) const {
    return sources_ ? sources_->Get(node) : Position{};
  }
  bool empty() const { return list_.empty(); }
  const std::vector<Diagnostic>& list() const { return list_; }
  std::vector<Diagnostic> Take() { return std::move(list_); }

 private:
  const SourceMap* sources_;
  std::vector<Diagnostic> list_;
};

}  // namespace fnf::internal

#endif  // FNF_COMMON_DIAGNOSTICS_H_
