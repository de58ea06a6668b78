// Retry and Catch (cloudflow-v1.md §6), shared by Task, Parallel and Map.
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {

void ParseRetryCatch(const ObjectReader&, State*, ParseContext*) {}

}  // namespace fnf::internal::cloudflow
