// db::Recheck on the real databases: after a look, SQLite's later read transactions skip
// the next one until this Database commits or the time for other processes runs out;
// PostgreSQL, which cannot tell, always looks.
#include "platform/db/recheck.hpp"

#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "../../support/backends.hpp"

namespace antq::db {
namespace {

constexpr time::Millis kStart = 1764547200000LL;
constexpr time::Millis kOthers = 1000;

class RecheckTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
  }

  bool due(time::Millis now) {
    bool out = false;
    db_->read([&](Tx& tx) { out = recheck_.due(tx, now); });
    return out;
  }
  void look(time::Millis now) {
    db_->read([&](Tx& tx) { recheck_.looked(tx, now); });
  }
  void commit() {
    db_->write([](Tx& tx) { tx.exec(Query{"test.commit", "CREATE TABLE IF NOT EXISTS recheck_probe (n INTEGER)"}); });
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<Database> db_;
  Recheck recheck_{kOthers};
};

TEST_P(RecheckTest, SkipsUntilThisDatabaseCommitsOrTheTimeRunsOut) {
  EXPECT_TRUE(due(kStart));  // never looked
  look(kStart);
  bool sqlite = GetParam() == Dialect::sqlite;
  EXPECT_EQ(due(kStart), !sqlite);
  EXPECT_EQ(due(kStart + kOthers - 1), !sqlite);
  EXPECT_TRUE(due(kStart + kOthers));  // another process may have written
  EXPECT_TRUE(due(kStart - 1));        // the clock went back

  commit();
  EXPECT_TRUE(due(kStart));
  look(kStart);
  EXPECT_EQ(due(kStart), !sqlite);

  recheck_.forget();
  EXPECT_TRUE(due(kStart));
}

TEST_P(RecheckTest, AWriteTransactionAlwaysLooks) {
  look(kStart);
  bool inside = false;
  db_->write([&](Tx& tx) { inside = recheck_.due(tx, kStart); });
  EXPECT_TRUE(inside);
}

// A look made in an older snapshot than a later one's does not hide a commit in between.
TEST_P(RecheckTest, TheNewestSnapshotLookedAtCounts) {
  if (GetParam() != Dialect::sqlite) GTEST_SKIP() << "PostgreSQL always looks";
  std::promise<void> opened;
  std::promise<void> go_on;
  std::thread older([&] {
    db_->read([&](Tx& tx) {
      opened.set_value();
      go_on.get_future().wait();
      recheck_.looked(tx, kStart);  // last, with the older count
    });
  });
  opened.get_future().wait();
  commit();  // after the older transaction's count was taken
  look(kStart);
  go_on.set_value();
  older.join();
  EXPECT_FALSE(due(kStart));
  commit();
  EXPECT_TRUE(due(kStart));
}

INSTANTIATE_TEST_SUITE_P(Backends, RecheckTest, ::testing::Values(Dialect::sqlite, Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::db
