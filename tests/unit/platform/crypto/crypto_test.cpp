// Hashing, encodings and tokens on libsodium.
#include "platform/crypto/crypto.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace antq::crypto {
namespace {

class Crypto : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init(); }
};

bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

TEST_F(Crypto, Blake2bHexOfEmptyStringIsTheKnownAnswer) {
  EXPECT_EQ(blake2b_hex(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST_F(Crypto, Blake2bHexOfAbcIsTheKnownAnswer) {
  EXPECT_EQ(blake2b_hex("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

TEST_F(Crypto, Blake2bIsThirtyTwoRawBytesOfTheHex) {
  EXPECT_EQ(blake2b("abc").size(), 32u);
  EXPECT_EQ(to_hex(blake2b("abc")), blake2b_hex("abc"));
}

TEST_F(Crypto, ToHexWritesLowerCaseHexDigits) {
  EXPECT_EQ(to_hex(std::string("\x00\x01\xab\xff", 4)), "0001abff");
  EXPECT_EQ(to_hex(""), "");
}

TEST_F(Crypto, Base64UrlHasNoPaddingPlusOrSlash) {
  // "\xfb\xff" is "+/8=" in standard base64.
  EXPECT_EQ(base64("\xfb\xff"), "+/8=");
  EXPECT_EQ(base64url("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url("a"), "YQ");
  EXPECT_EQ(base64url(""), "");
}

TEST_F(Crypto, RandomTokenIsUrlSafeAndCarriesTheAskedEntropy) {
  // n bytes of base64 without padding take ceil(4n/3) characters.
  EXPECT_EQ(random_token().size(), 43u);
  EXPECT_EQ(random_token(16).size(), 22u);
  EXPECT_EQ(random_token(3).size(), 4u);
  for (char c : random_token(64)) EXPECT_TRUE(is_base64url_char(c)) << c;
}

TEST_F(Crypto, RandomTokensDiffer) { EXPECT_NE(random_token(), random_token()); }

TEST_F(Crypto, RandomBelowStaysBelowTheBound) {
  for (int i = 0; i < 200; ++i) EXPECT_LT(random_below(7), 7u);
  EXPECT_EQ(random_below(1), 0u);
}

TEST_F(Crypto, ConstantTimeEqualComparesWholeStrings) {
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_TRUE(constant_time_equal("token-abc", "token-abc"));
  EXPECT_FALSE(constant_time_equal("token-abc", "token-abd"));
  EXPECT_FALSE(constant_time_equal("token-abc", "token-ab"));
  EXPECT_FALSE(constant_time_equal("token", "token-abc"));
  EXPECT_FALSE(constant_time_equal("", "x"));
}

TEST_F(Crypto, PasswordHashIsArgon2id) { EXPECT_EQ(hash_password("mật khẩu 123").rfind("$argon2id$", 0), 0u); }

TEST_F(Crypto, VerifyPasswordAcceptsTheRightPasswordOnly) {
  auto hash = hash_password("Đúng-mật-khẩu");
  EXPECT_TRUE(verify_password(hash, "Đúng-mật-khẩu"));
  EXPECT_FALSE(verify_password(hash, "Sai-mật-khẩu"));
  EXPECT_FALSE(verify_password(hash, ""));
}

TEST_F(Crypto, TwoHashesOfOnePasswordDiffer) {
  auto first = hash_password("same password");
  auto second = hash_password("same password");
  EXPECT_NE(first, second);  // a fresh salt each time
  EXPECT_TRUE(verify_password(first, "same password"));
  EXPECT_TRUE(verify_password(second, "same password"));
}

TEST_F(Crypto, VerifyPasswordRejectsAMalformedHash) {
  EXPECT_FALSE(verify_password("", "x"));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
}

}  // namespace
}  // namespace antq::crypto
