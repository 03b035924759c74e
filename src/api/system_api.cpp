// /healthz, /readyz and /metrics.
#include <boost/json.hpp>

#include "api/api.hpp"
#include "platform/db/migrations.hpp"
#include "platform/error.hpp"

namespace antq::api {

void add_system_routes(http::Router& router, Services& s) {
  router.add("GET", "/healthz", [](http::Request&) { return http::Response::text(200, "ok\n"); },
             {.blocking = false, .log_client = true});

  router.add("GET", "/readyz", [&s](http::Request&) {
    bool current = false;
    try {
      current = db::migrations_current(s.db);
    } catch (const std::exception& e) {
      throw Error::unavailable(e.what());
    }
    if (!current) throw Error::unavailable("migrations pending");
    return http::Response::json(200, boost::json::object{{"database", "ok"}, {"migrations", "current"}});
  });

  router.add("GET", "/metrics",
             [&s](http::Request&) {
               return http::Response::text(200, s.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
             },
             {.blocking = false, .log_client = true});
}

}  // namespace antq::api
