#pragma once
// The server's settings. Each comes from, in order, its default, then an optional
// JSON file (--config allot.json), then the environment (ALLOT_PORT, ...), then a
// command-line flag: a later source wins. Every setting has one key, used as-is
// in the file, upper-cased with an ALLOT_ prefix in the environment, and with
// dashes for the flag (`--max-body-bytes`).

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "allot/base/issue.h"

namespace allot::api {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;                           // 0 picks a free port (logged at start)
  std::string database = "allot.sqlite";     // SQLite path or postgresql:// URL
  std::string postgres_schema;               // PostgreSQL only: keep the tables in this schema
  std::string web_root = "web/dist";         // the built pages
  bool demo = false;                         // load demo data into an empty database
  std::string demo_password;                 // secret: fixed demo password (tests); empty = random
  std::string rulebooks_dir = "data/rulebooks";  // example rulebooks for --demo
  int io_threads = 2;                        // threads doing network I/O
  int worker_threads = 4;                    // threads running request handlers
  int job_threads = 1;                       // threads running long jobs (simulations)
  int read_timeout_seconds = 30;             // a request (or an idle keep-alive gap) must arrive within this
  int write_timeout_seconds = 30;
  int shutdown_grace_seconds = 30;           // requests in flight get this long to finish
  std::size_t max_header_bytes = 16 * 1024;  // 431 above this
  std::size_t max_body_bytes = 1024 * 1024;  // JSON bodies; 413 above this
  std::size_t max_upload_bytes = 64 * 1024 * 1024;  // CSV uploads (populations); 413 above this
  std::size_t max_connections = 10000;       // further connections are closed at once
  int max_concurrent_uploads = 4;            // bodies over 1 MiB read at once; 503 beyond
  std::size_t min_upload_bytes_per_second = 256 * 1024;  // slower bodies are cut off
  bool secure_cookies = true;                // the Secure cookie attribute
  bool test_routes = false;                  // serves /api/v1/test/* (tests only; never in production)
  std::string trusted_proxies;               // "127.0.0.1, ::1": proxies whose X-Forwarded-For is believed
  std::string clock_start;                   // "2026-11-22T09:00:00.000Z": the clock starts there and runs
                                             // on (tests, demonstrations); empty = the system clock
};

using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
// Reads the process environment.
std::optional<std::string> process_env(const std::string& name);

struct ConfigSources {
  std::optional<std::string> file_text;  // the config file's contents, if one was given
  std::string file_name;                 // for error paths
  EnvLookup env = process_env;
  std::map<std::string, std::string> flags;  // key -> value text, from the command line
};

struct ResolvedConfig {
  ServerConfig config;
  std::map<std::string, std::string> origin;  // key -> "default", "file", "env ALLOT_PORT", "flag"
};

// Applies the sources in order. Returns every problem at once (path: "allot.json:port",
// "ALLOT_PORT", "--port").
Result<ResolvedConfig> resolve_config(const ConfigSources& sources);

// Every setting key, in a stable order.
const std::vector<std::string>& config_keys();

// One line per setting for the start-up log: "port = 8080 (flag)". Secrets are
// shown as "(set)" and a database URL's password as "***".
std::vector<std::string> describe_config(const ResolvedConfig& resolved);

// "postgresql://user:***@host/db" for "postgresql://user:secret@host/db".
std::string redact_database(const std::string& database);

}  // namespace allot::api
