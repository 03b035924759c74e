// /api/v1/community/households…: list, read, register and change the households of the
// villages; read a phone with a reason; withdraw a consent; tick a year's registration by
// (household, year) under the offline rule (community/offline.hpp: sent twice, stored
// once; a stale base version is a 409); the share registered per village. No answer
// carries a phone except /phone. Dates are 'YYYY-MM-DD', checked by the service.
#include "api/households_api.hpp"

#include "api/community_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <limits>

#include "platform/error.hpp"

namespace antq::api {
namespace {

using community::HouseholdView;

struct Deps {
  const community::Households& households;
};

boost::json::value consent_json(const std::optional<community::Consent>& c) {
  if (!c) return nullptr;
  return boost::json::object{{"on", c->on}, {"channel", c->channel}, {"text_version", c->text_version}};
}

// A household as every list and page shows it: whether it has a phone, never the phone.
boost::json::object household_json(const HouseholdView& v) {
  const community::Household& h = v.household;
  return boost::json::object{
      {"id", h.id},
      {"code", h.code},
      {"village_id", h.village_id},
      {"village_name", v.village_name},
      {"head_name", h.head_name},
      {"address", h.address},
      {"members", h.members},
      {"has_phone", v.has_phone},
      {"consent", consent_json(h.consent)},
      {"since_on", optional_value(h.since_on)},
      {"left_on", optional_value(h.left_on)},
      {"note", h.note},
      {"demo", h.demo},
      {"version", h.version},
      {"registration_year", v.registration_year},
      {"registration", v.registration ? boost::json::value(registration_json(*v.registration)) : nullptr},
  };
}

boost::json::object detail_json(const community::HouseholdDetail& d) {
  auto o = household_json(d.view);
  boost::json::array registrations;
  for (const auto& r : d.registrations) registrations.push_back(registration_json(r));
  o["registrations"] = std::move(registrations);
  return o;
}

boost::json::object report_json(const community::RegistrationReport& report) {
  boost::json::array villages;
  for (const auto& v : report.villages) {
    boost::json::array missing;
    for (const auto& h : v.missing) missing.push_back(household_json(h));
    villages.push_back(boost::json::object{{"village_id", v.village_id},
                                           {"village_name", v.village_name},
                                           {"historic", v.historic},
                                           {"households", v.households},
                                           {"registered", v.registered},
                                           {"share", optional_value(v.share)},
                                           {"missing", std::move(missing)}});
  }
  return boost::json::object{{"year", report.year},
                             {"day", report.day},
                             {"households", report.households},
                             {"registered", report.registered},
                             {"share", optional_value(report.share)},
                             {"villages", std::move(villages)},
                             {"missing_truncated", report.missing_truncated}};
}

// The registration year asked for ("year=2027"); 0, the service's "this year", when absent.
int year_param(const http::Request& req) {
  if (!text_param(req, "year")) return 0;
  return int_param(req, "year", 0, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

// The consent as a form sends it, {on, channel, text_version}; absent or null: none (on a
// change: kept). Its errors are named "consent.on" and so on.
std::optional<community::Consent> read_consent(const boost::json::object& body, FieldErrors& errors) {
  auto it = body.find("consent");
  if (it == body.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_object()) {
    errors.add("consent", "wrong_type");
    return std::nullopt;
  }
  json::Reader r(it->value().get_object());
  community::Consent consent{r.text("on", 40).value_or(""), r.text("channel", 40).value_or(""),
                             r.text("text_version", 101).value_or("")};
  try {
    r.finish();
  } catch (const Error& e) {
    for (const auto& f : e.fields()) errors.add("consent." + f.field, f.code);
    return std::nullopt;
  }
  return consent;
}

// The household's fields of a POST or PUT body; the caller finishes `r` (its field errors).
// `phone` absent or null: none (on a change: kept); "" removes it.
community::HouseholdInput read_household(json::Reader& r, const boost::json::object& body) {
  community::HouseholdInput in;
  in.village_id = r.integer("village_id");
  in.head_name = r.text("head_name", 201).value_or("");
  in.address = r.text("address", 301).value_or("");
  in.members = int_field(r, "members", in.members);
  in.phone = r.text("phone", 41);
  in.consent = read_consent(body, r.errors());
  in.since_on = date_field(r, "since_on");
  in.left_on = date_field(r, "left_on");
  in.note = r.text("note", 2001).value_or("");
  return in;
}

http::Response list_households(const Deps& d, http::Request& req, const Caller& c) {
  community::HouseholdFilter f;
  f.unit_id = optional_id_param(req, "unit_id");
  f.q = text_param(req, "q").value_or("");
  f.year = year_param(req);
  f.registered = yes_no_param(req, "registered");
  f.include_left = yes_no_param(req, "include_left").value_or(false);
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 500);
  auto page = d.households.list(c.actor, f);
  boost::json::array items;
  for (const auto& v : page.items) items.push_back(household_json(v));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}, {"total", page.total}});
}

http::Response get_household(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, detail_json(d.households.get(c.actor, path_id(req))));
}

http::Response create_household(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  auto in = read_household(r, body);
  r.finish();
  if (in.phone && in.phone->empty()) in.phone.reset();  // a new household: "" is no phone
  return http::Response::json(201, household_json(d.households.create(c.actor, in)));
}

http::Response update_household(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto in = versioned_input(req, read_household);
  return http::Response::json(200, household_json(d.households.update(c.actor, id, in)));
}

// The phone in E.164 ("" when none), for officers with a reason; never cached.
http::Response read_phone(const Deps& d, http::Request& req, const Caller& c) {
  auto phone = d.households.phone(c.actor, path_id(req), text_param(req, "reason").value_or(""));
  auto res = http::Response::json(200, boost::json::object{{"phone", phone}});
  res.set("Cache-Control", "no-store");
  return res;
}

http::Response withdraw_consent(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, household_json(d.households.withdraw_consent(c.actor, path_id(req))));
}

community::RegistrationInput read_registration(const boost::json::object& body) {
  json::Reader r(body);
  community::RegistrationInput in;
  in.registered_on = r.required_text("registered_on", 40).value_or("");
  in.signed_form = r.boolean("signed").value_or(false);
  in.note = r.text("note", 1001).value_or("");
  auto offline = offline_fields(r);
  in.base_version = offline.base_version;
  in.device_at = offline.device_at;
  r.finish();
  return in;
}

// A registration tick, online or from a phone's outbox: 201 inserted; 200 replayed (the
// same content again, nothing written) or updated; 409 when the sender's base version is
// stale, nothing written (the client GETs the household and lets the member choose).
http::Response put_registration(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto year = path_year(req);
  auto in = read_registration(json_body(req));
  auto written = d.households.register_year(c.actor, id, year, in);
  if (written.outcome == community::Outcome::conflict) {  // the service throws it already; never a 200
    throw Error::conflict("registration of household " + std::to_string(id) + " changed since base version " +
                          std::to_string(in.base_version));
  }
  int status = written.outcome == community::Outcome::inserted ? 201 : 200;
  return http::Response::json(status, boost::json::object{{"registration", registration_json(written.registration)},
                                                          {"outcome", std::string(code_of(written.outcome))}});
}

http::Response registration_report(const Deps& d, http::Request& req, const Caller& c) {
  auto unit_id = optional_id_param(req, "unit_id");
  auto year = year_param(req);
  return http::Response::json(200, report_json(d.households.registrations(c.actor, unit_id, year)));
}

http::Response import_households(const Deps& d, http::Request& req, const Caller& c) {
  require_sheet_body(req);
  community::HouseholdImportOptions options;
  options.unit_id = optional_id_param(req, "unit_id");
  options.dry_run = flag_param(req, "dry_run");
  auto r = d.households.import_sheet(c.actor, req.body, options);
  return http::Response::json(200, boost::json::object{{"created", r.created},
                                                       {"updated", r.updated},
                                                       {"unchanged", r.unchanged},
                                                       {"registrations", r.registrations},
                                                       {"dry_run", r.dry_run},
                                                       {"encoding", r.encoding}});
}

http::Response export_households(const Deps& d, http::Request& req, const Caller& c, bool xlsx) {
  community::HouseholdExportOptions options{optional_id_param(req, "unit_id"), xlsx, year_param(req),
                                            flag_param(req, "phones"), text_param(req, "reason").value_or("")};
  return sheet_download(d.households.export_sheet(c.actor, options), xlsx, "ho-gia-dinh");
}

http::Response export_csv(const Deps& d, http::Request& req, const Caller& c) {
  return export_households(d, req, c, false);
}

http::Response export_xlsx(const Deps& d, http::Request& req, const Caller& c) {
  return export_households(d, req, c, true);
}

}  // namespace

void add_households_routes(http::Router& router, const Auth& auth, const community::Households& households) {
  Routes<Deps> routes(router, auth, Deps{households});
  routes.staff("GET", "/api/v1/community/households", list_households);
  routes.staff("POST", "/api/v1/community/households", create_household);
  routes.staff("GET", "/api/v1/community/households/{id}", get_household);
  routes.staff("PUT", "/api/v1/community/households/{id}", update_household);
  routes.staff("GET", "/api/v1/community/households/{id}/phone", read_phone);
  routes.staff("POST", "/api/v1/community/households/{id}/withdraw-consent", withdraw_consent);
  routes.staff("PUT", "/api/v1/community/households/{id}/registrations/{year}", put_registration);
  routes.staff("GET", "/api/v1/community/registrations", registration_report);
  routes.staff("POST", "/api/v1/community/households/import", import_households);
  routes.staff("GET", "/api/v1/community/households/export.csv", export_csv);
  routes.staff("GET", "/api/v1/community/households/export.xlsx", export_xlsx);
}

}  // namespace antq::api
