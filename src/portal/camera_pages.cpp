// /camera/yeu-cau: a camera owner answers a footage request through the one-time link an
// officer handed over. No account, no cookie, no script; the token travels in the query
// (GET) and in the form (POST), and the request log keeps the path only.
#include <fmt/format.h>

#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"
#include "portal/portal.hpp"
#include "portal/render.hpp"

namespace antq::portal {
namespace {

using i18n::Locale;
constexpr const char* kPath = "/camera/yeu-cau";

// "30/11/2026 21:00", Vietnam's time.
std::string local(time::Millis t) {
  auto date = time::local_date(t);
  return date.substr(8, 2) + "/" + date.substr(5, 2) + "/" + date.substr(0, 4) + " " + time::local_time(t);
}

http::Response gone(Locale l) {
  auto ctx = camera_context(l);
  ctx.emplace("heading", text(l, "camera.title_gone"));
  ctx.emplace("detail", text(l, "camera.gone"));
  return render_page("error", ctx, l, text(l, "camera.title_gone"), kPath, 404);
}

// The request as the owner sees it, with the form (refilled after an error).
http::Response request_page(const cameras::Requests& footage, Locale l, const std::string& token,
                            const cameras::Outcome& draft, const std::string& error, int status) {
  cameras::LinkView view;
  try {
    view = footage.open_link(token);
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::not_found) return gone(l);
    throw;
  }
  auto ctx = camera_context(l);
  ctx.emplace("token", token);
  ctx.emplace("number", view.number);
  ctx.emplace("commune", view.commune);
  ctx.emplace("hotline", view.hotline);
  ctx.emplace("camera_code", view.camera_code);
  ctx.emplace("camera_place", view.camera_place);
  ctx.emplace("window", local(view.from) + " – " + local(view.to));
  ctx.emplace("deadline", local(view.deadline_at));
  ctx.emplace("reference", draft.reference);
  ctx.emplace("sha256", draft.sha256);
  ctx.emplace("note", draft.note);
  for (const char* s : {"provided", "none", "overwritten", "declined"}) ctx.emplace(s, draft.status == s);
  if (!error.empty()) ctx.emplace("error", error);
  return render_page("camera_request", ctx, l, text(l, "camera.title"), std::string(kPath) + "?ma=" + token, status);
}

std::string field_value(const http::Fields& form, const std::string& name) {
  return http::field_value(form, name).value_or("");
}

}  // namespace

void add_camera_portal_routes(http::Router& router, const Services& services) {
  const auto* footage = services.footage;
  router.add("GET", kPath,
             html_errors(
                 [footage](http::Request& req) {
                   return request_page(*footage, page_locale(req), req.query_param("ma").value_or(""), {}, "", 200);
                 },
                 kPath),
             kCitizen);
  router.add("POST", kPath,
             html_errors(
                 [footage](http::Request& req) {
                   auto l = page_locale(req);
                   auto form = http::parse_form(req.body);
                   auto token = field_value(form, "ma");
                   cameras::Outcome answer{field_value(form, "status"), field_value(form, "reference"),
                                           field_value(form, "sha256"), field_value(form, "note")};
                   try {
                     footage->answer_link(token, answer);
                   } catch (const Error& e) {
                     if (e.kind() == Error::Kind::not_found) return gone(l);
                     if (e.kind() != Error::Kind::validation) throw;
                     std::string message;
                     for (const auto& f : e.fields()) {
                       message += (message.empty() ? "" : " ") +
                                  text(l, "camera." + (f.field == "status" ? std::string("answer") : f.field)) + ": " +
                                  i18n::Catalog::embedded().get(l, "field_error." + f.code);
                     }
                     return request_page(*footage, l, token, answer, message, 422);
                   }
                   return render_page("camera_answered", camera_context(l), l, text(l, "camera.thanks_title"), kPath);
                 },
                 kPath),
             kCitizen);
}

}  // namespace antq::portal
