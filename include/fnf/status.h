// fnf/status.h: the error vocabulary of the fnf API.
//
// Every fnf operation reports failure as a `Status` carrying one of the API
// error codes of the Serverless Workflow / CloudFlow OpenAPI (2019-03-15), its
// HTTP status and a message that says what went wrong and where. No fnf
// function throws.
//
// clang-format off
// Example:
//   fnf::StatusOr<fnf::Execution> e = engine.StartExecution({.flow_name = "f1"});
//   if (!e.ok()) std::cerr << e.status().ToString() << "\n";  // "FlowNotExists: Flow f1 ..."
// clang-format on
#ifndef FNF_STATUS_H_
#define FNF_STATUS_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fnf {

// The API error codes (spec/api.md §6, DECISIONS.md 25). `ErrorCodeName` gives
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
  Status() = default;  // OK
  Status(ErrorCode code, std::string message);
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  static Status Ok() { return Status(); }

  bool ok() const { return rep_ == nullptr; }
  // "" when ok; else the API error code, e.g. "ExecutionAlreadyExists".
  const std::string& code() const;
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
  StatusOr(const T& value) : v_(value) {}        // NOLINT: implicit by design
  StatusOr(T&& value) : v_(std::move(value)) {}  // NOLINT
  StatusOr(Status status) : v_(std::move(status)) {  // NOLINT
    if (std::get<Status>(v_).ok()) {
      v_ = Status(ErrorCode::kInternalServerError,
                  "StatusOr built from an OK status");
    }
  }

  bool ok() const { return v_.index() == 0; }
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace fnf

#endif  // FNF_STATUS_H_
