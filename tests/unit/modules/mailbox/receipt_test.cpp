// Receipts and recovery keys as people read and type them.
#include <gtest/gtest.h>

#include <set>

#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::mailbox {
namespace {

TEST(Receipt, HasSixteenDigitsShownInFourGroups) {
  crypto::init();
  auto r = new_receipt();
  ASSERT_EQ(r.digits.size(), 16u);
  EXPECT_TRUE(std::all_of(r.digits.begin(), r.digits.end(), [](char c) { return c >= '0' && c <= '9'; }));
  EXPECT_EQ(r.formatted, r.digits.substr(0, 4) + "-" + r.digits.substr(4, 4) + "-" + r.digits.substr(8, 4) + "-" +
                             r.digits.substr(12, 4));
}

TEST(Receipt, TwoReceiptsDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(new_receipt().digits);
  EXPECT_EQ(seen.size(), 100u);
}

TEST(Receipt, TypedFormsAreAcceptedAndOthersRefused) {
  EXPECT_EQ(receipt_digits("1234-5678-9012-3456").value(), "1234567890123456");
  EXPECT_EQ(receipt_digits("1234 5678 9012 3456").value(), "1234567890123456");
  EXPECT_EQ(receipt_digits("1234.5678.9012.3456").value(), "1234567890123456");
  EXPECT_FALSE(receipt_digits("1234-5678-9012-345").has_value()) << "15 digits";
  EXPECT_FALSE(receipt_digits("1234-5678-9012-34567").has_value()) << "17 digits";
  EXPECT_FALSE(receipt_digits("1234-5678-9012-345a").has_value());
  EXPECT_FALSE(receipt_digits("").has_value());
}

TEST(RecoveryKey, RoundTripsThroughItsWrittenForm) {
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
