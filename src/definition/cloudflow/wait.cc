// Wait states (docs/cloudflow.md): exactly one of Seconds or Seconds.$.
// Static values are range-checked here; dynamic ones by the interpreter.
#include "common/strings.h"
#include "definition/cloudflow/fields.h"
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {
namespace {

// "" when `seconds` is within the flow mode's range, else the problem.
std::string RangeProblem(double seconds, const ParseContext& ctx) {
  const Limits& limits = *ctx.options->limits;
  const int max = ctx.options->express ? limits.express_wait_max_seconds
                                       : limits.wait_max_seconds;
  if (seconds >= limits.wait_min_seconds && seconds <= max) return "";
  return StrCat("Seconds must be between ", limits.wait_min_seconds, " and ",
                max, " for ",
                ctx.options->express ? "an Express" : "a Standard",
                " flow, got ", seconds);
}

}  // namespace

std::vector<std::string_view> ParseWait(const ObjectReader& obj, State* state,
                                        ParseContext* ctx) {
  auto wait = std::make_unique<WaitSpec>();
  const bool fixed = obj.Has("Seconds"), dynamic = obj.Has("Seconds.$");
  if (fixed && dynamic) {
    obj.Error("Seconds.$", "Seconds and Seconds.$ cannot both be set");
  } else if (fixed) {
    if (std::optional<int64_t> s = obj.Int("Seconds")) {
      std::string problem = RangeProblem(static_cast<double>(*s), *ctx);
      if (problem.empty()) {
        wait->seconds = static_cast<double>(*s);
      } else {
        obj.Error("Seconds", std::move(problem));
      }
    }
  } else if (dynamic) {
    if (std::optional<Expression> e =
            CompileField(obj, "Seconds.$", kRootsDefault, ctx)) {
      // A constant expression gets the checks of a static Seconds.
      const Json* c = e->constant();
      if (c != nullptr && !c->is_number()) {
        obj.Error("Seconds.$", StrCat("must yield a number of seconds, but is "
                                      "always ",
                                      c->Serialize()));
      } else if (c != nullptr && !RangeProblem(c->as_number(), *ctx).empty()) {
        obj.Error("Seconds.$", RangeProblem(c->as_number(), *ctx));
      } else {
        wait->seconds_expr = std::move(*e);
      }
    }
  } else if (obj.ok()) {
    obj.ErrorHere("needs Seconds or Seconds.$");
  }
  state->wait = std::move(wait);
  return {"Seconds", "Seconds.$"};
}

}  // namespace fnf::internal::cloudflow
