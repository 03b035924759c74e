// Footage requests: created from a search (or a tip, a case) for cameras in the officer's
// communes, one task per camera with the deadline before its footage is overwritten,
// one-time links for the owners, outcomes, closing. Every step audited.
#include "modules/cameras/requests.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <set>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/requests_repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

using internal::kClockSlack;
using internal::kDay;
using internal::user_of;
constexpr std::size_t kLinkBytes = 32;

void require_officer(const Actor& a) {
  internal::require(internal::is_officer(a), "footage requests are for commune officers");
}

std::string cleaned(const std::string& raw, const char* field, std::size_t max, FieldErrors& errors,
                    bool required = false) {
  auto v = text::clean(raw);
  if (required && v.empty()) errors.add(field, "required");
  if (text::length(v) > max) errors.add(field, "too_long");
  return v;
}

std::string link_hash(const std::string& token) { return crypto::blake2b("antq footage link v1:" + token); }

bool hex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

// An outcome as the owner or the officer gives it, checked.
Outcome checked_outcome(const Outcome& in) {
  FieldErrors errors;
  Outcome o{in.status, text::clean(in.reference), text::clean(in.sha256), text::clean(in.note)};
  static const std::set<std::string> kStatuses{"provided", "none", "declined", "overwritten"};
  if (o.status.empty()) {
    errors.add("status", "required");
  } else if (!kStatuses.contains(o.status)) {
    errors.add("status", "unknown_value");
  }
  if (o.status == "provided" && o.reference.empty()) errors.add("reference", "required");
  if (o.status == "provided" && !hex64(o.sha256))
    errors.add("sha256", o.sha256.empty() ? "required" : "invalid_format");
  if (o.status != "provided" && !o.sha256.empty() && !hex64(o.sha256)) errors.add("sha256", "invalid_format");
  if (text::length(o.reference) > 500) errors.add("reference", "too_long");
  if (text::length(o.note) > 1000) errors.add("note", "too_long");
  errors.throw_if_any();
  for (auto& ch : o.sha256) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return o;
}

}  // namespace

Request Requests::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require_officer(actor);
  auto r = requests_repo::request(tx, id);
  auto unit = r ? units_.find(tx, r->unit_id) : std::nullopt;
  if (!r || !unit || !actor.covers(unit->path)) throw Error::not_found("footage request");
  r->tasks = requests_repo::tasks(tx, id, clock_.now());
  return *r;
}

Request Requests::create(const Actor& actor, const NewRequest& in) const {
  require_officer(actor);
  auto now = clock_.now();
  FieldErrors errors;
  static const std::set<std::string> kOrigins{"search", "route", "tip", "other"};
  if (!kOrigins.contains(in.origin)) errors.add("origin", "unknown_value");
  auto reason = cleaned(in.reason, "reason", 500, errors, true);
  auto case_ref = cleaned(in.case_ref, "case_ref", 100, errors);
  auto source_ref = cleaned(in.source_ref, "source_ref", 200, errors);
  if (!in.from) errors.add("from", "required");
  if (!in.to) errors.add("to", "required");
  if (in.from && *in.from > now + kClockSlack) errors.add("from", "in_future");
  if (in.from && in.to && *in.to <= *in.from) errors.add("to", "before_start");
  if (in.from && in.to && *in.to - *in.from > kMaxWindow) errors.add("to", "window_too_long");
  if (in.to && *in.to > now + kClockSlack) errors.add("to", "in_future");
  if (in.point && (in.point->lat < -90 || in.point->lat > 90)) errors.add("lat", "out_of_range");
  if (in.point && (in.point->lon < -180 || in.point->lon > 180)) errors.add("lon", "out_of_range");
  if (in.camera_ids.empty()) errors.add("camera_ids", "required");
  if (in.camera_ids.size() > kMaxCameras) errors.add("camera_ids", "too_long");
  errors.throw_if_any();
  // Each camera in the officer's communes, all of one commune, with its footage still kept.
  std::vector<Task> tasks;
  std::optional<std::int64_t> unit_id;
  std::set<std::int64_t> seen;
  for (auto id : in.camera_ids) {
    if (!seen.insert(id).second) continue;
    CameraView view;
    try {
      view = cameras_.get(actor, id).view;
    } catch (const Error& e) {
      if (e.kind() != Error::Kind::not_found) throw;
      throw Error::validation({FieldError{"camera_ids", "not_found", std::nullopt, std::to_string(id)}});
    }
    const auto& c = view.camera;
    if (unit_id && *unit_id != c.unit_id) throw Error::field("camera_ids", "other_commune");
    unit_id = c.unit_id;
    auto deadline = *in.from + static_cast<time::Millis>(c.retention_days) * kDay;
    if (now >= deadline) {
      throw Error::validation({FieldError{"camera_ids", "overwritten", std::nullopt, c.code}});
    }
    tasks.push_back(Task{0, c.id, c.code, c.place, deadline, "pending", "", std::nullopt, "", std::nullopt,
                         std::nullopt, false, std::nullopt});
  }
  Request r;
  r.unit_id = *unit_id;
  r.origin = in.origin;
  r.source_ref = source_ref;
  r.point = in.point;
  r.from = *in.from;
  r.to = *in.to;
  r.reason = reason;
  r.case_ref = case_ref;
  r.created_at = now;
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    auto commune = units_.find(tx, r.unit_id).value();
    auto prefix = fmt::format("YC-{}-{}-", commune.code, time::local_date(now).substr(0, 4));
    r.number = fmt::format("{}{:04d}", prefix, requests_repo::count_in_year(tx, r.unit_id, prefix) + 1);
    id = requests_repo::insert_request(tx, r, user_of(actor));
    boost::json::array codes;
    for (const auto& t : tasks) {
      requests_repo::insert_task(tx, id, t);
      codes.emplace_back(t.camera_code);
    }
    audit_.record(tx, actor, "footage.request_create", "footage_request", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"number", r.number},
                                                             {"case_ref", r.case_ref},
                                                             {"from", time::format_iso_utc(r.from)},
                                                             {"to", time::format_iso_utc(r.to)},
                                                             {"cameras", codes}}),
                  reason);
  });
  return get(actor, id);
}

Page<Request> Requests::list(const Actor& actor, std::optional<std::string> status, int page, int page_size) const {
  require_officer(actor);
  if (status && *status != "open" && *status != "closed") throw Error::field("status", "unknown_value");
  Page<Request> out;
  db_.read([&](db::Tx& tx) { out = requests_repo::list(tx, actor.scope_path, status, page, page_size); });
  return out;
}

Request Requests::get(const Actor& actor, std::int64_t id) const {
  Request out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

IssuedLink Requests::issue_link(const Actor& actor, std::int64_t task_id) const {
  require_officer(actor);
  IssuedLink out;
  db_.write([&](db::Tx& tx) {
    auto found = requests_repo::task(tx, task_id, clock_.now());
    if (!found) throw Error::not_found("footage task");
    auto request = load(tx, actor, found->second);
    if (found->first.status != "pending" || request.status != "open") {
      throw Error::conflict("the task is answered or the request closed");
    }
    out.token = crypto::random_token(kLinkBytes);
    out.expires_at = found->first.deadline_at + kLinkGrace;
    requests_repo::set_link(tx, task_id, link_hash(out.token), out.expires_at);
    audit_.record(tx, actor, "footage.link_issue", "footage_task", std::to_string(task_id),
                  boost::json::serialize(boost::json::object{{"number", request.number},
                                                             {"camera", found->first.camera_code},
                                                             {"expires_at", time::format_iso_utc(out.expires_at)}}));
  });
  return out;
}

Request Requests::record_outcome(const Actor& actor, std::int64_t task_id, const Outcome& in) const {
  require_officer(actor);
  auto outcome = checked_outcome(in);
  std::int64_t request_id = 0;
  db_.write([&](db::Tx& tx) {
    auto found = requests_repo::task(tx, task_id, clock_.now());
    if (!found) throw Error::not_found("footage task");
    auto request = load(tx, actor, found->second);
    request_id = request.id;
    if (request.status != "open") throw Error::conflict("the request is closed");
    if (!requests_repo::set_outcome(tx, task_id, outcome, "officer", clock_.now())) {
      throw Error::conflict("the task is already answered");
    }
    audit_.record(tx, actor, "footage.outcome", "footage_task", std::to_string(task_id),
                  boost::json::serialize(boost::json::object{{"number", request.number},
                                                             {"camera", found->first.camera_code},
                                                             {"status", outcome.status},
                                                             {"sha256", outcome.sha256}}));
  });
  return get(actor, request_id);
}

Request Requests::close(const Actor& actor, std::int64_t id) const {
  db_.write([&](db::Tx& tx) {
    auto request = load(tx, actor, id);
    if (request.status != "open") throw Error::conflict("the request is already closed");
    requests_repo::close_request(tx, id, clock_.now());
    audit_.record(tx, actor, "footage.request_close", "footage_request", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"number", request.number}}));
  });
  return get(actor, id);
}

LinkView Requests::open_link(const std::string& token) const {
  LinkView out;
  db_.read([&](db::Tx& tx) {
    auto found = token.size() < 20 ? std::nullopt : requests_repo::task_by_link(tx, link_hash(token), clock_.now());
    if (!found || !found->first.link_active) throw Error::not_found("link");
    auto request = requests_repo::request(tx, found->second).value();
    auto commune = units_.find(tx, request.unit_id).value();
    out = LinkView{
        request.number, commune.name, commune.hotline,          found->first.camera_code, found->first.camera_place,
        request.from,   request.to,   found->first.deadline_at, found->first.status};
  });
  return out;
}

void Requests::answer_link(const std::string& token, const Outcome& in) const {
  auto outcome = checked_outcome(in);
  db_.write([&](db::Tx& tx) {
    auto found = token.size() < 20 ? std::nullopt : requests_repo::task_by_link(tx, link_hash(token), clock_.now());
    if (!found || !found->first.link_active) throw Error::not_found("link");
    auto request = requests_repo::request(tx, found->second).value();
    if (request.status != "open" || !requests_repo::set_outcome(tx, found->first.id, outcome, "owner", clock_.now())) {
      throw Error::not_found("link");
    }
    audit::Entry e;
    e.actor_name = "citizen";
    e.action = "footage.owner_answer";
    e.entity = "footage_task";
    e.entity_id = std::to_string(found->first.id);
    e.detail = boost::json::serialize(boost::json::object{{"number", request.number},
                                                          {"camera", found->first.camera_code},
                                                          {"status", outcome.status},
                                                          {"sha256", outcome.sha256}});
    audit_.record(tx, std::move(e));
  });
}

}  // namespace antq::cameras
