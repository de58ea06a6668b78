// fnf/store.h: durable stores, so that executions survive the process.
//
// A `Store` keeps flows, executions (their state, history, timers and task
// tokens) and schedules outside the process. The embedded default is one
// SQLite file in WAL mode, opened with `OpenSqliteStore`; it needs no server.
//
// Example:
//   auto store = fnf::OpenSqliteStore("/var/lib/app/fnf.db");
//   if (!store.ok()) { std::cerr << store.status().ToString() << "\n"; ... }
//
// Thread-safety: a Store is safe to use from any thread. One process at a time
// may open a SQLite store: the file `<path>.lock` next to it is locked for as
// long as the Store lives.
#ifndef FNF_STORE_H_
#define FNF_STORE_H_

#include <chrono>
#include <memory>
#include <string>

#include "fnf/status.h"

namespace fnf {

// Opaque to hosts: built by OpenSqliteStore and handed to EngineOptions::store.
class Store;

// How much a commit survives.
enum class Durability {
  // Every commit batch is synced to the disk (SQLite synchronous=FULL): what
  // was committed survives a crash of the machine or a power loss.
  kPowerLoss,
  // Commits survive `kill -9` of the process (SQLite synchronous=NORMAL); a
  // power loss may lose the last batches, never the file's consistency.
  kProcessCrash,
};

// Opens the SQLite store at `path`, creating the file (format version 1) when
// it does not exist, and migrating a file written by an older fnf.
// Errors:
//  - InvalidArgument: `path` is empty, its folder does not exist or is not
//    writable, the file is not an fnf store (another file, or an SQLite
//    database of another application), or it was written by a newer fnf (its
//    format version is newer than this build reads).
//  - PreconditionFailed: another process (or another Store in this process)
//    holds the store: `<path>.lock` is locked.
//  - InternalServerError: the file is damaged (an integrity check failed) or
//    the disk failed (full, I/O error) while the store was being prepared.
// Thread-safe.
StatusOr<std::shared_ptr<Store>> OpenSqliteStore(
    const std::string& path, Durability durability = Durability::kPowerLoss);

// Settings of a store shared by several hosts on one PostgreSQL database.
struct PostgresOptions {
  // How long a host may stay silent before the others take over its
  // executions. Must be positive.
  std::chrono::milliseconds lease{5000};
  // How often an idle host looks for due work. Positive, shorter than lease.
  std::chrono::milliseconds poll{200};
};

// Opens the PostgreSQL database `conninfo` names (a libpq connection string,
// "host=/run/postgresql dbname=fnf", or URI, "postgresql://user@host/fnf") as
// a store shared by several hosts, and brings it to this build's schema (the
// same tables as the SQLite file; created in one transaction by whichever
// host opens an empty database first). Without `connect_timeout` in
// `conninfo`, connecting gives up after 10 seconds.
// NOTE: in this version the engine does not yet run executions on a
// PostgreSQL store (docs/durability.md); opening one checks and prepares it.
// Errors:
//  - InvalidArgument: `conninfo` is empty or cannot be parsed, names a
//    database that does not exist, or a database holding a table of fnf's
//    names without fnf's metadata (another application's: give fnf a
//    database or schema of its own); the store was written by a newer fnf;
//    `options` out of range.
//  - AccessDenied: the server refused the user or the password.
//  - InternalServerError: the server cannot be reached, or failed while the
//    schema was being prepared (nothing of it was committed).
// Thread-safe.
StatusOr<std::shared_ptr<Store>> OpenPostgresStore(
    const std::string& conninfo, PostgresOptions options = {});

}  // namespace fnf

#endif  // FNF_STORE_H_
