// Receipts as people read and type them (the mailbox's, the camera owners' codes).
#include "platform/crypto/receipt.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::crypto {
namespace {

TEST(Receipt, HasSixteenDigitsShownInFourGroups) {
  init();
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

// A secrets table in memory, as a repo would reach one.
struct MemoryTable {
  std::map<std::string, std::string> rows;
  SecretTable table() {
    return {[this](const std::string& n) { return rows.count(n) ? std::optional(rows.at(n)) : std::nullopt; },
            [this](const std::string& n, const std::string& v) { rows.emplace(n, v); }};
  }
};

TEST(ReceiptKdf, IsMadeOnceWithTheReceiptLimitsAndRecorded) {
  init();
  MemoryTable t;
  EXPECT_FALSE(recorded_receipt_kdf(t.table()).has_value());
  auto made = receipt_kdf(t.table());
  EXPECT_EQ(made.salt.size(), kSaltBytes);
  EXPECT_EQ(t.rows.at("receipt_kdf_limits"), "2:16777216");
  auto again = receipt_kdf(t.table());
  EXPECT_EQ(again.salt, made.salt);
  EXPECT_EQ(again.limits.memory, kReceiptLimits.memory);
}

TEST(ReceiptKdf, ASaltWithoutLimitsUsesTheOwnersUnrecordedLimitsAndAWeakRecordThrows) {
  MemoryTable t;
  t.rows["receipt_salt"] = std::string(kSaltBytes, 's');
  EXPECT_EQ(recorded_receipt_kdf(t.table(), KdfLimits{1, 32u << 20})->limits.passes, 1u);
  t.rows["receipt_kdf_limits"] = "1:8";
  EXPECT_THROW(recorded_receipt_kdf(t.table()), Error);
}

}  // namespace
}  // namespace antq::crypto
