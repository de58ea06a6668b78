// Engine::Impl: the flow API (CreateFlow ... ListFlows, ValidateDefinition).
#include "common/strings.h"
#include "common/time_format.h"
#include "definition/compiler.h"
#include "engine/engine_impl.h"
#include "engine/names.h"
#include "engine/requests.h"
#include "store/store_errors.h"

namespace fnf {

using internal::Invalid;
using internal::StrCat;

std::vector<Diagnostic> Engine::Impl::ValidateDefinition(
    std::string_view definition) const {
  internal::CompileOptions copts{&options_.limits, false};
  return internal::CompileDefinition(definition, copts).diagnostics;
}

StatusOr<Flow> Engine::Impl::CreateFlow(const CreateFlowRequest& request) {
  if (std::string e = internal::CheckResourceName("Name", request.name);
      !e.empty()) {
    return Invalid(e);
  }
  std::string mode =
      request.execution_mode.empty() ? "Standard" : request.execution_mode;
  if (mode != "Standard" && mode != "Express") {
    return Invalid(StrCat("ExecutionMode '", request.execution_mode,
                          "' is invalid: expected Standard or Express"));
  }
  if (request.type != "FDL" && request.type != "DEFAULT" &&
      !request.type.empty()) {
    return Invalid(
        StrCat("Type '", request.type, "' is invalid: expected FDL"));
  }
  // Checked before compiling too: a taken name is the answer even for a bad
  // definition.
  if (store_->GetFlowVersion(request.name).ok()) {
    return internal::FlowAlreadyExists(request.name);
  }
  auto compiled = internal::CompileFor(request.name, request.definition,
                                       mode == "Express", options_.limits);
  if (!compiled.ok()) return compiled.status();
  auto version = std::make_shared<internal::FlowVersion>();
  version->definition = request.definition;
  version->role_arn = request.role_arn;
  version->express = mode == "Express";
  version->compiled = std::move(*compiled);
  internal::FlowRecord record;
  std::string now = internal::FormatTime(clock_->Now());
  record.meta = Flow{request.name,
                     random_.Uuid(),
                     request.definition,
                     request.description,
                     "FDL",
                     request.role_arn,
                     mode,
                     now,
                     now};
  record.version = std::move(version);
  Flow out = record.meta;
  if (Status s = store_->CreateFlow(std::move(record)); !s.ok()) return s;
  return out;
}

StatusOr<Flow> Engine::Impl::UpdateFlow(const UpdateFlowRequest& request) {
  auto current = store_->GetFlowVersion(request.name);
  if (!current.ok()) return current.status();
  std::shared_ptr<const internal::CompiledFlow> compiled;
  if (request.definition) {
    auto c = internal::CompileFor(request.name, *request.definition,
                                  (*current)->express, options_.limits);
    if (!c.ok()) return c.status();
    compiled = std::move(*c);
  }
  const std::string now = internal::FormatTime(clock_->Now());
  return store_->UpdateFlow(request.name, [&](internal::FlowRecord* f) {
    auto version = std::make_shared<internal::FlowVersion>(*f->version);
    if (request.definition) {
      version->definition = *request.definition;
      version->compiled = compiled;
      f->meta.definition = *request.definition;
    }
    if (request.role_arn) {
      version->role_arn = *request.role_arn;
      f->meta.role_arn = *request.role_arn;
    }
    if (request.description) f->meta.description = *request.description;
    f->version = std::move(version);
    f->meta.last_modified_time = now;
  });
}

StatusOr<Flow> Engine::Impl::DescribeFlow(std::string_view flow_name) {
  StatusOr<internal::FlowRecord> f = store_->GetFlow(flow_name);
  if (!f.ok()) return f.status();
  return std::move(f->meta);
}

Status Engine::Impl::DeleteFlow(std::string_view flow_name) {
  return store_->DeleteFlow(flow_name);
}

StatusOr<Page<Flow>> Engine::Impl::ListFlows(const ListRequest& request) {
  const Limits& lim = options_.limits;
  if (Status s = internal::CheckListLimit(request.limit, lim.list_flows_max);
      !s.ok()) {
    return s;
  }
  size_t limit = request.limit == 0 ? lim.list_default : request.limit;
  return store_->ListFlows(request.name_prefix, request.next_token, limit);
}

}  // namespace fnf
