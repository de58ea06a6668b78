// Retry and Catch (docs/cloudflow.md, docs/behaviour.md), shared by Task,
// Parallel and Map.
#include <cmath>
#include <limits>

#include "common/strings.h"
#include "definition/cloudflow/parser.h"

namespace fnf::internal::cloudflow {
namespace {

// Errors: a non-empty list of non-empty error names ("FnF.ALL" included).
std::vector<std::string> ParseErrors(const ObjectReader& r, ParseContext* ctx) {
  std::vector<std::string> out;
  const Json::Array* errors = r.Array("Errors", true);
  if (errors == nullptr) return out;
  if (errors->empty()) {
    r.Error("Errors", "must list at least one error name (FnF.ALL for all)");
  }
  const std::string prefix = r.PathOf("Errors");
  for (size_t i = 0; i < errors->size(); ++i) {
    const Json& e = (*errors)[i];
    if (!e.is_string()) {
      ctx->diags->Add(&e, StrCat(prefix, "[", i, "]"),
                      StrCat("must be a string, found ", e.type_name()));
    } else if (e.as_string().empty()) {
      ctx->diags->Add(&e, StrCat(prefix, "[", i, "]"),
                      "error name must not be empty");
    } else {
      out.push_back(e.as_string());
    }
  }
  return out;
}

void ParseRetrier(const ObjectReader& r, Retrier* retrier, ParseContext* ctx) {
  if (!r.ok()) return;
  r.CheckKnown({"Errors", "Description", "MaxAttempts", "IntervalSeconds",
                "BackoffRate", "MaxBackoffSeconds"});
  retrier->errors = ParseErrors(r, ctx);
  r.String("Description");
  if (std::optional<int64_t> n = r.Int("MaxAttempts", true)) {
    if (*n < 0 || *n > std::numeric_limits<int>::max()) {
      r.Error("MaxAttempts",
              StrCat("MaxAttempts must be between 0 and ",
                     std::numeric_limits<int>::max(), ", got ", *n));
    } else {
      retrier->max_attempts = static_cast<int>(*n);
    }
  }
  const int64_t max = ctx->options->limits->retry_interval_max_seconds;
  if (std::optional<double> s = r.Number("IntervalSeconds", true)) {
    if (!std::isfinite(*s) || *s < 0 || *s > max) {
      r.Error("IntervalSeconds",
              StrCat("IntervalSeconds must be between 0 and ", max,
                     " seconds, got ", *s));
    } else {
      retrier->interval_seconds = *s;
    }
  }
  if (std::optional<double> rate = r.Number("BackoffRate")) {
    if (!std::isfinite(*rate) || *rate < 1) {
      r.Error("BackoffRate",
              StrCat("BackoffRate must be 1 or more, got ", *rate));
    } else {
      retrier->backoff_rate = *rate;
    }
  }
  if (std::optional<double> cap = r.Number("MaxBackoffSeconds")) {
    if (!std::isfinite(*cap) || *cap <= 0 || *cap > max) {
      r.Error("MaxBackoffSeconds",
              StrCat("MaxBackoffSeconds must be more than 0 and at most ", max,
                     " seconds, got ", *cap));
    } else {
      retrier->max_backoff_seconds = *cap;
    }
  }
}

void ParseCatcher(const ObjectReader& c, Catcher* catcher, ParseContext* ctx) {
  if (!c.ok()) return;
  c.CheckKnown({"Errors", "Description", "Next", "OutputConstructor"});
  catcher->errors = ParseErrors(c, ctx);
  c.String("Description");
  if (std::optional<std::string> next = c.String("Next", true)) {
    AddTarget(ctx, c.Get("Next"), c.PathOf("Next"), *next, &catcher->next);
  }
  // The failed state has no $Output; the error is $Context.Current.Error.
  if (const Json* spec = c.Get("OutputConstructor")) {
    catcher->output = Constructor::Compile(
        *spec, c.PathOf("OutputConstructor"), kRootsDefault,
        ctx->options->limits->expression_call_depth, ctx->diags);
  }
}

}  // namespace

void ParseRetryCatch(const ObjectReader& obj, State* state, ParseContext* ctx) {
  if (const Json::Array* retry = obj.Array("Retry")) {
    state->retry.resize(retry->size());
    const std::string prefix = obj.PathOf("Retry");
    for (size_t i = 0; i < retry->size(); ++i) {
      ObjectReader r((*retry)[i], StrCat(prefix, "[", i, "]"), ctx->diags);
      ParseRetrier(r, &state->retry[i], ctx);
    }
  }
  if (const Json::Array* catches = obj.Array("Catch")) {
    // AddTarget keeps pointers into `catchers`: no reallocation after this.
    state->catchers.resize(catches->size());
    const std::string prefix = obj.PathOf("Catch");
    for (size_t i = 0; i < catches->size(); ++i) {
      ObjectReader c((*catches)[i], StrCat(prefix, "[", i, "]"), ctx->diags);
      ParseCatcher(c, &state->catchers[i], ctx);
    }
  }
}

}  // namespace fnf::internal::cloudflow
