// "Which cameras could have seen this point at that time, and is the footage still
// kept?": the cameras standing within the radius (the spatial index, then the geodesic
// distance), each tested against its view cone, its status then, its retention today and
// its sharing. Audited with who asked, why, where and what was answered.
#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/service.hpp"
#include "platform/code_table.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

using internal::kClockSlack;

constexpr std::array<std::pair<Exclusion, std::string_view>, 7> kExclusions{
    {{Exclusion::pointing_away, "pointing_away"},
     {Exclusion::out_of_range, "out_of_range"},
     {Exclusion::not_installed, "not_installed"},
     {Exclusion::faulty_then, "faulty_then"},
     {Exclusion::removed_then, "removed_then"},
     {Exclusion::overwritten, "overwritten"},
     {Exclusion::not_shared, "not_shared"}}};

void check_query(const SearchQuery& q, time::Millis now) {
  FieldErrors errors;
  if (q.point.lat < -90 || q.point.lat > 90) errors.add("lat", "out_of_range");
  if (q.point.lon < -180 || q.point.lon > 180) errors.add("lon", "out_of_range");
  if (q.radius_m < 1 || q.radius_m > Service::kMaxRadius) errors.add("radius", "out_of_range");
  if (q.at > now + kClockSlack) errors.add("at", "in_future");
  auto reason = text::clean(q.reason);
  if (reason.empty()) errors.add("reason", "required");
  if (text::length(reason) > 500) errors.add("reason", "too_long");
  errors.throw_if_any();
}

// What stands between a camera and footage of the point at `at`, in Exclusion's order.
Sighting sighting(const Candidate& c, const SearchQuery& q, time::Millis now) {
  const auto& cam = c.camera;
  auto sight = geo::sight(cam.mounting.cone(cam.point), q.point);
  Sighting s;
  s.camera.camera = cam;
  s.distance_m = sight.distance_m;
  s.bearing_deg = sight.bearing_deg;
  if (cam.mounting.bearing_deg) s.off_axis_deg = geo::bearing_gap(sight.bearing_deg, *cam.mounting.bearing_deg);
  if (!sight.facing) s.reasons.push_back(Exclusion::pointing_away);
  if (!sight.in_range) s.reasons.push_back(Exclusion::out_of_range);
  internal::add_footage_reasons(s, c.status_then, q.at, now);
  return s;
}

// Within the radius, and seen (or the cameras left out were asked for too).
bool listed(const Sighting& s, const SearchQuery& q) {
  return s.distance_m <= q.radius_m && (s.reasons.empty() || q.with_excluded);
}

bool nearer(const Sighting& a, const Sighting& b) {
  if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
  return a.camera.camera.code < b.camera.camera.code;
}

boost::json::array ids_of(const std::vector<Sighting>& list) {
  boost::json::array out;
  for (const auto& s : list) out.emplace_back(s.camera.camera.id);
  return out;
}

}  // namespace

std::string_view code_of(Exclusion v) { return code_in(kExclusions, v); }

void internal::add_footage_reasons(Sighting& s, std::optional<Status> status_then, time::Millis at, time::Millis now) {
  const auto& cam = s.camera.camera;
  s.status_then = status_then;
  s.footage_kept_until = at + static_cast<time::Millis>(cam.retention_days) * kDay;
  if (!status_then) s.reasons.push_back(Exclusion::not_installed);
  if (status_then == Status::faulty) s.reasons.push_back(Exclusion::faulty_then);
  if (status_then == Status::removed) s.reasons.push_back(Exclusion::removed_then);
  if (now >= s.footage_kept_until) s.reasons.push_back(Exclusion::overwritten);
  if (cam.sharing == Sharing::none) s.reasons.push_back(Exclusion::not_shared);
}

ConeLayer Service::cones(const Actor& actor, std::int64_t unit_id) const {
  ListFilter filter;
  filter.unit_id = unit_id;
  filter.page_size = kMaxCones;
  auto page = list(actor, filter);
  ConeLayer out;
  out.truncated = page.total > kMaxCones;
  out.cones.reserve(page.items.size());
  for (auto& v : page.items) {
    auto ring = geo::cone_ring(v.camera.mounting.cone(v.camera.point), 10);
    out.cones.push_back(Cone{std::move(v), std::move(ring)});
  }
  return out;
}

SearchResult Service::search(const Actor& actor, const SearchQuery& query) const {
  auto out = sightings(actor, query);
  db_.write([&](db::Tx& tx) { audit_.record(tx, search_entry(actor, query, out)); });
  return out;
}

Service::PendingSearch Service::search_pending(const Actor& actor, const SearchQuery& query) const {
  return pending(actor, query, sightings(actor, query));
}

void Service::search_then(const Actor& actor, const SearchQuery& query, SearchThen then) const {
  auto plan = this->plan(actor, query);
  if (plan.to_list.empty()) return then(pending(actor, query, decided(plan, {})), nullptr);
  std::vector<std::int64_t> ids;
  ids.reserve(plan.to_list.size());
  for (const auto& c : plan.to_list) ids.push_back(c.camera.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  rows_.read_then(std::move(ids), [this, actor, plan = std::move(plan), then = std::move(then)](
                                      std::vector<Camera> rows, std::exception_ptr error) {
    if (error) return then(PendingSearch{}, error);
    try {
      auto result = decided(plan, kept(plan.to_list, rows, *plan.in_scope));
      then(pending(actor, plan.query, std::move(result)), nullptr);
    } catch (...) {
      then(PendingSearch{}, std::current_exception());
    }
  });
}

Service::PendingSearch Service::pending(const Actor& actor, const SearchQuery& query, SearchResult result) const {
  auto entry = search_entry(actor, query, result);
  return {std::move(result),
          [this, entry = std::move(entry)](audit::Service::Done done) { audit_.record_then(entry, std::move(done)); }};
}

audit::Entry Service::search_entry(const Actor& actor, const SearchQuery& query, const SearchResult& result) {
  boost::json::object detail{
      {"lon", query.point.lon},   {"lat", query.point.lat},      {"at", time::format_iso_utc(query.at)},
      {"radius", query.radius_m}, {"seen", ids_of(result.seen)}, {"excluded", ids_of(result.excluded)}};
  return audit::Service::entry_of(actor, "camera.search", "camera", "", boost::json::serialize(detail),
                                  text::clean(query.reason));
}

SearchResult Service::sightings(const Actor& actor, const SearchQuery& query) const {
  require_searcher(actor);
  auto now = clock_.now();
  check_query(query, now);
  Plan plan;
  std::vector<Candidate> whole;
  db_.read([&](db::Tx& tx) {
    plan = plan_in(tx, actor, query, now);
    whole = read_whole(tx, plan.to_list, *plan.in_scope);
  });
  return decided(plan, whole);
}

Service::Plan Service::plan(const Actor& actor, const SearchQuery& query) const {
  require_searcher(actor);
  auto now = clock_.now();
  check_query(query, now);
  Plan out;
  db_.read([&](db::Tx& tx) { out = plan_in(tx, actor, query, now); });
  return out;
}

Service::Plan Service::plan_in(db::Tx& tx, const Actor& actor, const SearchQuery& query, time::Millis now) const {
  // Only the cameras that reach the point can see it; the others within the radius are
  // read only to say why they are left out.
  auto box = query.with_excluded ? geo::box_around(query.point, query.radius_m)
                                 : geo::BBox{query.point.lon, query.point.lat, query.point.lon, query.point.lat};
  auto worth_reading = [&](const Reach& r) {
    auto sight = geo::sight(r.mounting.cone(r.point), query.point);
    return sight.distance_m <= query.radius_m && (query.with_excluded || (sight.facing && sight.in_range));
  };
  Plan out{query, now, {}, units_.ids_under(tx, actor.scope_path)};
  for (auto& c : candidates(tx, box, *out.in_scope, query.at, now, worth_reading)) {
    if (listed(sighting(c, query, now), query)) out.to_list.push_back(std::move(c));
  }
  return out;
}

// Their rows decide: the index may be a moment older than the snapshot they were read in.
SearchResult Service::decided(const Plan& plan, const std::vector<Candidate>& whole) {
  SearchResult out;
  for (const auto& c : whole) {
    auto s = sighting(c, plan.query, plan.now);
    if (listed(s, plan.query)) (s.reasons.empty() ? out.seen : out.excluded).push_back(std::move(s));
  }
  std::sort(out.seen.begin(), out.seen.end(), nearer);
  std::sort(out.excluded.begin(), out.excluded.end(), nearer);
  return out;
}

// Read last: on PostgreSQL, when nothing before needed the server, that one statement is
// the whole transaction.
std::vector<Candidate> Service::read_whole(db::Tx& tx, const std::vector<Candidate>& listed,
                                           const std::vector<std::int64_t>& in_scope) const {
  if (listed.empty()) return {};
  std::vector<std::int64_t> ids;
  ids.reserve(listed.size());
  for (const auto& c : listed) ids.push_back(c.camera.id);
  std::sort(ids.begin(), ids.end());
  tx.next_is_last();
  return kept(listed, repo::get_many(tx, ids), in_scope);  // those deleted since the index looked are missing
}

std::vector<Candidate> Service::kept(const std::vector<Candidate>& listed, const std::vector<Camera>& rows,
                                     const std::vector<std::int64_t>& in_scope) {
  std::vector<Candidate> out;
  for (const auto& c : listed) {
    auto row = std::lower_bound(rows.begin(), rows.end(), c.camera.id,
                                [](const Camera& r, std::int64_t id) { return r.id < id; });
    if (row == rows.end() || row->id != c.camera.id) continue;
    if (!std::binary_search(in_scope.begin(), in_scope.end(), row->unit_id)) continue;
    out.push_back(Candidate{*row, c.status_then});
  }
  return out;
}

bool Service::lists_later() const { return db_.dialect() == db::Dialect::postgres; }
std::string Service::follow_reach() const {
  std::size_t read = 0;
  auto now = clock_.now();
  db_.read([&](db::Tx& tx) { read = reach_.follow(tx, now); });
  return read == 0 ? "" : fmt::format("{} read into the reach index", read);
}

std::vector<Candidate> Service::candidates(db::Tx& tx, const geo::BBox& box, const std::vector<std::int64_t>& in_scope,
                                           time::Millis at, time::Millis now,
                                           const std::function<bool(const Reach&)>& keep) const {
  std::vector<Candidate> out;
  auto met = reach_.meeting(tx, box, at, now);
  std::sort(met.begin(), met.end(), [](const Candidate& a, const Candidate& b) { return a.camera.id < b.camera.id; });
  for (auto& c : met) {
    if (!std::binary_search(in_scope.begin(), in_scope.end(), c.camera.unit_id)) continue;
    if (keep(Reach{c.camera.id, c.camera.point, c.camera.mounting})) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace antq::cameras
