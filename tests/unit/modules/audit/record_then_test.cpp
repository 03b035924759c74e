// audit::Service::record_then: entries appended in batches with the next commit (one claim
// of the head each batch) keep one unbroken chain with the entries written one by one,
// and each caller hears when its own entry is durable, or why it is not.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "../../support/backends.hpp"
#include "modules/audit/repo.hpp"
#include "modules/audit/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::audit {
namespace {

class RecordThenTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<Service>(*db_, clock_);
    auditor_.username = "kiemtoan";
    auditor_.role = Role::auditor;
    auditor_.scope_path = "/";
    officer_.user_id = 8;
    officer_.username = "canbo.xa";
    officer_.role = Role::officer;
    officer_.scope_path = "/";
  }

  std::int64_t count(const std::string& sql) { return testing::count_of(*db_, sql); }
  // Records one entry through `audit` and waits until it is durable (or failed).
  std::exception_ptr record_then_wait(const Service& audit, const std::string& entity_id) {
    std::promise<std::exception_ptr> told;
    audit.record_then(Service::entry_of(officer_, "camera.search", "camera", entity_id),
                      [&told](std::exception_ptr e) { told.set_value(e); });
    return told.get_future().get();
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{1751302800000LL};
  std::unique_ptr<Service> audit_;
  Actor auditor_;
  Actor officer_;
};

TEST_P(RecordThenTest, BatchesAndSingleEntriesMakeOneChain) {
  constexpr int kThreads = 6;
  constexpr int kEach = 40;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::vector<std::vector<std::future<std::exception_ptr>>> told(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto detail = R"({"thread":)" + std::to_string(t) + R"(,"i":)" + std::to_string(i) + "}";
        if (t == 0) {  // one thread writes its entries one by one, inside its own writes
          db_->write([&](db::Tx& tx) { audit_->record(tx, officer_, "camera.search", "camera", "", detail); });
          continue;
        }
        auto promise = std::make_shared<std::promise<std::exception_ptr>>();
        told[t].push_back(promise->get_future());
        audit_->record_then(Service::entry_of(officer_, "camera.search", "camera", "", detail),
                            [promise](std::exception_ptr e) { promise->set_value(e); });
      }
    });
  }
  for (auto& th : threads) th.join();
  for (auto& list : told) {
    for (auto& f : list) EXPECT_FALSE(f.get());
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), kThreads * kEach);
  EXPECT_EQ(count("SELECT max(id) FROM audit_log"), kThreads * kEach);  // no id skipped
  auto v = audit_->verify(auditor_);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.checked, kThreads * kEach);
  // Each thread's entries in the order it asked.
  for (int t = 1; t < kThreads; ++t) {
    std::vector<std::int64_t> order;
    db_->read([&](db::Tx& tx) {
      for (const auto& r : tx.rows(db::Query{"test.order",
                                             "SELECT detail FROM audit_log WHERE detail LIKE $1 "
                                             "ORDER BY id"},
                                   R"({"thread":)" + std::to_string(t) + ",%")) {
        auto d = r.text(0);
        order.push_back(std::stoll(d.substr(d.find(R"("i":)") + 4)));
      }
    });
    ASSERT_EQ(order.size(), static_cast<std::size_t>(kEach));
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << "thread " << t;
  }
}

TEST_P(RecordThenTest, EntriesThatWaitedTogetherGoInStatementsOfAHundredAndKeepTheirOrder) {
  // The database's queued writes run in order: while this one waits, the 250 entries wait
  // behind it and then go together.
  std::promise<void> go;
  auto went = go.get_future().share();
  std::promise<std::exception_ptr> held;
  db_->write_then([went](db::Tx&) { went.wait(); }, [&held](std::exception_ptr e) { held.set_value(e); });
  constexpr int kEntries = 250;
  std::vector<std::future<std::exception_ptr>> told;
  for (int i = 0; i < kEntries; ++i) {
    auto promise = std::make_shared<std::promise<std::exception_ptr>>();
    told.push_back(promise->get_future());
    audit_->record_then(Service::entry_of(officer_, "camera.search", "camera", std::to_string(i)),
                        [promise](std::exception_ptr e) { promise->set_value(e); });
  }
  go.set_value();
  EXPECT_FALSE(held.get_future().get());
  for (auto& f : told) EXPECT_FALSE(f.get());
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), kEntries);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE CAST(entity_id AS INTEGER) = id - 1"), kEntries)
      << "each entry where it was asked for";
  auto v = audit_->verify(auditor_);
  EXPECT_TRUE(v.ok) << v.problem;
}

TEST_P(RecordThenTest, AServiceGoneWhileItsEntriesWaitHasWrittenAndToldThemAll) {
  // The database's queued writes run in order: the entries wait behind this one while
  // the service that took them is destroyed.
  std::promise<void> go;
  auto went = go.get_future().share();
  db_->write_then([went](db::Tx&) { went.wait(); }, [](std::exception_ptr) {});
  constexpr int kEntries = 30;
  std::atomic<int> told{0};
  std::atomic<int> failed{0};
  std::thread release([&go] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the service is being destroyed meanwhile
    go.set_value();
  });
  {
    Service audit(*db_, clock_);
    for (int i = 0; i < kEntries; ++i) {
      audit.record_then(Service::entry_of(officer_, "camera.search", "camera", std::to_string(i)),
                        [&](std::exception_ptr e) {
                          if (e) ++failed;
                          ++told;
                        });
    }
  }
  EXPECT_EQ(told.load(), kEntries);  // before the service went
  EXPECT_EQ(failed.load(), 0);
  release.join();
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), kEntries);
}

TEST_P(RecordThenTest, AnEntryThatCannotBeWrittenIsToldAndLeavesTheChainWhole) {
  if (GetParam() != db::Dialect::sqlite) GTEST_SKIP() << "the refusing trigger is written for SQLite";
  db_->write([](db::Tx& tx) {
    tx.execute_script(
        "CREATE TRIGGER refuse BEFORE INSERT ON audit_log WHEN new.action = 'test.refused' "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END");
  });
  std::promise<std::exception_ptr> refused;
  audit_->record_then(Service::entry_of(officer_, "test.refused", "unit", "1"),
                      [&](std::exception_ptr e) { refused.set_value(e); });
  EXPECT_TRUE(refused.get_future().get());
  std::promise<std::exception_ptr> next;
  audit_->record_then(Service::entry_of(officer_, "camera.search", "camera", ""),
                      [&](std::exception_ptr e) { next.set_value(e); });
  EXPECT_FALSE(next.get_future().get());  // the queue goes on after a failure
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 1);
  EXPECT_EQ(count("SELECT min(id) FROM audit_log"), 1);  // the refused entry's id was not used up
  EXPECT_TRUE(audit_->verify(auditor_).ok);
}

// On PostgreSQL a batch goes in one statement after the head the last batch left; when
// something else moved the head meanwhile (record(tx, …) here, another process there),
// the batch writes nothing, is done again after a claim, and the chain stays whole.
TEST_P(RecordThenTest, AHeadMovedSinceTheLastBatchIsNoticedAndTheChainStaysWhole) {
  auto other_process = backend_.open();
  Service other_audit(*other_process, clock_);
  EXPECT_FALSE(record_then_wait(*audit_, "1"));
  EXPECT_FALSE(record_then_wait(*audit_, "2"));  // after the head it knows
  db_->write([&](db::Tx& tx) { audit_->record(tx, officer_, "camera.search", "camera", "3"); });
  EXPECT_FALSE(record_then_wait(*audit_, "4"));
  EXPECT_FALSE(record_then_wait(other_audit, "5"));
  EXPECT_FALSE(record_then_wait(*audit_, "6"));
  EXPECT_FALSE(record_then_wait(other_audit, "7"));
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 7);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE CAST(entity_id AS INTEGER) = id"), 7)
      << "each entry once, in the order asked, no id skipped";
  auto v = audit_->verify(auditor_);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.checked, 7);
}

TEST_P(RecordThenTest, AppendAfterAStaleHeadWritesNothing) {
  if (GetParam() != db::Dialect::postgres) GTEST_SKIP() << "append_after is PostgreSQL's";
  db_->write([&](db::Tx& tx) { audit_->record(tx, officer_, "camera.search", "camera", "1"); });
  repo::Head now;
  db_->read([&](db::Tx& tx) { now = repo::head(tx); });
  Entry next = Service::entry_of(officer_, "camera.search", "camera", "2");
  next.id = now.last_id + 1;
  next.at = clock_.now();
  next.prev_hash = now.last_hash;
  next.hash = std::string(64, 'a');
  auto stale = now;
  stale.last_hash = std::string(64, '0');
  bool written = true;
  db_->write([&](db::Tx& tx) { written = repo::append_after(tx, {&next}, stale); });
  EXPECT_FALSE(written);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 1);
  EXPECT_EQ(count("SELECT last_id FROM audit_head"), 1);
  db_->write([&](db::Tx& tx) { written = repo::append_after(tx, {&next}, now); });
  EXPECT_TRUE(written);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 2);
  EXPECT_EQ(count("SELECT last_id FROM audit_head"), 2);
  db_->read([&](db::Tx& tx) { EXPECT_EQ(repo::head(tx).last_hash, next.hash); });
  std::vector<const Entry*> none;
  EXPECT_THROW(db_->write([&](db::Tx& tx) { repo::append_after(tx, none, now); }), std::logic_error);
}

// Two processes appending at once, make one chain, and
// each keeps the order its entries were given in.
TEST_P(RecordThenTest, TwoProcessesAppendingAtOnceMakeOneChain) {
  auto other_process = backend_.open();
  Service other_audit(*other_process, clock_);
  constexpr int kEach = 300;
  std::vector<std::future<std::exception_ptr>> told;
  std::mutex told_mutex;
  auto give = [&](const Service& audit, const std::string& who) {
    for (int i = 0; i < kEach; ++i) {
      // In bursts, so that batches go one after another and entries wait behind them.
      if (i % 10 == 0) std::this_thread::sleep_for(std::chrono::microseconds(500));
      auto promise = std::make_shared<std::promise<std::exception_ptr>>();
      {
        std::lock_guard lock(told_mutex);
        told.push_back(promise->get_future());
      }
      audit.record_then(Service::entry_of(officer_, "camera.search", who, std::to_string(i)),
                        [promise](std::exception_ptr e) { promise->set_value(e); });
    }
  };
  std::thread one([&] { give(*audit_, "one"); });
  std::thread two([&] { give(other_audit, "two"); });
  one.join();
  two.join();
  for (auto& f : told) EXPECT_FALSE(f.get());
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), 2 * kEach);
  EXPECT_EQ(count("SELECT max(id) FROM audit_log"), 2 * kEach);
  auto v = audit_->verify(auditor_);
  EXPECT_TRUE(v.ok) << v.problem;
  for (const char* who : {"one", "two"}) {
    std::vector<std::int64_t> order;
    db_->read([&](db::Tx& tx) {
      for (const auto& r :
           tx.rows(db::Query{"test.order", "SELECT entity_id FROM audit_log WHERE entity = $1 ORDER BY id"},
                   std::string(who))) {
        order.push_back(std::stoll(r.text(0)));
      }
    });
    ASSERT_EQ(order.size(), static_cast<std::size_t>(kEach));
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << who;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordThenTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::audit
