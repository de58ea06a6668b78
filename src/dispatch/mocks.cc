#include "dispatch/mocks.h"

#include "common/strings.h"
#include "definition/loader.h"

namespace fnf::internal {

Status MockTable::Load(std::string_view text) {
  Diagnostics diags(nullptr);
  std::unique_ptr<LoadedDocument> doc = LoadDocument(text, &diags);
  auto fail = [](const Position& p, const std::string& msg) {
    std::string where = p.line > 0 ? StrCat(p.line, ":", p.column, ": ") : "";
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("Invalid mock file: ", where, msg));
  };
  if (!doc) {
    const Diagnostic& d = diags.list().front();
    return fail(Position{d.line, d.column}, d.message);
  }
  const Json& root = doc->root;
  if (!root.is_object()) {
    return fail(doc->sources.Get(&root),
                "expected a map from state names to lists of responses");
  }
  std::map<std::string, Entry, std::less<>> mocks;
  for (const Json::Member& m : root.as_object()) {
    Entry entry;
    std::vector<const Json*> responses;
    if (m.second.is_array()) {
      for (const Json& r : m.second.as_array()) responses.push_back(&r);
    } else {
      responses.push_back(&m.second);  // a single response
    }
    if (responses.empty()) {
      return fail(
          doc->sources.Get(&m.second),
          StrCat("state '", m.first, "' has an empty list of responses"));
    }
    for (const Json* r : responses) {
      if (!r->is_object()) {
        return fail(doc->sources.Get(r),
                    StrCat("a response of state '", m.first,
                           "' must be an output object or {Error, Cause}, got ",
                           r->type_name()));
      }
      const Json* error = r->Find("Error");
      if (error != nullptr) {
        const Json* cause = r->Find("Cause");
        if (!error->is_string() || (cause != nullptr && !cause->is_string())) {
          return fail(doc->sources.Get(r),
                      StrCat("a failure response of state '", m.first,
                             "' needs string Error and Cause"));
        }
        entry.responses.push_back(TaskResult::Failed(
            error->as_string(), cause ? cause->as_string() : ""));
      } else {
        entry.responses.push_back(TaskResult::Succeeded(r->Serialize()));
      }
    }
    mocks.emplace(m.first, std::move(entry));
  }
  mocks_ = std::move(mocks);
  return Status();
}

std::optional<TaskResult> MockTable::Next(const std::string& state_name) {
  auto it = mocks_.find(state_name);
  if (it == mocks_.end()) return std::nullopt;
  Entry& e = it->second;
  const TaskResult& r = e.responses[std::min(e.next, e.responses.size() - 1)];
  if (e.next < e.responses.size()) ++e.next;
  return r;
}

}  // namespace fnf::internal
