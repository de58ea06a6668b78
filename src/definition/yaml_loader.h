// YAML definition and mock-file text to a Json tree, built from yaml-cpp's
// parse events so that the work is bounded by the text: one document only
// (LoadAll loops for ever on a stray ','), aliases expanded against a budget,
// nesting limited like JSON.
#ifndef FNF_DEFINITION_YAML_LOADER_H_
#define FNF_DEFINITION_YAML_LOADER_H_

#include <memory>
#include <string_view>

#include "definition/loader.h"

namespace fnf::internal {

// How many values anchors (`&name`, which keep a copy) and aliases (`*name`,
// which copy it again) may copy in one document, in total.
inline constexpr size_t kMaxYamlAliasValues = 100000;

// Parses `text` as one YAML document (empty text: a null root). On a problem
// returns nullptr and adds it to `diags`: a syntax error, a second document,
// nesting deeper than kMaxJsonDepth, anchors and aliases copying more
// than kMaxYamlAliasValues values, a non-scalar or duplicate mapping key.
std::unique_ptr<LoadedDocument> LoadYamlDocument(std::string_view text,
                                                 Diagnostics* diags);

}  // namespace fnf::internal

#endif  // FNF_DEFINITION_YAML_LOADER_H_
