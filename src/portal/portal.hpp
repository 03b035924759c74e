#pragma once
// Citizen pages (portal/): server-rendered HTML that works with JavaScript off, for the
// mailbox and camera owners. They store no IP address, log no client address and set no cookie.
#include "http/router.hpp"
#include "modules/cameras/requests.hpp"
#include "modules/cameras/service.hpp"
#include "modules/mailbox/service.hpp"
#include "modules/units/service.hpp"
#include "platform/time/time.hpp"

namespace antq::portal {

// What the citizen pages ask: the public unit lists, the mailbox (and its form key), the
// camera registry and the footage requests.
struct Services {
  const time::Clock& clock;
  const units::Service& units;
  mailbox::Service& mailbox;
  const cameras::Requests* footage = nullptr;
  const cameras::Service* cameras = nullptr;
};

// Every citizen page: the mailbox's (/hom-thu) and the camera owners' (/camera).
void add_portal_routes(http::Router& router, const Services& services);
void add_camera_portal_routes(http::Router& router, const Services& services);
void add_camera_owner_routes(http::Router& router, const Services& services);

}  // namespace antq::portal
