// The notification outbox on both databases: queued once per key; the back-off table and
// its spread; a retried message sent when due and not before; dead after 12 attempts, at
// once when permanent or when its channel has no sender; every attempt recorded; two
// dispatchers on one database never send the same message; a lapsed lease is taken over.
#include "modules/notify/service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "../../support/backends.hpp"
#include "../../support/people.hpp"
#include "modules/notify/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::notify {
namespace {

constexpr time::Millis kMinute = 60LL * 1000;
constexpr time::Millis kHour = 60 * kMinute;
constexpr time::Millis kStart = 1764547200000LL;  // 2025-12-01 07:00 local

// A channel that answers as told (sent when nothing is left to say) and remembers what it got.
class ScriptedSender : public Sender {
 public:
  explicit ScriptedSender(std::deque<Delivery::Result> script = {}) : script_(std::move(script)) {}
  Delivery send(const Notification& n) override {
    std::lock_guard lock(mutex_);
    got_.push_back(n.id);
    if (pause_) std::this_thread::sleep_for(std::chrono::milliseconds(pause_));
    if (script_.empty()) return {Delivery::Result::sent, "ok"};
    auto result = script_.front();
    script_.pop_front();
    return {result, result == Delivery::Result::retry ? "HTTP 503" : "HTTP 404"};
  }
  std::vector<std::int64_t> got() {
    std::lock_guard lock(mutex_);
    return got_;
  }
  int pause_ = 0;

 private:
  std::mutex mutex_;
  std::deque<Delivery::Result> script_;
  std::vector<std::int64_t> got_;
};

NewNotification message(const std::string& key, Channel channel = Channel::webhook) {
  return {key, channel, std::nullopt, "", "Nhắc việc", "2 bình chữa cháy sắp hết hạn"};
}

TEST(RetryDelay, DoublesFromAMinuteToSixHoursWithinTenPercentAndIsTheSameEachTime) {
  for (int attempts = 1; attempts <= 11; ++attempts) {
    auto base = std::min<time::Millis>(kMinute << (attempts - 1), 360 * kMinute);
    for (std::int64_t id : {1, 2, 77, 123456}) {
      auto delay = Service::retry_delay(attempts, id);
      EXPECT_GE(delay, base * 9 / 10) << attempts << " " << id;
      EXPECT_LE(delay, base * 11 / 10) << attempts << " " << id;
      EXPECT_EQ(delay, Service::retry_delay(attempts, id));
    }
  }
  EXPECT_NE(Service::retry_delay(3, 1), Service::retry_delay(3, 2)) << "spread by the id";
  time::Millis total = 0;
  for (int attempts = 1; attempts < Service::kMaxAttempts; ++attempts) total += Service::retry_delay(attempts, 9);
  EXPECT_GT(total, 18 * kHour);
  EXPECT_LT(total, 23 * kHour) << "about 20 hours from the first attempt to the last";
}

class NotifyTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<audit::Service>(*db_, clock_);
    service_ = std::make_unique<Service>(*db_, *audit_, clock_, "a");
  }

  ScriptedSender& webhook(std::deque<Delivery::Result> script = {}) {
    auto sender = std::make_unique<ScriptedSender>(std::move(script));
    auto& ref = *sender;
    service_->add_sender(Channel::webhook, std::move(sender));
    return ref;
  }

  bool enqueue(const NewNotification& n) {
    bool queued = false;
    db_->write([&](db::Tx& tx) { queued = service_->enqueue(tx, n); });
    return queued;
  }

  std::vector<Notification> stored() {
    std::vector<Notification> out;
    db_->read([&](db::Tx& tx) { out = repo::all(tx); });
    return out;
  }

  std::vector<repo::Attempt> attempts(std::int64_t id) {
    std::vector<repo::Attempt> out;
    db_->read([&](db::Tx& tx) { out = repo::attempts(tx, id); });
    return out;
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{kStart};
  std::unique_ptr<audit::Service> audit_;
  std::unique_ptr<Service> service_;
};

TEST_P(NotifyTest, AMessageIsQueuedOncePerKeyAndSentOnce) {
  auto& sender = webhook();
  EXPECT_TRUE(enqueue(message("reminder:2025-12-01:7:webhook")));
  EXPECT_FALSE(enqueue(message("reminder:2025-12-01:7:webhook"))) << "the same key again";
  EXPECT_TRUE(enqueue(message("reminder:2025-12-02:7:webhook")));
  auto result = service_->dispatch();
  EXPECT_EQ(result.sent, 2);
  EXPECT_EQ(service_->dispatch().sent, 0) << "nothing twice";
  EXPECT_EQ(sender.got().size(), 2U);
  auto rows = stored();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].status, "sent");
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].sent_at, kStart);
  auto tried = attempts(rows[0].id);
  ASSERT_EQ(tried.size(), 1U);
  EXPECT_EQ(tried[0].outcome, "sent");
  EXPECT_EQ((service_->counts()), (std::array<std::int64_t, 3>{0, 2, 0}));
}

TEST_P(NotifyTest, ARetryWaitsItsDelayAndTheTwelfthFailureIsTheLast) {
  std::deque<Delivery::Result> script(Service::kMaxAttempts, Delivery::Result::retry);
  auto& sender = webhook(script);
  enqueue(message("k"));
  auto id = stored()[0].id;
  for (int attempt = 1; attempt <= Service::kMaxAttempts; ++attempt) {
    auto result = service_->dispatch();
    auto row = stored()[0];
    EXPECT_EQ(row.attempts, attempt);
    if (attempt < Service::kMaxAttempts) {
      EXPECT_EQ(result.retried, 1) << attempt;
      EXPECT_EQ(row.status, "pending");
      EXPECT_EQ(row.last_error, "HTTP 503");
      EXPECT_EQ(row.next_attempt_at, clock_.now() + Service::retry_delay(attempt, id));
      clock_.advance(Service::retry_delay(attempt, id) - 1);
      EXPECT_EQ(service_->dispatch().retried, 0) << "not due a millisecond early";
      clock_.advance(1);
    } else {
      EXPECT_EQ(result.dead, 1);
      EXPECT_EQ(row.status, "dead");
    }
  }
  EXPECT_EQ(sender.got().size(), static_cast<std::size_t>(Service::kMaxAttempts));
  auto tried = attempts(id);
  ASSERT_EQ(tried.size(), static_cast<std::size_t>(Service::kMaxAttempts));
  EXPECT_EQ(tried.back().outcome, "retry");
  EXPECT_GT(tried.back().at, tried.front().at + 18 * kHour);
  EXPECT_EQ(service_->dispatch().dead, 0) << "a dead message is not tried again";
}

TEST_P(NotifyTest, APermanentFailureOrAChannelWithNoSenderIsDeadAtOnce) {
  webhook({Delivery::Result::retry, Delivery::Result::permanent});
  enqueue(message("hook"));
  enqueue(message("sms", Channel::sms));
  auto first = service_->dispatch();
  EXPECT_EQ(first.retried, 1);
  EXPECT_EQ(first.dead, 1) << "no SMS sender is configured";
  clock_.advance(2 * kMinute);
  EXPECT_EQ(service_->dispatch().dead, 1) << "a 404 is not retried";
  auto rows = stored();
  EXPECT_EQ(rows[0].status, "dead");
  EXPECT_EQ(rows[0].attempts, 2);
  EXPECT_EQ(rows[0].last_error, "HTTP 404");
  EXPECT_EQ(rows[1].status, "dead");
  EXPECT_EQ(rows[1].last_error, "no sender for this channel is configured");
  EXPECT_EQ((service_->counts()), (std::array<std::int64_t, 3>{0, 0, 2}));
}

TEST_P(NotifyTest, SentAndGivenUpNotificationsGoAfterTheirDaysWithTheirAttemptsPendingOnesStay) {
  webhook({Delivery::Result::sent, Delivery::Result::permanent, Delivery::Result::sent});
  enqueue(message("old-sent"));
  enqueue(message("old-dead"));
  service_->dispatch();
  clock_.advance(10 * 24 * kHour);
  enqueue(message("recent-sent"));
  service_->dispatch();
  enqueue(message("waiting"));  // queued, not yet sent
  auto before = stored();
  ASSERT_EQ(before.size(), 4U);
  ASSERT_EQ(before[0].status, "sent");
  ASSERT_EQ(before[1].status, "dead");

  clock_.advance(80 * 24 * kHour + kMinute);  // the old ones are 90 days and a minute old
  EXPECT_EQ(service_->purge(90), 2);
  auto after = stored();
  ASSERT_EQ(after.size(), 2U);
  EXPECT_EQ(after[0].dedupe_key, "recent-sent") << "80 days old: kept";
  EXPECT_EQ(after[1].dedupe_key, "waiting") << "pending: kept whatever its age";
  EXPECT_TRUE(attempts(before[0].id).empty()) << "the attempts went with it";
  EXPECT_EQ(attempts(after[0].id).size(), 1U);
  EXPECT_EQ(service_->purge(90), 0) << "nothing more";
  std::int64_t audited = 0;
  db_->read([&](db::Tx& tx) {
    audited =
        db::scalar(tx, db::Query{"t.audit", "SELECT count(*) FROM audit_log WHERE action = 'notification.purge'"});
  });
  EXPECT_EQ(audited, 1) << "one entry for the purge that deleted, none for the empty one";
}

TEST_P(NotifyTest, TwoDispatchersOnOneDatabaseNeverSendTheSameMessage) {
  auto other_db = backend_.open();
  audit::Service other_audit(*other_db, clock_);
  Service other(*other_db, other_audit, clock_, "b");
  auto first = std::make_unique<ScriptedSender>();
  auto second = std::make_unique<ScriptedSender>();
  first->pause_ = 5;
  second->pause_ = 5;
  auto& a = *first;
  auto& b = *second;
  service_->add_sender(Channel::webhook, std::move(first));
  other.add_sender(Channel::webhook, std::move(second));
  for (int i = 0; i < 30; ++i) enqueue(message("key-" + std::to_string(i)));
  std::thread ta([&] {
    while (service_->dispatch().sent > 0) {
    }
  });
  std::thread tb([&] {
    while (other.dispatch().sent > 0) {
    }
  });
  ta.join();
  tb.join();
  auto got_a = a.got();
  auto got_b = b.got();
  std::set<std::int64_t> all(got_a.begin(), got_a.end());
  all.insert(got_b.begin(), got_b.end());
  EXPECT_EQ(got_a.size() + got_b.size(), 30U) << "each message once";
  EXPECT_EQ(all.size(), 30U);
  for (const auto& row : stored()) EXPECT_EQ(row.status, "sent");
}

TEST_P(NotifyTest, ALeaseLeftByADeadInstanceIsTakenOverWhenItLapses) {
  auto& sender = webhook();
  enqueue(message("k"));
  db_->write([&](db::Tx& tx) { repo::claim(tx, "crashed", clock_.now(), clock_.now() + Service::kLease, 20); });
  EXPECT_EQ(service_->dispatch().sent, 0) << "held by the other instance";
  clock_.advance(Service::kLease + 1);
  EXPECT_EQ(service_->dispatch().sent, 1);
  EXPECT_EQ(sender.got().size(), 1U);
  auto id = stored()[0].id;
  bool late = true;
  db_->write([&](db::Tx& tx) {
    late = repo::finish(tx, id, "crashed", 1, Delivery::Result::sent, {"sent", 0, ""}, clock_.now());
  });
  EXPECT_FALSE(late) << "the crashed instance's lease is gone";
}

TEST_P(NotifyTest, AnAdministratorReadsTheOutboxAndSendsAGivenUpNotificationAgain) {
  webhook({Delivery::Result::permanent});
  enqueue(message("gone"));
  enqueue(message("fine"));
  service_->dispatch();
  EXPECT_EQ((service_->counts_seen()), (std::array<std::int64_t, 3>{0, 1, 1})) << "as of the last dispatch";
  auto admin = system_actor();
  auto dead = service_->list(admin, "dead", 1, 50);
  ASSERT_EQ(dead.total, 1);
  auto id = dead.items[0].id;
  EXPECT_EQ(service_->list(admin, "", 1, 50).total, 2);
  EXPECT_EQ(service_->get(admin, id).attempts.size(), 1U);
  EXPECT_EQ(testing::errors_of([&] { service_->list(admin, "lost", 1, 50); }), "status:unknown_value");

  Actor officer;
  officer.role = Role::officer;
  officer.scope_path = "/";
  EXPECT_EQ(testing::kind_of([&] { service_->list(officer, "", 1, 50); }), "forbidden");
  EXPECT_EQ(testing::kind_of([&] { service_->retry(officer, id); }), "forbidden");

  auto again = service_->retry(admin, id);
  EXPECT_EQ(again.status, "pending");
  EXPECT_EQ(again.next_attempt_at, clock_.now());
  EXPECT_EQ(testing::kind_of([&] { service_->retry(admin, id); }), "conflict") << "only a dead one";
  EXPECT_EQ(service_->dispatch().sent, 1) << "the script has no more refusals";
  EXPECT_EQ(service_->get(admin, id).attempts.size(), 2U);
  int audited = 0;
  db_->read([&](db::Tx& tx) {
    audited = static_cast<int>(
        db::scalar(tx, db::Query{"t", "SELECT count(*) FROM audit_log WHERE action = 'notification.retry'"}));
  });
  EXPECT_EQ(audited, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotifyTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::notify
