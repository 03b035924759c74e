// A commune's roads (GeoJSON lines) and what its working cameras see of them: the share
// of road length, per village where villages have boundaries, and the longest stretches
// no camera sees; with no roads, the share of the area.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>

#include <boost/json.hpp>

#include "modules/cameras/coverage.hpp"
#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/roads_repo.hpp"
#include "modules/cameras/service.hpp"
#include "platform/error.hpp"
#include "platform/geo/geodesic.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

using internal::require;

constexpr double kNearCommuneMetres = 2000;  // a road may run a little past the boundary
constexpr int kAllCameras = 1000000;         // more than any commune has
constexpr double kMaxLegMetres = 20000;      // no straight stretch of a commune's road is longer

struct RoadFeature {
  std::string name;  // "feature 3", as errors name it
  std::vector<roads_repo::Road> lines;
};

std::string property(const boost::json::object* props, std::initializer_list<const char*> keys) {
  if (!props) return {};
  for (const char* key : keys) {
    const auto* v = props->if_contains(key);
    if (v && v->is_string()) return text::clean(std::string(v->get_string()));
  }
  return {};
}

// The features of a FeatureCollection, a Feature or a bare geometry.
std::vector<const boost::json::value*> raw_features(const boost::json::value& doc) {
  std::vector<const boost::json::value*> raw;
  const auto* top = doc.if_object();
  const auto* type = top ? top->if_contains("type") : nullptr;
  if (type && *type == "FeatureCollection" && top->contains("features") && top->at("features").is_array()) {
    for (const auto& f : top->at("features").get_array()) raw.push_back(&f);
  } else if (type && (*type == "Feature" || *type == "LineString" || *type == "MultiLineString")) {
    raw.push_back(&doc);
  } else {
    throw Error::field("file", "not_geojson");
  }
  if (raw.empty()) throw Error::field("file", "no_roads");
  return raw;
}

// Every feature checked; problems go to `errors` under the feature's name.
std::vector<RoadFeature> read_roads(std::string_view text, const RoadImportOptions& options,
                                    std::vector<FieldError>& errors) {
  if (text.size() > Service::kMaxRoadFileBytes) throw Error::field("file", "file_too_large");
  boost::system::error_code ec;
  auto doc = boost::json::parse(text, ec);
  if (ec) throw Error::field("file", "not_geojson");
  std::vector<RoadFeature> out;
  std::size_t positions = 0;
  auto raw = raw_features(doc);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    RoadFeature feature{"feature " + std::to_string(i), {}};
    const auto* f = raw[i]->if_object();
    bool is_feature = f && f->contains("type") && f->at("type") == "Feature";
    const auto* props = is_feature && f->contains("properties") ? f->at("properties").if_object() : nullptr;
    const auto& geometry = is_feature ? (f->contains("geometry") ? f->at("geometry") : boost::json::value()) : *raw[i];
    std::vector<geo::Problem> problems;
    auto lines = geo::parse_lines(geometry, problems);
    for (const auto& p : problems) errors.push_back({feature.name, p.code, std::nullopt, p.where});
    auto name = property(props, {"name", "ten", "tên", "Tên"});
    if (name.empty()) name = "Đường " + std::to_string(i + 1);
    if (text::length(name) > 200) errors.push_back({feature.name, "too_long", std::nullopt, "name"});
    bool demo = props && props->contains("demo") && props->at("demo").is_bool() && props->at("demo").get_bool();
    for (auto& line : lines) {
      positions += line.size();
      double length = problems.empty() ? geo::length_m(line) : 0;
      feature.lines.push_back({name, std::move(line), length, demo, options.source});
    }
    out.push_back(std::move(feature));
  }
  if (positions > Service::kMaxRoadPositions) errors.push_back({"file", "too_large", std::nullopt, ""});
  return out;
}

// A road with any point far from the commune's boundary is refused: swapped or mistyped
// coordinates (or a [0,0] left by an export) land elsewhere and would make a road of
// hundreds of kilometres. A commune without a boundary still has no leg longer than
// kMaxLegMetres.
void check_near(const std::vector<RoadFeature>& features, const geo::MultiPolygon* boundary,
                std::vector<FieldError>& errors) {
  std::optional<geo::BBox> near;
  if (boundary) {
    auto box = geo::bbox(*boundary);
    auto low = geo::box_around({box.min_lon, box.min_lat}, kNearCommuneMetres);
    auto high = geo::box_around({box.max_lon, box.max_lat}, kNearCommuneMetres);
    near = geo::BBox{low.min_lon, low.min_lat, high.max_lon, high.max_lat};
  }
  auto far = [&](const geo::Line& line) {
    if (near) return !std::all_of(line.begin(), line.end(), [&](geo::Point p) { return near->contains(p); });
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      if (geo::heading(line[i], line[i + 1]).distance_m > kMaxLegMetres) return true;
    }
    return false;
  };
  for (const auto& f : features) {
    bool bad = std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == f.name; });
    if (bad) continue;  // its own problem said first (swapped coordinates land far away too)
    if (std::any_of(f.lines.begin(), f.lines.end(), [&](const auto& road) { return far(road.line); })) {
      errors.push_back({f.name, "far_from_commune", std::nullopt, ""});
    }
  }
}

// The unit asked, in the actor's scope, and its commune.
std::pair<units::Unit, units::Unit> unit_and_commune(db::Tx& tx, const units::Service& units, const Actor& actor,
                                                     std::int64_t unit_id) {
  auto unit = units.find(tx, unit_id);
  if (!unit || !actor.covers(unit->path)) throw Error::field("unit_id", "not_found");
  if (units::is_commune_level(unit->kind)) return {*unit, *unit};
  auto commune = unit->parent_id ? units.find(tx, *unit->parent_id) : std::nullopt;
  if (unit->kind != units::Kind::residential_area || !commune) throw Error::field("unit_id", "not_commune_or_village");
  return {*unit, *commune};
}

CameraCounts& counts_for(std::vector<VillageCoverage>& rows, std::optional<std::int64_t> village) {
  for (auto& row : rows) {
    if (row.village_id == village) return row.cameras;
  }
  rows.push_back({village, "", false, {}, {}, {}, {}});
  return rows.back().cameras;
}

// The villages' boundaries, for telling which village a piece of road lies in.
struct VillageShapes {
  std::vector<std::shared_ptr<const geo::MultiPolygon>> shapes;  // keeps the areas' pointers alive
  std::vector<coverage::VillageArea> areas;
  std::map<std::int64_t, std::string> names;

  VillageShapes(const units::Boundaries& boundaries, const std::vector<units::Unit>& villages) {
    for (const auto& v : villages) {
      names[v.id] = v.name;
      auto shape = boundaries.polygons(v.id);
      if (!shape) continue;
      areas.push_back({v.id, shape.get(), geo::bbox(*shape)});
      shapes.push_back(std::move(shape));
    }
  }
  std::shared_ptr<const geo::MultiPolygon> of(std::int64_t id) const {
    for (std::size_t i = 0; i < areas.size(); ++i) {
      if (areas[i].id == id) return shapes[i];
    }
    return nullptr;
  }
};

void by_roads(Coverage& out, const VillageShapes& villages, const std::vector<roads_repo::Road>& roads,
              const coverage::ConeIndex& index, bool village_asked) {
  std::vector<coverage::RoadLine> lines;
  for (const auto& road : roads) lines.push_back({road.name, road.line});
  auto found = coverage::over_roads(lines, index, villages.areas, village_asked ? SIZE_MAX : Service::kMaxGaps);
  out.basis = "roads";
  out.roads = static_cast<int>(roads.size());
  for (auto& row : out.villages) {
    auto it = row.village_id ? found.by_village.find(*row.village_id) : found.by_village.end();
    if (it == found.by_village.end()) continue;
    row.road_m = it->second.total_m;
    row.covered_m = it->second.covered_m;
  }
  auto share = found.total;
  if (village_asked) {
    auto it = found.by_village.find(out.unit.id);
    if (it == found.by_village.end()) {
      out.basis = "none";  // the village has no boundary: its roads cannot be told apart
      return;
    }
    share = it->second;
  }
  out.roads = share.roads;
  out.road_m = share.total_m;
  out.covered_m = share.covered_m;
  for (auto& gap : found.gaps) {
    if (village_asked && gap.village_id != out.unit.id) continue;
    if (out.gaps.size() == Service::kMaxGaps) break;
    auto name = gap.village_id ? villages.names.at(*gap.village_id) : std::string();
    out.gaps.push_back({gap.road, name, gap.length_m, std::move(gap.line)});
  }
}

// Each share from the cache while the cones (`cones`, their digest) and the shape stay.
void by_area(Coverage& out, const VillageShapes& villages, const units::Boundaries& boundaries,
             const coverage::ConeIndex& index, coverage::AreaCache& cache, std::uint64_t cones) {
  auto share = [&](std::int64_t unit_id, const std::shared_ptr<const geo::MultiPolygon>& shape) {
    return cache.share(unit_id, shape, cones, [&] { return coverage::area_share(*shape, index); });
  };
  for (auto& row : out.villages) {
    auto shape = row.village_id ? villages.of(*row.village_id) : nullptr;
    if (shape) row.area_share = share(*row.village_id, shape);
  }
  auto shape = boundaries.polygons(out.unit.id);
  out.basis = shape ? "area" : "none";
  if (shape) out.area_share = share(out.unit.id, shape);
}

// Rows for every village of today (the asked one only, when a village is asked), named,
// by name; then the villages that have ended but still hold cameras, under their own
// names, marked former; the commune's own cameras last.
void name_rows(Coverage& out, const units::Unit& commune, const VillageShapes& villages,
               const std::map<std::int64_t, std::string>& ended) {
  for (const auto& [id, name] : villages.names) counts_for(out.villages, id);
  bool village_asked = out.unit.id != commune.id;
  std::erase_if(out.villages,
                [&](const VillageCoverage& row) { return village_asked ? row.village_id != out.unit.id : false; });
  for (auto& row : out.villages) {
    if (!row.village_id) {
      row.name = commune.name;
    } else if (auto it = villages.names.find(*row.village_id); it != villages.names.end()) {
      row.name = it->second;
    } else if (auto old = ended.find(*row.village_id); old != ended.end()) {
      row.name = old->second;
      row.former = true;
    }
  }
  auto rank = [](const VillageCoverage& row) { return !row.village_id ? 2 : row.former ? 1 : 0; };
  std::stable_sort(out.villages.begin(), out.villages.end(), [&](const auto& a, const auto& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return text::fold(a.name) < text::fold(b.name);
  });
}

}  // namespace

RoadImportReport Service::import_roads(const Actor& actor, std::int64_t unit_id, std::string_view geojson,
                                       const RoadImportOptions& options) const {
  require(internal::may_manage(actor), "roads are imported by commune officers and administrators");
  std::vector<FieldError> errors;
  auto features = read_roads(geojson, options, errors);
  units::Unit commune;
  db_.read([&](db::Tx& tx) { commune = unit_and_commune(tx, units_, actor, unit_id).second; });
  if (commune.id != unit_id) throw Error::field("unit_id", "not_commune");
  auto boundary = boundaries_.polygons(commune.id);
  check_near(features, boundary.get(), errors);
  if (!errors.empty()) throw Error::validation(std::move(errors));
  std::vector<roads_repo::Road> roads;
  RoadImportReport report;
  report.dry_run = options.dry_run;
  for (auto& f : features) {
    for (auto& road : f.lines) {
      report.length_m += road.length_m;
      roads.push_back(std::move(road));
    }
  }
  report.roads = static_cast<int>(roads.size());
  db_.write([&](db::Tx& tx) {
    roads_repo::lock_commune(tx, commune.id);  // two imports at once: one after the other
    report.replaced = static_cast<int>(roads_repo::of_unit(tx, commune.id).size());
    if (options.dry_run) return;
    roads_repo::replace(tx, commune.id, roads, clock_.now());
    boost::json::object detail{{"source", options.source},
                               {"roads", report.roads},
                               {"length_m", static_cast<std::int64_t>(report.length_m)},
                               {"replaced", report.replaced}};
    audit_.record(tx, actor, "camera.roads_import", "unit", std::to_string(commune.id), boost::json::serialize(detail));
  });
  return report;
}

std::string Service::roads_geojson(const Actor& actor, std::int64_t unit_id) const {
  require(internal::may_read(actor), "roads are for commune officers, administrators and village teams");
  std::vector<roads_repo::Road> roads;
  db_.read([&](db::Tx& tx) {
    auto commune = unit_and_commune(tx, units_, actor, unit_id).second;
    roads = roads_repo::of_unit(tx, commune.id);
  });
  boost::json::array features;
  for (const auto& road : roads) {
    features.push_back(boost::json::object{
        {"type", "Feature"},
        {"properties",
         {{"name", road.name}, {"length_m", static_cast<std::int64_t>(road.length_m)}, {"demo", road.demo}}},
        {"geometry", geo::to_geojson(road.line)}});
  }
  return boost::json::serialize(boost::json::object{{"type", "FeatureCollection"}, {"features", std::move(features)}});
}

Coverage Service::coverage(const Actor& actor, std::int64_t unit_id) const {
  require(internal::may_read(actor), "coverage is for commune officers, administrators and village teams");
  Coverage out;
  units::Unit commune;
  std::vector<units::Unit> villages;
  std::map<std::int64_t, std::string> ended;  // villages of the past, by id
  std::vector<roads_repo::Road> roads;
  std::vector<geo::ViewCone> cones;
  auto now = clock_.now();
  db_.read([&](db::Tx& tx) {
    std::tie(out.unit, commune) = unit_and_commune(tx, units_, actor, unit_id);
    auto today = time::local_date(now);
    for (auto& v : units_.children(tx, commune.id)) {
      if (v.kind != units::Kind::residential_area) continue;
      if (v.active_on(today)) {
        villages.push_back(std::move(v));
      } else {
        ended.emplace(v.id, v.name);
      }
    }
    for (const auto& c : roads_repo::camera_counts(tx, commune.id)) {
      auto& counts = counts_for(out.villages, c.village_id);
      counts.total += c.cameras;
      counts.by_status[c.status] += c.cameras;
      counts.by_sharing[c.sharing] += c.cameras;
    }
    roads = roads_repo::of_unit(tx, commune.id);
    // Every working camera of the commune, wherever it stands; an owner's registration
    // counts once an officer has confirmed it.
    ListFilter all;
    all.status = "working";
    all.confirmed = true;
    all.page_size = kAllCameras;
    for (const auto& v : repo::list(tx, commune.path, all).items)
      cones.push_back(v.camera.mounting.cone(v.camera.point));
  });
  auto cones_digest = coverage::digest(cones);
  coverage::ConeIndex index(std::move(cones));
  VillageShapes shapes(boundaries_, villages);
  name_rows(out, commune, shapes, ended);
  if (roads.empty()) {
    by_area(out, shapes, boundaries_, index, area_cache_, cones_digest);
  } else {
    by_roads(out, shapes, roads, index, out.unit.id != commune.id);
  }
  return out;
}

}  // namespace antq::cameras
