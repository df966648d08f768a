#include "allot/api/shared/forwarded.h"

#include <algorithm>
#include <arpa/inet.h>

namespace allot::api {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_ip_address(const std::string& text) {
  unsigned char buffer[16];
  return inet_pton(AF_INET, text.c_str(), buffer) == 1 || inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

bool is_trusted(std::string_view address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::vector<std::string> parse_address_list(std::string_view text) {
  std::vector<std::string> addresses;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view entry = trim(text.substr(0, comma));
    if (!entry.empty()) addresses.emplace_back(entry);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return addresses;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!is_trusted(peer, trusted_proxies) || forwarded_for.empty()) return std::string(peer);
  const std::vector<std::string> chain = parse_address_list(forwarded_for);
  for (auto entry = chain.rbegin(); entry != chain.rend(); ++entry) {
    if (is_trusted(*entry, trusted_proxies)) continue;
    return is_ip_address(*entry) ? *entry : std::string(peer);
  }
  return std::string(peer);
}

}  // namespace allot::api
