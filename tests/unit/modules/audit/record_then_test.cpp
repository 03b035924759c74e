// audit::Service::record_then: entries appended in batches with the next commit (one claim
// of the head each batch) keep one unbroken chain with the entries written one by one,
// and each caller hears when its own entry is durable, or why it is not.
#include <gtest/gtest.h>

#include <future>
#include <thread>
#include <vector>

#include "../../support/backends.hpp"
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

INSTANTIATE_TEST_SUITE_P(Backends, RecordThenTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::audit
