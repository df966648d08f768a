#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <stdexcept>

namespace allot::api::test {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string ClientResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == lower(name)) return value;
  }
  return {};
}

std::vector<std::string> ClientResponse::headers_named(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : headers) {
    if (key == lower(name)) values.push_back(value);
  }
  return values;
}

nlohmann::json ClientResponse::json() const { return nlohmann::json::parse(body); }

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    ::close(fd);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

bool send_all(int socket, std::string_view data) {
  while (!data.empty()) {
    const ssize_t sent = ::send(socket, data.data(), data.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

std::string read_until_closed(int socket, int timeout_seconds, bool& timed_out) {
  timed_out = false;
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  char buffer[16384];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{socket, POLLIN, 0};
    const int ready = ::poll(&poll_fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      timed_out = true;
      break;
    }
    const ssize_t got = ::recv(socket, buffer, sizeof(buffer), 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // closed (0) or reset (<0)
    received.append(buffer, static_cast<std::size_t>(got));
  }
  return received;
}

void close_socket(int socket) {
  if (socket >= 0) ::close(socket);
}

std::optional<ClientResponse> parse_response(std::string_view raw) {
  const std::size_t header_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || header_end == std::string_view::npos) return std::nullopt;
  ClientResponse response;
  std::string_view head = raw.substr(0, header_end);
  const std::size_t line_end = head.find("\r\n");
  const std::string_view status_line = head.substr(0, line_end);
  response.status = std::stoi(std::string(status_line.substr(9, 3)));
  head = line_end == std::string_view::npos ? std::string_view{} : head.substr(line_end + 2);
  while (!head.empty()) {
    const std::size_t end = head.find("\r\n");
    const std::string_view line = head.substr(0, end);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      response.headers.emplace_back(lower(line.substr(0, colon)), std::string(value));
    }
    if (end == std::string_view::npos) break;
    head.remove_prefix(end + 2);
  }
  std::string_view body = raw.substr(header_end + 4);
  const std::string length = response.header("content-length");
  if (!length.empty()) body = body.substr(0, std::min<std::size_t>(body.size(), std::stoul(length)));
  response.body = std::string(body);
  return response;
}

ClientResponse http_request(int port, std::string_view method, std::string_view target, std::string_view body,
                            const HeaderList& headers) {
  const int socket = connect_to(port);
  if (socket < 0) return {};
  std::string request = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    request += name + ": " + value + "\r\n";
    if (lower(name) == "content-length") has_length = true;
  }
  if (!has_length && (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")) {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "Connection: close\r\n\r\n";
  request += body;
  ClientResponse response;
  if (send_all(socket, request)) {
    bool timed_out = false;
    const std::string raw = read_until_closed(socket, 60, timed_out);
    if (auto parsed = parse_response(raw)) response = std::move(*parsed);
  }
  close_socket(socket);
  return response;
}

}  // namespace allot::api::test
