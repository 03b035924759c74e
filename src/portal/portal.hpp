#pragma once
// Citizen pages (portal/): server-rendered HTML that works with JavaScript off, for the
// mailbox. They store no IP address, log no client address and set no cookie.
#include "api/api.hpp"
#include "http/router.hpp"

namespace antq::portal {

void add_portal_routes(http::Router& router, api::Services& services);

}  // namespace antq::portal
