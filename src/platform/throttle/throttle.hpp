#pragma once
// Slows password guessing without locking anyone out forever: after `free_attempts`
// failures a key (an account, a client) must wait 2^(n - free_attempts) seconds, at most
// `max_delay_seconds`, before the next attempt is even checked. An hour without failures
// starts the count afresh. In memory, per instance.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "platform/time/time.hpp"

namespace antq {

class Throttle {
 public:
  Throttle(const time::Clock& clock, int free_attempts, int max_delay_seconds)
      : clock_(clock), free_attempts_(free_attempts), max_delay_ms_(max_delay_seconds * 1000LL) {}

  // Seconds to wait before `key` may try again; 0 when it may try now.
  int wait_seconds(const std::string& key) const;
  void failure(const std::string& key);
  void success(const std::string& key);

 private:
  struct State {
    int failures = 0;
    std::int64_t next_allowed = 0;
    std::int64_t last_seen = 0;
  };
  void forget_old(std::int64_t now);

  const time::Clock& clock_;
  int free_attempts_;
  std::int64_t max_delay_ms_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, State> states_;
};

}  // namespace antq
