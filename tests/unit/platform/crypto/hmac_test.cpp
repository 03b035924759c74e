// HMAC-SHA-256 against RFC 4231's test cases 1–4, 6 and 7 (5 is a truncated MAC).
#include "platform/crypto/hmac.hpp"

#include <gtest/gtest.h>

#include <string>

#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

struct Vector {
  const char* name;
  std::string key;
  std::string data;
  const char* mac;
};

std::string repeat(char c, std::size_t n) { return std::string(n, c); }

std::string bytes_1_to(int last) {
  std::string out;
  for (int i = 1; i <= last; ++i) out.push_back(static_cast<char>(i));
  return out;
}

class Hmac : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init(); }
};

TEST_F(Hmac, Rfc4231TestCases) {
  const Vector vectors[] = {
      {"1: 20-byte key", repeat('\x0b', 20), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"2: a key shorter than the block", "Jefe", "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {"3: 50 bytes of 0xdd", repeat('\xaa', 20), repeat('\xdd', 50),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {"4: 25-byte key", bytes_1_to(25), repeat('\xcd', 50),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {"6: a 131-byte key, longer than the block", repeat('\xaa', 131),
       "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {"7: a long key and long data", repeat('\xaa', 131),
       "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
       "hashed before being used by the HMAC algorithm.",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
  for (const auto& v : vectors) {
    EXPECT_EQ(hmac_sha256_hex(v.key, v.data), v.mac) << v.name;
    EXPECT_EQ(to_hex(hmac_sha256(v.key, v.data)), v.mac) << v.name;
  }
}

TEST_F(Hmac, AnyChangeOfKeyOrMessageChangesTheMac) {
  auto mac = hmac_sha256_hex("secret", "1764547200.{\"a\":1}");
  EXPECT_NE(hmac_sha256_hex("secreT", "1764547200.{\"a\":1}"), mac);
  EXPECT_NE(hmac_sha256_hex("secret", "1764547201.{\"a\":1}"), mac);
  EXPECT_EQ(hmac_sha256("", "").size(), 32U);
}

}  // namespace
}  // namespace antq::crypto
