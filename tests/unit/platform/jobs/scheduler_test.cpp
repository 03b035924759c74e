// Scheduled jobs: due once a day at a local time, run once across instances.
#include "platform/jobs/scheduler.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "../../support/backends.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::jobs {
namespace {

constexpr time::Millis kMinute = 60LL * 1000;
constexpr time::Millis kHour = 60 * kMinute;
// 2026-12-01 00:00 in Vietnam.
const time::Millis kDayStart = time::local_day_start("2026-12-01");

Job purge_at_two(int& runs) {
  return Job{.name = "mailbox_purge", .hour = 2, .minute = 0, .lease_minutes = 60, .run = [&runs] {
               ++runs;
               return std::to_string(runs) + " purged";
             }};
}

TEST(DueSlot, IsTheLocalDayOfTheLatestDueTime) {
  int runs = 0;
  auto job = purge_at_two(runs);
  EXPECT_EQ(Scheduler::due_slot(job, kDayStart + 2 * kHour), "2026-12-01");
  EXPECT_EQ(Scheduler::due_slot(job, kDayStart + 2 * kHour - 1), "2026-11-30");
  EXPECT_EQ(Scheduler::due_slot(job, kDayStart + 23 * kHour), "2026-12-01");
  // 01:00 UTC on 1 December is 08:00 in Vietnam: the slot is Vietnam's day, not UTC's.
  EXPECT_EQ(Scheduler::due_slot(job, kDayStart - 7 * kHour + 2 * kHour), "2026-11-30");
  EXPECT_EQ(Scheduler::due_slot(job, kDayStart - 7 * kHour + 9 * kHour), "2026-12-01");
}

class SchedulerTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    other_db_ = backend_.open();
  }
  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<db::Database> other_db_;  // a second instance's own pool
  time::ManualClock clock_{kDayStart + kHour};
};

TEST_P(SchedulerTest, RunsOnceADayAtItsLocalTimeCatchingUpAMissedDay) {
  int runs = 0;
  Scheduler s(*db_, clock_, "a");
  s.add(purge_at_two(runs));
  EXPECT_EQ(s.run_due(), 1) << "at 01:00 yesterday's 02:00 run has not happened: caught up";
  EXPECT_EQ(s.run_due(), 0);
  clock_.advance(30 * kMinute);
  EXPECT_EQ(s.run_due(), 0) << "01:30: still yesterday's slot";
  clock_.advance(30 * kMinute);
  EXPECT_EQ(s.run_due(), 1) << "02:00: today's";
  clock_.advance(20 * kHour);
  EXPECT_EQ(s.run_due(), 0);
  clock_.advance(4 * kHour);
  EXPECT_EQ(s.run_due(), 1) << "02:00 the next day";
  EXPECT_EQ(runs, 3);
  auto last = s.last_runs();
  ASSERT_EQ(last.size(), 1U);
  EXPECT_EQ(last[0].slot, "2026-12-02");
  EXPECT_TRUE(last[0].ok);
  EXPECT_EQ(last[0].detail, "3 purged");
  auto seen = s.last_runs_seen();
  ASSERT_EQ(seen.size(), 1U) << "the snapshot for /metrics follows each check";
  EXPECT_EQ(seen[0].slot, "2026-12-02");
}

TEST_P(SchedulerTest, TicksRunAtEveryCheckOnEveryInstanceAfterTheJobsAndAThrowStopsNothing) {
  int runs = 0;
  std::vector<std::string> order;
  Scheduler a(*db_, clock_, "a");
  Scheduler b(*other_db_, clock_, "b");
  a.add(Job{.name = "mailbox_purge", .hour = 0, .minute = 0, .lease_minutes = 60, .run = [&] {
              order.emplace_back("job");
              ++runs;
              return std::string("done");
            }});
  a.add_tick("failing", [&]() -> std::string {
    order.emplace_back("failing");
    throw std::runtime_error("the database went away");
  });
  a.add_tick("dispatch", [&] {
    order.emplace_back("dispatch a");
    return std::string();
  });
  b.add_tick("dispatch", [&] {
    order.emplace_back("dispatch b");
    return std::string("1 sent");
  });
  a.run_due();
  b.run_due();
  a.run_due();
  EXPECT_EQ(order, (std::vector<std::string>{"job", "failing", "dispatch a", "dispatch b", "failing", "dispatch a"}));
  EXPECT_EQ(runs, 1) << "the job once a day, the ticks at every check";
}

TEST_P(SchedulerTest, TwoInstancesOnOneDatabaseRunEachSlotOnce) {
  int runs_a = 0;
  int runs_b = 0;
  Scheduler a(*db_, clock_, "a");
  Scheduler b(*other_db_, clock_, "b");
  a.add(purge_at_two(runs_a));
  b.add(purge_at_two(runs_b));
  for (int day = 0; day < 3; ++day) {
    clock_.advance(24 * kHour);
    std::thread t([&] { b.run_due(); });
    a.run_due();
    t.join();
  }
  EXPECT_EQ(runs_a + runs_b, 3);
  EXPECT_EQ(a.last_runs().at(0).slot, b.last_runs().at(0).slot) << "both report the same last run";
}

TEST_P(SchedulerTest, AFailureIsRecordedAndNotRetriedInTheSameSlot) {
  int attempts = 0;
  Scheduler s(*db_, clock_, "a");
  s.add(Job{.name = "reminders", .hour = 7, .minute = 30, .lease_minutes = 10, .run = [&attempts]() -> std::string {
              ++attempts;
              throw std::runtime_error("SMTP down");
            }});
  EXPECT_EQ(s.run_due(), 1);
  EXPECT_EQ(s.run_due(), 0);
  auto last = s.last_runs();
  ASSERT_EQ(last.size(), 1U);
  EXPECT_FALSE(last[0].ok);
  EXPECT_EQ(last[0].detail, "SMTP down");
  EXPECT_EQ(attempts, 1);
}

TEST_P(SchedulerTest, ALeaseLeftByADeadInstanceIsTakenOverWhenItExpires) {
  int runs = 0;
  db_->write([&](db::Tx& tx) {
    tx.exec(
        db::Query{"test.dead_lease",
                  "INSERT INTO job_runs (job, slot, instance, started_at, lease_until) VALUES ($1, $2, $3, $4, $5)"},
        std::string("mailbox_purge"), std::string("2026-11-30"), std::string("dead"), clock_.now(),
        clock_.now() + 30 * kMinute);
  });
  Scheduler s(*db_, clock_, "a");
  s.add(purge_at_two(runs));
  EXPECT_EQ(s.run_due(), 0) << "the lease still holds";
  clock_.advance(29 * kMinute);
  EXPECT_EQ(s.run_due(), 0);
  clock_.advance(2 * kMinute);
  EXPECT_EQ(s.run_due(), 1) << "01:31: expired, and the slot is still yesterday's";
  EXPECT_EQ(runs, 1);
  ASSERT_EQ(s.last_runs().size(), 1U);
  EXPECT_EQ(s.last_runs()[0].slot, "2026-11-30");
}

INSTANTIATE_TEST_SUITE_P(Backends, SchedulerTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::jobs
