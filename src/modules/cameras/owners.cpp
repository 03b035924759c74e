// Camera owners' contacts: personal data, sealed under the installation's key, read by
// the commune's officers only with a reason, and erased with the camera when the owner
// withdraws consent. The audit keeps field names and reasons, never a name or a number.
#include <boost/json.hpp>

#include "modules/cameras/internal.hpp"
#include "modules/cameras/repo.hpp"
#include "modules/cameras/requests_repo.hpp"
#include "modules/cameras/service.hpp"
#include "platform/error.hpp"
#include "platform/privacy/personal_key.hpp"
#include "platform/text/text.hpp"

namespace antq::cameras {
namespace {

void require_officer(const Actor& a) {
  internal::require(internal::is_officer(a), "owners' contacts are for commune officers");
}

std::string digits_of(const std::string& phone) {
  std::string out;
  for (char ch : phone) {
    if (ch >= '0' && ch <= '9') out.push_back(ch);
  }
  return out;
}

std::string required_reason(std::string_view raw) {
  auto reason = text::clean(std::string(raw));
  if (reason.empty()) throw Error::field("reason", "required");
  if (text::length(reason) > 500) throw Error::field("reason", "too_long");
  return reason;
}

}  // namespace

OwnerContact Service::opened(db::Tx& tx, std::int64_t id) const {
  auto sealed = repo::owner_sealed(tx, id);
  if (!sealed) return {};
  auto o = boost::json::parse(personal_key_.open(*sealed)).as_object();
  return OwnerContact{std::string(o.at("name").as_string()), std::string(o.at("phone").as_string()),
                      std::string(o.at("address").as_string())};
}

OwnerContact Service::owner_of(std::int64_t id) const {
  OwnerContact out;
  db_.read([&](db::Tx& tx) { out = opened(tx, id); });
  return out;
}

OwnerContact Service::checked_owner(const OwnerContact& in) const {
  FieldErrors errors;
  OwnerContact c{text::clean(in.name), text::clean(in.phone), text::clean(in.address)};
  if (text::length(c.name) > 200) errors.add("owner.name", "too_long");
  if (text::length(c.address) > 300) errors.add("owner.address", "too_long");
  auto digits = digits_of(c.phone);
  bool phone_chars = c.phone.find_first_not_of("0123456789 +.-()") == std::string::npos;
  if (!c.phone.empty() && (!phone_chars || digits.size() < 8 || digits.size() > 15)) {
    errors.add("owner.phone", "invalid_format");
  }
  errors.throw_if_any();
  return c;
}

void Service::write_owner(db::Tx& tx, std::int64_t id, const OwnerContact& c, time::Millis now) const {
  if (c.empty()) {
    repo::delete_owner(tx, id);
    return;
  }
  privacy::check_key(tx, personal_key_, now);
  auto sealed = personal_key_.seal(
      boost::json::serialize(boost::json::object{{"name", c.name}, {"phone", c.phone}, {"address", c.address}}));
  std::optional<std::string> lookup;
  if (!c.phone.empty()) lookup = personal_key_.lookup(digits_of(c.phone));
  repo::set_owner(tx, id, sealed, lookup, now);
}

OwnerContact Service::owner(const Actor& actor, std::int64_t id, std::string_view reason) const {
  require_officer(actor);
  auto why = required_reason(reason);
  OwnerContact out;
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    out = opened(tx, id);
    audit_.record(tx, actor, "camera.owner_read", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"code", camera.code}}), why);
  });
  return out;
}

void Service::set_owner(const Actor& actor, std::int64_t id, const OwnerContact& contact) const {
  require_officer(actor);
  auto c = checked_owner(contact);
  boost::json::array fields;
  if (!c.name.empty()) fields.emplace_back("name");
  if (!c.phone.empty()) fields.emplace_back("phone");
  if (!c.address.empty()) fields.emplace_back("address");
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    write_owner(tx, id, c, clock_.now());
    audit_.record(tx, actor, "camera.owner_update", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"code", camera.code}, {"fields", fields}}));
  });
}

void Service::erase_camera(db::Tx& tx, const Camera& camera, const std::string& channel,
                           std::optional<std::int64_t> by) const {
  auto now = clock_.now();
  requests_repo::withdraw_tasks(tx, camera.id, now);
  repo::erase(tx, camera, channel, by, now);
}

void Service::erase(const Actor& actor, std::int64_t id, std::string_view reason) const {
  require_officer(actor);
  auto why = required_reason(reason);
  db_.write([&](db::Tx& tx) {
    auto camera = load(tx, actor, id).camera;
    erase_camera(tx, camera, "officer", internal::user_of(actor));
    audit_.record(tx, actor, "camera.erase", "camera", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"code", camera.code}, {"unit_id", camera.unit_id}}), why);
  });
}

}  // namespace antq::cameras
