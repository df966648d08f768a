// The client's address behind a reverse proxy (forwarded.h).
#include "allot/api/shared/forwarded.h"

#include <gtest/gtest.h>

namespace allot::api {
namespace {

const std::vector<std::string> kProxy = {"127.0.0.1"};

TEST(ClientAddress, APeerThatIsNoTrustedProxyIsTheClientWhateverItSends) {
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", kProxy), "203.0.113.7");
  EXPECT_EQ(client_address("203.0.113.7", "198.51.100.1", {}), "203.0.113.7");
}

TEST(ClientAddress, BehindATrustedProxyTheRightmostUntrustedEntryIsTheClient) {
  // A client can put anything left of what the proxy appends; only the entry the
  // proxy itself added is believed.
  EXPECT_EQ(client_address("127.0.0.1", "10.9.9.9, 198.51.100.1", kProxy), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "198.51.100.1, 127.0.0.1", kProxy), "198.51.100.1");
  EXPECT_EQ(client_address("127.0.0.1", "2001:db8::1", kProxy), "2001:db8::1");
}

TEST(ClientAddress, AnEntryThatIsNoAddressIsNotBelieved) {
  EXPECT_EQ(client_address("127.0.0.1", "evil; DROP TABLE", kProxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", "", kProxy), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", " , ", kProxy), "127.0.0.1");
}

TEST(ClientAddress, AddressListsAreTrimmedAndBlanksDropped) {
  EXPECT_EQ(parse_address_list(" 127.0.0.1, ::1 ,,"), (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_TRUE(parse_address_list("").empty());
}

}  // namespace
}  // namespace allot::api
