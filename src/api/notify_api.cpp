#include "api/notify_api.hpp"

#include <boost/json.hpp>

#include "platform/text/phone.hpp"

namespace antq::api {
namespace {

struct Deps {
  const notify::Service& notify;
};

boost::json::value instant(std::optional<time::Millis> at) {
  return at ? boost::json::value(time::format_iso_utc(*at)) : boost::json::value(nullptr);
}

boost::json::object notification_json(const notify::Notification& n) {
  return boost::json::object{
      {"id", n.id},
      {"key", n.dedupe_key},
      {"channel", std::string(notify::code_of(n.channel))},
      {"user_id", optional_value(n.user_id)},
      {"address", n.address.empty() ? boost::json::value(nullptr) : boost::json::value(text::masked_phone(n.address))},
      {"subject", n.subject},
      {"body", n.body},
      {"status", n.status},
      {"attempts", n.attempts},
      {"next_attempt_at", instant(n.status == "pending" ? std::optional(n.next_attempt_at) : std::nullopt)},
      {"last_error", n.last_error},
      {"created_at", time::format_iso_utc(n.created_at)},
      {"sent_at", instant(n.sent_at)},
  };
}

http::Response list_notifications(const Deps& d, http::Request& req, const Caller& c) {
  auto page = d.notify.list(c.actor, text_param(req, "status").value_or(""), int_param(req, "page", 1, 1, 1000000),
                            int_param(req, "page_size", 50, 1, 500));
  boost::json::array items;
  for (const auto& n : page.items) items.push_back(notification_json(n));
  auto counts = d.notify.counts();
  boost::json::array channels;
  for (auto channel : {notify::Channel::log, notify::Channel::webhook, notify::Channel::sms}) {
    if (d.notify.offers(channel)) channels.emplace_back(std::string(notify::code_of(channel)));
  }
  return http::Response::json(
      200, boost::json::object{{"items", std::move(items)},
                               {"total", page.total},
                               {"counts", {{"pending", counts[0]}, {"sent", counts[1]}, {"dead", counts[2]}}},
                               {"channels", std::move(channels)}});
}

http::Response get_notification(const Deps& d, http::Request& req, const Caller& c) {
  auto detail = d.notify.get(c.actor, path_id(req));
  auto out = notification_json(detail.notification);
  boost::json::array attempts;
  for (const auto& a : detail.attempts) {
    attempts.push_back(boost::json::object{
        {"attempt", a.attempt}, {"at", time::format_iso_utc(a.at)}, {"outcome", a.outcome}, {"detail", a.detail}});
  }
  out["attempts_made"] = std::move(attempts);
  return http::Response::json(200, out);
}

http::Response retry_notification(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, notification_json(d.notify.retry(c.actor, path_id(req))));
}

}  // namespace

void add_notify_routes(http::Router& router, const Auth& auth, const notify::Service& notify) {
  Routes<Deps> routes(router, auth, Deps{notify});
  routes.staff("GET", "/api/v1/notifications", list_notifications);
  routes.staff("GET", "/api/v1/notifications/{id}", get_notification);
  routes.staff("POST", "/api/v1/notifications/{id}/retry", retry_notification);
}

}  // namespace antq::api
