// RFC 4648 base32, as recovery keys are written.
#include <gtest/gtest.h>

#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

TEST(Base32, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(to_base32(""), "");
  EXPECT_EQ(to_base32("f"), "MY");
  EXPECT_EQ(to_base32("fo"), "MZXQ");
  EXPECT_EQ(to_base32("foo"), "MZXW6");
  EXPECT_EQ(to_base32("foobar"), "MZXW6YTBOI");
}

TEST(Base32, DecodesIgnoringCaseSpacesAndDashes) {
  EXPECT_EQ(from_base32("MZXW-6ytb OI").value(), "foobar");
  EXPECT_FALSE(from_base32("MZXW1").has_value()) << "1 is not base32";
  auto raw = random_bytes(32);
  EXPECT_EQ(from_base32(to_base32(raw)).value(), raw);
}

}  // namespace
}  // namespace antq::crypto
