#pragma once
// The one place where errors become HTTP: RFC 9457 application/problem+json with a
// stable type, a title and detail in the request's language, and per-field messages.
#include "http/message.hpp"
#include "platform/error.hpp"

namespace antq::http {

int status_of(Error::Kind kind);
std::string slug_of(Error::Kind kind);
Response problem(const Error& error, const Request& req);

}  // namespace antq::http
