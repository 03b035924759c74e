#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/page.hpp"

namespace antq::audit {

// One line of the audit log: who did what to which record, when and why.
struct Entry {
  std::int64_t id = 0;
  std::int64_t at = 0;  // UTC milliseconds
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string action;  // "unit.create", "user.read", "auth.login" …
  std::string entity;  // "unit", "user", "session" …
  std::string entity_id;
  std::string reason;
  std::string detail = "{}";  // JSON object; never secrets
  std::string prev_hash;
  std::string hash;
};

struct Filter {
  std::optional<std::string> actor;   // username, exact
  std::optional<std::string> action;  // prefix: "unit" matches "unit.create"
  std::optional<std::string> entity;
  std::optional<std::string> entity_id;
  std::optional<std::int64_t> from;  // inclusive, UTC ms
  std::optional<std::int64_t> to;    // exclusive, UTC ms
  int page = 1;
  int page_size = 50;
};

struct Verification {
  bool ok = true;
  std::int64_t checked = 0;
  std::optional<std::int64_t> first_bad_id;
  std::string problem;  // what was wrong at first_bad_id
};

// The canonical bytes that an entry's hash covers (everything but the hash itself).
std::string canonical(const Entry& e);

}  // namespace antq::audit
