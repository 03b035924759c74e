#include "modules/notify/senders.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "platform/crypto/hmac.hpp"
#include "platform/log/log.hpp"
#include "platform/sms/spool.hpp"
#include "platform/text/phone.hpp"

namespace antq::notify {

Delivery LogSender::send(const Notification& n) {
  auto body = n.body;
  for (std::size_t at = body.find('\n'); at != std::string::npos; at = body.find('\n', at)) body.replace(at, 1, " / ");
  spdlog::info("notification {} to user {}{}: {} — {}", n.id, n.user_id ? std::to_string(*n.user_id) : "-",
               n.address.empty() ? "" : " (" + text::masked_phone(n.address) + ")", n.subject, body);
  return {Delivery::Result::sent, "logged"};
}

std::string webhook_body(const Notification& n) {
  boost::json::object o{{"id", n.id},
                        {"key", n.dedupe_key},
                        {"subject", n.subject},
                        {"body", n.body},
                        {"created_at", time::format_iso_utc(n.created_at)}};
  o["user_id"] = n.user_id ? boost::json::value(*n.user_id) : boost::json::value(nullptr);
  return boost::json::serialize(o);
}

WebhookSender::WebhookSender(std::string url, std::string secret, const time::Clock& clock)
    : url_(std::move(url)), secret_(std::move(secret)), clock_(clock) {}

std::string WebhookSender::signature(const std::string& secret, std::int64_t unix_seconds, const std::string& body) {
  return "sha256=" + crypto::hmac_sha256_hex(secret, std::to_string(unix_seconds) + "." + body);
}

Delivery delivery_of(const net::HttpAnswer& answer) {
  using Failure = net::HttpAnswer::Failure;
  switch (answer.failure) {
    case Failure::none:
      break;
    case Failure::bad_url:
      return {Delivery::Result::permanent, answer.error};
    default:
      return {Delivery::Result::retry, answer.error};
  }
  auto detail = "HTTP " + std::to_string(answer.status);
  if (answer.status >= 200 && answer.status < 300) return {Delivery::Result::sent, detail};
  bool again = answer.status == 408 || answer.status == 429 || answer.status >= 500;
  return {again ? Delivery::Result::retry : Delivery::Result::permanent, detail};
}

Delivery WebhookSender::send(const Notification& n) {
  net::HttpPost request;
  request.url = url_;
  request.body = webhook_body(n);
  auto seconds = clock_.now() / 1000;
  request.headers = {{"X-Antq-Delivery", std::to_string(n.id)},
                     {"X-Antq-Timestamp", std::to_string(seconds)},
                     {"X-Antq-Signature", signature(secret_, seconds, request.body)}};
  return delivery_of(net::post(request));
}

SmsSpoolSender::SmsSpoolSender(std::filesystem::path outbox, const time::Clock& clock)
    : outbox_(std::move(outbox)), clock_(clock) {}

Delivery SmsSpoolSender::send(const Notification& n) {
  auto phone = text::normalise_phone(n.address);
  if (!phone.phone || phone.phone->kind != text::PhoneKind::mobile) {
    return {Delivery::Result::permanent, "not a mobile number"};
  }
  try {
    auto name = sms::spool(outbox_, {phone.phone->e164, n.body, "antq" + std::to_string(n.id), clock_.now()});
    return {Delivery::Result::sent, name};
  } catch (const std::invalid_argument& e) {
    return {Delivery::Result::permanent, e.what()};
  } catch (const std::runtime_error& e) {
    return {Delivery::Result::retry, e.what()};  // the folder may come back (a USB disk, permissions)
  }
}

}  // namespace antq::notify
