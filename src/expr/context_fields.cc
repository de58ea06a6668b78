#include "expr/context_fields.h"

#include "common/strings.h"

namespace fnf::internal {
namespace {

struct SubField {
  Field parent;
  std::string_view name;
  Field field;
};

// The structure of the context objects, in the order their members are built.
constexpr SubField kSubFields[] = {
    {Field::kContext, "Execution", Field::kExecution},
    {Field::kContext, "Current", Field::kCurrent},
    {Field::kContext, "Flow", Field::kFlow},  // fnf extension
    {Field::kExecution, "Name", Field::kExecutionName},
    {Field::kExecution, "Input", Field::kExecutionInput},
    {Field::kExecution, "RoleArn", Field::kRoleArn},
    {Field::kCurrent, "Name", Field::kStateName},
    {Field::kCurrent, "Input", Field::kInput},
    {Field::kCurrent, "Output", Field::kOutput},
    {Field::kCurrent, "Error", Field::kError},
    {Field::kCurrent, "RetryCount", Field::kRetryCount},
    {Field::kCurrent, "TaskToken", Field::kTaskToken},
    {Field::kError, "Code", Field::kErrorCode},
    {Field::kError, "Detail", Field::kErrorDetail},
    {Field::kFlow, "Name", Field::kFlowName},
    {Field::kLegacyContext, "execution", Field::kLegacyExecution},
    {Field::kLegacyContext, "flow", Field::kLegacyFlow},
    {Field::kLegacyContext, "step", Field::kLegacyStep},
    {Field::kLegacyContext, "task", Field::kLegacyTask},
    {Field::kLegacyExecution, "name", Field::kExecutionName},
    {Field::kLegacyFlow, "name", Field::kFlowName},
    {Field::kLegacyStep, "name", Field::kStateName},
    {Field::kLegacyTask, "token", Field::kTaskToken},
};

bool HasSubFields(Field field) {
  for (const SubField& s : kSubFields) {
    if (s.parent == field) return true;
  }
  return false;
}

Json StringOf(std::string_view s) { return Json(std::string(s)); }

void BuildObject(Field field, const EvalContext& ctx, Value* out) {
  Json object = Json::MakeObject();
  Value member;
  for (const SubField& s : kSubFields) {
    if (s.parent != field) continue;
    ReadField(s.field, ctx, &member);
    object.Append(std::string(s.name), member.Take());
  }
  out->SetOwned(std::move(object));
}

}  // namespace

void ReadField(Field field, const EvalContext& ctx, Value* out) {
  switch (field) {
    case Field::kInput:
      return out->SetBorrowed(ctx.input);
    case Field::kOutput:
      return out->SetBorrowed(ctx.output);
    case Field::kGlobal:
      return out->SetBorrowed(ctx.global);
    case Field::kItem:
      return out->SetBorrowed(ctx.item);
    case Field::kExecutionInput:
      return out->SetBorrowed(ctx.execution_input);
    case Field::kLegacyLocal:
      return out->SetBorrowed(ctx.legacy_local);
    case Field::kExecutionName:
      return out->SetOwned(StringOf(ctx.execution_name));
    case Field::kRoleArn:
      return out->SetOwned(StringOf(ctx.role_arn));
    case Field::kFlowName:
      return out->SetOwned(StringOf(ctx.flow_name));
    case Field::kStateName:
      return out->SetOwned(StringOf(ctx.state_name));
    case Field::kErrorCode:
      return ctx.error == nullptr ? out->SetBorrowed(nullptr)
                                  : out->SetOwned(StringOf(ctx.error->code));
    case Field::kErrorDetail:
      return ctx.error == nullptr ? out->SetBorrowed(nullptr)
                                  : out->SetOwned(StringOf(ctx.error->detail));
    case Field::kRetryCount:
      return out->SetOwned(Json(static_cast<int64_t>(ctx.retry_count)));
    case Field::kTaskToken:
      return out->SetOwned(StringOf(ctx.task_token));
    case Field::kError:
      if (ctx.error == nullptr) return out->SetBorrowed(nullptr);
      return BuildObject(field, ctx, out);
    case Field::kContext:
    case Field::kExecution:
    case Field::kCurrent:
    case Field::kFlow:
    case Field::kLegacyContext:
    case Field::kLegacyExecution:
    case Field::kLegacyFlow:
    case Field::kLegacyStep:
    case Field::kLegacyTask:
      return BuildObject(field, ctx, out);
  }
}

bool ResolveContextPath(Field root, std::span<const std::string_view> names,
                        FieldResolution* result, size_t* bad_name,
                        std::string* error) {
  Field field = root;
  size_t i = 0;
  for (; i < names.size() && HasSubFields(field); ++i) {
    const SubField* found = nullptr;
    for (const SubField& s : kSubFields) {
      if (s.parent == field && s.name == names[i]) {
        found = &s;
        break;
      }
    }
    if (found == nullptr) {
      std::string known;
      for (const SubField& s : kSubFields) {
        if (s.parent == field)
          StrAppend(&known, known.empty() ? "" : ", ", s.name);
      }
      *bad_name = i;
      *error = StrCat(FieldDisplayName(field), " has no field '", names[i],
                      "' (it has ", known, ")");
      return false;
    }
    field = found->field;
  }
  result->field = field;
  result->consumed = i;
  return true;
}

std::string_view FieldDisplayName(Field field) {
  switch (field) {
    case Field::kInput:
      return "$Input";
    case Field::kOutput:
      return "$Output";
    case Field::kGlobal:
      return "$Global";
    case Field::kItem:
      return "$Item";
    case Field::kExecutionInput:
      return "$Context.Execution.Input";
    case Field::kLegacyLocal:
      return "$local";
    case Field::kExecutionName:
      return "$Context.Execution.Name";
    case Field::kRoleArn:
      return "$Context.Execution.RoleArn";
    case Field::kFlowName:
      return "$Context.Flow.Name";
    case Field::kStateName:
      return "$Context.Current.Name";
    case Field::kErrorCode:
      return "$Context.Current.Error.Code";
    case Field::kErrorDetail:
      return "$Context.Current.Error.Detail";
    case Field::kRetryCount:
      return "$Context.Current.RetryCount";
    case Field::kTaskToken:
      return "$Context.Current.TaskToken";
    case Field::kContext:
      return "$Context";
    case Field::kExecution:
      return "$Context.Execution";
    case Field::kCurrent:
      return "$Context.Current";
    case Field::kError:
      return "$Context.Current.Error";
    case Field::kFlow:
      return "$Context.Flow";
    case Field::kLegacyContext:
      return "$context";
    case Field::kLegacyExecution:
      return "$context.execution";
    case Field::kLegacyFlow:
      return "$context.flow";
    case Field::kLegacyStep:
      return "$context.step";
    case Field::kLegacyTask:
      return "$context.task";
  }
  return "";
}

}  // namespace fnf::internal
