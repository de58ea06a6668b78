// fnf/status.h: the error vocabulary of the fnf API.
//
// Every fnf operation reports failure as a `Status` carrying one of the API
// error codes of the Serverless Workflow / CloudFlow OpenAPI (2019-03-15), its
// HTTP status and a message that says what went wrong and where. No fnf
// function throws.
//
// Example:
// clang-format off
//   fnf::StatusOr<fnf::Execution> e = engine.StartExecution({.flow_name = "f1"});
//   if (!e.ok()) std::cerr << e.status().ToString() << "\n";
//   // "FlowNotExists (HTTP 404): Flow f1 does not exist."
// clang-format on
#ifndef FNF_STATUS_H_
#define FNF_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fnf {

// The API error codes (see docs/errors.md). `ErrorCodeName` gives
// the wire name and `ErrorCodeHttpStatus` the HTTP status of each.
enum class ErrorCode {
  kOk = 0,
  kAccessDenied,
  kActionNotSupported,
  kAPIVersionNotSupported,
  kConcurrentUpdateError,
  kEntityTooLarge,
  kExecutionAlreadyCompleted,
  kExecutionAlreadyExists,
  kExecutionNotExists,
  kFlowAlreadyExists,
  kFlowNotExists,
  kInternalServerError,
  kInvalidAccessKeyID,
  kInvalidArgument,
  kMissingRequiredHeader,
  kMissingRequiredParams,
  kPreconditionFailed,
  kTaskAlreadyCompleted,
  kScheduleNotExists,
  kScheduleAlreadyExists,
  kResourceThrottled,
  // Signed requests (fnf/server.h).
  kSignatureNotMatch,
  kRequestTimeTooSkewed,
  kSignatureNonceUsed,
};

// "ExecutionAlreadyExists" etc.; "" for kOk. Thread-safe.
std::string_view ErrorCodeName(ErrorCode code);
// 200 for kOk, else the code's HTTP status (400, 404, 409, 429, 500 ...).
// Thread-safe.
int ErrorCodeHttpStatus(ErrorCode code);

// An API error, or OK. Cheap when OK (a null pointer). Value type;
// thread-compatible.
class [[nodiscard]] Status {
 public:
  // OK.
  Status() = default;
  // An error; kOk with any message is OK.
  Status(ErrorCode code, std::string message);
  // Copies (the message is copied too).
  Status(const Status& other);
  // Copies (the message is copied too).
  Status& operator=(const Status& other);
  // Moves; `other` is left OK.
  Status(Status&&) noexcept = default;
  // Moves; `other` is left OK.
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  // OK.
  static Status Ok() { return Status(); }

  // True when this is not an error.
  bool ok() const { return rep_ == nullptr; }
  // "" when ok; else the API error code, e.g. "ExecutionAlreadyExists".
  const std::string& code() const;
  // The code as an enum; kOk when ok.
  ErrorCode error_code() const { return rep_ ? rep_->code : ErrorCode::kOk; }
  // 200 when ok; else the code's HTTP status.
  int http_status() const { return ErrorCodeHttpStatus(error_code()); }
  // e.g. "Execution e1 for flow f1 already exists."; "" when ok.
  const std::string& message() const;
  // "OK", or "<code> (HTTP <status>): <message>".
  std::string ToString() const;

 private:
  struct Rep {
    ErrorCode code;
    std::string name;
    std::string message;
  };
  std::unique_ptr<Rep> rep_;
};

// A value of type T, or the Status saying why there is none.
// REQUIRES: value(), operator* and operator-> only when ok().
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  // A value. Implicit by design: `return flow;`.
  StatusOr(const T& value) : v_(value) {}  // NOLINT
  // A value. Implicit by design.
  StatusOr(T&& value) : v_(std::move(value)) {}  // NOLINT
  // An error; an OK status becomes InternalServerError. Implicit by design:
  // `return Status(...);`.
  StatusOr(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) {
      v_ = Status(ErrorCode::kInternalServerError,
                  "StatusOr built from an OK status");
    }
  }

  // True when there is a value.
  bool ok() const { return v_.index() == 0; }
  // OK when a value is held. A reference for lvalues (valid as long as this
  // StatusOr is), as absl::StatusOr does; rvalues give the Status up.
  const Status& status() const& {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // The error, moved out; OK when a value is held.
  Status status() && {
    return ok() ? Status() : std::get<Status>(std::move(v_));
  }
  // The value. REQUIRES: ok().
  const T& value() const& { return std::get<T>(v_); }
  // The value. REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  // The value, moved out. REQUIRES: ok().
  T&& value() && { return std::get<T>(std::move(v_)); }
  // The value. REQUIRES: ok().
  const T& operator*() const& { return value(); }
  // The value. REQUIRES: ok().
  T& operator*() & { return value(); }
  // The value, moved out. REQUIRES: ok().
  T&& operator*() && { return std::move(*this).value(); }
  // The value's members. REQUIRES: ok().
  const T* operator->() const { return &value(); }
  // The value's members. REQUIRES: ok().
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace fnf

#endif  // FNF_STATUS_H_
