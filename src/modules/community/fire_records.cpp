// What a fire-safety group leaves behind: its drills' photos (sniffed, stripped of their
// metadata, capped) and the fires and incidents it attended. Each write is audited.
#include <boost/json.hpp>

#include "modules/community/fire_groups.hpp"
#include "modules/community/fire_repo.hpp"
#include "modules/community/internal.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/media/media.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxText = 2000;
constexpr time::Millis kClockDrift = 5LL * 60 * 1000;

}  // namespace

CommunityFile FireGroups::add_drill_photo(const Actor& actor, const std::string& drill_id, std::string_view bytes,
                                          const std::string& name) const {
  require(may_witness(actor), "drills are recorded by commune officers and village teams");
  if (bytes.empty()) throw Error::field("file", "required");
  if (bytes.size() > kMaxPhotoBytes) throw Error::field("file", "file_too_large");
  auto mime = media::sniff(bytes.substr(0, media::kSniffBytes));
  auto family = media::accepted(mime);
  if (!family || *family != media::Family::image) throw Error::field("file", "unsupported_type");
  std::string kept;
  try {
    kept = media::strip_metadata(bytes);
  } catch (const std::runtime_error&) {
    throw Error::field("file", "invalid_format");
  }
  FieldErrors errors;
  CommunityFile f;
  f.owner_kind = "drill";
  f.owner_id = drill_id;
  f.kind = "photo";
  f.name = bounded(errors, "name", name, 200);
  f.mime = mime;
  f.size = static_cast<std::int64_t>(kept.size());
  f.sha256 = crypto::sha256_hex(kept);
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    auto d = fire_repo::drill(tx, drill_id);
    if (!d) throw Error::not_found("drill");
    load(tx, actor, d->group_id);
    fire_repo::lock_drill(tx, drill_id);  // two photos at once are counted one after the other
    if (fire_repo::files_of(tx, "drill", drill_id).size() >= kMaxPhotos) throw Error::field("file", "too_many");
    f.id = fire_repo::insert_file(tx, f, kept, user_of(actor), clock_.now());
    audit_.record(
        tx, actor, "drill.photo", "fire_group", std::to_string(d->group_id),
        boost::json::serialize(boost::json::object{{"drill", drill_id}, {"file", f.id}, {"sha256", f.sha256}}));
  });
  return f;
}

std::vector<CommunityFile> FireGroups::drill_photos(const Actor& actor, const std::string& drill_id) const {
  std::vector<CommunityFile> out;
  db_.read([&](db::Tx& tx) {
    require(may_read(actor), "fire-safety groups are not for auditors");
    auto d = fire_repo::drill(tx, drill_id);
    if (!d) throw Error::not_found("drill");
    load(tx, actor, d->group_id);
    out = fire_repo::files_of(tx, "drill", drill_id);
  });
  return out;
}

std::pair<CommunityFile, std::string> FireGroups::file(const Actor& actor, std::int64_t id) const {
  require(may_read(actor), "fire-safety groups are not for auditors");
  std::pair<CommunityFile, std::string> out;
  db_.read([&](db::Tx& tx) {
    auto f = fire_repo::file(tx, id);
    if (!f || f->owner_kind != "drill") throw Error::not_found("file");
    auto d = fire_repo::drill(tx, f->owner_id);
    if (!d) throw Error::not_found("file");
    load(tx, actor, d->group_id);
    out = {*f, fire_repo::file_bytes(tx, id)};
  });
  return out;
}

Incident FireGroups::record_incident(const Actor& actor, std::int64_t group_id, const IncidentInput& in) const {
  require(may_witness(actor), "incidents are recorded by commune officers and village teams");
  FieldErrors errors;
  Incident i;
  i.group_id = group_id;
  if (!in.occurred_at) errors.add("occurred_at", "required");
  if (in.occurred_at && *in.occurred_at > clock_.now() + kClockDrift) errors.add("occurred_at", "in_future");
  i.occurred_at = in.occurred_at.value_or(0);
  i.place = bounded(errors, "place", in.place, 300);
  if (in.kind != "fire" && in.kind != "explosion" && in.kind != "rescue" && in.kind != "other") {
    errors.add("kind", "unknown_value");
  }
  i.kind = in.kind;
  i.description = bounded(errors, "description", in.description, kMaxText);
  i.damage = bounded(errors, "damage", in.damage, kMaxText);
  i.response = bounded(errors, "response", in.response, kMaxText);
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    load(tx, actor, group_id);
    i.id = fire_repo::insert_incident(tx, i, user_of(actor), clock_.now());
    audit_.record(tx, actor, "fire_incident.record", "fire_group", std::to_string(group_id),
                  boost::json::serialize(boost::json::object{{"incident", i.id}, {"kind", i.kind}}));
  });
  return i;
}

std::vector<Incident> FireGroups::incidents(const Actor& actor, std::int64_t group_id) const {
  std::vector<Incident> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, group_id);
    out = fire_repo::incidents_of(tx, group_id);
  });
  return out;
}

}  // namespace antq::community
