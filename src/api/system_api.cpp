// /healthz, /readyz and /metrics.
#include "api/system_api.hpp"

#include <boost/json.hpp>

#include "platform/db/migrations.hpp"
#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  db::Database& db;
  http::Metrics& metrics;
};

http::Response health(const Deps&, http::Request&) { return http::Response::text(200, "ok\n"); }

http::Response readiness(const Deps& d, http::Request&) {
  bool current = false;
  try {
    current = db::migrations_current(d.db);
  } catch (const std::exception& e) {
    throw Error::unavailable(e.what());
  }
  if (!current) throw Error::unavailable("migrations pending");
  return http::Response::json(200, boost::json::object{{"database", "ok"}, {"migrations", "current"}});
}

http::Response render_metrics(const Deps& d, http::Request&) {
  return http::Response::text(200, d.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace

void add_system_routes(http::Router& router, const Auth& auth, db::Database& db, http::Metrics& metrics) {
  Routes<Deps> routes(router, auth, Deps{db, metrics});
  const http::RouteOptions quick{.blocking = false, .log_client = true};
  routes.open("GET", "/healthz", health, quick);
  routes.open("GET", "/readyz", readiness);
  routes.open("GET", "/metrics", render_metrics, quick);
}

}  // namespace antq::api
