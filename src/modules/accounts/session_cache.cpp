#include "modules/accounts/session_cache.hpp"

namespace antq::accounts {

std::optional<SessionCache::Checked> SessionCache::find(const std::string& token_hash, time::Millis now) const {
  std::lock_guard lock(mutex_);
  auto it = kept_.find(token_hash);
  if (it == kept_.end()) return std::nullopt;
  const auto& k = it->second;
  // A clock set back makes `now` earlier than `at`: the entry is not trusted either.
  if (now < k.at || now - k.at >= kKeepMillis || k.checked.expires_at <= now) return std::nullopt;
  return k.checked;
}

std::uint64_t SessionCache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void SessionCache::keep(const std::string& token_hash, Checked checked, time::Millis now, std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  if (kept_.size() >= kMaxSessions) kept_.clear();
  kept_.insert_or_assign(token_hash, Kept{std::move(checked), now});
}

void SessionCache::forget_all() {
  std::lock_guard lock(mutex_);
  kept_.clear();
  ++generation_;
}

}  // namespace antq::accounts
