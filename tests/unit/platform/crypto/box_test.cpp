// Encryption at rest: sealed boxes, secret boxes, key derivation and file streams.
#include "platform/crypto/box.hpp"

#include <gtest/gtest.h>

#include "platform/crypto/crypto.hpp"

namespace antq::crypto {
namespace {

class Box : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init(); }
};

TEST_F(Box, SealedDataOpensOnlyWithItsKeyPair) {
  auto commune = new_key_pair();
  auto other = new_key_pair();
  auto sealed = seal(commune.public_key, "Tố giác: có người buôn ma túy ở thôn Khuôn Điển");
  EXPECT_EQ(sealed.find("Khuôn Điển"), std::string::npos);
  EXPECT_EQ(open_sealed(commune, sealed).value(), "Tố giác: có người buôn ma túy ở thôn Khuôn Điển");
  EXPECT_FALSE(open_sealed(other, sealed).has_value());
}

TEST_F(Box, AlteredSealedDataDoesNotOpen) {
  auto keys = new_key_pair();
  auto sealed = seal(keys.public_key, "nội dung");
  sealed[sealed.size() - 1] ^= 1;
  EXPECT_FALSE(open_sealed(keys, sealed).has_value());
  EXPECT_FALSE(open_sealed(keys, "short").has_value());
}

TEST_F(Box, SameSeedGivesSameKeyPair) {
  std::string seed(32, '\x07');
  auto a = key_pair_from_seed(seed);
  auto b = key_pair_from_seed(seed);
  EXPECT_EQ(a.public_key, b.public_key);
  EXPECT_EQ(a.secret_key, b.secret_key);
  EXPECT_NE(key_pair_from_seed(std::string(32, '\x08')).public_key, a.public_key);
  EXPECT_THROW(key_pair_from_seed("too short"), std::invalid_argument);
}

TEST_F(Box, SecretBoxNeedsTheSameKeyAndUsesFreshNonces) {
  std::string key = random_bytes(32);
  auto a = secretbox(key, "khóa bí mật");
  auto b = secretbox(key, "khóa bí mật");
  EXPECT_NE(a, b);
  EXPECT_EQ(open_secretbox(key, a).value(), "khóa bí mật");
  EXPECT_FALSE(open_secretbox(random_bytes(32), a).has_value());
  a[30] ^= 1;
  EXPECT_FALSE(open_secretbox(key, a).has_value());
}

TEST_F(Box, DerivedKeysDependOnSecretAndSalt) {
  std::string salt(kSaltBytes, 's');
  auto k1 = derive_key("1234-5678-9012-3456", salt);
  EXPECT_EQ(k1.size(), kKeyBytes);
  EXPECT_EQ(derive_key("1234-5678-9012-3456", salt), k1);
  EXPECT_NE(derive_key("1234-5678-9012-3457", salt), k1);
  EXPECT_NE(derive_key("1234-5678-9012-3456", std::string(kSaltBytes, 't')), k1);
  EXPECT_THROW(derive_key("x", "short salt"), std::invalid_argument);
}

TEST_F(Box, DerivationLimitsAreExplicitAndChangeTheKey) {
  std::string salt(kSaltBytes, 's');
  KdfLimits light{1, 32u << 20};
  auto k = derive_key("1234567890123456", salt, light);
  EXPECT_EQ(derive_key("1234567890123456", salt, light), k);
  EXPECT_EQ(derive_key("1234567890123456", salt, kInteractiveKdf), derive_key("1234567890123456", salt));
  EXPECT_NE(derive_key("1234567890123456", salt), k) << "receipts made with other limits would not be found";
}

TEST_F(Box, KeyedHashesDifferByKey) {
  std::string k1(32, 'a');
  std::string k2(32, 'b');
  EXPECT_EQ(keyed_hash(k1, "m"), keyed_hash(k1, "m"));
  EXPECT_NE(keyed_hash(k1, "m"), keyed_hash(k2, "m"));
  EXPECT_EQ(keyed_hash(k1, "m").size(), 32u);
}

TEST_F(Box, WipeZeroesAndEmpties) {
  std::string secret = "bí mật";
  wipe(secret);
  EXPECT_TRUE(secret.empty());
}

TEST_F(Box, StreamRoundTripsChunksAndDetectsTampering) {
  std::string key = random_bytes(32);
  StreamEncryptor enc(key);
  auto c1 = enc.push(std::string(1000, 'a'), false);
  auto c2 = enc.push("cuối", true);
  EXPECT_EQ(c1.size(), 1000 + StreamEncryptor::kOverhead);

  StreamDecryptor dec(key, enc.header());
  EXPECT_EQ(dec.pull(c1).value(), std::string(1000, 'a'));
  EXPECT_FALSE(dec.finished());
  EXPECT_EQ(dec.pull(c2).value(), "cuối");
  EXPECT_TRUE(dec.finished());
  EXPECT_FALSE(dec.pull(c2).has_value()) << "nothing after the last chunk";

  StreamDecryptor reordered(key, enc.header());
  EXPECT_FALSE(reordered.pull(c2).has_value()) << "chunks cannot be reordered";

  StreamDecryptor wrong_key(random_bytes(32), enc.header());
  EXPECT_FALSE(wrong_key.pull(c1).has_value());
}

}  // namespace
}  // namespace antq::crypto
