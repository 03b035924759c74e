#pragma once
// Notifications to staff: one message on one channel, queued once (its dedupe key) and
// sent by the dispatcher with retries (service.hpp). The channels' senders say how each
// attempt went (senders.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/time/time.hpp"

namespace antq::notify {

enum class Channel { log, webhook, sms };
std::string_view code_of(Channel channel);
std::optional<Channel> channel_of(std::string_view code);

struct NewNotification {
  std::string dedupe_key;  // "reminder:2026-12-02:<user>:<channel>": queued once
  Channel channel = Channel::log;
  std::optional<std::int64_t> user_id;
  std::string address;  // an E.164 mobile for SMS; empty for the log and the webhook
  std::string subject;
  std::string body;
};

struct Notification {
  std::int64_t id = 0;
  std::string dedupe_key;
  Channel channel = Channel::log;
  std::optional<std::int64_t> user_id;
  std::string address;
  std::string subject;
  std::string body;
  std::string status;  // pending | sent | dead
  int attempts = 0;
  time::Millis next_attempt_at = 0;
  std::string last_error;
  time::Millis created_at = 0;
  std::optional<time::Millis> sent_at;
};

// How one attempt went: delivered, worth trying again later, or never going to work.
struct Delivery {
  enum class Result { sent, retry, permanent };
  Result result = Result::sent;
  std::string detail;  // what the channel answered ("HTTP 503", the spool file's name)
};
std::string_view code_of(Delivery::Result result);

// A channel. send() is called outside any transaction and may block for its own timeout;
// it must not throw for a failure of the channel (that is a Delivery).
class Sender {
 public:
  virtual ~Sender() = default;
  virtual Delivery send(const Notification& n) = 0;
};

}  // namespace antq::notify
