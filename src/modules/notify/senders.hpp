#pragma once
// The channels a notification goes by:
// - LogSender: a line in antq's log (always there; numbers masked);
// - WebhookSender: a JSON POST to one URL, signed "X-Antq-Signature: sha256=<hex>" with
//   HMAC-SHA-256 over "<X-Antq-Timestamp>.<body>" under a shared secret; 2xx is sent,
//   408, 429, 5xx and network failures are retried, any other answer is permanent;
// - SmsSpoolSender: a file in gammu-smsd's outbox folder (platform/sms/spool.hpp).
#include <filesystem>
#include <string>

#include "modules/notify/model.hpp"
#include "platform/net/http_post.hpp"

namespace antq::notify {

class LogSender : public Sender {
 public:
  Delivery send(const Notification& n) override;
};

// The JSON body a webhook receives for `n`.
std::string webhook_body(const Notification& n);

class WebhookSender : public Sender {
 public:
  WebhookSender(std::string url, std::string secret, const time::Clock& clock);
  Delivery send(const Notification& n) override;
  // The signature header's value for a body sent at `unix_seconds`.
  static std::string signature(const std::string& secret, std::int64_t unix_seconds, const std::string& body);

 private:
  std::string url_;
  std::string secret_;
  const time::Clock& clock_;
};

// What a webhook's answer means for the notification.
Delivery delivery_of(const net::HttpAnswer& answer);

class SmsSpoolSender : public Sender {
 public:
  SmsSpoolSender(std::filesystem::path outbox, const time::Clock& clock);
  Delivery send(const Notification& n) override;

 private:
  std::filesystem::path outbox_;
  const time::Clock& clock_;
};

}  // namespace antq::notify
