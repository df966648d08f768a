#pragma once
// The HTTP/1.1 server (Boost.Beast, in server.cpp only). Asynchronous I/O on a few
// threads, so idle keep-alive connections cost memory but no thread; handlers run
// on a separate pool, so a slow handler never blocks I/O.
//
// Robustness: every read has a time-out (a client that sends half a request and
// stalls is cut off); header and body sizes are limited (431, 413) before the body
// is read; SIGINT and SIGTERM stop accepting, close idle connections, let requests
// in flight finish (up to the grace period) and then return from run().

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <optional>
#include <string_view>

#include "allot/api/shared/http.h"

namespace allot::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port; see HttpServer::port()
  int io_threads = 2;
  int worker_threads = 4;
  int read_timeout_seconds = 30;
  int write_timeout_seconds = 30;
  int shutdown_grace_seconds = 30;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_connections = 10000;
  bool handle_signals = true;  // stop on SIGINT/SIGTERM
  bool log_requests = true;    // one line per request
  // Bodies above this size are uploads: at most max_concurrent_uploads are read
  // at once (others get 503 with Retry-After), each at no less than
  // min_upload_bytes_per_second once the read time-out has passed.
  std::size_t upload_threshold_bytes = 1024 * 1024;
  int max_concurrent_uploads = 4;
  std::size_t min_upload_bytes_per_second = 256 * 1024;
  // Reverse proxies whose X-Forwarded-For is believed (forwarded.h); empty: none.
  std::vector<std::string> trusted_proxies;
};

struct RequestHandlers {
  // Produces the response; called on a worker thread. Exceptions become a bare 500.
  std::function<HttpResponse(const HttpRequest&)> handle;
  // The largest body accepted for this method and path (called on an I/O thread
  // once the header has arrived); larger bodies get 413 unread.
  std::function<std::size_t(Method, std::string_view path)> body_limit;
  // Optional. Called on a worker thread once the header has arrived, before any
  // of the body is read (the request has its headers but no body). A response
  // refuses the request unread and the connection closes, so a stranger cannot
  // make the server hold a large body; nothing lets the request go on.
  std::function<std::optional<HttpResponse>(const HttpRequest& head)> admit;
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandlers handlers);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Returns false (with the reason in `error`) if it cannot.
  bool listen(std::string& error);
  // The port actually bound (after listen()).
  int port() const;
  // Serves until shutdown; returns once every connection has closed or the grace
  // period has passed.
  void run();
  // Starts a graceful shutdown, as SIGTERM does. Safe from any thread.
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace allot::api
