#include "api/support.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "modules/community/capabilities.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/geo/point_text.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::api {

http::Handler authed(Auth auth, AuthedHandler handler) {
  return [auth, handler = std::move(handler)](http::Request& req) {
    auto session = auth.accounts.session(req.cookie(kSessionCookie));
    req.locale = i18n::locale_from_code(session.user.locale);
    if (req.method != "GET" && req.method != "HEAD") {
      auto token = req.header("x-csrf-token");
      if (!token || !crypto::constant_time_equal(*token, session.csrf_token)) {
        throw Error::of(Error::Kind::csrf_failed, "missing or wrong CSRF token");
      }
    }
    Caller caller{accounts::Service::actor_of(session.user), std::move(session)};
    return handler(req, caller);
  };
}

boost::json::object json_body(const http::Request& req) {
  std::string text = req.text_body();
  if (!text.empty()) {
    auto type = req.header("content-type").value_or("");
    if (type.rfind("application/json", 0) != 0) {
      throw Error::of(Error::Kind::unsupported_media_type, "expected application/json");
    }
  }
  return json::parse_object(text);
}

namespace {
std::optional<std::int64_t> to_int(const std::string& s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

int int_param(const http::Request& req, std::string_view name, int fallback, int min, int max) {
  auto raw = req.query_param(name);
  if (!raw || raw->empty()) return fallback;
  auto v = to_int(*raw);
  if (!v || *v < min || *v > max) throw Error::field(std::string(name), "invalid_format");
  return static_cast<int>(*v);
}

std::optional<std::int64_t> optional_id_param(const http::Request& req, std::string_view name) {
  auto raw = req.query_param(name);
  if (!raw || raw->empty()) return std::nullopt;
  auto v = to_int(*raw);
  if (!v || *v <= 0) throw Error::field(std::string(name), "invalid_format");
  return v;
}

std::optional<std::string> text_param(const http::Request& req, std::string_view name) {
  auto raw = req.query_param(name);
  if (!raw || raw->empty()) return std::nullopt;
  if (!text::is_valid_utf8(*raw)) throw Error::of(Error::Kind::invalid_utf8, "query parameter");
  if (raw->size() > 500) throw Error::field(std::string(name), "too_long");
  return raw;
}

bool flag_param(const http::Request& req, std::string_view name) {
  auto raw = req.query_param(name);
  return raw && (*raw == "1" || *raw == "true");
}

OfflineFields offline_fields(json::Reader& r) {
  OfflineFields out;
  auto base_version = r.required_integer("base_version");
  if (base_version && *base_version < 0) r.errors().add("base_version", "out_of_range");
  out.base_version = base_version.value_or(0);
  out.device_at = r.integer("device_at");
  if (out.device_at && *out.device_at < 0) r.errors().add("device_at", "out_of_range");
  return out;
}

std::optional<bool> yes_no_param(const http::Request& req, std::string_view name) {
  auto text = text_param(req, name);
  if (!text) return std::nullopt;
  if (*text == "1") return true;
  if (*text == "0") return false;
  throw Error::field(std::string(name), "unknown_value");
}

std::optional<std::string> date_field(json::Reader& r, std::string_view key) {
  auto text = r.text(key, 40);
  if (text && text->empty()) return std::nullopt;
  return text;
}

int int_field(json::Reader& r, std::string_view key, int fallback) {
  auto value = r.integer(key);
  if (!value) return fallback;
  return static_cast<int>(
      std::clamp<std::int64_t>(*value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

std::vector<geo::Point> line_field(const boost::json::object& body, std::string_view key, std::size_t max_points,
                                   FieldErrors& errors) {
  std::vector<geo::Point> out;
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return out;
  const std::string field(key);
  if (!it->value().is_array()) {
    errors.add(field, "wrong_type");
    return out;
  }
  if (it->value().get_array().size() > max_points) {
    errors.add(field, "too_long");
    return out;
  }
  for (const auto& v : it->value().get_array()) {
    if (v.is_string()) {
      auto parsed = geo::parse_point(std::string(v.get_string()));
      if (!parsed.point) {
        errors.add(field, parsed.problem);
        return {};
      }
      out.push_back(*parsed.point);
    } else if (v.is_array() && v.get_array().size() == 2 && v.get_array()[0].is_number() &&
               v.get_array()[1].is_number()) {
      out.push_back({v.get_array()[1].to_number<double>(), v.get_array()[0].to_number<double>()});
    } else {
      errors.add(field, "wrong_type");
      return {};
    }
  }
  return out;
}

http::Response docx_download(std::string bytes, const std::string& filename) {
  auto res = http::Response::text(200, std::move(bytes),
                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  res.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.set("Cache-Control", "no-store");
  return res;
}

void require_sheet_body(const http::Request& req) {
  auto type = req.header("content-type").value_or("");
  if (type.rfind("text/csv", 0) != 0 && type.rfind(kXlsxType, 0) != 0) {
    throw Error::of(Error::Kind::unsupported_media_type, "expected text/csv or an .xlsx workbook");
  }
}

http::Response sheet_download(std::string bytes, bool xlsx, std::string_view name) {
  auto res = http::Response::text(200, std::move(bytes), xlsx ? kXlsxType : "text/csv; charset=utf-8");
  res.set("Content-Disposition", "attachment; filename=\"" + std::string(name) + (xlsx ? ".xlsx\"" : ".csv\""));
  res.set("Cache-Control", "no-store");
  return res;
}

int path_year(const http::Request& req) {
  auto it = req.params.find("year");
  if (it == req.params.end()) throw Error::not_found("no year");
  const std::string& text = it->second;
  int year = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || ptr != text.data() + text.size()) throw Error::not_found("bad year " + text);
  return year;
}

std::int64_t path_id(const http::Request& req, const std::string& name) {
  auto it = req.params.find(name);
  if (it == req.params.end()) throw Error::not_found("no id");
  auto v = to_int(it->second);
  if (!v || *v <= 0) throw Error::not_found("bad id " + it->second);
  return *v;
}

boost::json::object unit_json(const units::Unit& u, const std::string& today) {
  auto opt_text = [](const std::optional<std::string>& s) -> boost::json::value {
    if (!s) return nullptr;
    return boost::json::string(*s);
  };
  auto opt_id = [](const std::optional<std::int64_t>& v) -> boost::json::value {
    if (!v) return nullptr;
    return *v;
  };
  return boost::json::object{
      {"id", u.id},
      {"code", u.code},
      {"name", u.name},
      {"name_en", u.name_en},
      {"kind", std::string(units::kind_code(u.kind))},
      {"designation", u.designation},
      {"parent_id", opt_id(u.parent_id)},
      {"valid_from", opt_text(u.valid_from)},
      {"valid_to", opt_text(u.valid_to)},
      {"remote", u.remote},
      {"merged_into", opt_id(u.merged_into)},
      {"demo", u.demo},
      {"note", u.note},
      {"hotline", u.hotline},
      {"active", u.active_on(today)},
  };
}

namespace {
boost::json::value phone_json(const std::string& e164) {
  return e164.empty() ? boost::json::value(nullptr) : boost::json::value(e164);
}
boost::json::value phone_national_json(const std::string& e164) {
  auto check = text::normalise_phone(e164);
  if (!check.phone) return nullptr;
  return boost::json::value(text::national_phone(*check.phone));
}
}  // namespace

boost::json::object user_json(const accounts::User& u) {
  return boost::json::object{
      {"id", u.id},
      {"username", u.username},
      {"full_name", u.full_name},
      {"role", std::string(role_code(u.role))},
      {"unit_id", u.unit_id},
      {"unit_name", u.unit_name},
      {"locale", u.locale},
      {"totp_enabled", u.totp_enabled},
      {"identity_permission", u.identity_permission},
      {"disabled", u.disabled},
      {"created_at", time::format_iso_utc(u.created_at)},
      {"phone", phone_json(u.phone)},
      {"phone_national", phone_national_json(u.phone)},
      {"sms_opt_in", u.sms_opt_in},
  };
}

boost::json::object session_json(const accounts::Session& s) {
  boost::json::array capabilities;
  for (const auto& name : community::capabilities(accounts::Service::actor_of(s.user))) capabilities.emplace_back(name);
  return boost::json::object{
      {"user", user_json(s.user)}, {"csrf_token", s.csrf_token}, {"capabilities", std::move(capabilities)}};
}

std::optional<double> number_param(const http::Request& req, const std::string& name, double min, double max,
                                   FieldErrors& errors, std::optional<double> fallback) {
  auto text = text_param(req, name);
  if (!text || text->empty()) {
    if (!fallback) errors.add(name, "required");
    return fallback;
  }
  char* end = nullptr;
  double v = std::strtod(text->c_str(), &end);
  if (end != text->c_str() + text->size() || !std::isfinite(v)) {
    errors.add(name, "invalid_format");
    return std::nullopt;
  }
  if (v < min || v > max) {
    errors.add(name, "out_of_range");
    return std::nullopt;
  }
  return v;
}

http::Response cached_response(const http::Request& req, const std::string& etag,
                               std::shared_ptr<const std::string> body, std::string_view content_type) {
  http::Response res;
  res.set("ETag", etag);
  res.set("Cache-Control", "private, no-cache");
  if (req.header("if-none-match") == etag) {
    res.status = 304;
    return res;
  }
  res.shared_body = std::move(body);
  res.set("Content-Type", std::string(content_type));
  return res;
}

boost::json::value optional_instant(const std::optional<std::int64_t>& instant) {
  if (!instant) return nullptr;
  return boost::json::value(time::format_iso_utc(*instant));
}

std::optional<std::int64_t> local_time_field(const std::optional<std::string>& text, const char* field,
                                             FieldErrors& errors) {
  if (!text || text->empty()) return std::nullopt;
  auto t = time::parse_local_datetime(*text);
  if (!t) errors.add(field, "invalid_date");
  return t;
}

}  // namespace antq::api
