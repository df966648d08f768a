// The server's request reading: bytes from a connection go through Boost.Beast's
// request parser with the server's header limit and a JSON body's limit, arriving
// in pieces whose sizes the input chooses, then through what the server does with
// the header (api/shared/http.h): the target, the decoded path and query, header
// names, cookies and the media type. Several requests may follow one another on
// the connection, as with keep-alive.

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "allot/api/shared/http.h"

namespace http = boost::beast::http;

namespace {

constexpr std::size_t kMaxHeaderBytes = 16 * 1024;  // api/shared/config.h
constexpr std::size_t kMaxBodyBytes = 1024 * 1024;

void read_header(const http::request_parser<http::string_body>& parser) {
  const auto& header = parser.get();
  allot::api::HttpRequest request;
  request.method = allot::api::parse_method(std::string_view(header.method_string().data(), header.method_string().size()));
  (void)allot::api::method_name(request.method);
  if (!allot::api::read_target(std::string_view(header.target().data(), header.target().size()), request)) return;
  for (const auto& field : header) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  (void)request.header("content-type");
  (void)request.cookie("allot_session");
  (void)request.media_type();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte sets the size of the pieces the bytes arrive in (1 to 256).
  const std::size_t piece = static_cast<std::size_t>(data[0]) + 1;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  for (int request = 0; request < 4 && !rest.empty(); ++request) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(kMaxHeaderBytes));
    parser.body_limit(kMaxBodyBytes);
    parser.eager(true);
    boost::beast::error_code ec;
    std::string pending;
    bool header_read = false;
    while (!parser.is_done()) {
      if (rest.empty()) {
        parser.put_eof(ec);
        break;
      }
      const std::size_t take = std::min(piece, rest.size());
      pending.append(rest.substr(0, take));
      rest.remove_prefix(take);
      const std::size_t used = parser.put(boost::asio::buffer(pending), ec);
      if (ec == http::error::need_more) ec = {};
      if (ec) break;
      pending.erase(0, used);
      if (!header_read && parser.is_header_done()) {
        header_read = true;
        read_header(parser);
      }
    }
    if (ec || !parser.is_done()) return 0;
    if (!header_read) read_header(parser);
    // Any bytes the parser did not use start the next request.
    if (!pending.empty()) {
      static thread_local std::string carried;
      carried = pending + std::string(rest);
      rest = carried;
    }
  }
  return 0;
}
