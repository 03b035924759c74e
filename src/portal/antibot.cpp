#include "portal/antibot.hpp"

#include <fmt/format.h>

#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::portal {
namespace {

std::string mac(const std::string& secret, const std::string& payload) {
  return crypto::to_hex(crypto::keyed_hash(secret, "antq-form|" + payload)).substr(0, 32);
}

}  // namespace

Challenge AntiBot::issue(const std::string& secret, std::int64_t now_ms) const {
  Challenge c;
  c.a = 1 + static_cast<int>(crypto::random_below(9));
  c.b = 1 + static_cast<int>(crypto::random_below(9));
  // The answer is not in the token: only its MAC, so the token alone gives nothing away.
  std::string payload = fmt::format("{}.{}", now_ms, crypto::to_hex(crypto::random_bytes(8)));
  c.token = payload + "." + mac(secret, payload + "|" + std::to_string(c.a + c.b));
  return c;
}

bool AntiBot::check(const std::string& secret, const std::string& token, const std::string& answer,
                    std::int64_t now_ms) {
  auto last = token.rfind('.');
  if (last == std::string::npos || token.size() > 200) return false;
  std::string payload = token.substr(0, last);
  if (answer.empty() || answer.size() > 3 || answer.find_first_not_of("0123456789") != std::string::npos) return false;
  if (!crypto::constant_time_equal(mac(secret, payload + "|" + std::to_string(std::stoi(answer))),
                                   token.substr(last + 1))) {
    return false;
  }
  long long issued = 0;
  if (std::sscanf(payload.c_str(), "%lld.", &issued) != 1) return false;
  if (now_ms - issued < kMinAgeMs || now_ms - issued > kMaxAgeMs) return false;
  std::lock_guard lock(mutex_);
  if (used_.size() > 100000) used_.clear();  // the expiry bounds replays anyway
  return used_.insert(token).second;
}

}  // namespace antq::portal
