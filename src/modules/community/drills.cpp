// A fire-safety group's drills: recorded online or on a phone with no signal, by the
// offline rule (offline.hpp), each write audited; the group's last drill follows, so that
// "no drill this year" reads the group alone.
#include <boost/json.hpp>

#include "modules/community/fire_groups.hpp"
#include "modules/community/fire_repo.hpp"
#include "modules/community/internal.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxText = 2000;

}  // namespace

DrillWrite FireGroups::record_drill(const Actor& actor, const std::string& id, const DrillInput& in) const {
  require(may_witness(actor), "drills are recorded by commune officers and village teams");
  if (!valid_record_id(id)) throw Error::not_found("drill");
  FieldErrors errors;
  Drill d;
  d.id = id;
  d.group_id = in.group_id;
  auto held = past_date(errors, "held_on", in.held_on, today());
  if (!held && in.held_on.empty()) errors.add("held_on", "required");
  d.held_on = held.value_or("");
  d.scenario = bounded(errors, "scenario", in.scenario, kMaxText);
  if (d.scenario.empty()) errors.add("scenario", "required");
  if (in.participants < 0 || in.participants > 1000) errors.add("participants", "out_of_range");
  d.participants = in.participants;
  d.observers = bounded(errors, "observers", in.observers, kMaxText);
  if (in.evaluation != "good" && in.evaluation != "fair" && in.evaluation != "needs_work") {
    errors.add("evaluation", "unknown_value");
  }
  d.evaluation = in.evaluation;
  d.evaluation_note = bounded(errors, "evaluation_note", in.evaluation_note, kMaxText);
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  errors.throw_if_any();
  d.content_hash = ContentHash{}
                       .add("group_id", d.group_id)
                       .add("held_on", d.held_on)
                       .add("scenario", d.scenario)
                       .add("participants", d.participants)
                       .add("observers", d.observers)
                       .add("evaluation", d.evaluation)
                       .add("evaluation_note", d.evaluation_note)
                       .hex();
  DrillWrite out;
  db_.write([&](db::Tx& tx) {
    auto stored = fire_repo::drill(tx, id);
    if (stored) {
      load(tx, actor, stored->group_id);
      if (stored->group_id != d.group_id) throw Error::field("group_id", "cannot_change");
    }
    auto group = load(tx, actor, d.group_id).group;
    auto check = [&](Drill& fresh) {
      if (group.founded_on && fresh.held_on < *group.founded_on) throw Error::field("held_on", "before_founded");
      if (group.dissolved_on && fresh.held_on > *group.dissolved_on) throw Error::field("held_on", "after_dissolved");
      fresh.recorded_by = user_of(actor);
      fresh.device_at = in.device_at;
      fresh.received_at = clock_.now();
    };
    auto written = write_offline(
        stored, in.base_version, d, check, [&](const Drill& r, auto seen) { return fire_repo::put_drill(tx, r, seen); },
        [&] { return fire_repo::drill(tx, id); }, "the drill");
    out = {written.record, written.outcome};
    if (out.outcome == Outcome::replayed) return;
    audit_.record(tx, actor, "drill.record", "fire_group", std::to_string(d.group_id),
                  boost::json::serialize(boost::json::object{
                      {"drill", id}, {"outcome", std::string(code_of(out.outcome))}, {"version", out.drill.version}}));
  });
  return out;
}

Drill FireGroups::drill(const Actor& actor, const std::string& id) const {
  require(may_read(actor), "fire-safety groups are not for auditors");
  if (!valid_record_id(id)) throw Error::not_found("drill");
  Drill out;
  db_.read([&](db::Tx& tx) {
    auto d = fire_repo::drill(tx, id);
    if (!d) throw Error::not_found("drill");
    load(tx, actor, d->group_id);
    out = *d;
  });
  return out;
}

std::vector<Drill> FireGroups::drills(const Actor& actor, std::int64_t group_id) const {
  std::vector<Drill> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, group_id);
    out = fire_repo::drills_of(tx, group_id);
  });
  return out;
}

}  // namespace antq::community
