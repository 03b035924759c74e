// A commune's camera sheet as officers keep it in Excel: the import kit reads the file,
// the columns are matched by their Vietnamese headers, the words mapped to codes
// (words.hpp), and every row goes through the same checks as the API. Nothing is written
// unless every row is good.
#include <boost/json.hpp>

#include <set>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/service.hpp"
#include "modules/cameras/words.hpp"
#include "platform/error.hpp"
#include "platform/importkit/xlsx.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {

struct Service::Planned {
  std::size_t line = 0;
  Camera camera;
  std::optional<Camera> existing;
  Status status = Status::working;
  OwnerContact owner;
  bool new_owner = false;  // an existing camera's contact differs from the one on record
};

namespace {

using namespace internal;

// A whole number as officers type it ("6.500.000", "6,500,000", "30"); nullopt when the
// cell is empty, and `bad` set when it is not a number.
std::optional<std::int64_t> number(const std::string& cell, bool& bad) {
  std::string digits;
  for (char ch : cell) {
    if (ch >= '0' && ch <= '9') {
      digits.push_back(ch);
    } else if (ch != '.' && ch != ',' && ch != ' ') {
      bad = true;
      return std::nullopt;
    }
  }
  if (digits.empty()) {
    bad = !cell.empty();
    return std::nullopt;
  }
  if (digits.size() > 15) {
    bad = true;
    return std::nullopt;
  }
  return std::stoll(digits);
}

int small(std::optional<std::int64_t> v, int fallback) {
  return v ? static_cast<int>(std::min<std::int64_t>(*v, 1'000'000)) : fallback;
}

std::optional<std::string> date_cell(const std::string& cell) {
  if (cell.empty()) return std::nullopt;
  return importkit::parse_date(cell).value_or(cell);  // as typed when not a date: invalid_date
}

struct RowInput {
  CameraInput input;
  std::string status;
};

RowInput read_row(const importkit::Columns& cols, const csv::Record& row, std::vector<FieldError>& errors) {
  auto cell = [&](std::string_view key) { return cols.cell(row, key); };
  auto line = row.line;
  RowInput out;
  auto& in = out.input;
  in.code = cell("code");
  in.owner_kind = words::code_for(words::Column::owner_kind, cell("owner_kind"));
  in.owner = OwnerContact{cell("owner_name"), internal::sheet_phone(cell("owner_phone")), cell("owner_address")};
  in.place = cell("place");
  in.point = cols.has("point") ? cell("point") : cell("lat") + "; " + cell("lon");
  if (in.point == "; ") in.point.clear();
  auto integer = [&](std::string_view key) {
    bool bad = false;
    auto v = number(cell(key), bad);
    if (bad) errors.push_back(importkit::line_error(line, std::string(key), "invalid_format"));
    return v;
  };
  auto bearing = integer("bearing");
  in.fov_deg = small(integer("fov"), bearing ? 90 : 360);
  if (bearing) in.bearing_deg = small(bearing, 0);
  in.range_m = small(integer("range_m"), in.range_m);
  in.retention_days = small(integer("retention_days"), in.retention_days);
  in.cost_vnd = integer("cost_vnd");
  in.camera_type = cell("camera_type");
  in.resolution = cell("resolution");
  auto night = importkit::parse_flag(cell("night_vision"));
  if (!night) errors.push_back(importkit::line_error(line, "night_vision", "invalid_format"));
  in.night_vision = night.value_or(false);
  in.storage = words::code_for(words::Column::storage, cell("storage"));
  if (in.storage.empty()) in.storage = "nvr";
  in.funding = words::code_for(words::Column::funding, cell("funding"));
  if (in.funding.empty()) in.funding = "socialised";
  in.sharing = words::code_for(words::Column::sharing, cell("sharing"));
  in.installed_on = date_cell(cell("installed_on"));
  in.commitment_signed_on = date_cell(cell("commitment_signed_on"));
  in.note = cell("note");
  out.status = words::code_for(words::Column::status, cell("status"));
  if (out.status.empty()) out.status = "working";
  return out;
}

// The service's field errors on the row's line, once per field.
void add_errors(std::vector<FieldError>& out, std::size_t line, const Error& e) {
  if (e.fields().empty()) {
    out.push_back(
        importkit::line_error(line, "row", e.kind() == Error::Kind::forbidden ? "out_of_scope" : "invalid_format"));
    return;
  }
  for (const auto& f : e.fields()) out.push_back(importkit::line_error(line, f.field, f.code, f.value_hint));
}

std::optional<std::int64_t> village_named(const std::vector<units::Unit>& villages, const std::string& name) {
  auto folded = text::fold(name);
  for (const auto& v : villages) {
    if (text::fold(v.name) == folded) return v.id;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Service::Planned> Service::plan_import(const Actor& actor, const importkit::Sheet& sheet,
                                                   const units::Unit& commune, const ImportOptions& options,
                                                   std::vector<FieldError>& errors) const {
  std::vector<FieldError> header_errors;
  importkit::Columns cols(internal::sheet_columns(), sheet, header_errors);
  if (!cols.has("point") && (!cols.has("lat") || !cols.has("lon"))) {
    header_errors.push_back(importkit::line_error(1, "point", "missing_column"));
  }
  if (!header_errors.empty()) throw Error::csv(header_errors);
  std::vector<Planned> plan;
  std::set<std::string> codes;
  auto villages = units_.public_villages(commune.id);
  auto boundary = boundaries_.polygons(commune.id);  // parsed once for every row
  db_.read([&](db::Tx& tx) {
    UnitsRead units_read;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
      const auto& row = sheet.rows[i];
      auto before = errors.size();
      if (row.fields.size() != cols.width()) {
        errors.push_back(importkit::line_error(row.line, "row", "invalid_format"));
        continue;
      }
      auto [in, status_code] = read_row(cols, row, errors);
      in.unit_id = commune.id;
      in.demo = options.demo;
      if (auto name = cols.cell(row, "village"); !name.empty()) {
        in.village_id = village_named(villages, name);
        if (!in.village_id) errors.push_back(importkit::line_error(row.line, "village", "not_found", name));
      }
      Planned p{row.line, {}, std::nullopt, Status::working, {}};
      if (!in.code.empty() && !codes.insert(in.code).second) {
        errors.push_back(importkit::line_error(row.line, "code", "duplicate"));
      } else if (!in.code.empty()) {
        p.existing = repo::by_code(tx, in.code);
        if (p.existing && p.existing->unit_id != commune.id) {
          errors.push_back(importkit::line_error(row.line, "code", "duplicate"));
        }
      }
      auto status = status_from(status_code);
      if (!status) errors.push_back(importkit::line_error(row.line, "status", "unknown_value", status_code));
      if (errors.size() != before) continue;
      try {
        p.camera = checked(tx, actor.scope_path, in, p.existing ? &*p.existing : nullptr, &units_read);
        p.owner = checked_owner(in.owner);
        // A contact given for a known camera is compared with the one on record (opened
        // only for these rows: a sheet of new cameras opens nothing).
        if (p.existing && !p.owner.empty()) {
          auto kept = opened(tx, p.existing->id);
          p.new_owner = p.owner.name != kept.name || p.owner.phone != kept.phone || p.owner.address != kept.address;
        }
        if (!p.existing || p.camera.point.lon != p.existing->point.lon || p.camera.point.lat != p.existing->point.lat) {
          check_location(commune, p.camera.point, options.confirm_locations, boundary.get());
        }
      } catch (const Error& e) {
        add_errors(errors, row.line, e);
        continue;
      }
      p.status = *status;
      plan.push_back(std::move(p));
      if (options.progress) options.progress(i + 1, sheet.rows.size());
    }
  });
  return plan;
}

// Whether a row changes its camera's fields (its owner's contact included), and its status.
bool Service::edits(const Planned& p) {
  return p.existing && (p.new_owner || !changed_fields(*p.existing, p.camera).empty());
}
bool Service::moves(const Planned& p) { return p.existing && p.status != p.existing->status; }

void Service::apply_import(db::Tx& tx, const Actor& actor, std::vector<Planned>& plan, ImportResult& result) const {
  auto now = clock_.now();
  auto by = actor.system ? std::nullopt : std::optional<std::int64_t>(actor.user_id);
  std::optional<CodeSequence> codes;  // a sheet is one commune's
  // The codes typed for cameras the sheet registers: no generated code may take them.
  auto typed_codes = [&plan] {
    std::set<std::string> out;
    for (const auto& p : plan) {
      if (!p.existing && !p.camera.code.empty()) out.insert(p.camera.code);
    }
    return out;
  };
  std::vector<Planned*> added;
  for (auto& p : plan) {
    auto& c = p.camera;
    if (!p.existing) {
      if (c.code.empty()) {
        if (!codes) codes.emplace(CodeSequence::for_many(tx, units_.find(tx, c.unit_id).value(), typed_codes()));
        c.code = codes->next(tx);
      }
      added.push_back(&p);
      continue;
    }
    repo::lock(tx, c.id);
    bool changed = edits(p);
    if (!changed_fields(*p.existing, c).empty() && !repo::update(tx, c, now)) {
      throw Error::conflict("a camera changed during the import");
    }
    if (c.installed_on != p.existing->installed_on) move_installation(tx, c, now);
    bool moved = moves(p);
    if (moved) {
      // From now, or just after the current status began when that was this very instant.
      auto history = repo::history(tx, c.id);
      auto since = history.empty() ? now : std::max(now, history.back().since + 1);
      repo::open_status(tx, c.id, {since, std::nullopt, p.status, "import"}, by, now);
    }
    if (p.new_owner) write_owner(tx, c.id, p.owner, now);
    ++(changed || moved ? result.updated : result.unchanged);
  }
  if (codes) codes->save(tx);
  add_imported(tx, added, by, now);
  result.created += static_cast<int>(added.size());
}

// The sheet's new cameras, many to a statement: each working since it was installed,
// then as the sheet says from now; with no install date, as the sheet says from now.
void Service::add_imported(db::Tx& tx, const std::vector<Planned*>& added, std::optional<std::int64_t> by,
                           time::Millis now) const {
  std::vector<const Camera*> cameras;
  for (auto* p : added) {
    p->camera.reconfirm_due = years_later(time::local_date(now), kReconfirmMonths / 12);
    p->camera.status = p->status;
    cameras.push_back(&p->camera);
  }
  auto ids = repo::insert_many(tx, cameras, now);
  std::vector<repo::NewStatus> statuses;
  for (std::size_t i = 0; i < added.size(); ++i) {
    auto& p = *added[i];
    p.camera.id = ids[i];
    auto since = p.camera.installed_on ? std::min(time::local_day_start(*p.camera.installed_on), now) : now;
    bool working = p.status == Status::working;
    if (since < now)
      statuses.push_back({ids[i], {since, working ? std::nullopt : std::optional(now), Status::working, ""}});
    if (since == now || !working) statuses.push_back({ids[i], {now, std::nullopt, p.status, working ? "" : "import"}});
  }
  repo::insert_statuses(tx, statuses, by, now);
  for (auto* p : added) {
    if (!p->owner.empty()) write_owner(tx, p->camera.id, p->owner, now);  // a new camera has none to remove
  }
}

ImportResult Service::import_sheet(const Actor& actor, std::string_view bytes, const ImportOptions& options) const {
  require(may_manage(actor), "cameras are imported by commune officers and administrators");
  auto sheet = importkit::read_table(bytes);
  importkit::find_header(sheet, sheet_columns());
  units::Unit commune;
  db_.read([&](db::Tx& tx) {
    auto unit = options.unit_id ? units_.find(tx, *options.unit_id) : std::nullopt;
    auto today = time::local_date(clock_.now());
    if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(today) || !actor.covers(unit->path)) {
      throw Error::field("unit_id", options.unit_id ? "not_found" : "required");
    }
    commune = *unit;
  });
  bool contacts = false;
  std::vector<FieldError> errors;
  auto plan = plan_import(actor, sheet, commune, options, errors);
  for (const auto& p : plan) contacts = contacts || !p.owner.empty();
  if (contacts && !actor.system && !actor.is(Role::officer)) {
    throw Error::forbidden("owners' contacts are for commune officers");
  }
  if (!errors.empty()) throw Error::csv(errors);
  ImportResult result;
  result.dry_run = options.dry_run;
  result.encoding = sheet.encoding;
  if (options.dry_run) {
    for (const auto& p : plan)
      (p.existing ? (edits(p) || moves(p) ? result.updated : result.unchanged) : result.created) += 1;
    return result;
  }
  db_.write([&](db::Tx& tx) {
    apply_import(tx, actor, plan, result);
    audit_.record(tx, actor, "camera.import", "unit", std::to_string(commune.id),
                  boost::json::serialize(boost::json::object{{"created", result.created},
                                                             {"updated", result.updated},
                                                             {"unchanged", result.unchanged},
                                                             {"encoding", result.encoding}}));
  });
  return result;
}

}  // namespace antq::cameras
