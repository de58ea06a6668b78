#include "tests/testing/postgres_server.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/testing/catch.h"
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fnf::testing {
namespace {

// The newest installed server's binaries (FNF_POSTGRES_BIN overrides);
// "" when there is none.
std::string BinDir() {
  if (const char* env = std::getenv("FNF_POSTGRES_BIN")) return env;
  std::string best;
  int best_version = -1;
  std::error_code ec;
  for (const auto& entry :
       std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
    std::string name = entry.path().filename().string();
    int version = std::atoi(name.c_str());
    if (version > best_version &&
        std::filesystem::exists(entry.path() / "bin" / "initdb")) {
      best_version = version;
      best = (entry.path() / "bin").string();
    }
  }
  return best;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// PostgreSQL refuses to run as root; as root, the server runs as the
// `postgres` user that Debian's package creates.
const passwd* ServerUser() {
  return geteuid() == 0 ? getpwnam("postgres") : nullptr;
}

// Starts `argv` with its output in `log`, as the server user when root.
pid_t Spawn(const std::vector<std::string>& argv, const std::string& log) {
  const passwd* user = ServerUser();
  pid_t pid = fork();
  if (pid != 0) return pid;
  // The child: only async-signal-safe calls until exec.
  int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    dup2(fd, 1);
    dup2(fd, 2);
  }
  setsid();  // the test's Ctrl-C does not reach the server first
  if (user != nullptr) {
    if (setgroups(0, nullptr) != 0 || setgid(user->pw_gid) != 0 ||
        setuid(user->pw_uid) != 0) {
      _exit(126);
    }
  }
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

PostgresServer& PostgresServer::Shared() {
  static PostgresServer* server = [] {
    auto* s = new PostgresServer();
    s->Start();
    return s;
  }();
  // Stopped at exit by the process that started it (not by forked children).
  static const pid_t owner = getpid();
  static const bool registered = [] {
    std::atexit([] {
      if (getpid() == owner) server->Stop();
    });
    return true;
  }();
  (void)registered;
  return *server;
}

PostgresServer::~PostgresServer() { Stop(); }

void PostgresServer::Start() {
  const std::string bin = BinDir();
  if (bin.empty()) {
    FAIL(
        "PostgreSQL server binaries not found under /usr/lib/postgresql "
        "(set FNF_POSTGRES_BIN, or run scripts/install-deps.sh --test)");
  }
  char templ[] = "/tmp/fnf-pg.XXXXXX";
  REQUIRE(mkdtemp(templ) != nullptr);
  dir_ = templ;
  if (const passwd* user = ServerUser()) {
    REQUIRE(user != nullptr);
    REQUIRE(chown(dir_.c_str(), user->pw_uid, user->pw_gid) == 0);
  } else {
    REQUIRE((geteuid() != 0));  // root without a postgres user cannot run it
  }
  const std::string log = dir_ + "/server.log";
  pid_t init = Spawn({bin + "/initdb", "-D", dir_ + "/data", "-U", "fnf", "-A",
                      "trust", "-E", "UTF8", "--no-sync", "--no-instructions"},
                     log);
  int status = 0;
  REQUIRE(waitpid(init, &status, 0) == init);
  INFO("initdb failed:\n" << ReadFile(log));
  REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  pid_ = Spawn({bin + "/postgres", "-D", dir_ + "/data", "-k", dir_, "-p",
                std::to_string(kPort), "-c", "listen_addresses=", "-F", "-c",
                "max_connections=200"},
               log);
  // Wait for the server to accept connections (or to die): the one wait on
  // another process's progress that a test cannot avoid.
  const std::string conninfo = ConnInfo("postgres");
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (PQping(conninfo.c_str()) != PQPING_OK) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      FAIL("the test's PostgreSQL server exited at start:\n" << ReadFile(log));
    }
    if (std::chrono::steady_clock::now() > give_up) {
      FAIL("the test's PostgreSQL server did not start in 60 s:\n"
           << ReadFile(log));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void PostgresServer::Stop() {
  if (pid_ > 0) {
    kill(pid_, SIGINT);  // fast shutdown: disconnects clients, no waiting
    int status = 0;
    const auto give_up =
        std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > give_up) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    dir_.clear();
  }
}

std::string PostgresServer::ConnInfo(const std::string& name) const {
  return "host=" + dir_ + " port=" + std::to_string(kPort) +
         " user=fnf dbname=" + name;
}

std::string PostgresServer::CreateDatabase() {
  const std::string name = "fnf_test_" + std::to_string(++next_db_);
  PGconn* admin = PQconnectdb(ConnInfo("postgres").c_str());
  INFO(PQerrorMessage(admin));
  REQUIRE(PQstatus(admin) == CONNECTION_OK);
  PGresult* r = PQexec(admin, ("CREATE DATABASE " + name).c_str());
  INFO(PQresultErrorMessage(r));
  CHECK(PQresultStatus(r) == PGRES_COMMAND_OK);
  PQclear(r);
  PQfinish(admin);
  return ConnInfo(name);
}

}  // namespace fnf::testing
