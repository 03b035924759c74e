// /api/v1/mailbox/boxes and /api/v1/mailbox/openings: paper mailboxes, their openings and
// the opening minutes; /api/v1/tips/{id}/receipt-record.docx.
#include "api/mailbox_api.hpp"

#include <boost/json.hpp>

#include "platform/error.hpp"

namespace antq::api {
namespace {

struct Deps {
  mailbox::Boxes& boxes;
  mailbox::Service& tips;
};

boost::json::object box_json(const mailbox::Box& b) {
  return boost::json::object{
      {"id", b.id},
      {"unit_id", b.unit_id},
      {"unit_name", b.unit_name},
      {"village_id", b.village_id ? boost::json::value(*b.village_id) : nullptr},
      {"village_name", b.village_name},
      {"place", b.place},
      {"active", b.active},
      {"created_at", time::format_iso_utc(b.created_at)},
      {"last_opened_at", optional_instant(b.last_opened_at)},
      {"openings", b.openings},
  };
}

boost::json::object opening_json(const mailbox::Opening& o) {
  boost::json::array people;
  for (const auto& p : o.people) people.push_back(boost::json::object{{"name", p.name}, {"position", p.position}});
  return boost::json::object{
      {"id", o.id},
      {"box_id", o.box_id},
      {"box_place", o.box_place},
      {"unit_id", o.unit_id},
      {"opened_at", time::format_iso_utc(o.opened_at)},
      {"people", std::move(people)},
      {"letters", o.letters},
      {"registered", o.registered},
      {"number", o.number},
      {"notes", o.notes},
      {"recorded_by", o.recorded_by},
      {"created_at", time::format_iso_utc(o.created_at)},
  };
}

mailbox::NewOpening read_opening(const boost::json::object& body) {
  json::Reader r(body);
  mailbox::NewOpening o;
  o.opened_at = r.required_text("opened_at", 40).value_or("");
  o.letters = static_cast<int>(r.required_integer("letters").value_or(-1));
  o.number = r.text("number", 51).value_or("");
  o.notes = r.text("notes", 2001).value_or("");
  auto it = body.find("people");
  if (it == body.end() || !it->value().is_array()) {
    r.errors().add("people", it == body.end() ? "required" : "wrong_type");
  } else {
    for (const auto& p : it->value().get_array()) {
      if (!p.is_object()) {
        r.errors().add("people", "wrong_type");
        break;
      }
      json::Reader w(p.get_object());
      o.people.push_back(mailbox::Witness{w.text("name", 201).value_or(""), w.text("position", 201).value_or("")});
      w.finish();
    }
  }
  r.finish();
  return o;
}

http::Response list_boxes(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& b : d.boxes.list(c.actor, optional_id_param(req, "unit_id"))) items.push_back(box_json(b));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::Response create_box(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  mailbox::NewBox b;
  b.unit_id = r.required_integer("unit_id");
  b.village_id = r.integer("village_id");
  b.place = r.required_text("place", 301).value_or("");
  r.finish();
  return http::Response::json(201, box_json(d.boxes.create(c.actor, b)));
}

http::Response update_box(const Deps& d, http::Request& req, const Caller& c) {
  auto body = json_body(req);
  json::Reader r(body);
  mailbox::BoxPatch p;
  p.place = r.text("place", 301);
  p.active = r.boolean("active");
  if (!p.place && !p.active) r.errors().add("place", "required");
  r.finish();
  return http::Response::json(200, box_json(d.boxes.update(c.actor, path_id(req), p)));
}

http::Response list_openings(const Deps& d, http::Request& req, const Caller& c) {
  boost::json::array items;
  for (const auto& o : d.boxes.openings(c.actor, path_id(req))) items.push_back(opening_json(o));
  return http::Response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::Response record_opening(const Deps& d, http::Request& req, const Caller& c) {
  auto opening = read_opening(json_body(req));
  return http::Response::json(201, opening_json(d.boxes.record_opening(c.actor, path_id(req), opening)));
}

http::Response get_opening(const Deps& d, http::Request& req, const Caller& c) {
  return http::Response::json(200, opening_json(d.boxes.opening(c.actor, path_id(req))));
}

http::Response opening_minutes(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  return docx_download(d.boxes.minutes_docx(c.actor, id), "bien-ban-mo-hom-thu-" + std::to_string(id) + ".docx");
}

http::Response receipt_record(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  return docx_download(d.tips.receipt_record_docx(c.actor, c.session.box_secret_key, id),
                       "bien-ban-tiep-nhan-" + std::to_string(id) + ".docx");
}

}  // namespace

void add_box_routes(http::Router& router, const Auth& auth, mailbox::Boxes& boxes, mailbox::Service& tips) {
  Routes<Deps> routes(router, auth, Deps{boxes, tips});
  routes.staff("GET", "/api/v1/mailbox/boxes", list_boxes);
  routes.staff("POST", "/api/v1/mailbox/boxes", create_box);
  routes.staff("PATCH", "/api/v1/mailbox/boxes/{id}", update_box);
  routes.staff("GET", "/api/v1/mailbox/boxes/{id}/openings", list_openings);
  routes.staff("POST", "/api/v1/mailbox/boxes/{id}/openings", record_opening);
  routes.staff("GET", "/api/v1/mailbox/openings/{id}", get_opening);
  routes.staff("GET", "/api/v1/mailbox/openings/{id}/minutes.docx", opening_minutes);
  routes.staff("GET", "/api/v1/tips/{id}/receipt-record.docx", receipt_record);
}

}  // namespace antq::api
