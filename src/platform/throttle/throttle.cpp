#include "platform/throttle/throttle.hpp"

#include <algorithm>

namespace antq {

constexpr std::int64_t kQuietReset = 3600LL * 1000;

int Throttle::wait_seconds(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = states_.find(key);
  if (it == states_.end()) return 0;
  auto left = it->second.next_allowed - clock_.now();
  return left > 0 ? static_cast<int>((left + 999) / 1000) : 0;
}

void Throttle::failure(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto now = clock_.now();
  forget_old(now);
  auto& s = states_[key];
  if (now - s.last_seen > kQuietReset) s.failures = 0;  // an hour without failures starts afresh
  ++s.failures;
  s.last_seen = now;
  int over = s.failures - free_attempts_;
  if (over > 0) {
    std::int64_t delay = 1000LL << std::min(over - 1, 30);
    s.next_allowed = now + std::min(delay, max_delay_ms_);
  }
}

void Throttle::success(const std::string& key) {
  std::lock_guard lock(mutex_);
  states_.erase(key);
}

void Throttle::forget_old(std::int64_t now) {
  // A key quiet for a day starts afresh; bounds memory under a flood of usernames.
  if (states_.size() < 10000) return;
  for (auto it = states_.begin(); it != states_.end();) {
    it = now - it->second.last_seen > 86400000 ? states_.erase(it) : std::next(it);
  }
}

}  // namespace antq
