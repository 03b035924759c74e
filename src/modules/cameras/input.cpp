// A camera as a form or a sheet gives it, checked field by field, and the warnings about
// where it stands (outside Vietnam, outside the chosen commune).
#include <boost/json.hpp>

#include "modules/cameras/service.hpp"
#include "platform/error.hpp"
#include "platform/geo/point_text.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

// Vietnam with its islands, a little generously: a point outside is most likely a typo.
constexpr std::size_t kMaxCode = 40;

std::string cleaned(const std::string& raw, const char* field, std::size_t max, FieldErrors& errors,
                    bool required = false) {
  std::string v = text::clean(raw);
  if (required && v.empty()) errors.add(field, "required");
  if (text::length(v) > max) errors.add(field, "too_long");
  return v;
}

template <typename T, typename Parse>
T coded(const std::string& code, const char* field, Parse parse, FieldErrors& errors) {
  if (code.empty()) {
    errors.add(field, "required");
    return T{};
  }
  auto v = parse(code);
  if (!v) errors.add(field, "unknown_value");
  return v.value_or(T{});
}

void in_range(int v, int min, int max, const char* field, FieldErrors& errors) {
  if (v < min || v > max) errors.add(field, "out_of_range");
}

// A past or present calendar date.
std::optional<std::string> past_date(const std::optional<std::string>& raw, const char* field, const std::string& today,
                                     FieldErrors& errors) {
  if (!raw || raw->empty()) return std::nullopt;
  auto date = time::parse_date(*raw);
  if (!date) {
    errors.add(field, "invalid_date");
  } else if (*date > today) {
    errors.add(field, "in_future");
  }
  return date;
}

bool code_allowed(const std::string& code) {
  if (code.size() > kMaxCode) return false;
  for (char ch : code) {
    bool ok = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '-' ||
              ch == '_' || ch == '.';
    if (!ok) return false;
  }
  return true;
}

Mounting mounting_of(const CameraInput& in, FieldErrors& errors) {
  Mounting m{in.bearing_deg, in.fov_deg, in.range_m};
  in_range(in.fov_deg, 1, 360, "fov", errors);
  in_range(in.range_m, 1, 1000, "range_m", errors);
  if (in.fov_deg == 360) {
    m.bearing_deg.reset();  // all round: a bearing means nothing
  } else if (!in.bearing_deg) {
    errors.add("bearing", "required");
  } else {
    in_range(*in.bearing_deg, 0, 359, "bearing", errors);
  }
  return m;
}

}  // namespace

Camera Service::checked(db::Tx& tx, const std::string& scope_path, const CameraInput& in, const Camera* current,
                        UnitsRead* units_read) const {
  auto find_unit = [&](std::int64_t id) {
    if (!units_read) return units_.find(tx, id);
    auto it = units_read->find(id);
    if (it == units_read->end()) it = units_read->emplace(id, units_.find(tx, id)).first;
    return it->second;
  };
  FieldErrors errors;
  auto today = time::local_date(clock_.now());
  Camera c = current ? *current : Camera{};
  if (!current) {
    c.code = text::clean(in.code);
    if (!code_allowed(c.code)) errors.add("code", "invalid_format");
  }
  auto unit = in.unit_id ? find_unit(*in.unit_id) : std::nullopt;
  if (!in.unit_id) {
    errors.add("unit_id", "required");
  } else if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(today) ||
             !path_covers(scope_path, unit->path)) {
    errors.add("unit_id", "not_found");
  } else {
    c.unit_id = unit->id;
  }
  c.village_id = in.village_id;
  if (in.village_id) {
    auto village = find_unit(*in.village_id);
    if (!village || !unit || village->parent_id != unit->id || village->kind != units::Kind::residential_area ||
        !village->active_on(today)) {
      errors.add("village_id", "not_found");
    }
  }
  c.owner_kind = coded<OwnerKind>(in.owner_kind, "owner_kind", owner_kind_from, errors);
  c.place = cleaned(in.place, "place", 300, errors);
  auto parsed = geo::parse_point(in.point);
  if (in.point.empty()) {
    errors.add("point", "required");
  } else if (!parsed.point) {
    errors.add("point", parsed.problem);
  } else {
    c.point = *parsed.point;
  }
  c.mounting = mounting_of(in, errors);
  c.camera_type = cleaned(in.camera_type, "camera_type", 100, errors);
  c.resolution = cleaned(in.resolution, "resolution", 50, errors);
  c.night_vision = in.night_vision;
  c.retention_days = in.retention_days;
  in_range(in.retention_days, 0, 3650, "retention_days", errors);
  c.storage = coded<Storage>(in.storage, "storage", storage_from, errors);
  c.funding = coded<Funding>(in.funding, "funding", funding_from, errors);
  c.cost_vnd = in.cost_vnd;
  if (in.cost_vnd && (*in.cost_vnd < 0 || *in.cost_vnd > 1'000'000'000'000LL)) errors.add("cost_vnd", "out_of_range");
  c.installed_on = past_date(in.installed_on, "installed_on", today, errors);
  c.sharing = coded<Sharing>(in.sharing, "sharing", sharing_from, errors);
  c.commitment_signed_on = past_date(in.commitment_signed_on, "commitment_signed_on", today, errors);
  c.note = cleaned(in.note, "note", 2000, errors);
  if (!current) c.demo = in.demo;
  errors.throw_if_any();
  return c;
}

void Service::check_location(const units::Unit& commune, geo::Point p, bool confirmed,
                             const geo::MultiPolygon* own) const {
  boundaries_.require_in_commune(commune, p, confirmed, "point", own);
}

}  // namespace antq::cameras
