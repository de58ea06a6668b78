// The families of built-ins. Registration is explicit, not by static
// initialisers, because the linker drops unreferenced objects of a static
// library and their initialisers with them.
#ifndef FNF_EXPR_FUNCTIONS_FAMILIES_H_
#define FNF_EXPR_FUNCTIONS_FAMILIES_H_

#include <vector>

#include "expr/functions/registry.h"

namespace fnf::internal {

using FunctionTable = std::vector<FunctionSpec>;

void RegisterArrayFunctions(
    FunctionTable* table);  // arrayContains, arrayUnique, toArray
void RegisterStringFunctions(FunctionTable* table);    // format, split, length
void RegisterEncodingFunctions(FunctionTable* table);  // fromBase64, toBase64
void RegisterJsonFunctions(
    FunctionTable* table);  // stringToJson, jsonToString, aliases
void RegisterMapFunctions(
    FunctionTable* table);  // jsonMerge, mapKeys, mapValues, get
void RegisterHashFunctions(FunctionTable* table);    // hash
void RegisterRegexFunctions(FunctionTable* table);   // regexMatchString
void RegisterNumberFunctions(FunctionTable* table);  // intAdd
void RegisterRandomFunctions(FunctionTable* table);  // randomInt, uuid

}  // namespace fnf::internal

#endif  // FNF_EXPR_FUNCTIONS_FAMILIES_H_
