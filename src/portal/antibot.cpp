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
  std::string payload = fmt::format("{}.{}.{}.{}", now_ms, c.a, c.b, crypto::to_hex(crypto::random_bytes(6)));
  c.token = payload + "." + mac(secret, payload);
  return c;
}

bool AntiBot::check(const std::string& secret, const std::string& token, const std::string& answer,
                    std::int64_t now_ms) {
  auto last = token.rfind('.');
  if (last == std::string::npos || token.size() > 200) return false;
  std::string payload = token.substr(0, last);
  if (!crypto::constant_time_equal(mac(secret, payload), token.substr(last + 1))) return false;
  long long issued = 0;
  int a = 0;
  int b = 0;
  if (std::sscanf(payload.c_str(), "%lld.%d.%d.", &issued, &a, &b) != 3) return false;
  if (now_ms - issued < kMinAgeMs || now_ms - issued > kMaxAgeMs) return false;
  if (answer != std::to_string(a + b)) return false;
  std::lock_guard lock(mutex_);
  if (used_.size() > 100000) used_.clear();  // the expiry bounds replays anyway
  return used_.insert(token).second;
}

}  // namespace antq::portal
