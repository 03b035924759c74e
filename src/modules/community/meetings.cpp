// A security team's meetings (họp tổ): recorded online or on a phone with no signal, by
// the offline rule (offline.hpp) as patrols are, each write audited. A meeting lies in the
// team's life: from its founding, before its dissolution.
#include <boost/json.hpp>

#include "modules/community/internal.hpp"
#include "modules/community/teams.hpp"
#include "modules/community/teams_repo.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxContent = 4000;
constexpr int kMaxAttendees = 500;
constexpr int kDefaultDays = 365;

// The meeting's own fields, checked and hashed; the team's rules come after.
Meeting parsed(const std::string& id, const MeetingInput& in, const std::string& today) {
  FieldErrors errors;
  Meeting m;
  m.id = id;
  m.team_id = in.team_id;
  auto on = past_date(errors, "held_on", in.held_on, today);
  if (!on && in.held_on.empty()) errors.add("held_on", "required");
  m.held_on = on.value_or("");
  if (in.attendees < 1 || in.attendees > kMaxAttendees) errors.add("attendees", "out_of_range");
  m.attendees = in.attendees;
  m.content = bounded(errors, "content", in.content, kMaxContent);
  if (m.content.empty()) errors.add("content", "required");
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  errors.throw_if_any();
  m.content_hash = ContentHash{}
                       .add("team_id", m.team_id)
                       .add("held_on", m.held_on)
                       .add("attendees", m.attendees)
                       .add("content", m.content)
                       .hex();
  return m;
}

}  // namespace

Written<Meeting> Teams::record_meeting(const Actor& actor, const std::string& id, const MeetingInput& in) const {
  require(may_witness(actor), "meetings are recorded by commune officers and security teams");
  if (!valid_record_id(id)) throw Error::not_found("meeting");
  auto m = parsed(id, in, today());
  Written<Meeting> out;
  db_.write([&](db::Tx& tx) {
    auto stored = teams_repo::meeting(tx, id);
    if (stored) {
      load(tx, actor, stored->team_id);
      if (stored->team_id != m.team_id) throw Error::field("team_id", "cannot_change");
    }
    auto team = load(tx, actor, m.team_id).team;
    auto check = [&](Meeting& fresh) {
      if (team.founded_on && fresh.held_on < *team.founded_on) throw Error::field("held_on", "before_founded");
      if (team.dissolved_on && fresh.held_on >= *team.dissolved_on) throw Error::field("held_on", "after_dissolved");
      fresh.recorded_by = user_of(actor);
      fresh.device_at = in.device_at;
      fresh.received_at = clock_.now();
    };
    out = write_offline(
        stored, in.base_version, m, check,
        [&](const Meeting& r, auto seen) { return teams_repo::put_meeting(tx, r, seen); },
        [&] { return teams_repo::meeting(tx, id); }, "the meeting");
    if (out.outcome == Outcome::replayed) return;
    audit_.record(
        tx, actor, "meeting.record", "security_team", std::to_string(team.id),
        boost::json::serialize(boost::json::object{
            {"meeting", id}, {"outcome", std::string(code_of(out.outcome))}, {"version", out.record.version}}));
  });
  return out;
}

Meeting Teams::meeting(const Actor& actor, const std::string& id) const {
  require(may_read(actor), "security teams are not for auditors");
  if (!valid_record_id(id)) throw Error::not_found("meeting");
  Meeting out;
  db_.read([&](db::Tx& tx) {
    auto m = teams_repo::meeting(tx, id);
    if (!m) throw Error::not_found("meeting");
    load(tx, actor, m->team_id);
    out = *m;
  });
  return out;
}

std::vector<Meeting> Teams::meetings(const Actor& actor, std::int64_t team_id, std::optional<std::string> from,
                                     std::optional<std::string> to) const {
  require(may_read(actor), "security teams are not for auditors");
  FieldErrors errors;
  auto days = listed_days(errors, from, to, today(), kDefaultDays);
  errors.throw_if_any();
  std::vector<Meeting> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, team_id);
    out = teams_repo::meetings_of(tx, team_id, days.first, days.second);
  });
  return out;
}

}  // namespace antq::community
