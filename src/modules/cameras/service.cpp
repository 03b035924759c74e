// The registry: who may do what, cameras registered and changed, their status over time
// and their checks. Every change is audited in its own transaction (field names only:
// the values stay in the registry).
#include "modules/cameras/service.hpp"

#include <fmt/format.h>

#include <set>

#include <algorithm>

#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/owner_repo.hpp"
#include "modules/cameras/repo.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace internal {

bool may_manage(const Actor& a) { return a.system || a.is(Role::officer) || a.is(Role::admin); }
bool may_read(const Actor& a) { return may_manage(a) || a.is(Role::team_member); }

void require(bool allowed, const char* why) {
  if (!allowed) throw Error::forbidden(why);
}

bool is_officer(const Actor& a) { return a.system || a.is(Role::officer); }

std::optional<std::int64_t> user_of(const Actor& a) {
  return a.system ? std::nullopt : std::optional<std::int64_t>(a.user_id);
}

// 'YYYY-MM-DD' a number of whole years later (29 February becomes 28 February).
std::string years_later(const std::string& date, int years) {
  int y = std::stoi(date.substr(0, 4)) + years;
  std::string rest = date.substr(4);
  if (rest == "-02-29") rest = "-02-28";
  return fmt::format("{:04d}{}", y, rest);
}

CodeSequence::CodeSequence(db::Tx& tx, const units::Unit& commune, std::set<std::string> reserved)
    : prefix_(commune.code + "-CAM-"), unit_id_(commune.id), reserved_(std::move(reserved)) {
  repo::lock_code_counter(tx, commune.id);  // PostgreSQL: one writer of the commune's codes at a time
  auto last = repo::code_counter(tx, commune.id);
  if (last) {
    last_ = *last;
    return;
  }
  // The commune's first generated code: start after the numbers it has.
  for (const auto& code : repo::codes_of(tx, commune.id)) {
    if (code.size() <= prefix_.size() || code.compare(0, prefix_.size(), prefix_) != 0) continue;
    auto digits = code.substr(prefix_.size());
    if (digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    last_ = std::max<std::int64_t>(last_, std::stoll(digits));
  }
}

CodeSequence CodeSequence::for_many(db::Tx& tx, const units::Unit& commune, std::set<std::string> reserved) {
  CodeSequence out(tx, commune, std::move(reserved));
  for (auto& code : repo::codes_starting(tx, out.prefix_)) out.reserved_.insert(std::move(code));
  out.all_taken_known_ = true;
  return out;
}

std::string CodeSequence::next(db::Tx& tx) {
  for (;;) {
    auto code = fmt::format("{}{:04d}", prefix_, ++last_);
    // Else taken by a code given by hand, in the database or further down the sheet.
    if (!reserved_.contains(code) && (all_taken_known_ || !repo::by_code(tx, code))) return code;
  }
}

void CodeSequence::save(db::Tx& tx) const { repo::set_code_counter(tx, unit_id_, last_); }

std::string next_code(db::Tx& tx, const units::Unit& commune) {
  CodeSequence codes(tx, commune);
  auto code = codes.next(tx);
  codes.save(tx);
  return code;
}

// The names of the fields a change touched (what the audit keeps).
boost::json::array changed_fields(const Camera& a, const Camera& b) {
  boost::json::array out;
  auto add = [&](bool differs, const char* name) {
    if (differs) out.emplace_back(name);
  };
  add(a.unit_id != b.unit_id, "unit_id");
  add(a.village_id != b.village_id, "village_id");
  add(a.owner_kind != b.owner_kind, "owner_kind");
  add(a.place != b.place, "place");
  add(a.point.lon != b.point.lon || a.point.lat != b.point.lat, "point");
  add(a.mounting.bearing_deg != b.mounting.bearing_deg, "bearing");
  add(a.mounting.fov_deg != b.mounting.fov_deg, "fov");
  add(a.mounting.range_m != b.mounting.range_m, "range_m");
  add(a.camera_type != b.camera_type, "camera_type");
  add(a.resolution != b.resolution, "resolution");
  add(a.night_vision != b.night_vision, "night_vision");
  add(a.retention_days != b.retention_days, "retention_days");
  add(a.storage != b.storage, "storage");
  add(a.funding != b.funding, "funding");
  add(a.cost_vnd != b.cost_vnd, "cost_vnd");
  add(a.installed_on != b.installed_on, "installed_on");
  add(a.sharing != b.sharing, "sharing");
  add(a.commitment_signed_on != b.commitment_signed_on, "commitment_signed_on");
  add(a.note != b.note, "note");
  return out;
}

}  // namespace internal

namespace {

using namespace internal;

std::optional<Status> status_of_check(const std::string& result) {
  if (result == "ok") return Status::working;
  if (result == "faulty") return Status::faulty;
  return std::nullopt;
}

}  // namespace

void Service::require_searcher(const Actor& actor) {
  require(actor.system || actor.is(Role::officer), "searching cameras is for commune officers");
}

CameraView Service::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_read(actor), "cameras are for commune officers, administrators and village teams");
  auto v = repo::view(tx, id);
  if (!v || !actor.covers(v->path)) throw Error::not_found("camera");
  return *v;
}

Page<CameraView> Service::list(const Actor& actor, const ListFilter& in) const {
  require(may_read(actor), "cameras are for commune officers, administrators and village teams");
  ListFilter filter = in;
  auto now = clock_.now();
  if (filter.due == "check") {
    filter.checked_before = now - static_cast<time::Millis>(kCheckIntervalDays) * kDay;
  } else if (filter.due == "reconfirm") {
    filter.reconfirm_by = time::local_date(now + static_cast<time::Millis>(kReconfirmNoticeDays) * kDay);
  } else if (!filter.due.empty()) {
    throw Error::field("due", "unknown_value");
  }
  if (filter.status && !status_from(*filter.status)) throw Error::field("status", "unknown_value");
  if (filter.sharing && !sharing_from(*filter.sharing)) throw Error::field("sharing", "unknown_value");
  if (filter.owner_kind && !owner_kind_from(*filter.owner_kind)) throw Error::field("owner_kind", "unknown_value");
  Page<CameraView> out;
  db_.read([&](db::Tx& tx) {
    std::string scope = actor.scope_path;
    if (filter.unit_id) {
      auto unit = units_.find(tx, *filter.unit_id);
      if (!unit || !actor.covers(unit->path)) throw Error::field("unit_id", "not_found");
      scope = unit->path;
    }
    out = repo::list(tx, scope, filter);
  });
  return out;
}

Maintenance Service::maintenance(const Actor& actor, std::optional<std::int64_t> unit_id) const {
  auto count = [&](const char* status, const char* due) {
    ListFilter f;
    f.unit_id = unit_id;
    if (*status) f.status = status;
    f.due = due;
    f.page_size = 1;
    return list(actor, f).total;
  };
  return Maintenance{count("faulty", ""), count("", "check"), count("", "reconfirm")};
}

CameraDetail Service::get(const Actor& actor, std::int64_t id) const {
  CameraDetail out;
  db_.read([&](db::Tx& tx) {
    out.view = load(tx, actor, id);
    out.consent = owner_repo::consent(tx, id);
    out.history = repo::history(tx, id);
    out.checks = repo::checks(tx, id);
  });
  return out;
}

CameraView Service::create(const Actor& actor, const CameraInput& input) const {
  require(may_manage(actor), "cameras are registered by commune officers and administrators");
  if (!input.owner.empty() && !actor.system && !actor.is(Role::officer)) {
    throw Error::forbidden("owners' contacts are for commune officers");
  }
  auto owner = checked_owner(input.owner);
  Camera camera;
  units::Unit commune;
  db_.read([&](db::Tx& tx) {
    camera = checked(tx, actor.scope_path, input, nullptr);
    commune = units_.find(tx, camera.unit_id).value();
  });
  check_location(commune, camera.point, input.confirm_location);
  auto now = clock_.now();
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    if (camera.code.empty()) {
      camera.code = next_code(tx, commune);
    } else if (repo::by_code(tx, camera.code)) {
      throw Error::field("code", "duplicate");
    }
    camera.reconfirm_due = years_later(time::local_date(now), kReconfirmMonths / 12);
    id = repo::insert(tx, camera, now);
    auto since = camera.installed_on ? std::min(time::local_day_start(*camera.installed_on), now) : now;
    repo::open_status(tx, id, {since, std::nullopt, Status::working, ""}, user_of(actor), now);
    write_owner(tx, id, owner, now);
    audit_.record(tx, actor, "camera.create", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{
                      {"code", camera.code}, {"unit_id", camera.unit_id}, {"owner", !owner.empty()}}));
  });
  CameraView out;
  db_.read([&](db::Tx& tx) { out = repo::view(tx, id).value(); });
  return out;
}

void Service::move_installation(db::Tx& tx, const Camera& camera, time::Millis now) const {
  if (!camera.installed_on) return;  // a date removed leaves the history as it is
  auto since = std::min(time::local_day_start(*camera.installed_on), now);
  auto history = repo::history(tx, camera.id);
  if (history.empty() || history.front().since == since) return;
  if (history.front().until && since >= *history.front().until) {
    throw Error::field("installed_on", "after_status_change");
  }
  repo::set_first_since(tx, camera.id, since);
}

CameraView Service::update(const Actor& actor, std::int64_t id, int version, const CameraInput& input) const {
  require(may_manage(actor), "cameras are changed by commune officers and administrators");
  Camera before;
  Camera after;
  units::Unit commune;
  db_.read([&](db::Tx& tx) {
    before = load(tx, actor, id).camera;
    after = checked(tx, actor.scope_path, input, &before);
    commune = units_.find(tx, after.unit_id).value();
  });
  bool moved =
      after.unit_id != before.unit_id || after.point.lon != before.point.lon || after.point.lat != before.point.lat;
  if (moved) check_location(commune, after.point, input.confirm_location);
  after.version = version;
  auto fields = changed_fields(before, after);
  CameraView out;
  db_.write([&](db::Tx& tx) {
    if (!repo::update(tx, after, clock_.now())) throw Error::conflict("the camera was changed by someone else");
    if (after.installed_on != before.installed_on) move_installation(tx, after, clock_.now());
    audit_.record(tx, actor, "camera.update", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"fields", fields}}));
    out = repo::view(tx, id).value();
  });
  return out;
}

void Service::change_status(const Actor& actor, std::int64_t id, const StatusChange& change) const {
  require(may_manage(actor), "a camera's status is changed by commune officers and administrators");
  FieldErrors errors;
  auto status = status_from(change.status);
  if (!status) errors.add("status", change.status.empty() ? "required" : "unknown_value");
  auto now = clock_.now();
  auto since = change.since.value_or(now);
  if (since > now + kClockSlack) errors.add("since", "in_future");
  auto reason = text::clean(change.reason);
  if (text::length(reason) > 500) errors.add("reason", "too_long");
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    repo::lock(tx, id);
    auto history = repo::history(tx, id);
    if (!history.empty() && since <= history.back().since) throw Error::field("since", "before_current");
    if (!history.empty() && history.back().status == *status) throw Error::field("status", "unchanged");
    repo::open_status(tx, id, {since, std::nullopt, *status, reason}, user_of(actor), now);
    audit_.record(tx, actor, "camera.status", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{
                      {"code", camera.code}, {"status", change.status}, {"since", time::format_iso_utc(since)}}));
  });
}

void Service::record_check(const Actor& actor, std::int64_t id, const NewCheck& in) const {
  require(may_read(actor), "cameras are checked by commune officers, administrators and village teams");
  FieldErrors errors;
  auto now = clock_.now();
  Check check{0, in.checked_at.value_or(now), in.result, text::clean(in.note), ""};
  if (in.result.empty()) {
    errors.add("result", "required");
  } else if (auto results = check_result_codes(); std::ranges::find(results, in.result) == results.end()) {
    errors.add("result", "unknown_value");
  }
  if (check.checked_at > now + kClockSlack) errors.add("checked_at", "in_future");
  if (text::length(check.note) > 1000) errors.add("note", "too_long");
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    repo::lock(tx, id);
    repo::insert_check(tx, id, check, user_of(actor), now);
    // A check after the current status began moves it (a removed camera stays removed).
    auto found = status_of_check(check.result);
    auto history = repo::history(tx, id);
    bool later = history.empty() || check.checked_at > history.back().since;
    if (found && later && camera.status != Status::removed && camera.status != *found) {
      repo::open_status(tx, id, {check.checked_at, std::nullopt, *found, "check"}, user_of(actor), now);
    }
    audit_.record(tx, actor, "camera.check", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"code", camera.code}, {"result", check.result}}));
  });
}

CameraView Service::reconfirm(const Actor& actor, std::int64_t id) const {
  require(may_manage(actor), "cameras are confirmed again by commune officers and administrators");
  CameraView out;
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    auto due = years_later(time::local_date(clock_.now()), kReconfirmMonths / 12);
    repo::set_reconfirm_due(tx, id, due, clock_.now());
    audit_.record(tx, actor, "camera.reconfirm", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"code", camera.code}, {"due", due}}));
    out = repo::view(tx, id).value();
  });
  return out;
}

CameraView Service::confirm(const Actor& actor, std::int64_t id, int version) const {
  require(actor.system || actor.is(Role::officer), "owners' registrations are confirmed by commune officers");
  CameraView out;
  db_.write([&](db::Tx& tx) {
    load(tx, actor, id);
    repo::lock(tx, id);  // PostgreSQL: an owner's change waits, or is read below
    auto camera = repo::get(tx, id).value();
    if (!camera.confirmed && camera.version != version) {
      throw Error::conflict("the camera changed after the officer opened it");
    }
    if (!camera.confirmed) {
      owner_repo::set_confirmed(tx, id, true, clock_.now());
      audit_.record(tx, actor, "camera.confirm", "camera", std::to_string(id),
                    boost::json::serialize(boost::json::object{{"code", camera.code}}));
    }
    out = repo::view(tx, id).value();
  });
  return out;
}

std::optional<Status> Service::status_at(const Actor& actor, std::int64_t id, time::Millis at) const {
  std::optional<Status> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, id);
    out = repo::status_at(tx, id, at);
  });
  return out;
}

}  // namespace antq::cameras
