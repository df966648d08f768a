#pragma once
// Starts the real `allot serve` binary on a free port (--port 0, the port read
// back from its start-up line) with a temporary SQLite database and demo data.

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http_client.h"

namespace allot::api::test {

inline constexpr const char* kDemoPassword = "test-demo-password";
// The instant test servers start at (docs/api.md's worked examples are dated 22 November 2026).
inline constexpr const char* kTestClockStart = "2026-11-22T09:00:00.000Z";

struct ServerSettings {
  std::map<std::string, std::string> env;  // extra environment (ALLOT_TEST_ROUTES=1, ...)
  std::vector<std::string> args;           // extra arguments after `serve`
  std::string database;                    // empty: a fresh SQLite file in the temp folder
  bool demo = true;
  bool web_pages = true;                   // a tiny web root with index.html and one asset
  // The server's clock starts here, so dates in answers are the same on any day
  // the tests run; empty uses the real clock.
  std::string clock_start = kTestClockStart;
};

class ServerProcess {
 public:
  // Starts the server and waits for it to listen. Throws std::runtime_error with
  // the server's log if it does not start.
  static std::unique_ptr<ServerProcess> start(const ServerSettings& settings = {});
  ~ServerProcess();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& folder() const { return folder_; }
  const std::string& start_output() const { return start_output_; }
  std::string log() const;  // the server's standard error so far

  // Sends `signal` and waits for the process to exit; returns its exit status
  // (or 128 + signal if it was killed), or -1 if it did not exit within the wait.
  int stop(int signal, int wait_seconds = 30);
  bool running() const { return pid_ > 0; }

  ClientResponse request(std::string_view method, std::string_view target, std::string_view body = {},
                         const HeaderList& headers = {}) const {
    return http_request(port_, method, target, body, headers);
  }

 private:
  ServerProcess() = default;
  pid_t pid_ = -1;
  int port_ = 0;
  int stdout_fd_ = -1;
  std::string folder_;
  std::string start_output_;
};

// A signed-in demo user: the cookie, CSRF token and bearer token.
struct SignedInUser {
  std::string cookie;  // "allot_session=..."
  std::string csrf_token;
  std::string token;
  HeaderList cookie_headers(bool with_csrf) const;  // Cookie (and X-CSRF-Token)
  HeaderList bearer_headers() const;                // Authorization: Bearer
};

// Signs a demo user in (username = role name); throws if it fails.
SignedInUser sign_in(const ServerProcess& server, const std::string& username);

HeaderList json_headers(HeaderList more = {});

}  // namespace allot::api::test
