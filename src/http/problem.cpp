#include "http/problem.hpp"

#include <boost/json.hpp>

#include "platform/db/database.hpp"

namespace antq::http {

int status_of(Error::Kind kind) {
  using K = Error::Kind;
  switch (kind) {
    case K::validation:
      return 422;
    case K::malformed_json:
      return 400;
    case K::malformed_body:
      return 400;
    case K::invalid_utf8:
      return 400;
    case K::payload_too_large:
      return 413;
    case K::not_found:
      return 404;
    case K::method_not_allowed:
      return 405;
    case K::unauthenticated:
      return 401;
    case K::invalid_credentials:
      return 401;
    case K::totp_required:
      return 401;
    case K::invalid_totp:
      return 401;
    case K::forbidden:
      return 403;
    case K::csrf_failed:
      return 403;
    case K::too_many_attempts:
      return 429;
    case K::overloaded:
      return 503;
    case K::conflict:
      return 409;
    case K::unsupported_media_type:
      return 415;
    case K::bad_path:
      return 400;
    case K::csv_invalid:
      return 422;
    case K::service_unavailable:
      return 503;
    case K::internal:
      return 500;
  }
  return 500;
}

std::string slug_of(Error::Kind kind) {
  using K = Error::Kind;
  switch (kind) {
    case K::validation:
      return "validation-failed";
    case K::malformed_json:
      return "malformed-json";
    case K::malformed_body:
      return "malformed-body";
    case K::invalid_utf8:
      return "invalid-utf8";
    case K::payload_too_large:
      return "payload-too-large";
    case K::not_found:
      return "not-found";
    case K::method_not_allowed:
      return "method-not-allowed";
    case K::unauthenticated:
      return "unauthenticated";
    case K::invalid_credentials:
      return "invalid-credentials";
    case K::totp_required:
      return "totp-required";
    case K::invalid_totp:
      return "invalid-totp";
    case K::forbidden:
      return "forbidden";
    case K::csrf_failed:
      return "csrf-failed";
    case K::too_many_attempts:
      return "too-many-attempts";
    case K::overloaded:
      return "overloaded";
    case K::conflict:
      return "conflict";
    case K::unsupported_media_type:
      return "unsupported-media-type";
    case K::bad_path:
      return "bad-path";
    case K::csv_invalid:
      return "csv-invalid";
    case K::service_unavailable:
      return "service-unavailable";
    case K::internal:
      return "internal";
  }
  return "internal";
}

Response problem(const Error& error, const Request& req) {
  const auto& catalog = i18n::Catalog::embedded();
  const std::string slug = slug_of(error.kind());
  const int status = status_of(error.kind());
  boost::json::object body{
      {"type", "/problems/" + slug},
      {"title", catalog.get(req.locale, "problem." + slug + ".title")},
      {"status", status},
      {"detail", catalog.get(req.locale, "problem." + slug + ".detail")},
      {"instance", req.request_id},
  };
  if (!error.fields().empty()) {
    boost::json::array errors;
    for (const auto& f : error.fields()) {
      std::string message = catalog.get(req.locale, "field_error." + f.code);
      if (!f.value_hint.empty()) message += ": " + f.value_hint;
      boost::json::object item{{"field", f.field}, {"code", f.code}, {"message", message}};
      if (f.line) item["line"] = *f.line;
      if (f.index) item["index"] = *f.index;
      errors.push_back(std::move(item));
    }
    body["errors"] = std::move(errors);
  }
  if (error.kind() == Error::Kind::totp_required) body["totp_required"] = true;
  Response r = Response::json(status, body);
  r.set("Content-Type", "application/problem+json; charset=utf-8");
  if (error.kind() == Error::Kind::too_many_attempts) r.set("Retry-After", std::to_string(error.retry_after()));
  if (error.kind() == Error::Kind::overloaded || error.kind() == Error::Kind::service_unavailable) {
    r.set("Retry-After", "1");
  }
  return r;
}

Error current_error() {
  try {
    throw;
  } catch (const Error& e) {
    return e;
  } catch (const db::DbError& e) {
    if (e.kind() == db::DbError::Kind::unique_violation) return Error::conflict(e.what());
    if (e.kind() == db::DbError::Kind::busy) return Error::of(Error::Kind::overloaded, e.what());
    return Error::internal(std::string("database error: ") + e.what());
  } catch (const std::exception& e) {
    return Error::internal(e.what());
  }
}

}  // namespace antq::http
