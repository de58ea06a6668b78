#include "interp/legacy/path_eval.h"

#include <utility>
#include <vector>

namespace fnf::internal::legacy {
namespace {

const Json& Null() {
  static const Json* const kNull = new Json();
  return *kNull;
}

const Json& Member(const Json& v, const std::string& key) {
  const Json* m = v.Find(key);
  return m != nullptr ? *m : Null();
}

const Json& Element(const Json& v, int64_t index) {
  if (!v.is_array()) return Null();
  const auto size = static_cast<int64_t>(v.as_array().size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return Null();
  return v.as_array()[static_cast<size_t>(index)];
}

const Json& Step(const Json& v, const PathSegment& seg) {
  return seg.kind == PathSegment::Kind::kKey ? Member(v, seg.key)
                                             : Element(v, seg.index);
}

// Appends the children of `v` that a wildcard selects.
void Children(const Json& v, std::vector<const Json*>* out) {
  if (v.is_array()) {
    for (const Json& e : v.as_array()) out->push_back(&e);
  } else if (v.is_object()) {
    for (const Json::Member& m : v.as_object()) out->push_back(&m.second);
  }
}

}  // namespace

Json ContextObject(const ContextValues& context) {
  Json out = Json::MakeObject();
  auto group = [&](std::string_view name, std::string_view field,
                   std::string_view value) {
    Json g = Json::MakeObject();
    if (!value.empty()) g.Append(std::string(field), Json(value));
    out.Append(std::string(name), std::move(g));
  };
  group("task", "token", context.task_token);
  group("execution", "name", context.execution_name);
  group("flow", "name", context.flow_name);
  group("step", "name", context.step_name);
  if (context.step_event_id > 0) {
    Json& step = out.as_object().back().second;
    step.Append("eventId", Json(context.step_event_id));
  }
  return out;
}

Json EvaluatePath(const Path& path, const PathRoots& roots) {
  Json context;  // built only for $context paths
  const Json* root = nullptr;
  switch (path.root) {
    case PathRoot::kInput:
      root = roots.input;
      break;
    case PathRoot::kLocal:
      root = roots.local;
      break;
    case PathRoot::kContext:
      if (roots.context != nullptr) {
        context = ContextObject(*roots.context);
        root = &context;
      }
      break;
  }
  if (root == nullptr) root = &Null();
  if (!path.has_wildcard) {
    const Json* v = root;
    for (const PathSegment& seg : path.segments) v = &Step(*v, seg);
    return *v;
  }
  std::vector<const Json*> matches = {root};
  for (const PathSegment& seg : path.segments) {
    std::vector<const Json*> next;
    if (seg.kind == PathSegment::Kind::kWildcard) {
      for (const Json* m : matches) Children(*m, &next);
    } else {
      next.reserve(matches.size());
      for (const Json* m : matches) next.push_back(&Step(*m, seg));
    }
    matches = std::move(next);
  }
  Json::Array out;
  out.reserve(matches.size());
  for (const Json* m : matches) out.push_back(*m);
  return Json(std::move(out));
}

Json EvaluateSource(const Source& source, const PathRoots& roots) {
  return source.path ? EvaluatePath(*source.path, roots) : source.constant;
}

Json EvaluateMappings(const Mappings& mappings, const PathRoots& roots) {
  Json out = Json::MakeObject();
  for (const Mapping& m : mappings) {
    out.Set(m.target, EvaluateSource(m.source, roots));
  }
  return out;
}

}  // namespace fnf::internal::legacy
