// The personal-data key: made once (0600), sealed values open only under it, and a server
// given another key or none, once data was sealed, refuses with a message saying what to do.
#include "platform/privacy/personal_key.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "../../support/temp_dir.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/error.hpp"

namespace antq::privacy {
namespace {

struct PersonalKeyTest : ::testing::Test {
  void SetUp() override { crypto::init(); }
  testing::TempDir dir;
  std::unique_ptr<db::Database> db = [this] {
    auto d = db::open("sqlite://" + dir.file("antq.db"), {});
    db::migrate(*d);
    return d;
  }();
  std::filesystem::path file = dir.file("personal-data.key");

  void seal_something(const crypto::FieldSealer& key) {
    db->write([&](db::Tx& tx) { check_key(tx, key, 1); });
  }
  template <typename F>
  std::string error_of(F f) {
    try {
      f();
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(PersonalKeyTest, TheFirstOpenMakesAPrivateKeyAndLaterOpensReadTheSameOne) {
  auto first = open_key(file, *db);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  EXPECT_EQ(std::filesystem::file_size(file), 32U);
  auto again = open_key(file, *db);
  auto sealed = first.seal("Nguyễn Văn Hùng, 0912345678");
  EXPECT_EQ(again.open(sealed), "Nguyễn Văn Hùng, 0912345678");
  EXPECT_NE(first.seal("x"), first.seal("x")) << "a fresh nonce each time";
  EXPECT_EQ(first.lookup("0912345678"), again.lookup("0912345678"));
  EXPECT_EQ(first.lookup("0912345678").size(), 16U);
}

TEST_F(PersonalKeyTest, AnotherKeyCannotOpenAndIsRefusedOnceDataWasSealed) {
  auto key = open_key(file, *db);
  seal_something(key);
  crypto::FieldSealer other(std::string(32, 'z'));
  EXPECT_THROW(other.open(key.seal("bí mật")), std::runtime_error);
  EXPECT_THROW(db->write([&](db::Tx& tx) { check_key(tx, other, 2); }), Error);

  std::filesystem::remove(file);
  { std::ofstream(file, std::ios::binary) << std::string(32, 'z'); }
  EXPECT_NE(error_of([&] { open_key(file, *db); }).find("is not the key"), std::string::npos);
  std::filesystem::remove(file);
  EXPECT_NE(error_of([&] { open_key(file, *db); }).find("is missing"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(file)) << "no new key made while sealed data exists";
  { std::ofstream(file, std::ios::binary) << "short"; }
  EXPECT_NE(error_of([&] { open_key(file, *db); }).find("not a personal-data key"), std::string::npos);
}

TEST_F(PersonalKeyTest, BeforeAnythingIsSealedAMissingKeyIsSimplyMade) {
  auto key = open_key(file, *db);
  std::filesystem::remove(file);
  auto fresh = open_key(file, *db);
  EXPECT_NE(fresh.fingerprint(), key.fingerprint());
}

}  // namespace
}  // namespace antq::privacy
