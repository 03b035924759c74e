#include "platform/db/recheck.hpp"

namespace antq::db {

namespace {

template <typename T>
void raise_to(std::atomic<T>& value, T at_least) {
  auto now = value.load(std::memory_order_relaxed);
  while (now < at_least && !value.compare_exchange_weak(now, at_least, std::memory_order_relaxed)) {
  }
}

}  // namespace

bool Recheck::due(const Tx& tx, time::Millis now) const {
  auto seen = tx.own_commits_before();
  if (!seen || !looked_.load(std::memory_order_acquire)) return true;
  auto at = at_.load(std::memory_order_relaxed);
  return *seen > commits_.load(std::memory_order_relaxed) || now < at || now - at >= others_ms_;
}

void Recheck::looked(const Tx& tx, time::Millis now) {
  auto seen = tx.own_commits_before();
  if (!seen) return;
  // Concurrent looks: what is applied holds the newest snapshot's commits.
  raise_to(commits_, *seen);
  raise_to(at_, now);
  looked_.store(true, std::memory_order_release);
}

void Recheck::forget() {
  looked_.store(false, std::memory_order_release);
  commits_.store(0, std::memory_order_relaxed);
  at_.store(0, std::memory_order_relaxed);
}

}  // namespace antq::db
