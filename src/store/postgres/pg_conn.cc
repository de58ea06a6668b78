#include "store/postgres/pg_conn.h"

#include "common/strings.h"
#include <libpq-fe.h>

namespace fnf::internal {
namespace {

// libpq's messages end with a newline (sometimes several lines); messages of
// ours read better on one line.
std::string OneLine(const char* message) {
  std::string out = message == nullptr ? "" : message;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
    out.pop_back();
  }
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

std::string Where(pg_conn* conn) {
  const char* host = PQhost(conn);
  const char* port = PQport(conn);
  const char* db = PQdb(conn);
  return StrCat(host == nullptr ? "" : host, ":", port == nullptr ? "" : port,
                "/", db == nullptr ? "" : db);
}

// A connection that failed: which of the caller's settings is wrong, if one
// is. libpq reports no SQLSTATE for a refused connection, so the server's
// (English) message is what tells them apart.
ErrorCode ConnectFailureCode(pg_conn* conn, const std::string& message) {
  if (PQconnectionNeedsPassword(conn) ||
      message.find("authentication failed") != std::string::npos ||
      message.find("role \"") != std::string::npos) {
    return ErrorCode::kAccessDenied;
  }
  if (message.find("database \"") != std::string::npos &&
      message.find("does not exist") != std::string::npos) {
    return ErrorCode::kInvalidArgument;
  }
  return ErrorCode::kInternalServerError;
}

}  // namespace

PgRows::~PgRows() {
  if (result_ != nullptr) PQclear(result_);
}

int PgRows::size() const { return PQntuples(result_); }

std::optional<std::string> PgRows::Get(int row, int column) const {
  if (row >= PQntuples(result_) || column >= PQnfields(result_) ||
      PQgetisnull(result_, row, column)) {
    return std::nullopt;
  }
  return std::string(PQgetvalue(result_, row, column),
                     PQgetlength(result_, row, column));
}

StatusOr<std::unique_ptr<PgConn>> PgConn::Connect(const std::string& conninfo) {
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(conninfo.c_str(), &parse_error);
  if (parsed == nullptr) {
    std::string why =
        parse_error == nullptr ? "out of memory" : OneLine(parse_error);
    PQfreemem(parse_error);
    return Status(ErrorCode::kInvalidArgument,
                  StrCat("OpenPostgresStore: the connection string cannot be "
                         "parsed (",
                         why, ")."));
  }
  PQconninfoFree(parsed);
  // A default connect timeout (an unreachable host must not hang the caller
  // for minutes) and a name in pg_stat_activity; the caller's string, expanded
  // last, overrides both.
  const char* keywords[] = {"connect_timeout", "application_name", "dbname",
                            nullptr};
  const char* values[] = {"10", "fnf", conninfo.c_str(), nullptr};
  pg_conn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) {
    return Status(ErrorCode::kInternalServerError,
                  "OpenPostgresStore: out of memory while connecting.");
  }
  std::string where = Where(conn);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = OneLine(PQerrorMessage(conn));
    ErrorCode code = ConnectFailureCode(conn, why);
    PQfinish(conn);
    return Status(code, StrCat("OpenPostgresStore: cannot connect to "
                               "PostgreSQL at ",
                               where, " (", why, ")."));
  }
  return std::unique_ptr<PgConn>(new PgConn(conn, std::move(where)));
}

PgConn::~PgConn() { PQfinish(conn_); }

Status PgConn::Error(std::string_view what, pg_result* result) const {
  std::string why = OneLine(result != nullptr ? PQresultErrorMessage(result)
                                              : PQerrorMessage(conn_));
  const char* state = result != nullptr
                          ? PQresultErrorField(result, PG_DIAG_SQLSTATE)
                          : nullptr;
  std::string_view sqlstate = state == nullptr ? "" : state;
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status(ErrorCode::kInternalServerError,
                  StrCat("store ", where_,
                         ": lost the connection to "
                         "PostgreSQL while ",
                         what, " (", why, "); nothing of it was committed."));
  }
  if (sqlstate == "53100") {
    return Status(ErrorCode::kInternalServerError,
                  StrCat("store ", where_, ": ", what,
                         " failed: the database server's disk is full; "
                         "nothing of this operation was committed."));
  }
  return Status(
      ErrorCode::kInternalServerError,
      StrCat("store ", where_, ": ", what, " failed (",
             sqlstate.empty() ? "" : StrCat("SQLSTATE ", sqlstate, ": "), why,
             ")."));
}

Status PgConn::Exec(std::string_view sql) {
  std::string text(sql);
  pg_result* result = PQexec(conn_, text.c_str());
  ExecStatusType status =
      result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  Status s;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    s = Error(StrCat("running `", Excerpt(sql), "`"), result);
  }
  if (result != nullptr) PQclear(result);
  return s;
}

StatusOr<PgRows> PgConn::Query(
    const std::string& sql,
    const std::vector<std::optional<std::string>>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  pg_result* result =
      PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                   values.data(), nullptr, nullptr, /*resultFormat=*/0);
  ExecStatusType status =
      result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Status s = Error(StrCat("running `", Excerpt(sql), "`"), result);
    if (result != nullptr) PQclear(result);
    return s;
  }
  return PgRows(result);
}

bool PgConn::InTransaction() const {
  return PQtransactionStatus(conn_) != PQTRANS_IDLE;
}

}  // namespace fnf::internal
