#include "http/message.hpp"

#include <boost/json.hpp>
#include <boost/url/params_view.hpp>

#include <algorithm>
#include <cctype>

#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<std::string> Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return v;
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string Request::cookie(std::string_view name) const {
  auto header_value = header("cookie");
  if (!header_value) return {};
  std::string_view rest = *header_value;
  while (!rest.empty()) {
    auto semi = rest.find(';');
    auto item = rest.substr(0, semi);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == name) return std::string(item.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    rest.remove_prefix(semi + 1);
  }
  return {};
}

void Response::set(std::string name, std::string value) {
  for (auto& [k, v] : headers) {
    if (iequals(k, name) && !iequals(name, "set-cookie")) {
      v = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return v;
  }
  return std::nullopt;
}

Response Response::json(int status, const boost::json::value& body) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(body);
  r.set("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.set("Content-Type", std::move(content_type));
  return r;
}

Fields parse_form(std::string_view body) {
  Fields out;
  std::optional<boost::urls::params_view> params;
  try {
    params.emplace(boost::urls::string_view(body.data(), body.size()), boost::urls::encoding_opts(true));
  } catch (const std::exception&) {
    throw Error::of(Error::Kind::malformed_json, "not a form body");
  }
  for (auto p : *params) {
    std::string key(p.key);
    std::string value(p.value);
    if (!text::is_valid_utf8(key) || !text::is_valid_utf8(value)) throw Error::of(Error::Kind::invalid_utf8, "form");
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

Response Response::empty(int status) {
  Response r;
  r.status = status;
  return r;
}

std::shared_ptr<BodySource> Request::body_source() const {
  if (upload) return upload;
  return std::make_shared<StringSource>(body);
}

std::string Request::text_body(std::size_t limit) const {
  if (!upload) return body;
  if (upload->size() > limit) throw Error::of(Error::Kind::payload_too_large, "body too large for this request");
  std::string out(upload->size(), '\0');
  out.resize(upload->read(out.data(), out.size()));
  return out;
}

std::optional<std::string> field_value(const Fields& fields, std::string_view name) {
  for (const auto& [k, v] : fields) {
    if (k == name) return v;
  }
  return std::nullopt;
}

}  // namespace antq::http
