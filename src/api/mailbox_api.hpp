#pragma once
// The mailbox's routes: /api/v1/public/tips (residents, no account), /api/v1/tips and
// /api/v1/mailbox/keys (commune officers); /api/v1/mailbox/boxes and
// /api/v1/mailbox/openings (paper mailboxes, their openings and minutes).
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/mailbox/boxes.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"

namespace antq::api {

void add_mailbox_routes(http::Router& router, const Auth& auth, mailbox::Service& tips, mailbox::Keys& keys);
void add_box_routes(http::Router& router, const Auth& auth, mailbox::Boxes& boxes, mailbox::Service& tips);

}  // namespace antq::api
