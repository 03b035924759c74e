// TOTP (RFC 6238, SHA-1, 30 s, 6 digits), otpauth URIs and QR codes.
#include "platform/crypto/totp.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

// RFC 6238 appendix B: the SHA-1 seed is ASCII "12345678901234567890".
constexpr const char* kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

class Totp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init(); }
};

TEST_F(Totp, CodesMatchTheRfc6238Sha1Vectors) {
  // The RFC lists 8 digits; a 6-digit code is their last six.
  struct Row {
    std::int64_t time;
    const char* code;
  };
  const std::vector<Row> table = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& r : table) EXPECT_EQ(totp_code(kRfcSecret, r.time), r.code) << "time " << r.time;
}

TEST_F(Totp, CodeIsConstantWithinAThirtySecondStep) {
  EXPECT_EQ(totp_code(kRfcSecret, 1111111110), totp_code(kRfcSecret, 1111111139));
  EXPECT_NE(totp_code(kRfcSecret, 1111111139), totp_code(kRfcSecret, 1111111140));
}

TEST_F(Totp, VerifyAcceptsTheCurrentStep) { EXPECT_TRUE(verify_totp(kRfcSecret, "081804", 1111111109)); }

TEST_F(Totp, VerifyAcceptsThePreviousStep) {
  const std::int64_t now = 1111111109;
  EXPECT_TRUE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now - 30), now));
}

TEST_F(Totp, VerifyAcceptsTheNextStep) {
  const std::int64_t now = 1111111109;
  EXPECT_TRUE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 30), now));
}

TEST_F(Totp, StepNamesTheStepTheCodeBelongsTo) {
  const std::int64_t now = 1111111109;  // step 37037036
  EXPECT_EQ(totp_step(kRfcSecret, totp_code(kRfcSecret, now), now), 37037036);
  EXPECT_EQ(totp_step(kRfcSecret, totp_code(kRfcSecret, now - 30), now), 37037035);
  EXPECT_EQ(totp_step(kRfcSecret, totp_code(kRfcSecret, now + 30), now), 37037037);
  EXPECT_EQ(totp_step(kRfcSecret, totp_code(kRfcSecret, now - 60), now), std::nullopt);
}

TEST_F(Totp, VerifyRejectsCodesTwoStepsAway) {
  const std::int64_t now = 1111111109;
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now - 60), now));
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_code(kRfcSecret, now + 60), now));
}

TEST_F(Totp, VerifyRejectsCodesThatAreNotSixDigits) {
  const std::int64_t now = 1111111109;
  for (const char* code : {"08180a", "08 804", "81804", "0818040", "", "-81804", "٠٨١٨٠٤"}) {
    EXPECT_FALSE(verify_totp(kRfcSecret, code, now)) << code;
  }
}

TEST_F(Totp, VerifyRejectsAnUndecodableSecret) { EXPECT_FALSE(verify_totp("!!!not base32!!!", "081804", 1111111109)); }

TEST_F(Totp, NewSecretsAreBase32Of160BitsAndDiffer) {
  auto secret = new_totp_secret();
  EXPECT_EQ(secret.size(), 32u);  // 20 bytes = 32 base32 characters, no padding
  for (char c : secret) EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')) << c;
  EXPECT_NE(secret, new_totp_secret());
  EXPECT_TRUE(verify_totp(secret, totp_code(secret, 1700000000), 1700000000));
}

TEST_F(Totp, OtpauthUriNamesIssuerAccountAndSecret) {
  auto uri = otpauth_uri("diep", kRfcSecret);
  EXPECT_EQ(uri.rfind("otpauth://totp/antq:diep?", 0), 0u) << uri;
  EXPECT_NE(uri.find(std::string("secret=") + kRfcSecret), std::string::npos) << uri;
  EXPECT_NE(uri.find("issuer=antq"), std::string::npos) << uri;
}

TEST_F(Totp, OtpauthUriPercentEncodesTheAccount) {
  auto uri = otpauth_uri("Điệp a@b/c?d&e", "SECRET");
  EXPECT_EQ(uri.rfind("otpauth://totp/antq:%C4%90i%E1%BB%87p%20a%40b%2Fc%3Fd%26e?", 0), 0u) << uri;
}

TEST_F(Totp, QrSvgIsAStandaloneSvgDocument) {
  auto svg = qr_svg(otpauth_uri("diep", kRfcSecret));
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("<path"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

TEST_F(Totp, QrSvgDependsOnTheText) {
  EXPECT_EQ(qr_svg("otpauth://a"), qr_svg("otpauth://a"));
  EXPECT_NE(qr_svg("otpauth://a"), qr_svg("otpauth://b"));
}

}  // namespace
}  // namespace antq::crypto
