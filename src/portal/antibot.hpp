#pragma once
// A check question against automated sending that needs no JavaScript and no third
// party: a small sum in words, signed with an installation secret, valid from a few
// seconds to two hours after the page was served, and usable once (per instance).
#include <cstdint>
#include <mutex>
#include <set>
#include <string>

namespace antq::portal {

struct Challenge {
  int a = 0;
  int b = 0;
  std::string token;  // issued time, a nonce and a MAC over them and the answer
};

class AntiBot {
 public:
  Challenge issue(const std::string& secret, std::int64_t now_ms) const;
  // True once for a right answer to an unexpired, untampered token.
  bool check(const std::string& secret, const std::string& token, const std::string& answer, std::int64_t now_ms);

  static constexpr std::int64_t kMinAgeMs = 2000;
  static constexpr std::int64_t kMaxAgeMs = 2LL * 3600 * 1000;

 private:
  std::mutex mutex_;
  std::set<std::string> used_;
};

}  // namespace antq::portal
