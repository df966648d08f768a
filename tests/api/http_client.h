#pragma once
// A small blocking HTTP/1.1 client over POSIX sockets for the API tests: one
// request per connection (Connection: close), plus raw socket helpers for tests
// that misbehave on purpose (slow clients, oversized headers).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace allot::api::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientResponse {
  int status = 0;        // 0: no response (connection failed or closed early)
  HeaderList headers;    // names in lower case
  std::string body;
  std::string header(std::string_view name) const;
  std::vector<std::string> headers_named(std::string_view name) const;
  nlohmann::json json() const;  // throws if the body is not JSON
};

// Sends one request to 127.0.0.1:port and reads the whole response.
ClientResponse http_request(int port, std::string_view method, std::string_view target, std::string_view body = {},
                            const HeaderList& headers = {});

// Parses a raw response ("HTTP/1.1 200 OK\r\n...").
std::optional<ClientResponse> parse_response(std::string_view raw);

// Raw sockets. connect_to returns -1 on failure. read_until_closed returns what
// arrived before the peer closed or `timeout_seconds` passed (then timed_out is set).
int connect_to(int port);
bool send_all(int socket, std::string_view data);
std::string read_until_closed(int socket, int timeout_seconds, bool& timed_out);
void close_socket(int socket);

}  // namespace allot::api::test
