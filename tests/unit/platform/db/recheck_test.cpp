// db::Recheck on the real databases: after a look, later read transactions skip the next
// one until this Database changes something (SQLite: commits; PostgreSQL: receives a
// change notice, its own commits' at once) or the time for other processes runs out.
#include "platform/db/recheck.hpp"

#include <gtest/gtest.h>

#include <chrono>
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
  // A change: on PostgreSQL the notice the cameras' and units' triggers send.
  void commit() { commit_on(*db_); }
  static void commit_on(Database& db) {
    db.write([](Tx& tx) {
      tx.exec(Query{"test.commit", "CREATE TABLE IF NOT EXISTS recheck_probe (n INTEGER)"});
      if (tx.dialect() == Dialect::postgres) tx.exec(Query{"test.notice", "SELECT pg_notify('antq_changed', 'test')"});
    });
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<Database> db_;
  Recheck recheck_{kOthers};
};

TEST_P(RecheckTest, SkipsUntilThisDatabaseCommitsOrTheTimeRunsOut) {
  EXPECT_TRUE(due(kStart));  // never looked
  look(kStart);
  EXPECT_FALSE(due(kStart));
  EXPECT_FALSE(due(kStart + kOthers - 1));
  EXPECT_TRUE(due(kStart + kOthers));  // another process may have written
  EXPECT_TRUE(due(kStart - 1));        // the clock went back

  commit();
  EXPECT_TRUE(due(kStart));
  look(kStart);
  EXPECT_FALSE(due(kStart));

  recheck_.forget();
  EXPECT_TRUE(due(kStart));
}

TEST_P(RecheckTest, AWriteTransactionAlwaysLooks) {
  look(kStart);
  bool inside = false;
  db_->write([&](Tx& tx) { inside = recheck_.due(tx, kStart); });
  EXPECT_TRUE(inside);
}

// PostgreSQL: a commit that sends no notice (nothing cameras or units read) is not a
// change; another process's notice counts once a connection of this one has read it.
TEST_P(RecheckTest, OnPostgreSQLOnlyChangeNoticesCount) {
  if (GetParam() != Dialect::postgres) GTEST_SKIP() << "SQLite counts every commit";
  look(kStart);
  db_->write([](Tx& tx) { tx.exec(Query{"test.quiet", "CREATE TABLE IF NOT EXISTS recheck_quiet (n INTEGER)"}); });
  EXPECT_FALSE(due(kStart));
  auto other_process = backend_.open();
  commit_on(*other_process);
  // A read that goes to the server receives the notice, if it has arrived by then.
  for (int i = 0; i < 200 && !due(kStart); ++i) {
    db_->read([](Tx& tx) { tx.rows(Query{"test.read", "SELECT 1"}); });
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_TRUE(due(kStart));
}

// A look made in an older snapshot than a later one's does not hide a commit in between.
TEST_P(RecheckTest, TheNewestSnapshotLookedAtCounts) {
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
