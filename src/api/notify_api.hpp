#pragma once
// /api/v1/notifications…: the notification outbox for administrators (notify/service.hpp):
// the list newest first with the counts by status, one with its attempts, and a given-up
// one sent again. Phone numbers are masked.
#include "api/support.hpp"
#include "http/router.hpp"
#include "modules/notify/service.hpp"

namespace antq::api {

void add_notify_routes(http::Router& router, const Auth& auth, const notify::Service& notify);

}  // namespace antq::api
