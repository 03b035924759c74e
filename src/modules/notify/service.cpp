#include "modules/notify/service.hpp"

#include <algorithm>
#include <array>

#include "modules/notify/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/log/log.hpp"

namespace antq::notify {
namespace {

constexpr time::Millis kMinute = 60LL * 1000;
constexpr time::Millis kMaxDelay = 6LL * 60 * kMinute;
constexpr time::Millis kDay = 24LL * 60 * kMinute;
constexpr std::size_t kMaxDetail = 500;

constexpr std::array<std::pair<Channel, std::string_view>, 3> kChannels{
    {{Channel::log, "log"}, {Channel::webhook, "webhook"}, {Channel::sms, "sms"}}};

// 0.9–1.1, from the notification and the attempt (a splitmix64 step), never from a clock.
double spread(std::int64_t id, int attempts) {
  auto x = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(attempts);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return 0.9 + 0.2 * static_cast<double>(x % 10001) / 10000.0;
}

std::string short_detail(std::string detail) {
  if (detail.size() > kMaxDetail) detail.resize(kMaxDetail);
  return detail;
}

}  // namespace

std::string_view code_of(Channel channel) {
  for (const auto& [c, code] : kChannels) {
    if (c == channel) return code;
  }
  return "log";
}

std::optional<Channel> channel_of(std::string_view code) {
  for (const auto& [c, name] : kChannels) {
    if (name == code) return c;
  }
  return std::nullopt;
}

std::string_view code_of(Delivery::Result result) {
  switch (result) {
    case Delivery::Result::sent:
      return "sent";
    case Delivery::Result::retry:
      return "retry";
    case Delivery::Result::permanent:
      return "permanent";
  }
  return "permanent";
}

Service::Service(db::Database& db, const audit::Service& audit, const time::Clock& clock, std::string instance)
    : db_(db), audit_(audit), clock_(clock), instance_(std::move(instance)) {}

void Service::add_sender(Channel channel, std::unique_ptr<Sender> sender) { senders_[channel] = std::move(sender); }

bool Service::enqueue(db::Tx& tx, const NewNotification& n) const { return repo::insert(tx, n, clock_.now()); }

time::Millis Service::retry_delay(int attempts, std::int64_t id) {
  int doublings = std::clamp(attempts - 1, 0, 20);
  auto base = std::min(kMinute << doublings, kMaxDelay);
  return static_cast<time::Millis>(static_cast<double>(base) * spread(id, attempts));
}

DispatchResult Service::dispatch() const {
  DispatchResult result;
  auto owner = instance_ + ":" + crypto::to_hex(crypto::random_bytes(6));
  auto now = clock_.now();
  std::vector<Notification> held;
  db_.write([&](db::Tx& tx) { held = repo::claim(tx, owner, now, now + kLease, kBatch); });
  for (const auto& n : held) {
    auto it = senders_.find(n.channel);
    Delivery delivery = it == senders_.end()
                            ? Delivery{Delivery::Result::permanent, "no sender for this channel is configured"}
                            : it->second->send(n);
    int attempt = n.attempts + 1;
    auto at = clock_.now();
    repo::Outcome outcome{"sent", at, short_detail(delivery.detail)};
    if (delivery.result == Delivery::Result::retry && attempt < kMaxAttempts) {
      outcome.status = "pending";
      outcome.next_attempt_at = at + retry_delay(attempt, n.id);
    } else if (delivery.result != Delivery::Result::sent) {
      outcome.status = "dead";
    }
    bool kept = false;
    db_.write([&](db::Tx& tx) { kept = repo::finish(tx, n.id, owner, attempt, delivery.result, outcome, at); });
    if (!kept) {
      spdlog::warn("notification {}: its lease lapsed while it was being sent", n.id);
      continue;
    }
    if (outcome.status == "sent") ++result.sent;
    if (outcome.status == "pending") ++result.retried;
    if (outcome.status == "dead") {
      ++result.dead;
      spdlog::warn("notification {} ({}) given up after {} attempt(s): {}", n.id, code_of(n.channel), attempt,
                   outcome.detail);
    }
  }
  auto now_counts = counts();
  std::lock_guard lock(seen_mutex_);
  seen_ = now_counts;
  return result;
}

std::array<std::int64_t, 3> Service::counts_seen() const {
  std::lock_guard lock(seen_mutex_);
  return seen_;
}

namespace {
void require_admin(const Actor& actor) {
  if (!actor.is(Role::admin)) throw Error::forbidden("the notification outbox is for administrators");
}
}  // namespace

Page<Notification> Service::list(const Actor& actor, const std::string& status, int page, int page_size) const {
  require_admin(actor);
  if (!status.empty() && status != "pending" && status != "sent" && status != "dead") {
    throw Error::field("status", "unknown_value");
  }
  Page<Notification> out;
  db_.read([&](db::Tx& tx) { out = repo::page(tx, status, page, page_size); });
  return out;
}

NotificationDetail Service::get(const Actor& actor, std::int64_t id) const {
  require_admin(actor);
  NotificationDetail out;
  db_.read([&](db::Tx& tx) {
    auto n = repo::get(tx, id);
    if (!n) throw Error::not_found("notification");
    out.notification = std::move(*n);
    out.attempts = repo::attempts(tx, id);
  });
  return out;
}

Notification Service::retry(const Actor& actor, std::int64_t id) const {
  require_admin(actor);
  Notification out;
  db_.write([&](db::Tx& tx) {
    auto n = repo::get(tx, id);
    if (!n) throw Error::not_found("notification");
    if (!repo::revive(tx, id, clock_.now())) throw Error::conflict("only a notification given up is sent again");
    audit_.record(
        tx, actor, "notification.retry", "notification", std::to_string(id),
        R"({"channel":")" + std::string(code_of(n->channel)) + R"(","attempts":)" + std::to_string(n->attempts) + "}");
    out = repo::get(tx, id).value();
  });
  return out;
}

std::int64_t Service::purge(int keep_days) const {
  auto before = clock_.now() - static_cast<time::Millis>(keep_days) * kDay;
  std::int64_t purged = 0;
  db_.write([&](db::Tx& tx) {
    purged = repo::purge(tx, before);
    if (purged > 0) {
      audit_.record(tx, system_actor(), "notification.purge", "notification", "",
                    R"({"purged":)" + std::to_string(purged) + R"(,"keep_days":)" + std::to_string(keep_days) + "}");
    }
  });
  return purged;
}

std::array<std::int64_t, 3> Service::counts() const {
  std::array<std::int64_t, 3> out{};
  db_.read([&](db::Tx& tx) {
    auto c = repo::counts(tx);
    std::copy_n(c.begin(), std::min<std::size_t>(c.size(), 3), out.begin());
  });
  return out;
}

}  // namespace antq::notify
