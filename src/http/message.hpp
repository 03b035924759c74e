#pragma once
// Plain request and response values: api/ and portal/ see these, never Beast.
#include <boost/json/value.hpp>

#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/body.hpp"
#include "platform/i18n/catalog.hpp"

namespace antq::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST" … (HEAD is routed as GET)
  std::string path;    // percent-decoded
  Fields query;        // decoded, in order
  Fields headers;      // names in lower case
  std::string body;
  // On upload routes (RouteOptions::upload_limit) the body is here instead, spooled.
  std::shared_ptr<SpooledBody> upload;
  std::string request_id;
  std::string client;                         // peer address; handlers of citizen routes must not store it
  bool secure = false;                        // TLS here, or X-Forwarded-Proto: https from a loopback proxy
  bool loopback = false;                      // the server listens on a loopback address
  std::map<std::string, std::string> params;  // from the route pattern
  i18n::Locale locale = i18n::Locale::vi;     // Accept-Language, then the user's choice

  std::optional<std::string> header(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::string cookie(std::string_view name) const;
  // The body to read in pieces: the spooled upload, or the in-memory body.
  std::shared_ptr<BodySource> body_source() const;
  // The whole body as text: `body`, or a spooled upload of at most `limit` bytes (else
  // payload_too_large). A spooled body can be read once.
  std::string text_body(std::size_t limit = std::size_t{1024} * 1024) const;
};

struct Response {
  int status = 200;
  Fields headers;
  std::string body;
  // A large body shared with a cache instead of copied; used when set.
  std::shared_ptr<const std::string> shared_body;

  // A body made piece by piece on a worker (file downloads): called until it returns
  // nullopt; `stream_length` bytes in all (the Content-Length).
  std::function<std::optional<std::string>()> stream;
  std::size_t stream_length = 0;

  // What must be done before the answer leaves, without holding a worker meanwhile (a
  // durable audit entry: db::Database::write_then). Called on the connection's thread once
  // the handler returns, with what to call when it is done: nullptr, or the error that
  // turns the answer into a problem response (500). Used when set.
  using Settled = std::function<void(std::exception_ptr)>;
  std::function<void(Settled)> wait_for;

  const std::string& content() const { return shared_body ? *shared_body : body; }

  void set(std::string name, std::string value);
  std::optional<std::string> header(std::string_view name) const;

  static Response json(int status, const boost::json::value& body);
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response empty(int status = 204);
};

// The fields of an application/x-www-form-urlencoded body, decoded ('+' is a space).
// Throws Error invalid_utf8 / malformed when the body is not a form.
Fields parse_form(std::string_view body);
// The first value of a field, or nullopt.
std::optional<std::string> field_value(const Fields& fields, std::string_view name);

}  // namespace antq::http
