// /hom-thu: the mailbox for residents. Thin adapters over mailbox::Service.
#include <fmt/format.h>

#include "http/problem.hpp"
#include "http/uploads.hpp"
#include "platform/embedded.hpp"
#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"
#include "platform/text/text.hpp"
#include "portal/antibot.hpp"
#include "portal/portal.hpp"
#include "portal/render.hpp"

namespace antq::portal {
namespace {

using i18n::Locale;

std::string form_value(const http::Fields& form, const std::string& name) {
  return http::field_value(form, name).value_or("");
}

std::optional<std::int64_t> id_of(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(s);
}

std::string field_id(const std::string& field) {
  if (field == "kind") return "kind-denunciation";
  if (field == "identity_mode") return "mode-anonymous";
  if (field == "identity.name") return "name";
  if (field == "identity.phone") return "phone";
  if (field == "identity.address") return "address";
  if (field == "village_id") return "village";
  if (field == "answer") return "answer";
  if (field == "files") return "files";
  return field;
}

std::string field_label(Locale l, const std::string& field) {
  if (field == "identity.name") return text(l, "form.name");
  if (field == "identity.phone") return text(l, "form.phone");
  if (field == "identity.address") return text(l, "form.address");
  if (field == "village_id") return text(l, "form.village");
  if (field == "identity_mode") return text(l, "form.identity");
  if (field == "answer") return text(l, "form.question", {{"question", ""}});
  if (field == "consent") return text(l, "form.consent").substr(0, 40) + "…";
  if (field == "files") return text(l, "follow.files");
  for (const char* f : {"kind", "description", "when", "where"}) {
    if (field == f) return text(l, std::string("form.") + f);
  }
  return field;
}

// The pages' state: the services they call and the check question's signer.
struct Pages {
  explicit Pages(const portal::Services& services) : deps(services) {}
  portal::Services deps;
  AntiBot antibot;
};

http::Response start_page(const http::Request& req) {
  auto l = page_locale(req);
  return render_page("start", base_context(l), l, text(l, "start.title"), "/hom-thu");
}

http::Response choose_page(Pages& s, const http::Request& req, Locale l) {
  auto ctx = base_context(l);
  ctx.emplace("path", std::string("/hom-thu/gui"));
  ctx.emplace("choose_title", text(l, "choose.title"));
  ctx.emplace("none_text", text(l, "choose.none"));
  auto province = id_of(req.query_param("tinh").value_or(""));
  if (!province) {
    mstch::array provinces;
    for (const auto& p : s.deps.units.public_provinces()) {
      provinces.push_back(mstch::map{{"id", std::to_string(p.id)}, {"name", p.name}});
    }
    ctx.emplace("provinces_step", true);
    ctx.emplace("provinces", provinces);
    return render_page("choose", ctx, l, text(l, "choose.title"), "/hom-thu/gui");
  }
  std::string query = req.query_param("q").value_or("");
  if (!antq::text::is_valid_utf8(query) || query.size() > 200) query.clear();
  mstch::array list;
  for (const auto& c : s.deps.mailbox.communes_offered(*province, query)) {
    list.push_back(mstch::map{{"id", std::to_string(c.id)}, {"name", c.name}, {"designation", c.designation}});
  }
  auto unit = s.deps.units.find(*province);
  ctx.emplace("communes_step", true);
  ctx.emplace("communes", list);
  ctx.emplace("province_id", std::to_string(*province));
  ctx.emplace("province_name", unit ? unit->name : std::string());
  ctx.emplace("query", query);
  return render_page("choose", ctx, l, text(l, "choose.title"), "/hom-thu/gui");
}

std::string error_message(Locale l, const FieldError& e) {
  if (e.code == "antibot") return text(l, "form.antibot_failed");
  if (e.code == "files_again") return text(l, "form.files_again");
  std::string message = i18n::Catalog::embedded().get(l, "field_error." + e.code);
  return e.value_hint.empty() ? message : message + ": " + e.value_hint;
}

// The file input's label and limits (hidden when residents may send no file).
void add_file_texts(Pages& s, Locale l, mstch::map& ctx) {
  const auto& limits = s.deps.mailbox.file_limits();
  std::string count = std::to_string(limits.max_files);
  std::string mb = std::to_string(limits.max_bytes / (1024 * 1024));
  ctx.emplace("max_files", limits.max_files > 0);
  ctx.emplace("files_label", text(l, "form.files", {{"count", count}}));
  ctx.emplace("files_hint", text(l, "form.files_hint", {{"mb", mb}}));
}

http::Response form_page(Pages& s, Locale l, std::int64_t unit_id, const http::Fields& values,
                         const std::vector<FieldError>& errors, const std::string& path, int status) {
  auto unit = s.deps.units.find(unit_id);
  if (!unit || s.deps.mailbox.accepting({unit_id}).empty()) throw Error::not_found("commune not accepting tips");
  auto ctx = base_context(l);
  auto challenge = s.antibot.issue(s.deps.mailbox.install_secret("form_key"), s.deps.clock.now());
  auto words = i18n::Catalog::embedded().root(l).at("portal").at("question_words").as_array();
  std::string question = text(l, "question",
                              {{"a", std::string(words[static_cast<std::size_t>(challenge.a)].as_string())},
                               {"b", std::string(words[static_cast<std::size_t>(challenge.b)].as_string())}});
  std::string chosen_kind = form_value(values, "kind");
  std::string chosen_mode = form_value(values, "identity_mode");
  if (chosen_mode.empty()) chosen_mode = "anonymous";
  mstch::array kinds;
  for (auto kind : mailbox::all_kinds()) {
    std::string k(mailbox::code(kind));
    kinds.push_back(mstch::map{{"code", k}, {"label", text(l, "form.kind_" + k)}, {"checked", chosen_kind == k}});
  }
  mstch::array modes;
  for (auto mode : mailbox::all_identity_modes()) {
    std::string m(mailbox::code(mode));
    modes.push_back(mstch::map{{"code", m}, {"label", text(l, "start." + m)}, {"checked", chosen_mode == m}});
  }
  mstch::array villages;
  std::string chosen_village = form_value(values, "village");
  for (const auto& v : s.deps.units.public_villages(unit_id)) {
    villages.push_back(mstch::map{{"id", std::to_string(v.id)},
                                  {"name", v.name},
                                  {"designation", v.designation},
                                  {"selected", chosen_village == std::to_string(v.id)}});
  }
  mstch::array errs;
  for (const auto& e : errors) {
    errs.push_back(mstch::map{
        {"field_id", field_id(e.field)}, {"label", field_label(l, e.field)}, {"message", error_message(l, e)}});
  }
  std::string heading = text(l, "form.title", {{"unit", unit->designation + " " + unit->name}});
  ctx.emplace("heading", heading);
  ctx.emplace("hotline", unit->hotline);
  ctx.emplace("unit_id", std::to_string(unit_id));
  ctx.emplace("token", challenge.token);
  ctx.emplace("question_label", text(l, "form.question", {{"question", question}}));
  ctx.emplace("kinds", kinds);
  ctx.emplace("modes", modes);
  ctx.emplace("has_villages", !villages.empty());
  ctx.emplace("villages", villages);
  ctx.emplace("has_errors", !errs.empty());
  ctx.emplace("errors", errs);
  for (const char* f : {"description", "when", "where", "name", "phone", "address"}) {
    ctx.emplace(f, form_value(values, f));
  }
  add_file_texts(s, l, ctx);
  ctx.emplace("wants_outcome", form_value(values, "wants_outcome") == "1");
  ctx.emplace("consent", form_value(values, "consent") == "1");
  return render_page("form", ctx, l, heading, path, status);
}

http::Response submit(Pages& s, http::Request& req) {
  auto l = page_locale(req);
  auto intake = s.deps.mailbox.file_intake();
  auto upload = http::read_form_with_files(req, *intake);
  const auto& form = upload.fields;
  // Browsers do not keep chosen files when a form comes back: say so with the errors.
  auto form_again = [&](std::vector<FieldError> errors) {
    if (upload.had_files) errors.push_back(FieldError{"files", "files_again", std::nullopt, {}});
    return form_page(s, l, *id_of(form_value(form, "xa")), form, errors, "/hom-thu/gui", 422);
  };
  auto unit_id = id_of(form_value(form, "xa"));
  if (!unit_id) throw Error::not_found("no commune");
  if (!form_value(form, "website").empty()) throw Error::of(Error::Kind::forbidden, "honeypot filled");
  bool human = s.antibot.check(s.deps.mailbox.install_secret("form_key"), form_value(form, "token"),
                               form_value(form, "answer"), s.deps.clock.now());
  mailbox::NewTip tip;
  tip.unit_id = unit_id;
  tip.village_id = id_of(form_value(form, "village"));
  tip.kind = form_value(form, "kind");
  tip.description = form_value(form, "description");
  tip.when = form_value(form, "when");
  tip.where = form_value(form, "where");
  tip.identity_mode = form_value(form, "identity_mode");
  tip.identity = mailbox::Identity{form_value(form, "name"), form_value(form, "phone"), form_value(form, "address")};
  tip.consent = form_value(form, "consent") == "1";
  tip.wants_outcome = form_value(form, "wants_outcome") == "1";
  if (!human) return form_again({FieldError{"answer", "antibot", std::nullopt, {}}});
  if (!upload.file_errors.empty()) return form_again(upload.file_errors);
  try {
    auto receipt = s.deps.mailbox.submit(tip, intake.get());
    auto ctx = base_context(l);
    ctx.emplace("receipt", receipt.formatted);
    return render_page("receipt", ctx, l, text(l, "receipt.title"), "/hom-thu", 201);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::validation) throw;
    return form_again(e.fields());
  }
}

http::Response status_page(Pages& s, Locale l, const std::string& receipt, const std::string& notice,
                           int http_status = 200) {
  auto view = s.deps.mailbox.follow(receipt);
  auto ctx = base_context(l);
  std::string status(mailbox::code(view.status));
  mstch::array messages;
  for (const auto& m : view.messages) {
    messages.push_back(mstch::map{{"author", m.author},
                                  {"who", text(l, m.author == "tipster" ? "follow.from_you" : "follow.from_officer")},
                                  {"date", time::local_date(m.created_at)},
                                  {"body", m.body}});
  }
  ctx.emplace("status_text", i18n::Catalog::embedded().get(l, "mailbox.status." + status));
  ctx.emplace("received_on", time::local_date(view.received_at));
  ctx.emplace("files", std::to_string(view.files));
  add_file_texts(s, l, ctx);
  ctx.emplace("messages", messages);
  ctx.emplace("open", view.status != mailbox::Status::closed);
  ctx.emplace("receipt", receipt);
  ctx.emplace("notice", notice);
  return render_page("status", ctx, l, text(l, "follow.title"), "/hom-thu/theo-doi", http_status);
}

http::Response follow_form(Locale l, const std::string& error, int status) {
  auto ctx = base_context(l);
  ctx.emplace("error", error);
  return render_page("follow", ctx, l, text(l, "follow.title"), "/hom-thu/theo-doi", status);
}

// Wrong or malformed receipts show the form again with a message, never an error page.
http::Response with_receipt(Locale l, const std::function<http::Response()>& show) {
  try {
    return show();
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::not_found || e.kind() == Error::Kind::validation) {
      return follow_form(l, text(l, "follow.wrong"), e.kind() == Error::Kind::not_found ? 404 : 422);
    }
    throw;
  }
}

}  // namespace

void add_portal_routes(http::Router& router, const Services& services) {
  auto s = std::make_shared<Pages>(services);
  router.add("GET", "/hom-thu", html_errors([](http::Request& req) { return start_page(req); }), kCitizen);
  router.add("GET", "/hom-thu/style.css",
             [](http::Request&) {
               for (const auto& f : embedded::templates()) {
                 if (f.name == "style.css") {
                   auto res = http::Response::text(200, std::string(f.content), "text/css; charset=utf-8");
                   res.set("Cache-Control", "public, max-age=3600");
                   return res;
                 }
               }
               throw Error::not_found("style.css");
             },
             {.blocking = false, .log_client = false});
  router.add("GET", "/hom-thu/gui", html_errors([s](http::Request& req) {
               auto l = page_locale(req);
               if (auto unit = id_of(req.query_param("xa").value_or(""))) {
                 return form_page(*s, l, *unit, {}, {}, "/hom-thu/gui", 200);
               }
               return choose_page(*s, req, l);
             }),
             kCitizen);
  router.add("GET", "/hom-thu/theo-doi",
             html_errors([](http::Request& req) { return follow_form(page_locale(req), "", 200); }), kCitizen);
  router.add("POST", "/hom-thu/theo-doi", html_errors([s](http::Request& req) {
               auto l = page_locale(req);
               auto receipt = form_value(http::parse_form(req.body), "receipt");
               return with_receipt(l, [&] { return status_page(*s, l, receipt, ""); });
             }),
             kCitizen);
  router.add("POST", "/hom-thu/tra-loi", html_errors([s](http::Request& req) {
               auto l = page_locale(req);
               auto form = http::parse_form(req.body);
               auto receipt = form_value(form, "receipt");
               return with_receipt(l, [&] {
                 s->deps.mailbox.tipster_reply(receipt, form_value(form, "body"));
                 return status_page(*s, l, receipt, text(l, "follow.sent"));
               });
             }),
             kCitizen);
  http::RouteOptions upload = kCitizen;
  upload.upload_limit = http::upload_limit(services.mailbox.file_limits());
  router.add("POST", "/hom-thu/gui", html_errors([s](http::Request& req) { return submit(*s, req); }), upload);
  router.add("POST", "/hom-thu/them-tep", html_errors([s](http::Request& req) {
               auto l = page_locale(req);
               auto intake = s->deps.mailbox.file_intake();
               auto form = http::read_form_with_files(req, *intake);
               auto receipt = form_value(form.fields, "receipt");
               return with_receipt(l, [&] {
                 if (!form.file_errors.empty()) {
                   return status_page(*s, l, receipt, error_message(l, form.file_errors.front()), 422);
                 }
                 s->deps.mailbox.tipster_add_files(receipt, *intake);
                 return status_page(*s, l, receipt, text(l, "follow.files_added"));
               });
             }),
             upload);
  add_camera_portal_routes(router, services);
  if (services.cameras) add_camera_owner_routes(router, services);
}

}  // namespace antq::portal
