// The owners' portal (part of cameras::Service): a resident registers a camera with their
// consent and gets a management code once; with it they see, change or withdraw the
// camera. The code is kept only as an Argon2id-derived lookup under the cameras' own salt
// (platform/crypto/receipt.hpp, as the mailbox's receipts), and wrong codes share one
// throttle. The audit's actor is "citizen"; its details hold codes and field names only.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/owner_repo.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

// A resident may register a camera in any commune (every unit path starts with "/").
const std::string kEverywhere = "/";
constexpr std::string_view kLookupContext = "antq-camera-manage-code";
// Whoever holds a wrong code waits, whoever they are: codes are not tied to a client.
const std::string kThrottleKey = "global";

// The cameras' installation secrets, for the management codes' salt.
crypto::SecretTable camera_secrets(db::Tx& tx) {
  return {[&tx](const std::string& name) { return owner_repo::secret(tx, name); },
          [&tx](const std::string& name, const std::string& value) { owner_repo::insert_secret(tx, name, value); }};
}

// A whole number as a form sends it; `fallback` (a valid value) when it is none, so that
// the field is named once.
int form_number(const std::string& raw, const char* field, int fallback, std::vector<FieldError>& errors) {
  auto v = text::clean(raw);
  int out = 0;
  if (v.empty()) {
    errors.push_back({field, "required", std::nullopt, {}});
    return fallback;
  }
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc{} || end != v.data() + v.size()) {
    errors.push_back({field, "invalid_format", std::nullopt, {}});
    return fallback;
  }
  return out;
}

// Runs a check and keeps its field errors with the others, so that one answer names every
// bad field.
template <typename F>
auto collecting(std::vector<FieldError>& errors, F check) -> decltype(check()) {
  try {
    return check();
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::validation) throw;
    errors.insert(errors.end(), e.fields().begin(), e.fields().end());
    return {};
  }
}

const Direction* direction_named(const std::string& code) {
  auto it = std::find_if(kDirections.begin(), kDirections.end(), [&](const Direction& d) { return d.code == code; });
  return it == kDirections.end() ? nullptr : &*it;
}

// A camera as the staff form would send it unchanged: what the owner does not edit stays.
CameraInput input_of(const Camera& c) {
  CameraInput in;
  in.unit_id = c.unit_id;
  in.village_id = c.village_id;
  in.owner_kind = std::string(code_of(c.owner_kind));
  in.place = c.place;
  in.point = fmt::format("{}, {}", c.point.lat, c.point.lon);  // shortest exact form: reads back the same
  in.bearing_deg = c.mounting.bearing_deg;
  in.fov_deg = c.mounting.fov_deg;
  in.range_m = c.mounting.range_m;
  in.camera_type = c.camera_type;
  in.resolution = c.resolution;
  in.night_vision = c.night_vision;
  in.retention_days = c.retention_days;
  in.storage = std::string(code_of(c.storage));
  in.funding = std::string(code_of(c.funding));
  in.cost_vnd = c.cost_vnd;
  in.installed_on = c.installed_on;
  in.sharing = std::string(code_of(c.sharing));
  in.commitment_signed_on = c.commitment_signed_on;
  in.note = c.note;
  return in;
}

bool turned(const Camera& a, const Camera& b) {
  return a.point.lon != b.point.lon || a.point.lat != b.point.lat || a.mounting.bearing_deg != b.mounting.bearing_deg ||
         a.mounting.fov_deg != b.mounting.fov_deg || a.mounting.range_m != b.mounting.range_m;
}

void record_citizen(const audit::Service& audit, db::Tx& tx, const char* action, std::int64_t id,
                    const boost::json::object& detail) {
  audit::Entry e;
  e.actor_name = "citizen";
  e.action = action;
  e.entity = "camera";
  e.entity_id = std::to_string(id);
  e.detail = boost::json::serialize(detail);
  audit.record(tx, std::move(e));
}

OwnerView view_of(const CameraView& v, const OwnerContact& contact, const std::optional<Consent>& consent) {
  const Camera& c = v.camera;
  auto in = input_of(c);
  OwnerView out;
  out.camera_code = c.code;
  out.commune = v.unit_name;
  out.village = v.village_name;
  out.owner_kind = in.owner_kind;
  out.fields = OwnerCameraFields{in.place,
                                 in.point,
                                 std::string(direction_of(c.mounting.bearing_deg)),
                                 std::to_string(c.mounting.fov_deg),
                                 std::to_string(c.mounting.range_m),
                                 std::to_string(c.retention_days),
                                 in.storage,
                                 in.sharing,
                                 contact,
                                 false};
  out.confirmed = c.confirmed;
  out.consent_given_at = consent ? consent->given_at : 0;
  return out;
}

// The staff input for what an owner's form says, over the camera as it is (or the
// defaults); the owner's own rules (a compass point, numbers as text, a contact) are
// checked here, the rest by Service::checked.
CameraInput owner_input(const OwnerCameraFields& f, const Camera* current, std::vector<FieldError>& errors) {
  CameraInput in = current ? input_of(*current) : CameraInput{};
  in.place = f.place;
  in.point = f.point;
  const Direction* direction = direction_named(f.direction);
  if (!direction) errors.push_back({"direction", f.direction.empty() ? "required" : "unknown_value", std::nullopt, {}});
  if (direction && !direction->bearing_deg) {
    in.fov_deg = 360;
    in.bearing_deg.reset();
  } else {
    in.fov_deg = form_number(f.fov_deg, "fov", kFovPresets[1], errors);
    // A direction left as it was keeps the exact bearing an officer may have measured.
    bool same = current && current->mounting.bearing_deg && direction &&
                direction_of(current->mounting.bearing_deg) == direction->code;
    in.bearing_deg = same ? current->mounting.bearing_deg : direction ? direction->bearing_deg : 0;
  }
  in.range_m = form_number(f.range_m, "range_m", kRangePresets[2], errors);
  in.retention_days = form_number(f.retention_days, "retention_days", kRetentionPresets[1], errors);
  in.storage = f.storage;
  in.sharing = f.sharing;
  in.confirm_location = f.confirm_location;
  // The commune must be able to reach the owner of a camera it may ask footage of.
  if (text::clean(f.owner.name).empty()) errors.push_back({"owner.name", "required", std::nullopt, {}});
  if (text::clean(f.owner.phone).empty()) errors.push_back({"owner.phone", "required", std::nullopt, {}});
  in.owner = f.owner;
  return in;
}

}  // namespace

std::string_view direction_of(std::optional<int> bearing_deg) {
  if (!bearing_deg) return "all";
  int sector = ((*bearing_deg % 360 + 360 + 22) % 360) / 45;  // n spans 338°–22°
  return kDirections[static_cast<std::size_t>(sector)].code;
}

std::vector<std::string_view> owner_portal_kinds() {
  auto kinds = owner_kind_codes();
  std::erase(kinds, code_of(OwnerKind::public_use));
  return kinds;
}

std::string Service::manage_code_lookup(const std::string& digits) const {
  std::optional<crypto::ReceiptKdf> kdf;
  db_.read([&](db::Tx& tx) { kdf = crypto::recorded_receipt_kdf(camera_secrets(tx)); });
  if (!kdf) db_.write([&](db::Tx& tx) { kdf = crypto::receipt_kdf(camera_secrets(tx)); });
  std::string seed = crypto::derive_key(digits, kdf->salt, kdf->limits);
  auto lookup = crypto::keyed_hash(seed, kLookupContext);
  crypto::wipe(seed);
  return lookup;
}

std::int64_t Service::camera_of_code(const std::string& code) const {
  if (int wait = wrong_codes_.wait_seconds(kThrottleKey); wait > 0) throw Error::too_many_attempts(wait);
  std::optional<std::int64_t> id;
  if (auto digits = crypto::receipt_digits(code)) {
    auto lookup = manage_code_lookup(*digits);
    db_.read([&](db::Tx& tx) { id = owner_repo::camera_of_code(tx, lookup); });
  }
  if (!id) {
    wrong_codes_.failure(kThrottleKey);
    throw Error::not_found("no camera has this management code");
  }
  return *id;
}

units::Unit Service::owner_commune(std::int64_t unit_id) const {
  std::optional<units::Unit> unit;
  db_.read([&](db::Tx& tx) { unit = units_.find(tx, unit_id); });
  if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(time::local_date(clock_.now()))) {
    throw Error::not_found("commune");
  }
  return *unit;
}

Registered Service::register_by_owner(const OwnerRegistration& r) const {
  std::vector<FieldError> errors;
  auto kinds = owner_portal_kinds();
  if (!r.owner_kind.empty() && std::find(kinds.begin(), kinds.end(), r.owner_kind) == kinds.end()) {
    errors.push_back({"owner_kind", "unknown_value", std::nullopt, {}});
  }
  auto in = owner_input(r.camera, nullptr, errors);
  in.unit_id = r.unit_id;
  in.village_id = r.village_id;
  in.owner_kind = r.owner_kind;
  if (!r.consent) errors.push_back({"consent", "required", std::nullopt, {}});
  auto owner = collecting(errors, [&] { return checked_owner(in.owner); });
  Camera camera;
  units::Unit commune;
  db_.read([&](db::Tx& tx) {
    camera = collecting(errors, [&] { return checked(tx, kEverywhere, in, nullptr); });
    if (r.unit_id) commune = units_.find(tx, *r.unit_id).value_or(units::Unit{});
  });
  if (!errors.empty()) throw Error::validation(errors);
  check_location(commune, camera.point, in.confirm_location);
  camera.confirmed = false;
  auto code = crypto::new_receipt();
  auto lookup = manage_code_lookup(code.digits);  // before the write: Argon2id is slow
  auto now = clock_.now();
  db_.write([&](db::Tx& tx) {
    camera.code = internal::next_code(tx, commune);
    camera.reconfirm_due = internal::years_later(time::local_date(now), kReconfirmMonths / 12);
    auto id = repo::insert(tx, camera, now);
    repo::open_status(tx, id, {now, std::nullopt, Status::working, ""}, std::nullopt, now);
    write_owner(tx, id, owner, now);
    owner_repo::insert_consent(tx, id, Consent{now, "portal", std::string(kConsentTextVersion)});
    owner_repo::insert_manage_code(tx, id, lookup, now);
    record_citizen(audit_, tx, "camera.portal_register", id,
                   {{"code", camera.code}, {"unit_id", camera.unit_id}, {"owner_kind", in.owner_kind}});
  });
  return Registered{camera.code, code};
}

OwnerView Service::owner_view(const std::string& code) const {
  auto id = camera_of_code(code);
  OwnerView out;
  db_.read([&](db::Tx& tx) {
    auto v = repo::view(tx, id);
    if (!v) throw Error::not_found("no camera has this management code");
    out = view_of(*v, opened(tx, id), owner_repo::consent(tx, id));
  });
  return out;
}

OwnerView Service::owner_update(const std::string& code, const OwnerCameraFields& changes) const {
  auto id = camera_of_code(code);
  Camera before;
  OwnerContact contact_before;
  units::Unit commune;
  db_.read([&](db::Tx& tx) {
    auto v = repo::view(tx, id);
    if (!v) throw Error::not_found("no camera has this management code");
    before = v->camera;
    contact_before = opened(tx, id);
    commune = units_.find(tx, before.unit_id).value();
  });
  std::vector<FieldError> errors;
  auto in = owner_input(changes, &before, errors);
  auto contact = collecting(errors, [&] { return checked_owner(in.owner); });
  Camera after;
  db_.read([&](db::Tx& tx) { after = collecting(errors, [&] { return checked(tx, kEverywhere, in, &before); }); });
  if (!errors.empty()) throw Error::validation(errors);
  if (after.point.lon != before.point.lon || after.point.lat != before.point.lat) {
    check_location(commune, after.point, changes.confirm_location);
  }
  auto fields = internal::changed_fields(before, after);
  if (contact.name != contact_before.name) fields.emplace_back("owner.name");
  if (contact.phone != contact_before.phone) fields.emplace_back("owner.phone");
  if (contact.address != contact_before.address) fields.emplace_back("owner.address");
  if (!fields.empty()) {
    auto now = clock_.now();
    db_.write([&](db::Tx& tx) {
      if (!repo::update(tx, after, now)) throw Error::conflict("the camera was changed by someone else");
      // Moved or turned by its owner: an officer checks it again before it counts.
      if (turned(before, after) && before.confirmed) owner_repo::set_confirmed(tx, id, false, now);
      if (contact.name != contact_before.name || contact.phone != contact_before.phone ||
          contact.address != contact_before.address) {
        write_owner(tx, id, contact, now);
      }
      record_citizen(audit_, tx, "camera.portal_update", id, {{"code", before.code}, {"fields", fields}});
    });
  }
  OwnerView out;
  db_.read([&](db::Tx& tx) { out = view_of(repo::view(tx, id).value(), opened(tx, id), owner_repo::consent(tx, id)); });
  return out;
}

void Service::owner_withdraw(const std::string& code) const {
  auto id = camera_of_code(code);
  db_.write([&](db::Tx& tx) {
    auto camera = repo::get(tx, id);
    if (!camera) throw Error::not_found("no camera has this management code");
    erase_camera(tx, *camera, "portal", std::nullopt);
    record_citizen(audit_, tx, "camera.portal_withdraw", id, {{"code", camera->code}, {"unit_id", camera->unit_id}});
  });
}

}  // namespace antq::cameras
