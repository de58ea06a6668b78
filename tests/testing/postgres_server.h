// A private PostgreSQL server for tests: a fresh cluster in a temporary folder,
// listening only on a Unix socket in that folder, started by the test process
// and stopped by pid. Nothing outside the folder is touched, so tests run the
// same on a developer's machine and in CI, as root or not.
#ifndef FNF_TESTS_TESTING_POSTGRES_SERVER_H_
#define FNF_TESTS_TESTING_POSTGRES_SERVER_H_

#include <string>

#include <sys/types.h>

namespace fnf::testing {

class PostgresServer {
 public:
  // The server of this test process, started on first use (initdb + start:
  // about a second) and stopped when the process exits. Fails the test with
  // a clear message when the PostgreSQL server binaries are missing
  // (scripts/install-deps.sh --test installs them).
  static PostgresServer& Shared();

  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;
  ~PostgresServer();

  // A new, empty database on this server; returns its connection string.
  std::string CreateDatabase();
  // The connection string of database `name` (which may not exist).
  std::string ConnInfo(const std::string& name) const;
  // Where the server listens (the socket folder) and its port number.
  const std::string& socket_dir() const { return dir_; }
  int port() const { return kPort; }

 private:
  // The socket lives in a private folder, so any port number is free.
  static constexpr int kPort = 5432;
  PostgresServer() = default;
  void Start();
  void Stop();

  std::string dir_;  // the temporary folder: data/ and the socket
  pid_t pid_ = -1;
  int next_db_ = 0;
};

}  // namespace fnf::testing

#endif  // FNF_TESTS_TESTING_POSTGRES_SERVER_H_
