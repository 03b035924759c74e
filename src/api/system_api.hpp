#pragma once
// /healthz, /readyz and /metrics.
#include "api/support.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "platform/db/database.hpp"

namespace antq::api {

void add_system_routes(http::Router& router, const Auth& auth, db::Database& db, http::Metrics& metrics);

}  // namespace antq::api
