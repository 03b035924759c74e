// "Which cameras could have seen them pass?": a route (a polyline with a corridor around
// it and a time window or a speed) sampled every few metres, each camera near it tested
// against every sample it could reach, and the time the route passed it worked out from
// the distance along the route.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/requests.hpp"
#include "modules/cameras/service.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

using internal::kClockSlack;
constexpr time::Millis kMaxWindow = Requests::kMaxWindow;  // a route's window is a request's
constexpr double kStepMetres = 5;
constexpr double kMaxRange = 1000;           // the registry's longest range (migration 0018)
constexpr double kChunkMetres = 1000;        // the route is asked of the index a kilometre at a time
constexpr double kMetresPerDegree = 110574;  // latitude; a quick prefilter only

// A point of the corridor, `along_m` metres from the route's start.
struct Sample {
  geo::Point point;
  double along_m = 0;
};

// The route every ≤ 5 m, on its centre line and on both edges of the corridor.
std::vector<Sample> sample(const RouteQuery& q, double& length) {
  std::vector<Sample> out;
  length = 0;
  for (std::size_t i = 0; i + 1 < q.line.size(); ++i) {
    auto leg = geo::heading(q.line[i], q.line[i + 1]);
    int steps = std::max(1, static_cast<int>(std::ceil(leg.distance_m / kStepMetres)));
    for (int k = (i == 0 ? 0 : 1); k <= steps; ++k) {
      double d = leg.distance_m * k / steps;
      auto centre = k == steps ? q.line[i + 1] : geo::destination(q.line[i], leg.bearing_deg, d);
      out.push_back({centre, length + d});
      if (q.width_m > 0) {
        out.push_back({geo::destination(centre, leg.bearing_deg + 90, q.width_m / 2.0), length + d});
        out.push_back({geo::destination(centre, leg.bearing_deg - 90, q.width_m / 2.0), length + d});
      }
    }
    length += leg.distance_m;
  }
  return out;
}

// Roughly how far apart two nearby points are (flat, a little short of the truth is fine
// for a prefilter with a margin).
double rough_metres(geo::Point a, geo::Point b) {
  double dy = (a.lat - b.lat) * kMetresPerDegree;
  double dx = (a.lon - b.lon) * kMetresPerDegree * std::cos(a.lat * 3.14159265358979323846 / 180);
  return std::sqrt(dx * dx + dy * dy);
}

void check_route(const RouteQuery& q, time::Millis now) {
  FieldErrors errors;
  if (q.line.size() < 2) errors.add("line", "too_few_points");
  if (q.line.size() > static_cast<std::size_t>(Service::kMaxRoutePoints)) errors.add("line", "too_long");
  for (const auto& p : q.line) {
    if (p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180) {
      errors.add("line", "out_of_range");
      break;
    }
  }
  if (q.width_m < 0 || q.width_m > 500) errors.add("width", "out_of_range");
  if (q.from > now + kClockSlack) errors.add("from", "in_future");
  if (q.to && *q.to <= q.from) errors.add("to", "before_start");
  if (q.to && *q.to - q.from > kMaxWindow) errors.add("to", "window_too_long");
  if (!q.to && !q.speed_kmh) errors.add("speed_kmh", "required");
  if (q.speed_kmh && (*q.speed_kmh <= 0 || *q.speed_kmh > 200)) errors.add("speed_kmh", "out_of_range");
  auto reason = text::clean(q.reason);
  if (reason.empty()) errors.add("reason", "required");
  if (text::length(reason) > 500) errors.add("reason", "too_long");
  errors.throw_if_any();
}

// Each camera near the route once, from the index a kilometre of route at a time.
std::vector<Candidate> near_route(db::Tx& tx, const std::vector<Sample>& samples, const std::string& scope,
                                  time::Millis at, int width) {
  std::map<std::int64_t, Candidate> found;
  double margin = kMaxRange + width / 2.0;
  std::size_t start = 0;
  while (start < samples.size()) {
    geo::BBox box{samples[start].point.lon, samples[start].point.lat, samples[start].point.lon,
                  samples[start].point.lat};
    std::size_t end = start;
    for (; end < samples.size() && samples[end].along_m - samples[start].along_m <= kChunkMetres; ++end) {
      const auto& p = samples[end].point;
      box = {std::min(box.min_lon, p.lon), std::min(box.min_lat, p.lat), std::max(box.max_lon, p.lon),
             std::max(box.max_lat, p.lat)};
    }
    auto low = geo::box_around({box.min_lon, box.min_lat}, margin);
    auto high = geo::box_around({box.max_lon, box.max_lat}, margin);
    for (auto& c : repo::candidates(tx, {low.min_lon, low.min_lat, high.max_lon, high.max_lat}, scope, at)) {
      found.emplace(c.camera.id, std::move(c));
    }
    start = end;
  }
  std::vector<Candidate> out;
  for (auto& [id, c] : found) out.push_back(std::move(c));
  return out;
}

boost::json::array ids_of(const std::vector<RouteSighting>& list) {
  boost::json::array out;
  for (const auto& s : list) out.emplace_back(s.sighting.camera.camera.id);
  return out;
}

}  // namespace

RouteResult Service::search_route(const Actor& actor, const RouteQuery& query) const {
  require_searcher(actor);
  auto now = clock_.now();
  check_route(query, now);
  RouteResult out;
  // The length first: a mistyped point must not make millions of samples.
  double length = 0;
  for (std::size_t i = 0; i + 1 < query.line.size(); ++i)
    length += geo::heading(query.line[i], query.line[i + 1]).distance_m;
  if (length > kMaxRouteMetres) throw Error::field("line", "too_long");
  auto samples = sample(query, out.length_m);
  double speed_ms = query.speed_kmh
                        ? *query.speed_kmh / 3.6
                        : std::max(out.length_m, 1.0) / (static_cast<double>(*query.to - query.from) / 1000);
  out.speed_kmh = speed_ms * 3.6;
  auto when = [&](double along) { return query.from + static_cast<time::Millis>(along / speed_ms * 1000); };
  db_.read([&](db::Tx& tx) {
    for (const auto& c : near_route(tx, samples, actor.scope_path, query.from, query.width_m)) {
      const auto& cam = c.camera;
      auto cone = cam.mounting.cone(cam.point);
      std::optional<geo::Sight> best;     // the nearest sample it sees
      std::optional<geo::Sight> nearest;  // the nearest sample at all
      double first = -1;
      double last = -1;
      for (const auto& s : samples) {
        if (rough_metres(cam.point, s.point) > cam.mounting.range_m * 1.05 + 5) continue;
        auto sight = geo::sight(cone, s.point);
        if (!nearest || sight.distance_m < nearest->distance_m) nearest = sight;
        if (!sight.seen()) continue;
        if (!best || sight.distance_m < best->distance_m) best = sight;
        if (first < 0) first = s.along_m;
        first = std::min(first, s.along_m);
        last = std::max(last, s.along_m);
      }
      if (!nearest) continue;  // never within its range: not a camera of this route
      RouteSighting r;
      auto& s = r.sighting;
      s.camera.camera = cam;
      const auto& used = best ? *best : *nearest;
      s.distance_m = used.distance_m;
      s.bearing_deg = used.bearing_deg;
      if (cam.mounting.bearing_deg) s.off_axis_deg = geo::bearing_gap(used.bearing_deg, *cam.mounting.bearing_deg);
      if (best) {
        r.along_m = first;
        r.enters_at = when(first);
        r.leaves_at = when(last);
      }
      auto at = best ? r.enters_at : query.from;
      if (!best) s.reasons.push_back(nearest->in_range ? Exclusion::pointing_away : Exclusion::out_of_range);
      internal::add_footage_reasons(s, repo::status_at(tx, cam.id, at), at, now);
      if (s.reasons.empty()) {
        out.seen.push_back(std::move(r));
      } else if (query.with_excluded) {
        out.excluded.push_back(std::move(r));
      }
    }
  });
  auto by_passage = [](const RouteSighting& a, const RouteSighting& b) {
    if (a.along_m != b.along_m) return a.along_m < b.along_m;
    return a.sighting.camera.camera.code < b.sighting.camera.camera.code;
  };
  std::sort(out.seen.begin(), out.seen.end(), by_passage);
  std::sort(out.excluded.begin(), out.excluded.end(), by_passage);
  boost::json::array line;
  for (const auto& p : query.line) line.push_back(boost::json::array{p.lon, p.lat});
  boost::json::object detail{{"line", line},
                             {"width", query.width_m},
                             {"from", time::format_iso_utc(query.from)},
                             {"speed_kmh", out.speed_kmh},
                             {"seen", ids_of(out.seen)},
                             {"excluded", ids_of(out.excluded)}};
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "camera.route_search", "camera", "", boost::json::serialize(detail),
                  text::clean(query.reason));
  });
  return out;
}

}  // namespace antq::cameras
