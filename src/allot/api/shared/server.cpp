// The only translation unit that includes Boost.Beast (each costs ~15 s to compile).
#include "allot/api/shared/server.h"

// GCC 12 needs <utility> before <boost/asio.hpp> (STACK.md).
#include <utility>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "allot/api/shared/log.h"
#include "allot/api/shared/forwarded.h"

namespace allot::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using asio::use_awaitable;

namespace {

// One open connection, as shutdown sees it. Touched only on the connection's strand.
struct Connection {
  asio::any_io_executor strand;
  beast::tcp_stream* stream = nullptr;  // set while the connection's coroutine runs
  bool idle = true;                     // waiting for the next request to begin
};

std::string remote_text(const beast::tcp_stream& stream) {
  beast::error_code ec;
  const tcp::endpoint endpoint = stream.socket().remote_endpoint(ec);
  return ec ? std::string("unknown") : endpoint.address().to_string();
}

// Benign ways for a connection to end: the client left, timed out or we cancelled.
bool is_quiet_end(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
         ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::broken_pipe ||
         ec == http::error::partial_message;
}

// A plain JSON error the server itself produces (before any handler runs).
HttpResponse server_error(int status, std::string_view code, std::string_view message) {
  HttpResponse response = error_response(status, code, message);
  response.close_connection = true;
  return response;
}

}  // namespace

// Holds one of a limited number of places while a large body is read; a limit
// below zero means the body is not an upload and needs no place.
class UploadSlot {
 public:
  UploadSlot(std::atomic<int>& in_use, int limit) : in_use_(in_use) {
    if (limit < 0) return;
    if (in_use_.fetch_add(1) < limit) {
      counted_ = true;
      return;
    }
    in_use_.fetch_sub(1);
    refused_ = true;
  }
  ~UploadSlot() {
    if (counted_) in_use_.fetch_sub(1);
  }
  UploadSlot(const UploadSlot&) = delete;
  UploadSlot& operator=(const UploadSlot&) = delete;
  bool held() const { return !refused_; }

 private:
  std::atomic<int>& in_use_;
  bool counted_ = false;
  bool refused_ = false;
};

struct HttpServer::Impl {
  Impl(ServerOptions server_options, RequestHandlers request_handlers)
      : options(std::move(server_options)),
        handlers(std::move(request_handlers)),
        ioc(std::max(1, options.io_threads)),
        control(asio::make_strand(ioc)),
        acceptor(control),
        signals(control),
        grace_timer(control),
        workers(static_cast<std::size_t>(std::max(1, options.worker_threads))) {}

  ~Impl() { workers.join(); }

  ServerOptions options;
  RequestHandlers handlers;
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> control;  // acceptor, signals, shutdown
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  asio::thread_pool workers;  // declared after ioc: destroyed (joined) before it
  std::atomic<bool> stopping{false};
  std::atomic<int> bound_port{0};
  std::mutex connections_mutex;
  std::unordered_map<Connection*, std::shared_ptr<Connection>> connections;
  std::atomic<int> uploads{0};  // large bodies being read now

  std::size_t connection_count() {
    std::lock_guard lock(connections_mutex);
    return connections.size();
  }

  void forget(const std::shared_ptr<Connection>& connection) {
    bool last = false;
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(connection.get());
      last = connections.empty();
    }
    if (last && stopping) {
      asio::post(control, [this] { grace_timer.cancel(); });
    }
  }

  // Runs on `control`.
  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    beast::error_code ec;
    acceptor.close(ec);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(connections_mutex);
      for (const auto& [key, connection] : connections) open.push_back(connection);
    }
    log_line(fmt::format("shutting down: no new connections; {} open connection(s) finish their requests", open.size()));
    for (const auto& connection : open) {
      asio::post(connection->strand, [connection] {
        if (connection->stream != nullptr && connection->idle) connection->stream->cancel();
      });
    }
    if (open.empty()) {
      signals.cancel();
      return;
    }
    grace_timer.expires_after(std::chrono::seconds(options.shutdown_grace_seconds));
    grace_timer.async_wait([this](beast::error_code wait_error) {
      signals.cancel();
      if (wait_error) return;  // cancelled: every connection closed in time
      log_line(fmt::format("shutdown grace period over; dropping {} connection(s)", connection_count()));
      ioc.stop();
    });
  }

  void wait_for_signal() {
    signals.async_wait([this](beast::error_code ec, int signal_number) {
      if (ec) return;
      if (stopping) {
        log_line("second signal: stopping now");
        ioc.stop();
        return;
      }
      log_line(fmt::format("received {}", signal_number == SIGINT ? "SIGINT" : "SIGTERM"));
      begin_shutdown();
      // Listen for a second signal only while connections are still finishing: with
      // none open, a pending wait would be the one thing keeping the server running.
      if (connection_count() > 0) wait_for_signal();
    });
  }

  asio::awaitable<void> accept_loop() {
    while (!stopping && acceptor.is_open()) {
      tcp::socket socket(asio::make_strand(ioc));
      beast::error_code ec;
      co_await acceptor.async_accept(socket, asio::redirect_error(use_awaitable, ec));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) break;
        log_line("accept failed: " + ec.message());
        // Out of file descriptors, say: pause rather than spin.
        asio::steady_timer pause(control, std::chrono::milliseconds(50));
        co_await pause.async_wait(asio::redirect_error(use_awaitable, ec));
        continue;
      }
      if (connection_count() >= options.max_connections) {
        socket.close(ec);
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto connection = std::make_shared<Connection>();
      connection->strand = socket.get_executor();
      {
        std::lock_guard lock(connections_mutex);
        connections.emplace(connection.get(), connection);
      }
      asio::co_spawn(connection->strand, serve_connection(std::move(socket), connection), asio::detached);
    }
  }

  asio::awaitable<void> serve_connection(tcp::socket socket, std::shared_ptr<Connection> connection) {
    beast::tcp_stream stream(std::move(socket));
    connection->stream = &stream;
    const std::string remote = remote_text(stream);
    try {
      co_await serve_requests(stream, *connection, remote);
    } catch (const std::exception& error) {
      log_line(fmt::format("connection from {} failed: {}", remote, error.what()));
    }
    connection->stream = nullptr;
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.socket().close(ec);
    forget(connection);
  }

  // Writes a response the server made itself and closes, first reading what the
  // client still sends for a moment so that it sees the response instead of a reset.
  asio::awaitable<void> refuse(beast::tcp_stream& stream, unsigned version, const HttpResponse& response) {
    co_await write_response(stream, version, false, Method::kGet, response, false);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::vector<char> sink(64 * 1024);
    std::size_t drained = 0;
    stream.expires_after(std::chrono::seconds(2));
    while (!ec && drained < 16 * 1024 * 1024) {
      drained += co_await stream.async_read_some(asio::buffer(sink), asio::redirect_error(use_awaitable, ec));
    }
  }

  asio::awaitable<bool> write_response(beast::tcp_stream& stream, unsigned version, bool head, Method method,
                                       const HttpResponse& response, bool keep_alive) {
    (void)method;
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    for (const auto& [name, value] : response.headers) message.insert(name, value);
    message.set(http::field::server, "allot");
    message.body() = response.body;
    message.keep_alive(keep_alive);
    message.prepare_payload();
    if (head) message.body().clear();
    beast::error_code ec;
    stream.expires_after(std::chrono::seconds(options.write_timeout_seconds));
    co_await http::async_write(stream, message, asio::redirect_error(use_awaitable, ec));
    co_return !ec;
  }

  // A response that reports something audited is released only once its audit
  // entries are durable (the group-commit writer settles them); the connection
  // waits without holding a thread, so a few workers serve many clients.
  asio::awaitable<void> wait_until_recorded(HttpResponse& response) {
    if (!response.when_recorded) co_return;
    auto when_recorded = std::move(response.when_recorded);
    response.when_recorded = nullptr;
    const bool recorded = co_await asio::async_initiate<decltype(use_awaitable), void(bool)>(
        [&when_recorded](auto handler) {
          auto shared = std::make_shared<decltype(handler)>(std::move(handler));
          when_recorded([shared](bool written) {
            auto executor = asio::get_associated_executor(*shared);
            asio::post(executor, [shared, written]() mutable { std::move (*shared)(written); });
          });
        },
        use_awaitable);
    if (!recorded) {
      log_line("an audit entry could not be written; the response was withheld");
      response = error_response(500, "internal", "the audit record of this request could not be written, so its answer is withheld");
    }
  }

  HttpResponse call_handler(const HttpRequest& request) {
    try {
      return handlers.handle(request);
    } catch (const std::exception& error) {
      log_line(fmt::format("handler failed for {} {}: {}", method_name(request.method), request.path, error.what()));
    } catch (...) {
      log_line(fmt::format("handler failed for {} {}", method_name(request.method), request.path));
    }
    return server_error(500, "internal", "internal error");
  }

  asio::awaitable<void> serve_requests(beast::tcp_stream& stream, Connection& connection, const std::string& remote) {
    beast::flat_buffer buffer;
    const auto read_timeout = std::chrono::seconds(options.read_timeout_seconds);
    while (!stopping) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // Checked per route once the header has arrived. (Not boost::none: Beast 1.74
      // compares Content-Length against an empty optional as "greater".)
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      beast::error_code ec;
      connection.idle = true;
      stream.expires_after(read_timeout);
      co_await http::async_read_header(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
      connection.idle = false;
      if (ec) {
        if (ec == http::error::header_limit) {
          co_await refuse(stream, 11, server_error(431, "too_large", "request header fields too large"));
        } else if (!is_quiet_end(ec)) {
          log_line(fmt::format("bad request header from {}: {}", remote, ec.message()));
          co_await refuse(stream, 11, server_error(400, "malformed", "malformed HTTP request"));
        }
        co_return;
      }
      const auto started = std::chrono::steady_clock::now();
      const auto& header = parser.get();
      const unsigned version = header.version();
      HttpRequest request;
      const std::string method_text(header.method_string());
      request.method = parse_method(method_text);
      request.remote_address = remote;
      if (!read_target(std::string_view(header.target().data(), header.target().size()), request)) {
        co_await refuse(stream, version, server_error(400, "malformed", "malformed request target"));
        co_return;
      }

      for (const auto& field : header) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        request.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      if (!options.trusted_proxies.empty()) {
        request.remote_address = client_address(remote, request.header("x-forwarded-for"), options.trusted_proxies);
      }

      const std::size_t limit = handlers.body_limit(request.method, request.path);
      if (parser.content_length() && *parser.content_length() > limit) {
        log_line(fmt::format("{} {} 413 from {} (Content-Length {})", method_text, request.path, remote,
                             *parser.content_length()));
        co_await refuse(stream, version,
                        server_error(413, "too_large", fmt::format("request body too large; at most {} bytes", limit)));
        co_return;
      }
      parser.body_limit(limit);
      // Who is asking is settled before the body is read.
      if (handlers.admit && !parser.is_done()) {
        std::optional<HttpResponse> refusal = co_await asio::co_spawn(
            workers, [this, &request]() -> asio::awaitable<std::optional<HttpResponse>> { co_return handlers.admit(request); },
            use_awaitable);
        if (refusal) {
          co_await wait_until_recorded(*refusal);
          refusal->close_connection = true;
          log_line(fmt::format("{} {} {} from {} (refused before the body)", method_text, request.path, refusal->status,
                               remote));
          co_await write_response(stream, version, false, request.method, *refusal, false);
          co_return;
        }
      }
      // A large body holds memory while it arrives: only a few at once.
      const bool upload = !parser.content_length() || *parser.content_length() > options.upload_threshold_bytes;
      UploadSlot slot(uploads, upload && !parser.is_done() ? options.max_concurrent_uploads : -1);
      if (!slot.held()) {
        HttpResponse busy = server_error(503, "busy", "the server is receiving as many uploads as it takes at once; try again shortly");
        busy.set_header("Retry-After", "5");
        busy.close_connection = true;
        co_await write_response(stream, version, false, request.method, busy, false);
        co_return;
      }
      if (beast::iequals(header[http::field::expect], "100-continue")) {
        http::response<http::empty_body> proceed{http::status::continue_, version};
        stream.expires_after(std::chrono::seconds(options.write_timeout_seconds));
        co_await http::async_write(stream, proceed, asio::redirect_error(use_awaitable, ec));
        if (ec) co_return;
      }
      if (!parser.is_done()) {
        // Time for the body grows with its size, at the slowest rate allowed; a
        // body of unknown length (chunked) gets time for the largest it may be.
        const std::uint64_t length = parser.content_length().value_or(limit);
        stream.expires_after(read_timeout +
                             std::chrono::seconds(length / std::max<std::size_t>(1, options.min_upload_bytes_per_second)));
        co_await http::async_read(stream, buffer, parser, asio::redirect_error(use_awaitable, ec));
        if (ec == http::error::body_limit) {
          co_await refuse(stream, version,
                          server_error(413, "too_large", fmt::format("request body too large; at most {} bytes", limit)));
          co_return;
        }
        if (ec) {
          if (!is_quiet_end(ec)) {
            log_line(fmt::format("bad request body from {}: {}", remote, ec.message()));
            co_await refuse(stream, version, server_error(400, "malformed", "malformed HTTP request"));
          }
          co_return;
        }
      }

      const bool client_keep_alive = parser.get().keep_alive();
      request.body = std::move(parser.get().body());

      // Handlers may block (database, password hashing): run them off the I/O threads.
      HttpResponse response = co_await asio::co_spawn(
          workers, [this, &request]() -> asio::awaitable<HttpResponse> { co_return call_handler(request); },
          use_awaitable);
      co_await wait_until_recorded(response);

      const bool keep_alive = client_keep_alive && !response.close_connection && !stopping;
      const bool written =
          co_await write_response(stream, version, request.method == Method::kHead, request.method, response, keep_alive);
      if (options.log_requests) {
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        log_line(fmt::format("{} {} {} {}B {:.1f}ms {}", method_text, request.path, response.status,
                             response.body.size(), static_cast<double>(elapsed.count()) / 1000.0, remote));
      }
      if (!written || !keep_alive) co_return;
    }
  }
};

HttpServer::HttpServer(ServerOptions options, RequestHandlers handlers)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handlers))) {}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(std::string& error) {
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) {
    error = fmt::format("host \"{}\" is not an IP address: {}", impl_->options.host, ec.message());
    return false;
  }
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = fmt::format("cannot listen on {}:{}: {}", impl_->options.host, impl_->options.port, ec.message());
    return false;
  }
  impl_->bound_port = acceptor.local_endpoint().port();
  return true;
}

int HttpServer::port() const { return impl_->bound_port; }

void HttpServer::run() {
  Impl& impl = *impl_;
  asio::co_spawn(impl.control, impl.accept_loop(), asio::detached);
  if (impl.options.handle_signals) {
    asio::post(impl.control, [&impl] {
      impl.signals.add(SIGINT);
      impl.signals.add(SIGTERM);
      impl.wait_for_signal();
    });
  }
  auto run_loop = [&impl] {
    while (true) {
      try {
        impl.ioc.run();
        return;
      } catch (const std::exception& error) {
        log_line(std::string("I/O thread caught: ") + error.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (int thread_idx = 1; thread_idx < impl.options.io_threads; ++thread_idx) threads.emplace_back(run_loop);
  run_loop();
  for (std::thread& thread : threads) thread.join();
  impl.workers.join();
}

void HttpServer::shutdown() {
  asio::post(impl_->control, [impl = impl_.get()] { impl->begin_shutdown(); });
}

}  // namespace allot::api
