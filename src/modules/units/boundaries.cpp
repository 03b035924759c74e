// Unit boundaries: the GeoJSON import and the boundary served for the map.
#include "modules/units/boundaries.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <set>

#include "modules/units/boundary_repo.hpp"
#include "modules/units/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::units {
namespace {

struct Feature {
  std::string name;  // "feature 17 (02545)", as errors and reports name it
  std::string code;
  geo::MultiPolygon shape;
};

std::string feature_name(std::size_t index, const std::string& code) {
  return "feature " + std::to_string(index) + (code.empty() ? "" : " (" + code + ")");
}

// The features of a FeatureCollection (or of one Feature), each checked; problems go to `errors`.
std::vector<Feature> read_features(std::string_view text, const std::string& code_property,
                                   std::vector<FieldError>& errors) {
  if (text.size() > Boundaries::kMaxFileBytes) throw Error::field("file", "file_too_large");
  boost::system::error_code ec;
  auto doc = boost::json::parse(text, ec);
  const auto* top = ec ? nullptr : doc.if_object();
  const auto* type = top ? top->if_contains("type") : nullptr;
  std::vector<const boost::json::value*> raw;
  if (type && *type == "FeatureCollection" && top->contains("features") && top->at("features").is_array()) {
    for (const auto& f : top->at("features").get_array()) raw.push_back(&f);
  } else if (type && *type == "Feature") {
    raw.push_back(&doc);
  } else {
    throw Error::field("file", "not_geojson");
  }
  std::vector<Feature> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto* f = raw[i]->if_object();
    const auto* props = f ? f->if_contains("properties") : nullptr;
    const auto* code = props && props->is_object() ? props->get_object().if_contains(code_property) : nullptr;
    Feature feature;
    feature.code = code && code->is_string() ? std::string(code->get_string()) : "";
    feature.name = feature_name(i, feature.code);
    if (!f || !f->contains("type") || f->at("type") != "Feature") {
      errors.push_back({feature.name, "not_geojson", std::nullopt, ""});
      continue;
    }
    if (feature.code.empty()) {
      errors.push_back({feature.name, code && !code->is_string() ? "wrong_type" : "required", std::nullopt,
                        "properties." + code_property});
      continue;
    }
    if (!seen.insert(feature.code).second) errors.push_back({feature.name, "duplicate", std::nullopt, ""});
    std::vector<geo::Problem> problems;
    feature.shape = geo::parse(f->contains("geometry") ? f->at("geometry") : boost::json::value(), problems);
    for (const auto& p : problems) errors.push_back({feature.name, p.code, std::nullopt, p.where});
    if (problems.empty() && geo::positions(feature.shape) > Boundaries::kMaxPositions) {
      errors.push_back({feature.name, "too_large", std::nullopt, std::to_string(geo::positions(feature.shape))});
    }
    out.push_back(std::move(feature));
  }
  if (raw.empty()) errors.push_back({"file", "required", std::nullopt, "features"});
  return out;
}

constexpr std::array<int, 11> kTolerances{0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

}  // namespace

BoundaryImportReport Boundaries::import_geojson(const Actor& actor, std::string_view geojson,
                                                const BoundaryImportOptions& options) const {
  if (!actor.is(Role::admin)) throw Error::forbidden("only administrators import boundaries");
  std::vector<FieldError> errors;
  auto features = read_features(geojson, options.code_property, errors);
  if (!errors.empty()) throw Error::validation(std::move(errors));
  BoundaryImportReport report;
  report.features = static_cast<int>(features.size());
  report.dry_run = options.dry_run;
  db_.write([&](db::Tx& tx) {
    std::vector<std::pair<const Feature*, Unit>> matched;
    for (const auto& f : features) {
      auto unit = repo::by_code(tx, f.code);
      if (!unit || !actor.covers(unit->path)) {
        report.unmatched.push_back(f.name);
        if (!options.skip_unmatched) errors.push_back({f.name, "not_found", std::nullopt, ""});
        continue;
      }
      matched.emplace_back(&f, *unit);
    }
    if (!errors.empty()) throw Error::validation(std::move(errors));
    auto now = clock_.now();
    for (const auto& [f, unit] : matched) {
      auto geometry = geo::to_geojson_text(f->shape);
      auto hash = crypto::blake2b_hex(geometry);
      if (boundary_repo::hash_of(tx, unit.id) == hash) {
        ++report.unchanged;
        continue;
      }
      ++report.imported;
      if (!options.dry_run) {
        boundary_repo::upsert(tx, unit.id, geometry, geo::bbox(f->shape), geo::positions(f->shape), hash,
                              options.source, now);
      }
    }
    if (report.imported > 0 && !options.dry_run) {
      boost::json::array unmatched;
      for (const auto& u : report.unmatched) unmatched.emplace_back(u);
      audit_.record(tx, actor, "unit.boundaries_import", "unit", "",
                    boost::json::serialize(boost::json::object{{"source", options.source},
                                                               {"imported", report.imported},
                                                               {"unchanged", report.unchanged},
                                                               {"unmatched", std::move(unmatched)}}));
    }
  });
  return report;
}

int Boundaries::tolerance_step(double requested_m) {
  int step = 0;
  for (int t : kTolerances) {
    if (t <= requested_m) step = t;
  }
  return step;
}

std::shared_ptr<const Boundaries::Shape> Boundaries::shape(db::Tx& tx, std::int64_t unit_id,
                                                           const std::string& hash) const {
  {
    std::lock_guard lock(mu_);
    auto it = shapes_.find(unit_id);
    if (it != shapes_.end() && it->second.first == hash) return it->second.second;
  }
  auto stored = boundary_repo::get(tx, unit_id);
  if (!stored) return nullptr;
  std::vector<geo::Problem> problems;  // checked on import
  auto polygons = geo::parse(boost::json::parse(stored->geometry), problems);
  auto box = geo::bbox(polygons);
  auto parsed = std::make_shared<const Shape>(Shape{std::move(polygons), box});
  std::lock_guard lock(mu_);
  shapes_[unit_id] = {stored->hash, parsed};
  return parsed;
}

std::shared_ptr<const geo::MultiPolygon> Boundaries::polygons(std::int64_t unit_id) const {
  std::shared_ptr<const Shape> found;
  db_.read([&](db::Tx& tx) {
    auto hash = boundary_repo::hash_of(tx, unit_id);
    if (hash) found = shape(tx, unit_id, *hash);
  });
  if (!found) return nullptr;
  return {found, &found->polygons};
}

BoundaryView Boundaries::boundary(const Actor& actor, std::int64_t unit_id, int tolerance_m) const {
  std::optional<Unit> unit;
  std::optional<std::string> hash;
  db_.read([&](db::Tx& tx) {
    unit = repo::get(tx, unit_id);
    // In scope, or above it: an officer's map shows the province outline around the commune.
    bool visible = unit && (actor.covers(unit->path) || actor.scope_path.rfind(unit->path, 0) == 0);
    if (!visible) throw Error::not_found("unit " + std::to_string(unit_id));
    hash = boundary_repo::hash_of(tx, unit_id);
  });
  if (!hash) throw Error::not_found("no boundary for unit " + std::to_string(unit_id));
  // Everything the body says: the geometry, the tolerance and the unit's properties.
  std::string etag =
      "\"" +
      crypto::blake2b_hex(*hash + "|" + std::to_string(tolerance_m) + "|" + unit->code + "|" + unit->name + "|" +
                          unit->designation + "|" + std::string(kind_code(unit->kind)))
          .substr(0, 24) +
      "\"";
  {
    std::lock_guard lock(mu_);
    if (auto it = bodies_.find(etag); it != bodies_.end()) return {etag, it->second};
  }
  std::optional<boundary_repo::Stored> stored;
  db_.read([&](db::Tx& tx) { stored = boundary_repo::get(tx, unit_id); });
  if (!stored) throw Error::not_found("no boundary for unit " + std::to_string(unit_id));
  std::vector<geo::Problem> problems;  // checked on import
  auto full = geo::parse(boost::json::parse(stored->geometry), problems);
  auto drawn = tolerance_m > 0 ? geo::simplify(full, tolerance_m) : full;
  auto box = geo::bbox(drawn);
  auto properties = boost::json::serialize(boost::json::object{{"code", unit->code},
                                                               {"name", unit->name},
                                                               {"designation", unit->designation},
                                                               {"kind", std::string(kind_code(unit->kind))},
                                                               {"points", geo::positions(drawn)},
                                                               {"tolerance_m", tolerance_m}});
  // Coordinates in plain decimals (geo::to_geojson_text), so the Feature is written as text.
  auto text = fmt::format(R"({{"type":"Feature","id":{},"bbox":[{},{},{},{}],"properties":{},"geometry":{}}})",
                          unit->id, box.min_lon, box.min_lat, box.max_lon, box.max_lat, properties,
                          tolerance_m > 0 ? geo::to_geojson_text(drawn) : stored->geometry);
  auto body = std::make_shared<const std::string>(std::move(text));
  std::lock_guard lock(mu_);
  if (body_bytes_ + body->size() > kMaxCachedBytes) {
    bodies_.clear();
    body_bytes_ = 0;
  }
  body_bytes_ += body->size();
  bodies_[etag] = body;
  return {etag, body};
}

BoundaryView Boundaries::children_boundaries(const Actor& actor, std::int64_t unit_id, int tolerance_m) const {
  std::vector<std::int64_t> children;
  db_.read([&](db::Tx& tx) {
    auto unit = repo::get(tx, unit_id);
    bool visible = unit && (actor.covers(unit->path) || actor.scope_path.rfind(unit->path, 0) == 0);
    if (!visible) throw Error::not_found("unit " + std::to_string(unit_id));
    children = boundary_repo::children_with_boundary(tx, unit_id, time::local_date(clock_.now()));
  });
  std::string tags;
  std::string body = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < children.size(); ++i) {
    // A child outside the actor's scope (an officer's neighbours under the province) is left out.
    std::optional<BoundaryView> view;
    try {
      view = boundary(actor, children[i], tolerance_m);
    } catch (const Error& e) {
      if (e.kind() != Error::Kind::not_found) throw;
      continue;
    }
    tags += view->etag;
    if (body.back() != '[') body += ",";
    body += *view->body;
  }
  body += "]}";
  return {"\"" + crypto::blake2b_hex(tags + "|" + std::to_string(unit_id)).substr(0, 24) + "\"",
          std::make_shared<const std::string>(std::move(body))};
}

}  // namespace antq::units
