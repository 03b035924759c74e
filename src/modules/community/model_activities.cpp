// A model site's activity log (nhật ký hoạt động): recorded online or on a phone with no
// signal, by the offline rule (offline.hpp) as patrols and meetings are, each write
// audited. An activity lies in the site's life: from its launch, before its end.
#include <boost/json.hpp>

#include "modules/community/internal.hpp"
#include "modules/community/model_parts_repo.hpp"
#include "modules/community/models.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxContent = 4000;
constexpr int kMaxParticipants = 10000;
constexpr int kDefaultDays = 365;

bool known_kind(const std::string& kind) {
  return kind == "meeting" || kind == "patrol" || kind == "propaganda" || kind == "mediation" || kind == "other";
}

// The activity's own fields, checked and hashed; the site's rules come after.
ModelActivity parsed(const std::string& id, const ModelActivityInput& in, const std::string& today) {
  FieldErrors errors;
  ModelActivity a;
  a.id = id;
  a.site_id = in.site_id;
  auto on = past_date(errors, "held_on", in.held_on, today);
  if (!on && in.held_on.empty()) errors.add("held_on", "required");
  a.held_on = on.value_or("");
  if (!known_kind(in.kind)) errors.add("kind", "unknown_value");
  a.kind = in.kind;
  if (in.participants < 0 || in.participants > kMaxParticipants) errors.add("participants", "out_of_range");
  a.participants = in.participants;
  a.content = bounded(errors, "content", in.content, kMaxContent);
  if (a.content.empty()) errors.add("content", "required");
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  errors.throw_if_any();
  a.content_hash = ContentHash{}
                       .add("site_id", a.site_id)
                       .add("held_on", a.held_on)
                       .add("kind", a.kind)
                       .add("participants", a.participants)
                       .add("content", a.content)
                       .hex();
  return a;
}

}  // namespace

Written<ModelActivity> Models::record_activity(const Actor& actor, const std::string& id,
                                               const ModelActivityInput& in) const {
  require(may_witness(actor), "model activities are recorded by commune officers and village teams");
  if (!valid_record_id(id)) throw Error::not_found("model activity");
  auto a = parsed(id, in, today());
  Written<ModelActivity> out;
  db_.write([&](db::Tx& tx) {
    auto stored = model_parts_repo::activity(tx, id);
    if (stored) {
      load_recorded(tx, actor, stored->site_id);
      if (stored->site_id != a.site_id) throw Error::field("site_id", "cannot_change");
    }
    auto site = load_recorded(tx, actor, a.site_id).site;
    auto check = [&](ModelActivity& fresh) {
      if (fresh.held_on < site.launched_on) throw Error::field("held_on", "before_launched");
      if (site.ended_on && fresh.held_on >= *site.ended_on) throw Error::field("held_on", "after_ended");
      // Who recorded it first and when the server first stored it stay; an update adds
      // a version and the phone's clock of the change.
      fresh.recorded_by = stored ? stored->recorded_by : user_of(actor);
      fresh.received_at = stored ? stored->received_at : clock_.now();
      fresh.device_at = in.device_at;
    };
    out = write_offline(
        stored, in.base_version, a, check,
        [&](const ModelActivity& r, auto seen) { return model_parts_repo::put_activity(tx, r, seen); },
        [&] { return model_parts_repo::activity(tx, id); }, "the activity");
    if (out.outcome == Outcome::replayed) return;
    audit_.record(
        tx, actor, "model_activity.record", "model_site", std::to_string(site.id),
        boost::json::serialize(boost::json::object{
            {"activity", id}, {"outcome", std::string(code_of(out.outcome))}, {"version", out.record.version}}));
  });
  return out;
}

ModelActivity Models::activity(const Actor& actor, const std::string& id) const {
  require(may_read(actor), "model sites are not for auditors");
  if (!valid_record_id(id)) throw Error::not_found("model activity");
  ModelActivity out;
  db_.read([&](db::Tx& tx) {
    auto a = model_parts_repo::activity(tx, id);
    if (!a) throw Error::not_found("model activity");
    load(tx, actor, a->site_id);
    out = *a;
  });
  return out;
}

std::vector<ModelActivity> Models::activities(const Actor& actor, std::int64_t site_id, std::optional<std::string> from,
                                              std::optional<std::string> to) const {
  require(may_read(actor), "model sites are not for auditors");
  FieldErrors errors;
  auto days = listed_days(errors, from, to, today(), kDefaultDays);
  errors.throw_if_any();
  std::vector<ModelActivity> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, site_id);
    out = model_parts_repo::activities_of(tx, site_id, days.first, days.second);
  });
  return out;
}

}  // namespace antq::community
