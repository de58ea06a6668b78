#include "fnf/status.h"

#include <array>

namespace fnf {
namespace {

struct CodeInfo {
  ErrorCode code;
  std::string_view name;
  int http;
};

// The single table of API error codes (docs/errors.md, docs/behaviour.md), in
// enum order.
constexpr std::array<CodeInfo, 24> kCodes = {{
    {ErrorCode::kOk, "", 200},
    {ErrorCode::kAccessDenied, "AccessDenied", 403},
    {ErrorCode::kActionNotSupported, "ActionNotSupported", 400},
    {ErrorCode::kAPIVersionNotSupported, "APIVersionNotSupported", 400},
    {ErrorCode::kConcurrentUpdateError, "ConcurrentUpdateError", 409},
    {ErrorCode::kEntityTooLarge, "EntityTooLarge", 400},
    {ErrorCode::kExecutionAlreadyCompleted, "ExecutionAlreadyCompleted", 400},
    {ErrorCode::kExecutionAlreadyExists, "ExecutionAlreadyExists", 400},
    {ErrorCode::kExecutionNotExists, "ExecutionNotExists", 404},
    {ErrorCode::kFlowAlreadyExists, "FlowAlreadyExists", 409},
    {ErrorCode::kFlowNotExists, "FlowNotExists", 404},
    {ErrorCode::kInternalServerError, "InternalServerError", 500},
    {ErrorCode::kInvalidAccessKeyID, "InvalidAccessKeyID", 403},
    {ErrorCode::kInvalidArgument, "InvalidArgument", 400},
    {ErrorCode::kMissingRequiredHeader, "MissingRequiredHeader", 400},
    {ErrorCode::kMissingRequiredParams, "MissingRequiredParams", 400},
    {ErrorCode::kPreconditionFailed, "PreconditionFailed", 412},
    {ErrorCode::kTaskAlreadyCompleted, "TaskAlreadyCompleted", 400},
    {ErrorCode::kScheduleNotExists, "ScheduleNotExists", 404},
    {ErrorCode::kScheduleAlreadyExists, "ScheduleAlreadyExists", 409},
    {ErrorCode::kResourceThrottled, "ResourceThrottled", 429},
    {ErrorCode::kSignatureNotMatch, "SignatureNotMatch", 403},
    {ErrorCode::kRequestTimeTooSkewed, "RequestTimeTooSkewed", 403},
    {ErrorCode::kSignatureNonceUsed, "SignatureNonceUsed", 400},
}};

const CodeInfo& Info(ErrorCode code) {
  size_t i = static_cast<size_t>(code);
  return i < kCodes.size()
             ? kCodes[i]
             : kCodes[static_cast<size_t>(ErrorCode::kInternalServerError)];
}

const std::string& EmptyString() {
  static const std::string* empty = new std::string();
  return *empty;
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) { return Info(code).name; }
int ErrorCodeHttpStatus(ErrorCode code) { return Info(code).http; }

Status::Status(ErrorCode code, std::string message) {
  if (code == ErrorCode::kOk) return;
  rep_ = std::make_unique<Rep>(
      Rep{code, std::string(ErrorCodeName(code)), std::move(message)});
}

Status::Status(const Status& other)
    : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other)
    rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

const std::string& Status::code() const {
  return rep_ ? rep_->name : EmptyString();
}
const std::string& Status::message() const {
  return rep_ ? rep_->message : EmptyString();
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return rep_->name + " (HTTP " + std::to_string(http_status()) +
         "): " + rep_->message;
}

}  // namespace fnf
