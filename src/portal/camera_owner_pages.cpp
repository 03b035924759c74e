// /camera: camera owners register their cameras and manage them with the management code.
// Thin adapters over cameras::Service (every rule and every list of choices is there).
// No account, no cookie, no script; the code travels only in POST bodies (hidden fields),
// never in a URL, so neither the request log nor a browser's history keeps it.
#include <algorithm>
#include <functional>
#include <map>

#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"
#include "platform/text/text.hpp"
#include "portal/antibot.hpp"
#include "portal/portal.hpp"
#include "portal/render.hpp"

namespace antq::portal {
namespace {

using i18n::Locale;

constexpr const char* kStart = "/camera";
constexpr const char* kRegister = "/camera/dang-ky";
constexpr const char* kManage = "/camera/quan-ly";
constexpr const char* kUpdate = "/camera/cap-nhat";
constexpr const char* kWithdraw = "/camera/rut-dong-y";

struct Pages {
  explicit Pages(const portal::Services& services) : deps(services), cameras(*services.cameras) {}
  portal::Services deps;
  const cameras::Service& cameras;
  AntiBot antibot;
};

std::string form_value(const http::Fields& form, const std::string& name) {
  return http::field_value(form, name).value_or("");
}

std::optional<std::int64_t> id_of(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(s);
}

std::string label(Locale l, const std::string& key) { return i18n::Catalog::embedded().get(l, key); }

// The id of the input a field error points at.
std::string field_id(const std::string& field) {
  if (field == "owner.name") return "name";
  if (field == "owner.phone") return "phone";
  if (field == "owner.address") return "address";
  if (field == "village_id") return "village";
  if (field == "owner_kind") return "kind-household";
  if (field == "range_m") return "range";
  if (field == "retention_days") return "retention";
  if (field == "sharing") return "sharing-on_request";
  return field;
}

// The field's name as the catalog and the template know it ("owner.name" → "owner_name").
std::string field_key(std::string field) {
  std::replace(field.begin(), field.end(), '.', '_');
  return field;
}

std::string field_label(Locale l, const std::string& field) {
  return text(l, "camera_owner.field_" + field_key(field));
}

std::string error_message(Locale l, const FieldError& e) {
  if (e.code == "antibot") return text(l, "form.antibot_failed");
  std::string message = label(l, "field_error." + e.code);
  return e.value_hint.empty() ? message : message + ": " + e.value_hint;
}

// The errors above the form (linked to their fields) and beside each field ("err_<key>").
void add_errors(Locale l, const std::vector<FieldError>& errors, mstch::map& ctx) {
  mstch::array list;
  std::map<std::string, std::string> beside;
  for (const auto& e : errors) {
    list.push_back(mstch::map{
        {"field_id", field_id(e.field)}, {"label", field_label(l, e.field)}, {"message", error_message(l, e)}});
    auto& text = beside["err_" + field_key(e.field)];
    text += (text.empty() ? "" : " ") + error_message(l, e);
    if (e.code == "outside_commune" || e.code == "outside_vietnam") ctx["location_warning"] = true;
  }
  for (auto& [key, message] : beside) ctx[key] = message;
  ctx["has_errors"] = !list.empty();
  ctx["errors"] = list;
}

// A <select>'s options from codes, labelled from the catalog, `chosen` selected.
mstch::array options(Locale l, const std::vector<std::string>& codes, const std::string& prefix,
                     const std::string& chosen) {
  mstch::array out;
  for (const auto& code : codes) {
    out.push_back(mstch::map{{"code", code}, {"label", label(l, prefix + code)}, {"selected", code == chosen}});
  }
  return out;
}

// Preset numbers, with the current value too when an officer set another.
template <std::size_t N>
mstch::array number_options(Locale l, const std::array<int, N>& presets, const std::string& unit_key,
                            const std::string& chosen) {
  std::vector<std::string> values;
  values.reserve(N + 1);
  for (int v : presets) values.push_back(std::to_string(v));
  if (!chosen.empty() && std::find(values.begin(), values.end(), chosen) == values.end()) values.push_back(chosen);
  mstch::array out;
  for (const auto& v : values) {
    out.push_back(mstch::map{{"code", v}, {"label", text(l, unit_key, {{"n", v}})}, {"selected", v == chosen}});
  }
  return out;
}

std::vector<std::string> strings(const std::vector<std::string_view>& codes) { return {codes.begin(), codes.end()}; }

// The camera fields both forms share, filled with `f`.
void add_camera_fields(Locale l, const cameras::OwnerCameraFields& f, mstch::map& ctx) {
  std::vector<std::string> directions;
  directions.reserve(cameras::kDirections.size());
  for (const auto& d : cameras::kDirections) directions.emplace_back(d.code);
  ctx["directions"] = options(l, directions, "portal.camera_owner.direction_", f.direction);
  ctx["fovs"] = number_options(l, cameras::kFovPresets, "camera_owner.fov_value", f.fov_deg);
  ctx["ranges"] = number_options(l, cameras::kRangePresets, "camera_owner.range_value", f.range_m);
  ctx["retentions"] = number_options(l, cameras::kRetentionPresets, "camera_owner.retention_value", f.retention_days);
  ctx["storages"] = options(l, strings(cameras::storage_codes()), "web.camera_storage.", f.storage);
  ctx["sharings"] = options(l, strings(cameras::sharing_codes()), "web.camera_sharing.", f.sharing);
  ctx["place"] = f.place;
  ctx["point"] = f.point;
  ctx["name"] = f.owner.name;
  ctx["phone"] = f.owner.phone;
  ctx["address"] = f.owner.address;
}

// What the camera fields of a posted form say.
cameras::OwnerCameraFields camera_fields(const http::Fields& form) {
  return cameras::OwnerCameraFields{form_value(form, "place"),
                                    form_value(form, "point"),
                                    form_value(form, "direction"),
                                    form_value(form, "fov"),
                                    form_value(form, "range"),
                                    form_value(form, "retention"),
                                    form_value(form, "storage"),
                                    form_value(form, "sharing"),
                                    {form_value(form, "name"), form_value(form, "phone"), form_value(form, "address")},
                                    form_value(form, "confirm_location") == "1"};
}

// Defaults of a new registration: what most household cameras are.
cameras::OwnerCameraFields new_camera_fields() {
  cameras::OwnerCameraFields f;
  f.fov_deg = std::to_string(cameras::kFovPresets[1]);
  f.range_m = std::to_string(cameras::kRangePresets[2]);
  f.retention_days = std::to_string(cameras::kRetentionPresets[1]);
  f.storage = "memory_card";
  f.sharing = "on_request";
  return f;
}

http::Response start_page(const http::Request& req) {
  auto l = page_locale(req);
  return render_page("camera_start", camera_context(l), l, text(l, "camera_owner.start_title"), kStart);
}

http::Response choose_page(Pages& s, const http::Request& req, Locale l) {
  auto ctx = camera_context(l);
  ctx["path"] = std::string(kRegister);
  ctx["choose_title"] = text(l, "camera_owner.choose_title");
  ctx["none_text"] = text(l, "camera_owner.choose_none");
  auto province = id_of(req.query_param("tinh").value_or(""));
  if (!province) {
    mstch::array provinces;
    for (const auto& p : s.deps.units.public_provinces()) {
      provinces.push_back(mstch::map{{"id", std::to_string(p.id)}, {"name", p.name}});
    }
    ctx["provinces_step"] = true;
    ctx["provinces"] = provinces;
    return render_page("choose", ctx, l, text(l, "camera_owner.choose_title"), kRegister);
  }
  std::string query = req.query_param("q").value_or("");
  if (!antq::text::is_valid_utf8(query) || query.size() > 200) query.clear();
  mstch::array list;
  for (const auto& c : s.deps.units.public_communes(*province, query)) {
    list.push_back(mstch::map{{"id", std::to_string(c.id)}, {"name", c.name}, {"designation", c.designation}});
  }
  auto unit = s.deps.units.find(*province);
  ctx["communes_step"] = true;
  ctx["communes"] = list;
  ctx["province_id"] = std::to_string(*province);
  ctx["province_name"] = unit ? unit->name : std::string();
  ctx["query"] = query;
  return render_page("choose", ctx, l, text(l, "camera_owner.choose_title"), kRegister);
}

http::Response register_form(Pages& s, Locale l, std::int64_t unit_id, const cameras::OwnerRegistration& r,
                             const std::vector<FieldError>& errors, int status) {
  auto commune = s.cameras.owner_commune(unit_id);
  auto ctx = camera_context(l);
  auto challenge = s.antibot.issue(s.deps.mailbox.install_secret("form_key"), s.deps.clock.now());
  auto words = i18n::Catalog::embedded().root(l).at("portal").at("question_words").as_array();
  std::string question = text(l, "question",
                              {{"a", std::string(words[static_cast<std::size_t>(challenge.a)].as_string())},
                               {"b", std::string(words[static_cast<std::size_t>(challenge.b)].as_string())}});
  mstch::array villages;
  for (const auto& v : s.deps.units.public_villages(unit_id)) {
    villages.push_back(mstch::map{{"id", std::to_string(v.id)},
                                  {"name", v.name},
                                  {"designation", v.designation},
                                  {"selected", r.village_id == v.id}});
  }
  mstch::array kinds;
  for (auto kind : cameras::owner_portal_kinds()) {
    std::string k(kind);
    kinds.push_back(
        mstch::map{{"code", k}, {"label", label(l, "web.camera_owner." + k)}, {"checked", r.owner_kind == k}});
  }
  std::string heading = text(l, "camera_owner.register_title", {{"unit", commune.designation + " " + commune.name}});
  ctx["heading"] = heading;
  ctx["unit_id"] = std::to_string(unit_id);
  ctx["token"] = challenge.token;
  ctx["question_label"] = text(l, "camera_owner.question", {{"question", question}});
  ctx["has_villages"] = !villages.empty();
  ctx["villages"] = villages;
  ctx["kinds"] = kinds;
  ctx["consent"] = r.consent;
  ctx["consent_version"] = std::string(cameras::kConsentTextVersion);
  add_camera_fields(l, r.camera, ctx);
  add_errors(l, errors, ctx);
  return render_page("camera_register", ctx, l, heading, std::string(kRegister) + "?xa=" + std::to_string(unit_id),
                     status);
}

http::Response submit_registration(Pages& s, http::Request& req) {
  auto l = page_locale(req);
  auto form = http::parse_form(req.body);
  auto unit_id = id_of(form_value(form, "xa"));
  if (!unit_id) throw Error::not_found("no commune");
  if (!form_value(form, "website").empty()) throw Error::of(Error::Kind::forbidden, "honeypot filled");
  cameras::OwnerRegistration r;
  r.unit_id = unit_id;
  r.village_id = id_of(form_value(form, "village"));
  r.owner_kind = form_value(form, "owner_kind");
  r.camera = camera_fields(form);
  r.consent = form_value(form, "consent") == "1";
  bool human = s.antibot.check(s.deps.mailbox.install_secret("form_key"), form_value(form, "token"),
                               form_value(form, "answer"), s.deps.clock.now());
  if (!human) return register_form(s, l, *unit_id, r, {FieldError{"answer", "antibot", std::nullopt, {}}}, 422);
  try {
    auto made = s.cameras.register_by_owner(r);
    auto ctx = camera_context(l);
    ctx["camera_code"] = made.camera_code;
    ctx["management_code"] = made.management_code.formatted;
    return render_page("camera_registered", ctx, l, text(l, "camera_owner.registered_title"), kStart, 201);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::validation) throw;
    return register_form(s, l, *unit_id, r, e.fields(), 422);
  }
}

http::Response manage_form(Locale l, bool wrong, int status) {
  auto ctx = camera_context(l);
  if (wrong) ctx["error"] = text(l, "camera_owner.wrong_code");
  return render_page("camera_manage", ctx, l, text(l, "camera_owner.manage_title"), kManage, status);
}

// Wrong or malformed codes show the code form again with one message, whatever was wrong.
http::Response with_code(Locale l, const std::function<http::Response()>& show) {
  try {
    return show();
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::not_found) return manage_form(l, true, 404);
    throw;
  }
}

// The owner's camera with the change form (filled with `shown`) and the withdraw button.
http::Response owner_page(Locale l, const std::string& code, const cameras::OwnerView& view,
                          const cameras::OwnerCameraFields& shown, const std::vector<FieldError>& errors,
                          const std::string& notice, int status) {
  auto ctx = camera_context(l);
  ctx["code"] = code;
  ctx["camera_code"] = view.camera_code;
  ctx["commune"] = view.commune;
  ctx["village"] = view.village;
  ctx["owner_kind"] = label(l, "web.camera_owner." + view.owner_kind);
  ctx["status_text"] = text(l, view.confirmed ? "camera_owner.confirmed" : "camera_owner.waiting");
  ctx["notice"] = notice;
  add_camera_fields(l, shown, ctx);
  add_errors(l, errors, ctx);
  return render_page("camera_owner", ctx, l, text(l, "camera_owner.owner_title", {{"code", view.camera_code}}), kManage,
                     status);
}

http::Response update(Pages& s, http::Request& req) {
  auto l = page_locale(req);
  auto form = http::parse_form(req.body);
  auto code = form_value(form, "ma");
  auto changes = camera_fields(form);
  return with_code(l, [&] {
    try {
      auto view = s.cameras.owner_update(code, changes);
      return owner_page(l, code, view, view.fields, {}, text(l, "camera_owner.saved"), 200);
    } catch (const Error& e) {
      if (e.kind() != Error::Kind::validation) throw;
      return owner_page(l, code, s.cameras.owner_view(code), changes, e.fields(), "", 422);
    }
  });
}

http::Response withdraw(Pages& s, http::Request& req) {
  auto l = page_locale(req);
  auto form = http::parse_form(req.body);
  auto code = form_value(form, "ma");
  return with_code(l, [&] {
    if (form_value(form, "chac_chan") != "1") {  // first ask, in words, what will go
      auto view = s.cameras.owner_view(code);
      auto ctx = camera_context(l);
      ctx["code"] = code;
      ctx["camera_code"] = view.camera_code;
      return render_page("camera_withdraw", ctx, l, text(l, "camera_owner.withdraw_title"), kManage);
    }
    s.cameras.owner_withdraw(code);
    return render_page("camera_withdrawn", camera_context(l), l, text(l, "camera_owner.withdrawn_title"), kStart);
  });
}

}  // namespace

void add_camera_owner_routes(http::Router& router, const Services& services) {
  auto s = std::make_shared<Pages>(services);
  router.add("GET", kStart, html_errors([](http::Request& req) { return start_page(req); }, kStart), kCitizen);
  router.add("GET", kRegister,
             html_errors(
                 [s](http::Request& req) {
                   auto l = page_locale(req);
                   if (auto unit = id_of(req.query_param("xa").value_or(""))) {
                     cameras::OwnerRegistration r;
                     r.camera = new_camera_fields();
                     return register_form(*s, l, *unit, r, {}, 200);
                   }
                   return choose_page(*s, req, l);
                 },
                 kRegister),
             kCitizen);
  router.add("POST", kRegister,
             html_errors([s](http::Request& req) { return submit_registration(*s, req); }, kRegister), kCitizen);
  router.add("GET", kManage,
             html_errors([](http::Request& req) { return manage_form(page_locale(req), false, 200); }, kManage),
             kCitizen);
  router.add("POST", kManage,
             html_errors(
                 [s](http::Request& req) {
                   auto l = page_locale(req);
                   auto code = form_value(http::parse_form(req.body), "ma");
                   return with_code(l, [&] {
                     auto view = s->cameras.owner_view(code);
                     return owner_page(l, code, view, view.fields, {}, "", 200);
                   });
                 },
                 kManage),
             kCitizen);
  router.add("POST", kUpdate, html_errors([s](http::Request& req) { return update(*s, req); }, kManage), kCitizen);
  router.add("POST", kWithdraw, html_errors([s](http::Request& req) { return withdraw(*s, req); }, kManage), kCitizen);
}

}  // namespace antq::portal
