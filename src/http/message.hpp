#pragma once
// Plain request and response values: api/ and portal/ see these, never Beast.
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/i18n/catalog.hpp"

namespace antq::http {

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // "GET", "POST" … (HEAD is routed as GET)
  std::string path;    // percent-decoded
  Fields query;        // decoded, in order
  Fields headers;      // names in lower case
  std::string body;
  std::string request_id;
  std::string client;                         // peer address; handlers of citizen routes must not store it
  bool secure = false;                        // TLS here, or X-Forwarded-Proto: https from a loopback proxy
  bool loopback = false;                      // the server listens on a loopback address
  std::map<std::string, std::string> params;  // from the route pattern
  i18n::Locale locale = i18n::Locale::vi;     // Accept-Language, then the user's choice

  std::optional<std::string> header(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  std::string cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  Fields headers;
  std::string body;
  // A large body shared with a cache instead of copied; used when set.
  std::shared_ptr<const std::string> shared_body;

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

}  // namespace antq::http
