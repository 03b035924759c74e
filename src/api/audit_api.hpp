#pragma once
// /api/v1/audit: the audit log for auditors.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/audit/service.hpp"

namespace antq::api {

void add_audit_routes(http::Router& router, const Auth& auth, audit::Service& audit);

}  // namespace antq::api
