// Loads definition and mock-file text (YAML or JSON) into a Json tree with the
// source position of every node (DECISIONS.md 1: JSON is parsed as JSON;
// duplicate keys are an error; YAML plain scalars follow the YAML 1.2 core
// schema).
#ifndef FNF_DEFINITION_LOADER_H_
#define FNF_DEFINITION_LOADER_H_

#include <memory>
#include <string_view>

#include "common/diagnostics.h"
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

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_LOADER_H_
