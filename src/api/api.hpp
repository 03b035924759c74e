#pragma once
// The JSON API (/api/v1/…) and the system endpoints (/healthz, /readyz, /metrics):
// thin adapters that parse input, call one service function and render the result.
#include <string>

#include "api/tree_cache.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "modules/accounts/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/mailbox/boxes.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::api {

enum class CookieSecure { automatic, always, never };

struct Services {
  db::Database& db;
  const time::Clock& clock;
  accounts::Service& accounts;
  units::Service& units;
  audit::Service& audit;
  http::Metrics& metrics;
  CookieSecure cookie_secure = CookieSecure::automatic;
  int session_hours;
  mailbox::Service& mailbox;
  mailbox::Keys& keys;
  mailbox::Boxes& boxes;
  TreeCache tree_cache{};
};

void add_system_routes(http::Router& router, Services& services);
void add_auth_routes(http::Router& router, Services& services);
void add_units_routes(http::Router& router, Services& services);
void add_users_routes(http::Router& router, Services& services);
void add_audit_routes(http::Router& router, Services& services);
void add_mailbox_routes(http::Router& router, Services& services);
void add_box_routes(http::Router& router, Services& services);

inline void add_all_routes(http::Router& router, Services& services) {
  add_system_routes(router, services);
  add_auth_routes(router, services);
  add_units_routes(router, services);
  add_users_routes(router, services);
  add_audit_routes(router, services);
  add_mailbox_routes(router, services);
  add_box_routes(router, services);
}

}  // namespace antq::api
