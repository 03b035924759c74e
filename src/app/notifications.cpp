#include "app/notifications.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "modules/notify/senders.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/log/log.hpp"

namespace antq::app {

std::string webhook_secret(const std::filesystem::path& file) {
  if (std::filesystem::exists(file)) {
    std::ifstream in(file);
    std::string secret;
    std::getline(in, secret);
    if (secret.size() < 16)
      throw std::runtime_error(file.string() + ": the webhook secret is shorter than 16 characters");
    return secret;
  }
  auto secret = crypto::to_hex(crypto::random_bytes(32));
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create the webhook secret " + file.string());
  auto line = secret + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot write the webhook secret " + file.string());
  spdlog::info("a new webhook secret was written to {}: give it to the receiver", file.string());
  return secret;
}

std::unique_ptr<notify::Service> open_notifications(const Config& config, db::Database& db, const audit::Service& audit,
                                                    const time::Clock& clock) {
  auto service = std::make_unique<notify::Service>(db, audit, clock, "antq");
  const auto& c = config.notify;
  if (c.log == "true") service->add_sender(notify::Channel::log, std::make_unique<notify::LogSender>());
  if (!c.webhook_url.empty()) {
    service->add_sender(notify::Channel::webhook, std::make_unique<notify::WebhookSender>(
                                                      c.webhook_url, webhook_secret(c.webhook_secret_file), clock));
  }
  if (!c.sms_spool_dir.empty()) {
    service->add_sender(notify::Channel::sms, std::make_unique<notify::SmsSpoolSender>(c.sms_spool_dir, clock));
  }
  return service;
}

}  // namespace antq::app
