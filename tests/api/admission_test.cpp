// A request is admitted before its body is read: who is asking, the CSRF token
// and the access policy are settled from the header, so a stranger cannot make
// the server hold a large body; large bodies are read only a few at a time.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <fmt/format.h>

#include "server_process.h"

namespace allot::api::test {
namespace {

constexpr const char* kSimulations = "/api/v1/rulebooks/example-adults/versions/1/simulations";

// Sends only the header of a request that announces a large body, and reads
// what comes back.
ClientResponse header_only(const ServerProcess& server, const std::string& target, const HeaderList& headers,
                           std::size_t announced, int timeout_seconds = 10) {
  const int socket = connect_to(server.port());
  EXPECT_GE(socket, 0);
  std::string head = fmt::format("POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: {}\r\n",
                                 target, announced);
  for (const auto& [name, value] : headers) head += name + ": " + value + "\r\n";
  head += "\r\n";
  EXPECT_TRUE(send_all(socket, head));
  bool timed_out = false;
  const std::string raw = read_until_closed(socket, timeout_seconds, timed_out);
  close_socket(socket);
  EXPECT_FALSE(timed_out) << "the server waited for the body instead of answering";
  return parse_response(raw).value_or(ClientResponse{});
}

class Admission : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServerSettings settings;
    settings.args = {"--max-concurrent-uploads", "1"};
    server_ = ServerProcess::start(settings).release();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
};
ServerProcess* Admission::server_ = nullptr;

TEST_F(Admission, AStrangersUploadIsRefusedFromItsHeaderAlone) {
  const auto started = std::chrono::steady_clock::now();
  ClientResponse refused = header_only(*server_, kSimulations, {}, 60 * 1024 * 1024);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.json()["error"]["code"], "unauthenticated");
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(Admission, ARoleThePolicyRefusesIsRefusedBeforeTheBody) {
  const SignedInUser assessor = sign_in(*server_, "assessor");
  ClientResponse refused = header_only(*server_, kSimulations, assessor.bearer_headers(), 60 * 1024 * 1024);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["error"]["code"], "forbidden");
}

TEST_F(Admission, ABrowserWriteWithoutItsCsrfTokenIsRefusedBeforeTheBody) {
  const SignedInUser analyst = sign_in(*server_, "analyst");
  ClientResponse refused = header_only(*server_, kSimulations, analyst.cookie_headers(false), 60 * 1024 * 1024);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["error"]["code"], "csrf");
}

TEST_F(Admission, OnlySoManyLargeBodiesAreReadAtOnce) {
  const SignedInUser analyst = sign_in(*server_, "analyst");
  // The first upload is admitted and holds the only place while its body trickles.
  const int first = connect_to(server_->port());
  ASSERT_GE(first, 0);
  std::string head = fmt::format("POST {} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\nContent-Length: {}\r\n",
                                 kSimulations, 8 * 1024 * 1024);
  for (const auto& [name, value] : analyst.bearer_headers()) head += name + ": " + value + "\r\n";
  ASSERT_TRUE(send_all(first, head + "\r\nperson_id,"));
  // Give the server time to admit it and start reading.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ClientResponse busy = header_only(*server_, kSimulations, analyst.bearer_headers(), 8 * 1024 * 1024);
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.json()["error"]["code"], "busy");
  EXPECT_FALSE(busy.header("retry-after").empty());
  close_socket(first);
  // Once it has gone, the place is free again: a small body is not an upload at all.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ClientResponse small = server_->request("POST", kSimulations, "person_id\n",
                                          json_headers(analyst.bearer_headers()));
  EXPECT_NE(small.status, 503);
}

}  // namespace
}  // namespace allot::api::test
