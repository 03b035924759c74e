#pragma once
// /api/v1/community/households… and /api/v1/community/registrations: the households of
// the villages, their phone read with a reason, the withdrawal of their consent, their
// yearly registration to build a safe residential area (a PUT a phone may send twice) and
// the share registered per village.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/community/households.hpp"

namespace antq::api {

void add_households_routes(http::Router& router, const Auth& auth, const community::Households& households);

}  // namespace antq::api
