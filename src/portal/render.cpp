#include "portal/render.hpp"

#include <boost/json.hpp>

#include <stdexcept>

#include "http/problem.hpp"
#include "platform/embedded.hpp"
#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"

namespace antq::portal {
namespace {

mstch::node to_node(const boost::json::value& v);

mstch::map to_map(const boost::json::object& o) {
  mstch::map m;
  for (const auto& [k, child] : o) m.emplace(std::string(k), to_node(child));
  return m;
}

mstch::node to_node(const boost::json::value& v) {
  if (v.is_object()) return to_map(v.get_object());
  if (v.is_array()) {
    mstch::array a;
    for (const auto& child : v.get_array()) a.push_back(to_node(child));
    return a;
  }
  if (v.is_string()) return std::string(v.get_string());
  return boost::json::serialize(v);
}

const std::string& template_text(const std::string& name) {
  static const std::map<std::string, std::string> templates = [] {
    std::map<std::string, std::string> out;
    for (const auto& f : embedded::templates()) out.emplace(std::string(f.name), std::string(f.content));
    return out;
  }();
  auto it = templates.find(name + ".mustache");
  if (it == templates.end()) throw std::logic_error("missing template " + name);
  return it->second;
}

// Every template by its name without ".mustache", for {{> name}}.
const std::map<std::string, std::string>& partials() {
  static const std::map<std::string, std::string> out = [] {
    std::map<std::string, std::string> all;
    constexpr std::string_view kSuffix = ".mustache";
    for (const auto& f : embedded::templates()) {
      std::string name(f.name);
      if (name.size() > kSuffix.size() && name.ends_with(kSuffix)) {
        all.emplace(name.substr(0, name.size() - kSuffix.size()), std::string(f.content));
      }
    }
    return all;
  }();
  return out;
}

const mstch::map& catalog_node(i18n::Locale locale) {
  static const mstch::map vi = to_map(i18n::Catalog::embedded().root(i18n::Locale::vi).at("portal").as_object());
  static const mstch::map en = to_map(i18n::Catalog::embedded().root(i18n::Locale::en).at("portal").as_object());
  return locale == i18n::Locale::en ? en : vi;
}

}  // namespace

i18n::Locale page_locale(const http::Request& req) {
  auto lang = req.query_param("lang");
  if (lang == "en") return i18n::Locale::en;
  if (lang == "vi") return i18n::Locale::vi;
  return req.locale;
}

mstch::map base_context(i18n::Locale locale) {
  std::string code(i18n::code(locale));
  return mstch::map{{"t", catalog_node(locale)},
                    {"site_name", i18n::Catalog::embedded().get(locale, "portal.site")},
                    {"site_href", std::string("/hom-thu")},
                    {"lang_query", std::string("?lang=") + code},
                    {"lang_amp", std::string("&lang=") + code},
                    {"lang_en", locale == i18n::Locale::en}};
}

mstch::map camera_context(i18n::Locale locale) {
  auto ctx = base_context(locale);
  ctx["site_name"] = text(locale, "camera_owner.site");
  ctx["site_href"] = std::string("/camera");
  return ctx;
}

http::Response render_page(const std::string& page, mstch::map context, i18n::Locale locale, const std::string& title,
                           const std::string& path, int status) {
  std::string other = locale == i18n::Locale::en ? "vi" : "en";
  context.emplace("title", title);
  context.emplace("other_lang_url", path + (path.find('?') == std::string::npos ? "?lang=" : "&lang=") + other);
  std::string content = mstch::render(template_text(page), context, partials());
  context.emplace("content", content);
  auto res = http::Response::text(status, mstch::render(template_text("layout"), context), "text/html; charset=utf-8");
  res.set("Cache-Control", "no-store");
  res.set("Content-Language", std::string(i18n::code(locale)));
  return res;
}

std::string text(i18n::Locale locale, const std::string& key, const std::map<std::string, std::string>& values) {
  std::string s = i18n::Catalog::embedded().get(locale, "portal." + key);
  for (const auto& [name, value] : values) {
    std::string token = "{{" + name + "}}";
    for (auto pos = s.find(token); pos != std::string::npos; pos = s.find(token, pos + value.size())) {
      s.replace(pos, token.size(), value);
    }
  }
  return s;
}

// Citizens get a page, never problem+json: the same titles, in HTML.
http::Handler html_errors(http::Handler handler, std::string path) {
  return [handler = std::move(handler), path = std::move(path)](http::Request& req) {
    try {
      return handler(req);
    } catch (...) {
      Error e = http::current_error();               // a busy database too gets an HTML page
      if (e.kind() == Error::Kind::internal) throw;  // logged by the server
      auto l = page_locale(req);
      const auto& catalog = i18n::Catalog::embedded();
      std::string slug = http::slug_of(e.kind());
      auto ctx = path.starts_with("/camera") ? camera_context(l) : base_context(l);
      std::string heading = catalog.get(l, "problem." + slug + ".title");
      ctx.emplace("heading", heading);
      ctx.emplace("detail", catalog.get(l, "problem." + slug + ".detail"));
      auto res = render_page("error", ctx, l, heading, path, http::status_of(e.kind()));
      if (e.kind() == Error::Kind::too_many_attempts) res.set("Retry-After", std::to_string(e.retry_after()));
      return res;
    }
  };
}

}  // namespace antq::portal
