#pragma once
// The one place where errors become HTTP: RFC 9457 application/problem+json with a
// stable type, a title and detail in the request's language, and per-field messages.
#include "http/message.hpp"
#include "platform/error.hpp"

namespace antq::http {

int status_of(Error::Kind kind);
std::string slug_of(Error::Kind kind);
Response problem(const Error& error, const Request& req);
// The exception in flight as an Error: the one place where a database's refusal becomes
// one (a unique violation is a conflict, a busy database is overloaded, anything else is
// internal). REQUIRES: called inside a catch block.
Error current_error();

}  // namespace antq::http
