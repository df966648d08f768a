// The HTTP server's robustness, in-process with plain handlers: time-outs for slow
// clients, many idle connections, size limits, malformed requests, graceful
// shutdown.
#include "allot/api/shared/server.h"

#include <gtest/gtest.h>

#include <sys/socket.h>

#include <future>
#include <thread>

#include "http_client.h"

namespace allot::api {
namespace {

using test::close_socket;
using test::connect_to;
using test::http_request;
using test::read_until_closed;
using test::send_all;

class TestServer {
 public:
  explicit TestServer(ServerOptions options, std::function<HttpResponse(const HttpRequest&)> handle = nullptr) {
    options.port = 0;
    options.handle_signals = false;
    options.log_requests = false;
    if (!handle) {
      handle = [](const HttpRequest& request) {
        return json_response(200, {{"path", request.path}, {"body_bytes", request.body.size()}});
      };
    }
    server_ = std::make_unique<HttpServer>(options, RequestHandlers{handle, [](Method, std::string_view path) {
                                                                       return path == "/upload" ? 4096u : 1024u;
                                                                     }});
    std::string error;
    if (!server_->listen(error)) throw std::runtime_error(error);
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestServer() {
    server_->shutdown();
    thread_.join();
  }
  int port() const { return server_->port(); }
  HttpServer& server() { return *server_; }
  // Shuts down and waits for run() to return.
  void stop() {
    server_->shutdown();
    thread_.join();
    thread_ = std::thread([] {});
  }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

ServerOptions small_server() {
  ServerOptions options;
  options.io_threads = 1;
  options.worker_threads = 1;
  options.read_timeout_seconds = 1;
  options.shutdown_grace_seconds = 10;
  return options;
}

TEST(Server, AnswersRequests) {
  TestServer server(small_server());
  const auto response = http_request(server.port(), "GET", "/hello%20there?x=1");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["path"], "/hello there");
}

TEST(Server, KeepsConnectionsAliveForSeveralRequests) {
  TestServer server(small_server());
  const int socket = connect_to(server.port());
  ASSERT_GE(socket, 0);
  ASSERT_TRUE(send_all(socket, "GET /one HTTP/1.1\r\nHost: a\r\n\r\nGET /two HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));
  bool timed_out = false;
  const std::string raw = read_until_closed(socket, 20, timed_out);
  close_socket(socket);
  EXPECT_FALSE(timed_out);
  EXPECT_NE(raw.find("\"/one\""), std::string::npos) << raw;
  EXPECT_NE(raw.find("\"/two\""), std::string::npos) << raw;
}

TEST(Server, SlowClientDoesNotStopOthersAndIsCutOffAfterTheTimeout) {
  TestServer server(small_server());  // one I/O thread, one worker, 1 s read time-out
  const int slow = connect_to(server.port());
  ASSERT_GE(slow, 0);
  ASSERT_TRUE(send_all(slow, "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Le"));  // half a header, then nothing
  // Others are served while the slow client stalls.
  for (int request_idx = 0; request_idx < 5; ++request_idx) {
    EXPECT_EQ(http_request(server.port(), "GET", "/other").status, 200);
  }
  // The server closes the stalled connection (well before this client gives up).
  bool timed_out = false;
  const std::string received = read_until_closed(slow, 30, timed_out);
  close_socket(slow);
  EXPECT_FALSE(timed_out) << "the server kept a stalled connection open";
  EXPECT_EQ(received, "");
}

TEST(Server, TricklingHeaderIsCutOffAsAWhole) {
  // A byte every 50 ms keeps a per-read time-out happy forever; the time-out
  // covers the whole header instead, so the server closes long before the end.
  TestServer server(small_server());  // 1 s read time-out
  const int slow = connect_to(server.port());
  ASSERT_GE(slow, 0);
  const std::string header = "GET /trickle HTTP/1.1\r\nHost: a\r\nX-Padding: " + std::string(200, 'p') + "\r\n\r\n";
  std::size_t sent = 0;
  for (; sent < header.size(); ++sent) {
    if (!send_all(slow, header.substr(sent, 1))) break;
    char byte = 0;
    if (::recv(slow, &byte, 1, MSG_DONTWAIT) == 0) break;  // the server closed it
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  close_socket(slow);
  EXPECT_LT(sent, header.size()) << "the server read a trickling header to the end";
}

TEST(Server, ClientStallingInTheBodyIsCutOff) {
  TestServer server(small_server());
  const int slow = connect_to(server.port());
  ASSERT_GE(slow, 0);
  ASSERT_TRUE(send_all(slow, "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\n0123456789"));
  EXPECT_EQ(http_request(server.port(), "GET", "/other").status, 200);
  bool timed_out = false;
  read_until_closed(slow, 30, timed_out);
  close_socket(slow);
  EXPECT_FALSE(timed_out);
}

TEST(Server, ManyIdleKeepAliveConnectionsDoNotStarveOthers) {
  ServerOptions options = small_server();
  options.read_timeout_seconds = 60;  // idle connections stay for the whole test
  TestServer server(options);
  std::vector<int> idle;
  for (int connection_idx = 0; connection_idx < 300; ++connection_idx) {
    const int socket = connect_to(server.port());
    ASSERT_GE(socket, 0);
    idle.push_back(socket);
  }
  // Half of them have made a request and now sit idle on keep-alive.
  for (std::size_t connection_idx = 0; connection_idx < idle.size(); connection_idx += 2) {
    ASSERT_TRUE(send_all(idle[connection_idx], "GET /first HTTP/1.1\r\nHost: a\r\n\r\n"));
  }
  for (int request_idx = 0; request_idx < 10; ++request_idx) {
    EXPECT_EQ(http_request(server.port(), "GET", "/fresh").status, 200);
  }
  for (int socket : idle) close_socket(socket);
}

TEST(Server, ConnectionsBeyondTheLimitAreClosedAtOnce) {
  ServerOptions options = small_server();
  options.read_timeout_seconds = 60;
  options.max_connections = 2;
  TestServer server(options);
  const int first = connect_to(server.port());
  const int second = connect_to(server.port());
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  // Both are registered once each has been served a request.
  ASSERT_TRUE(send_all(first, "GET /a HTTP/1.1\r\nHost: a\r\n\r\n"));
  ASSERT_TRUE(send_all(second, "GET /b HTTP/1.1\r\nHost: a\r\n\r\n"));
  char byte = 0;
  ASSERT_GT(::recv(first, &byte, 1, 0), 0);
  ASSERT_GT(::recv(second, &byte, 1, 0), 0);
  const int third = connect_to(server.port());
  ASSERT_GE(third, 0);
  bool timed_out = false;
  EXPECT_EQ(read_until_closed(third, 30, timed_out), "");
  EXPECT_FALSE(timed_out);
  close_socket(third);
  close_socket(first);
  close_socket(second);
}

TEST(Server, HeadGivesTheLengthWithoutTheBody) {
  TestServer server(small_server());
  const int socket = connect_to(server.port());
  ASSERT_GE(socket, 0);
  ASSERT_TRUE(send_all(socket, "HEAD /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));
  bool timed_out = false;
  const std::string raw = read_until_closed(socket, 30, timed_out);
  close_socket(socket);
  const auto response = test::parse_response(raw);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("content-length"), std::to_string(std::string(R"({"body_bytes":0,"path":"/x"})").size()));
  EXPECT_EQ(raw.substr(raw.find("\r\n\r\n") + 4), "");
}

TEST(Server, RefusesBodiesOverTheLimitBeforeReadingThem) {
  TestServer server(small_server());
  const int socket = connect_to(server.port());
  ASSERT_GE(socket, 0);
  // Only the header is sent: the 413 must not wait for a body that never comes.
  ASSERT_TRUE(send_all(socket, "POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n"));
  bool timed_out = false;
  const auto response = test::parse_response(read_until_closed(socket, 30, timed_out));
  close_socket(socket);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->json()["error"]["code"], "too_large");
}

TEST(Server, RefusesOversizedBodiesSentInFull) {
  TestServer server(small_server());
  const auto response = http_request(server.port(), "POST", "/small", std::string(5000, 'x'));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(http_request(server.port(), "POST", "/upload", std::string(4000, 'x')).status, 200);
}

TEST(Server, RefusesChunkedBodiesOverTheLimit) {
  TestServer server(small_server());
  const int socket = connect_to(server.port());
  ASSERT_GE(socket, 0);
  std::string request = "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int chunk_idx = 0; chunk_idx < 5; ++chunk_idx) request += "400\r\n" + std::string(1024, 'x') + "\r\n";
  request += "0\r\n\r\n";
  ASSERT_TRUE(send_all(socket, request));
  bool timed_out = false;
  const auto response = test::parse_response(read_until_closed(socket, 30, timed_out));
  close_socket(socket);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413);
}

TEST(Server, RefusesOversizedHeaders) {
  TestServer server(small_server());
  const auto response = http_request(server.port(), "GET", "/x", {}, {{"X-Big", std::string(20000, 'a')}});
  EXPECT_EQ(response.status, 431);
}

TEST(Server, RefusesMalformedRequests) {
  TestServer server(small_server());
  for (const char* raw : {"NOT HTTP AT ALL\r\n\r\n", "GET /x HTTP/1.1\r\nHost a\r\n\r\n", "GET x HTTP/1.1\r\nHost: a\r\n\r\n",
                          "GET /a%zz HTTP/1.1\r\nHost: a\r\n\r\n"}) {
    const int socket = connect_to(server.port());
    ASSERT_GE(socket, 0);
    ASSERT_TRUE(send_all(socket, raw));
    bool timed_out = false;
    const auto response = test::parse_response(read_until_closed(socket, 30, timed_out));
    close_socket(socket);
    ASSERT_TRUE(response.has_value()) << raw;
    EXPECT_EQ(response->status, 400) << raw;
  }
  EXPECT_EQ(http_request(server.port(), "GET", "/still-up").status, 200);
}

TEST(Server, HandlerExceptionsBecomeABare500) {
  TestServer server(small_server(), [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("secret"); });
  const auto response = http_request(server.port(), "GET", "/boom");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
}

TEST(Server, ShutdownFinishesRequestsInFlightAndClosesIdleConnections) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ServerOptions options = small_server();
  options.read_timeout_seconds = 60;
  TestServer server(options, [&](const HttpRequest& request) {
    if (request.path == "/slow") {
      entered.set_value();
      released.wait();
    }
    return json_response(200, {{"path", request.path}});
  });
  const int port = server.port();
  const int idle = connect_to(port);
  ASSERT_GE(idle, 0);
  auto in_flight = std::async(std::launch::async, [port] { return http_request(port, "GET", "/slow"); });
  entered.get_future().wait();

  server.server().shutdown();
  // The idle connection is closed at once...
  bool timed_out = false;
  read_until_closed(idle, 30, timed_out);
  close_socket(idle);
  EXPECT_FALSE(timed_out);
  // ...new connections are refused...
  int refused = -1;
  for (int attempt = 0; attempt < 1000 && refused < 0; ++attempt) {
    const int socket = connect_to(port);
    if (socket < 0) refused = attempt;
    close_socket(socket);
    if (refused < 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_GE(refused, 0) << "the server still accepts connections while shutting down";
  // ...and the request in flight still gets its whole response.
  release.set_value();
  const auto response = in_flight.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["path"], "/slow");
  EXPECT_EQ(response.header("connection"), "close");
  server.stop();  // run() returns once the last connection has closed
}

}  // namespace
}  // namespace allot::api
