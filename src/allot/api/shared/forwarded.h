#pragma once
// The client's address behind a reverse proxy. Sign-in throttling and the audit
// log key on the client's address; behind nginx every request comes from the
// proxy, so one stranger's failures would hold back every user. The address in
// X-Forwarded-For is believed only when the request came from a proxy the
// operator named (setting trusted_proxies), since anyone can send the header.

#include <string>
#include <string_view>
#include <vector>

namespace allot::api {

// "127.0.0.1, 10.0.0.5" -> {"127.0.0.1", "10.0.0.5"}; blanks dropped.
std::vector<std::string> parse_address_list(std::string_view text);

// The address to act on: `peer` itself unless it is a trusted proxy; then the
// rightmost X-Forwarded-For entry that is not a trusted proxy (each proxy appends
// the address it saw, so entries left of the first untrusted one could be forged).
// An entry that is not an IPv4 or IPv6 address is not believed: `peer` is kept.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace allot::api
