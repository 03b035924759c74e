#pragma once
// Citizen pages (portal/): server-rendered HTML that works with JavaScript off, for the
// mailbox. They store no IP address, log no client address and set no cookie.
#include "http/router.hpp"
#include "modules/mailbox/service.hpp"
#include "modules/units/service.hpp"
#include "platform/time/time.hpp"

namespace antq::portal {

// What the citizen pages ask: the public unit lists and the mailbox.
struct Services {
  const time::Clock& clock;
  const units::Service& units;
  mailbox::Service& mailbox;
};

void add_portal_routes(http::Router& router, const Services& services);

}  // namespace antq::portal
