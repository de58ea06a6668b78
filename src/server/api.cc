#include "server/api.h"

#include "absl/strings/ascii.h"
#include "common/strings.h"
#include "server/form.h"
#include "server/json_body.h"
#include "server/params.h"

namespace fnf::server {
namespace {

using internal::StrCat;

bool IsForm(const HttpRequest& request) {
  const std::string* type = request.Header("content-type");
  if (type == nullptr) return false;
  std::string lower = absl::AsciiStrToLower(*type);
  return lower.rfind("application/x-www-form-urlencoded", 0) == 0;
}

// A parameter, else the header that openapi-core sends it as.
std::string ParamOrHeader(const Params& params, const HttpRequest& request,
                          std::string_view param, std::string_view header) {
  if (const std::string* v = params.Find(param)) return *v;
  const std::string* h = request.Header(header);
  return h ? *h : std::string();
}

}  // namespace

Api::Api(Engine& engine, const ServerOptions& options, ActionTable actions)
    : engine_(engine),
      options_(options),
      actions_(std::move(actions)),
      clock_(options.clock ? options.clock : Clock::System()),
      auth_(options),
      random_(options.random_seed) {}

std::string Api::NewRequestId() {
  return absl::AsciiStrToUpper(random_.Uuid());
}

Status Api::Run(const HttpRequest& request, std::string* body,
                AccessLogEntry* log) {
  if (request.method != "GET" && request.method != "POST") {
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("The HTTP method '", request.method,
                         "' is not supported; use GET or POST."));
  }
  if (request.body.size() > options_.max_request_bytes) {
    return Status(ErrorCode::kEntityTooLarge,
                  StrCat("The payload size exceeds maximum allowed size (",
                         options_.max_request_bytes, " bytes)."));
  }
  Pairs query, form;
  if (Status s = ParseForm(request.query, "query", &query); !s.ok()) return s;
  if (request.method == "POST" && IsForm(request)) {
    if (Status s = ParseForm(request.body, "body", &form); !s.ok()) return s;
  }
  Params params;
  Pairs query_copy = query;  // the ACS3 signature covers the query alone
  if (Status s = Params::Merge(std::move(query_copy), std::move(form), &params);
      !s.ok()) {
    return s;
  }
  // A caller may choose its RequestId (older API metadata lists it).
  const std::string* id = params.Find("RequestId");
  log->request_id = id && !id->empty() ? *id : NewRequestId();
  log->action = ParamOrHeader(params, request, "Action", "x-acs-action");
  if (Status s = auth_.Check(request, query, params, clock_->Now(),
                             &log->access_key_id);
      !s.ok()) {
    return s;
  }
  if (log->action.empty()) return MissingParam("Action");
  std::string version =
      ParamOrHeader(params, request, "Version", "x-acs-version");
  if (version.empty()) return MissingParam("Version");
  if (version != kApiVersion) {
    return Status(ErrorCode::kAPIVersionNotSupported,
                  StrCat("The requested API version '", version,
                         "' is not supported yet. Please check."));
  }
  const Action* action = actions_.Find(log->action);
  if (action == nullptr) {
    return Status(ErrorCode::kActionNotSupported,
                  StrCat("The requested API operation '", log->action,
                         "' is incorrect. Please check."));
  }
  ActionContext ctx{engine_, params, options_, stopping_};
  JsonBody out;
  Status status = (*action)(ctx, out);
  if (options_.after_api_call) options_.after_api_call();
  if (!status.ok()) return status;
  *body = out.Finish(log->request_id);
  return Status();
}

HttpResponse Api::Handle(const HttpRequest& request, AccessLogEntry* log) {
  log->request_id.clear();
  std::string body;
  Status status = Run(request, &body, log);
  if (!status.ok()) return Error(request, status, log);
  HttpResponse response;
  response.headers.emplace_back("x-acs-request-id", log->request_id);
  response.body = std::move(body);
  return response;
}

HttpResponse Api::Error(const HttpRequest& request, const Status& status,
                        AccessLogEntry* log) {
  if (log->request_id.empty()) log->request_id = NewRequestId();
  log->http_status = status.http_status();
  log->code = status.code();
  const std::string* host = request.Header("host");
  HttpResponse response;
  response.status = status.http_status();
  response.headers.emplace_back("x-acs-request-id", log->request_id);
  response.body = ErrorBody(log->request_id, host ? *host : options_.host,
                            status.code(), status.message());
  return response;
}

}  // namespace fnf::server
