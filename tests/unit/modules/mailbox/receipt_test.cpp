// Recovery keys as people read and type them, and the tips' codes. (Receipts:
// tests/unit/platform/crypto/receipt_test.cpp.)
#include <gtest/gtest.h>

#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::mailbox {
namespace {

TEST(RecoveryKey, RoundTripsThroughItsWrittenForm) {
  crypto::init();
  std::string raw = crypto::random_bytes(32);
  auto written = format_recovery_key(raw);
  EXPECT_EQ(written.size(), 52u + 12u) << "52 base32 characters and 12 dashes";
  EXPECT_EQ(parse_recovery_key(written).value(), raw);
  std::string lower = written;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_recovery_key(lower).value(), raw) << "case does not matter";
}

TEST(RecoveryKey, WrongLengthOrLettersAreRefused) {
  EXPECT_FALSE(parse_recovery_key("ABCD-EFGH").has_value());
  EXPECT_FALSE(parse_recovery_key(std::string(52, '1')).has_value());
}

TEST(TipModel, CodesRoundTrip) {
  for (auto k : {Kind::denunciation, Kind::crime_report, Kind::security_report, Kind::suggestion}) {
    EXPECT_EQ(kind_from(code(k)), k);
  }
  for (auto s : {Status::received, Status::verifying, Status::transferred, Status::resolved, Status::unfounded,
                 Status::duplicate, Status::closed}) {
    EXPECT_EQ(status_from(code(s)), s);
  }
  EXPECT_FALSE(kind_from("rumour").has_value());
  EXPECT_TRUE(has_legal_deadline(Kind::denunciation));
  EXPECT_TRUE(has_legal_deadline(Kind::crime_report));
  EXPECT_FALSE(has_legal_deadline(Kind::suggestion));
}

}  // namespace
}  // namespace antq::mailbox
