// Field helpers shared by the per-type parsers of the new spec.
#ifndef FNF_DEFINITION_CLOUDFLOW_FIELDS_H_
#define FNF_DEFINITION_CLOUDFLOW_FIELDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "definition/cloudflow/parser.h"
#include "definition/object_reader.h"
#include "expr/expression.h"

namespace fnf::internal::cloudflow {

// Compiles the expression held by `obj[key]` (present), reporting problems at
// it. nullopt on a problem.
std::optional<Expression> CompileField(const ObjectReader& obj,
                                       std::string_view key, uint32_t roots,
                                       ParseContext* ctx);

// Fields that are expressions by nature (Condition, ItemsPath) take no ".$";
// writing it is reported, so that the user does not get a bare "unknown field".
// Returns whether `key + ".$"` was present.
bool RejectExpressionSuffix(const ObjectReader& obj, std::string_view key);

// A whole number of seconds given as a number, or, when `allow_text`, as number
// text such as "30" (docs/behaviour.md). Sets `*problem` and returns nullopt
// otherwise.
std::optional<int64_t> WholeSeconds(const Json& value, bool allow_text,
                                    std::string* problem);

}  // namespace fnf::internal::cloudflow

#endif  // FNF_DEFINITION_CLOUDFLOW_FIELDS_H_
