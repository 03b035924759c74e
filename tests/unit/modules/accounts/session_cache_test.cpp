// The session check served from memory for a few seconds (accounts::SessionCache): what
// this process changes takes effect at once; what another instance changes, within
// SessionCache::kKeepMillis.
#include <gtest/gtest.h>

#include "../../support/backends.hpp"
#include "modules/accounts/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::accounts {
namespace {

class SessionCacheTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<audit::Service>(*db_, clock_);
    units_ = std::make_unique<units::Service>(*db_, *audit_, clock_);
    accounts_ = std::make_unique<Service>(*db_, *audit_, *units_, clock_, Settings{});
    auto country = units_->create(
        system_actor(), units::NewUnit{"VN", "Việt Nam", "country", "", std::nullopt, std::nullopt, false, "", false});
    commune_ = units_->create(
        system_actor(), units::NewUnit{"02545", "Tân Trào", "commune", "", country.id, std::nullopt, false, "", false});
    user_ = accounts_->create(system_actor(),
                              NewUser{"officer.tantrao", "Nguyễn Văn A", "officer", commune_.id, kPassword, "vi"});
    session_ = accounts_->login({"officer.tantrao", kPassword, std::nullopt, "test"});
  }

  bool signed_in() {
    try {
      accounts_->session(session_.token);
      return true;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::unauthenticated);
      return false;
    }
  }

  static constexpr const char* kPassword = "mat-khau-kiem-tra-phien";
  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{1764547200000LL};
  std::unique_ptr<audit::Service> audit_;
  std::unique_ptr<units::Service> units_;
  std::unique_ptr<Service> accounts_;
  units::Unit commune_;
  User user_;
  Session session_;
};

TEST_P(SessionCacheTest, ASessionEndedByAnotherInstanceLastsAtMostTheKeepingTime) {
  EXPECT_TRUE(signed_in());
  // Another instance signed the user out: its row is gone from the shared database.
  db_->write([&](db::Tx& tx) { tx.exec(db::Query{"test.sign_out", "DELETE FROM sessions"}); });
  clock_.advance(SessionCache::kKeepMillis - 1);
  EXPECT_TRUE(signed_in());
  clock_.advance(1);
  EXPECT_FALSE(signed_in());
}

TEST_P(SessionCacheTest, ASignOutHereEndsTheSessionAtOnce) {
  EXPECT_TRUE(signed_in());
  accounts_->logout(session_.token);
  EXPECT_FALSE(signed_in());
}

TEST_P(SessionCacheTest, ARoleChangeOrAnAccountDisabledHereTakesEffectAtOnce) {
  EXPECT_EQ(accounts_->session(session_.token).user.role, Role::officer);
  UserPatch role;
  role.role = "team_member";
  accounts_->update(system_actor(), user_.id, role);
  EXPECT_EQ(accounts_->session(session_.token).user.role, Role::team_member);
  UserPatch disable;
  disable.disabled = true;
  accounts_->update(system_actor(), user_.id, disable);
  EXPECT_FALSE(signed_in());
}

TEST_P(SessionCacheTest, TheUsersKeyOpensFromTheCookiesTokenEachTime) {
  ASSERT_FALSE(session_.box_secret_key.empty());
  EXPECT_EQ(accounts_->session(session_.token).box_secret_key, session_.box_secret_key);  // from the database
  EXPECT_EQ(accounts_->session(session_.token).box_secret_key, session_.box_secret_key);  // kept
  auto other = session_.token;
  other.back() = other.back() == 'A' ? 'B' : 'A';
  EXPECT_THROW(accounts_->session(other), Error);  // another token finds nothing kept
}

TEST_P(SessionCacheTest, AnExpiredSessionIsNotServedFromMemory) {
  EXPECT_TRUE(signed_in());
  clock_.advance(session_.expires_at - 1 - clock_.now());
  EXPECT_TRUE(signed_in());  // read again (the kept check is older than the keeping time)
  clock_.advance(1);
  EXPECT_FALSE(signed_in());
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionCacheTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::accounts
