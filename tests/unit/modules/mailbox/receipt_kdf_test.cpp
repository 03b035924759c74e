// Each installation records the Argon2id limits its receipts are made with, so that a
// change of the defaults never locks tipsters out of tips made before it.
#include <gtest/gtest.h>

#include "../../support/temp_dir.hpp"
#include "modules/mailbox/repo.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/error.hpp"

namespace antq::mailbox {
namespace {

class ReceiptKdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db = db::open("sqlite://" + dir.file("kdf.db"), {});
    db::migrate(*db);
  }
  std::optional<ReceiptKdf> recorded() {
    std::optional<ReceiptKdf> kdf;
    db->read([&](db::Tx& tx) { kdf = recorded_receipt_kdf(tx); });
    return kdf;
  }
  void put_secret(const std::string& name, const std::string& value) {
    db->write([&](db::Tx& tx) { repo::insert_install_secret(tx, name, value); });
  }
  antq::testing::TempDir dir;
  std::unique_ptr<db::Database> db;
};

TEST_F(ReceiptKdfTest, ANewInstallationUsesAndRecordsTheReceiptLimits) {
  EXPECT_FALSE(recorded().has_value()) << "nothing before the first receipt";
  ReceiptKdf made;
  db->write([&](db::Tx& tx) { made = receipt_kdf(tx); });
  EXPECT_EQ(made.salt.size(), crypto::kSaltBytes);
  EXPECT_EQ(made.limits.passes, kReceiptLimits.passes);
  EXPECT_EQ(made.limits.memory, kReceiptLimits.memory);
  auto again = recorded();
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->salt, made.salt) << "the salt is made once";
  EXPECT_EQ(again->limits.passes, kReceiptLimits.passes);
  EXPECT_EQ(again->limits.memory, kReceiptLimits.memory);
}

TEST_F(ReceiptKdfTest, RecordedLimitsWinOverTheDefaults) {
  put_secret("receipt_salt", std::string(crypto::kSaltBytes, 's'));
  put_secret("receipt_kdf_limits", "3:8388608");
  auto kdf = recorded();
  ASSERT_TRUE(kdf.has_value());
  EXPECT_EQ(kdf->limits.passes, 3u);
  EXPECT_EQ(kdf->limits.memory, 8u << 20);
}

TEST_F(ReceiptKdfTest, InstallationsOfEarlierVersionsKeepTheirLimits) {
  put_secret("receipt_salt", std::string(crypto::kSaltBytes, 's'));
  auto oldest = recorded();
  ASSERT_TRUE(oldest.has_value());
  EXPECT_EQ(oldest->limits.passes, crypto::kInteractiveKdf.passes) << "no marker: the interactive limits";
  EXPECT_EQ(oldest->limits.memory, crypto::kInteractiveKdf.memory);
  put_secret("receipt_kdf_1p32m", "1");
  auto marked = recorded();
  EXPECT_EQ(marked->limits.passes, 1u) << "the first lighter limits: one pass over 32 MiB";
  EXPECT_EQ(marked->limits.memory, 32u << 20);
}

TEST_F(ReceiptKdfTest, ADamagedOrWeakRecordIsRefusedNotUsed) {
  put_secret("receipt_salt", std::string(crypto::kSaltBytes, 's'));
  put_secret("receipt_kdf_limits", "1:8");
  EXPECT_THROW(recorded(), Error) << "8 bytes of memory would make receipts cheap to guess";
  db->write([&](db::Tx& tx) {
    tx.exec(db::Query{"t.kdf", "UPDATE install_secrets SET value = $1 WHERE name = 'receipt_kdf_limits'"},
            db::Blob{"-1:16777216"});
  });
  EXPECT_THROW(recorded(), Error);
  db->write([&](db::Tx& tx) {
    tx.exec(db::Query{"t.kdf", "UPDATE install_secrets SET value = $1 WHERE name = 'receipt_kdf_limits'"},
            db::Blob{"2:16777216 "});
  });
  EXPECT_THROW(recorded(), Error) << "trailing characters";
}

}  // namespace
}  // namespace antq::mailbox
