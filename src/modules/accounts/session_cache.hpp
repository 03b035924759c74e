#pragma once
// Sessions checked in the last few seconds, so that a busy client (the map's searches, a
// dashboard's calls) does not read its session and its user from the database on every
// request. What is kept is what the database holds: the user, the CSRF token, the expiry
// and the sealed box key, which only the cookie's token opens. Any write by this
// process's account service forgets everything (sign-out, password, role, scope,
// disabling); another process or instance may honour a revoked session for up to
// kKeepMillis (docs/threat-model.md).
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "modules/accounts/model.hpp"
#include "platform/time/time.hpp"

namespace antq::accounts {

class SessionCache {
 public:
  static constexpr time::Millis kKeepMillis = 5000;
  static constexpr std::size_t kMaxSessions = 10000;

  struct Checked {
    User user;
    std::string csrf_token;
    std::int64_t expires_at = 0;
    std::string box_secret_sealed;
  };

  // The session checked at most kKeepMillis before `now`, and not expired at `now`.
  std::optional<Checked> find(const std::string& token_hash, time::Millis now) const;
  // Counts the forget_all() calls: a check read before one must not be kept after it.
  std::uint64_t generation() const;
  // Keeps what was read from the database at `now`, unless forget_all() ran since
  // `generation` was taken (before the read).
  void keep(const std::string& token_hash, Checked checked, time::Millis now, std::uint64_t generation);
  void forget_all();

 private:
  struct Kept {
    Checked checked;
    time::Millis at = 0;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
  std::uint64_t generation_ = 0;
};

}  // namespace antq::accounts
