// Loads definition and mock-file text (YAML or JSON) into a Json tree with the
// source position of every node (docs/behaviour.md: JSON is parsed as JSON;
// duplicate keys are an error; YAML plain scalars follow the YAML 1.2 core
// schema).
#ifndef FNF_DEFINITION_LOADER_H_
#define FNF_DEFINITION_LOADER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "definition/diagnostics.h"
#include "json/json.h"

namespace fnf::internal {

// A loaded document. Not movable once loaded: `sources` is keyed by node
// address.
struct LoadedDocument {
  Json root;
  SourceMap sources;
};

// Parses `text`; on a syntax error returns nullptr and adds the problem to
// `diags`.
std::unique_ptr<LoadedDocument> LoadDocument(std::string_view text,
                                             Diagnostics* diags);

// Attaches `positions` (one per value of `root`, in pre-order, from index
// *next on) to the values of `root` in `map`.
void AttachPositions(const Json& root, const std::vector<Position>& positions,
                     size_t* next, SourceMap* map);

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_LOADER_H_
