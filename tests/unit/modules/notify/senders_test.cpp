// The channels: what a webhook's answer means, the signed POST a receiver gets, the SMS
// spool file for a mobile (and none for a landline), and the log line with the number masked.
#include "modules/notify/senders.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <spdlog/sinks/ostream_sink.h>

#include "../../support/responder.hpp"
#include "../../support/temp_dir.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/crypto/hmac.hpp"
#include "platform/log/log.hpp"

namespace antq::notify {
namespace {

using Result = Delivery::Result;
constexpr time::Millis kAt = 1764547200000LL;  // 2025-12-01 07:00:00 local

Notification reminder(std::int64_t id = 42) {
  Notification n;
  n.id = id;
  n.dedupe_key = "reminder:2025-12-01:7:webhook";
  n.user_id = 7;
  n.subject = "Nhắc việc";
  n.body = "antq: 3 bình chữa cháy sắp hết hạn – xã Tân Trào";
  n.created_at = kAt;
  return n;
}

net::HttpAnswer answered(long status) {
  net::HttpAnswer a;
  a.status = status;
  return a;
}

net::HttpAnswer failed(net::HttpAnswer::Failure failure) {
  net::HttpAnswer a;
  a.failure = failure;
  a.error = "curl says no";
  return a;
}

TEST(WebhookAnswer, TwoHundredsAreSentBusyOrBrokenServersRetriedOtherRefusalsPermanent) {
  using F = net::HttpAnswer::Failure;
  const std::pair<net::HttpAnswer, Result> table[] = {
      {answered(200), Result::sent},      {answered(204), Result::sent},           {answered(408), Result::retry},
      {answered(429), Result::retry},     {answered(500), Result::retry},          {answered(503), Result::retry},
      {answered(301), Result::permanent}, {answered(400), Result::permanent},      {answered(401), Result::permanent},
      {answered(404), Result::permanent}, {failed(F::timeout), Result::retry},     {failed(F::connect), Result::retry},
      {failed(F::other), Result::retry},  {failed(F::bad_url), Result::permanent},
  };
  for (const auto& [answer, expected] : table) {
    EXPECT_EQ(delivery_of(answer).result, expected) << answer.status << " " << answer.error;
  }
  EXPECT_EQ(delivery_of(answered(503)).detail, "HTTP 503");
}

TEST(WebhookSender, PostsTheJsonSignedOverTheTimestampAndTheBody) {
  crypto::init();
  testing::Responder responder("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  time::ManualClock clock(kAt);
  WebhookSender sender(responder.url(), "bí mật chung", clock);
  auto delivery = sender.send(reminder());
  EXPECT_EQ(delivery.result, Result::sent) << delivery.detail;
  const auto& sent = responder.received();
  auto body = webhook_body(reminder());
  EXPECT_EQ(sent.substr(sent.size() - body.size()), body);
  EXPECT_NE(body.find("\"subject\":\"Nhắc việc\""), std::string::npos) << body;
  EXPECT_NE(body.find("\"user_id\":7"), std::string::npos) << body;
  EXPECT_NE(sent.find("X-Antq-Delivery: 42\r\n"), std::string::npos);
  EXPECT_NE(sent.find("X-Antq-Timestamp: 1764547200\r\n"), std::string::npos);
  auto expected = "sha256=" + crypto::hmac_sha256_hex("bí mật chung", "1764547200." + body);
  EXPECT_NE(sent.find("X-Antq-Signature: " + expected + "\r\n"), std::string::npos) << sent;
  EXPECT_NE(WebhookSender::signature("another secret", 1764547200, body), expected);
}

TEST(SmsSpoolSender, WritesOneFileForAMobileAndRefusesALandline) {
  testing::TempDir dir;
  time::ManualClock clock(kAt);
  SmsSpoolSender sender(dir.path(), clock);
  auto n = reminder();
  n.address = "+84912345678";
  auto delivery = sender.send(n);
  ASSERT_EQ(delivery.result, Result::sent) << delivery.detail;
  EXPECT_EQ(delivery.detail, "OUTA20251201_070000_00_+84912345678_antq42.txt");
  EXPECT_TRUE(std::filesystem::exists(dir.path() / delivery.detail));

  n.address = "+842073822123";  // Tuyên Quang, a landline
  EXPECT_EQ(sender.send(n).result, Result::permanent);
  n.address = "+84912345678";
  SmsSpoolSender nowhere(dir.path() / "missing", clock);
  auto later = nowhere.send(n);
  EXPECT_EQ(later.result, Result::retry) << "the folder may come back";
  EXPECT_NE(later.detail.find("missing"), std::string::npos) << later.detail;
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1) << "one message, no temporary file left";
}

TEST(LogSender, LogsTheMessageWithTheNumberMasked) {
  std::ostringstream lines;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", sink));
  auto n = reminder();
  n.address = "+84912345678";
  n.body += "\n- Bình chữa cháy của hộ KQ-0001 hết hạn ngày 10/12/2025";
  LogSender sender;
  auto delivery = sender.send(n);
  spdlog::set_default_logger(previous);
  EXPECT_EQ(delivery.result, Result::sent);
  auto logged = lines.str();
  EXPECT_NE(logged.find("notification 42 to user 7 (+8491*****78)"), std::string::npos) << logged;
  EXPECT_NE(logged.find("3 bình chữa cháy sắp hết hạn"), std::string::npos) << logged;
  EXPECT_EQ(logged.find("912345678"), std::string::npos) << logged;
  EXPECT_NE(logged.find("Tân Trào / - Bình chữa cháy của hộ KQ-0001"), std::string::npos) << "one line: " << logged;
}

}  // namespace
}  // namespace antq::notify
