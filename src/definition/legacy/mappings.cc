// Mapping lists, serviceParams and path fields (docs/legacy-fdl.md), parsed
// once so that running a step never reads path text.
#include <utility>

#include "common/strings.h"
#include "definition/legacy/parse_context.h"

namespace fnf::internal::legacy {
namespace {

// Compiles the path text held by `node`, reporting a problem at its place (one
// column per byte when the text is on one line, as for expressions).
std::optional<Path> CompileAt(const Json& node, const std::string& path,
                              uint32_t roots, Diagnostics* diags) {
  const std::string& text = node.as_string();
  auto compiled = CompilePath(text, roots);
  if (Path* p = std::get_if<Path>(&compiled)) return std::move(*p);
  const PathError& error = std::get<PathError>(compiled);
  Position pos = diags->PositionOf(&node);
  if (pos.line > 0 && text.find('\n') == std::string::npos) {
    pos.column += static_cast<int>(error.offset);
  }
  diags->AddAt(
      pos, path,
      StrCat(error.message, " at offset ", error.offset, " in '", text, "'"));
  return std::nullopt;
}

// A path when the text is one where `roots` apply, else the literal itself.
std::optional<Source> ParseSource(const Json& node, const std::string& path,
                                  uint32_t roots, ParseContext* ctx) {
  Source source;
  if (node.is_string() && IsPathText(node.as_string(), roots)) {
    source.path = CompileAt(node, path, roots, ctx->diags);
    if (!source.path) return std::nullopt;
  } else {
    source.constant = node;
  }
  return source;
}

}  // namespace

std::optional<Mappings> ParseMappings(const ObjectReader& obj,
                                      std::string_view key, uint32_t roots,
                                      ParseContext* ctx) {
  const Json::Array* list = obj.Array(key);
  if (list == nullptr) return std::nullopt;
  Mappings mappings;
  const std::string list_path = obj.PathOf(key);
  for (size_t i = 0; i < list->size(); ++i) {
    ObjectReader entry((*list)[i], StrCat(list_path, "[", i, "]"), ctx->diags);
    if (!entry.ok()) continue;
    std::optional<std::string> target = entry.String("target", true);
    if (target && target->empty()) entry.Error("target", "must not be empty");
    const Json* source_node = entry.Get("source");
    if (source_node == nullptr) {
      entry.ErrorHere("missing required field 'source'");
      continue;
    }
    std::optional<Source> source =
        ParseSource(*source_node, entry.PathOf("source"), roots, ctx);
    if (!target || target->empty() || !source) continue;
    // A repeated target is not an error: the later entry wins, as when the
    // result object is built (docs/legacy-fdl.md).
    mappings.push_back(Mapping{std::move(*target), std::move(*source)});
  }
  return mappings;
}

std::optional<Mappings> ParseServiceParams(const ObjectReader& obj,
                                           std::string_view key,
                                           ParseContext* ctx) {
  const Json* params = obj.Object(key);
  if (params == nullptr) return std::nullopt;
  Mappings mappings;
  const std::string base = obj.PathOf(key);
  // The task has no $local yet when its serviceParams are built.
  constexpr uint32_t kRoots = kPathDollar | kPathInput | kPathContext;
  for (const Json::Member& m : params->as_object()) {
    std::optional<Source> source =
        ParseSource(m.second, StrCat(base, ".", m.first), kRoots, ctx);
    if (source) mappings.push_back(Mapping{m.first, std::move(*source)});
  }
  return mappings;
}

std::optional<Path> ParsePathField(const ObjectReader& obj,
                                   std::string_view key, uint32_t roots,
                                   ParseContext* ctx) {
  const Json* node = obj.Get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string() || !IsPathText(node->as_string(), roots)) {
    obj.Error(key,
              StrCat("must be a path such as $.key, found ",
                     node->is_string() ? StrCat("'", node->as_string(), "'")
                                       : std::string(node->type_name())));
    return std::nullopt;
  }
  return CompileAt(*node, obj.PathOf(key), roots, ctx->diags);
}

}  // namespace fnf::internal::legacy
