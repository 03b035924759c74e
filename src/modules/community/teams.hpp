#pragma once
// Village security teams (Tổ bảo vệ an ninh, trật tự ở cơ sở): a team for one village or
// several villages of a commune, founded by a decision of the commune's People's
// Committee, its members with their dates in and out, and its patrol log.
//
// Who (docs/architecture.md, "Community"): commune officers and administrators keep the
// teams and members of their scope; a team member reads the teams of their own village and
// records their patrols; reviewers read; auditors get 403; outside the scope a team is
// 404. A person is in one team at a time, across every commune: the other team is named
// only when it is in the caller's scope. Every change is audited, field names only.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/community/offline.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/sealer.hpp"
#include "platform/db/database.hpp"
#include "platform/geo/geo.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::community {

struct SecurityTeam {
  std::int64_t id = 0;
  std::string code;  // "02545-TBV-001"
  std::int64_t commune_id = 0;
  std::string name;
  std::string decision_number;  // "15/QĐ-UBND"
  std::optional<std::string> decision_on;
  std::string decision_signer;
  std::optional<std::string> founded_on;
  std::optional<std::string> dissolved_on;
  std::string note;
  bool demo = false;
  std::int64_t version = 1;
};

struct TeamVillage {
  std::int64_t id = 0;
  std::string name;
};

struct TeamView {
  SecurityTeam team;
  std::string commune_name;
  std::vector<TeamVillage> villages;
  std::int64_t members = 0;  // in the team today
};

struct TeamInput {
  std::vector<std::int64_t> village_ids;  // one or more, of one commune
  std::string name;
  std::string decision_number;
  std::optional<std::string> decision_on;
  std::string decision_signer;
  std::optional<std::string> founded_on;
  std::optional<std::string> dissolved_on;
  std::string note;
  bool demo = false;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct TeamFilter {
  std::optional<std::int64_t> unit_id;  // default the scope
  std::string q;
  bool include_dissolved = false;
  int page = 1;
  int page_size = 50;
};

// A member as lists show them: whether they have a phone, never the phone.
struct TeamMember {
  std::int64_t id = 0;
  std::int64_t team_id = 0;
  std::string full_name;
  std::string birth_date;  // yyyy-mm-dd; "" for readers who do not keep teams (birth_year only)
  int birth_year = 0;
  std::string position;  // leader, deputy, member
  std::string residence;
  bool has_phone = false;
  bool phone_public = false;  // printed on the public member list
  std::string joined_on;
  std::optional<std::string> left_on;
  std::string note;
  std::int64_t version = 1;
};

struct MemberInput {
  std::string full_name;
  std::string birth_date;
  std::string position;
  std::string residence;
  std::optional<std::string> phone;  // unset: keep; "": remove
  bool phone_public = false;
  std::string joined_on;
  std::optional<std::string> left_on;
  std::string note;
  std::int64_t version = 0;  // a change: the version the user saw
};

// A patrol as a form or an offline phone sends it (PUT by the id the phone made).
struct PatrolInput {
  std::int64_t team_id = 0;
  std::string patrol_on;                 // not in the future, within the team's life
  std::string shift;                     // morning, afternoon, evening, night
  std::vector<std::int64_t> member_ids;  // at least one, each in the team that day
  std::vector<geo::Point> route;         // none, or 2–500 points
  bool confirm_route = false;            // outside the commune and the user saw the warning
  std::string findings;
  std::string tip_refs;  // receipt or reference numbers as written
  std::int64_t base_version = 0;
  std::optional<time::Millis> device_at{};
};

struct Patrol {
  std::string id;
  std::int64_t team_id = 0;
  std::string patrol_on;
  std::string shift;
  std::vector<std::int64_t> member_ids;  // sorted
  std::vector<geo::Point> route;
  std::string findings;
  std::string tip_refs;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

// A team meeting (họp tổ) as a form or an offline phone sends it (PUT by the phone's id).
struct MeetingInput {
  std::int64_t team_id = 0;
  std::string held_on;  // not in the future, within the team's life
  int attendees = 0;    // 1–500
  std::string content;  // what was discussed and decided, required
  std::int64_t base_version = 0;
  std::optional<time::Millis> device_at{};
};

struct Meeting {
  std::string id;
  std::int64_t team_id = 0;
  std::string held_on;
  int attendees = 0;
  std::string content;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

struct TeamDetail {
  TeamView view;
  std::vector<TeamMember> members;  // in the team first, by position and name; then those who left
};

// One member on a commune's grading sheet for a year: whether they may be graded (in the
// team on 14/11 with nine months of service, rules::gradable) and their grade.
struct MemberGrade {
  TeamMember member;
  std::string team_code;
  std::string team_name;
  bool eligible = false;
  std::string not_eligible;          // why not: under_nine_months, left, team_dissolved
  std::optional<std::string> grade;  // excellent, good, complete, incomplete
  std::string note;
};

// A commune's grading of a year, with the running numbers of the quota.
struct GradingSheet {
  std::int64_t commune_id = 0;
  int year = 0;
  std::string status = "draft";  // draft, final
  std::string window_from;       // 01/11/Y
  std::string window_to;         // 31/01/(Y+1)
  bool window_open = false;
  std::string reopen_reason;
  std::int64_t version = 0;  // 0 until the first grade
  std::vector<MemberGrade> members;
  int excellent = 0;
  int good = 0;
  int complete = 0;
  int incomplete = 0;
  int ungraded = 0;       // eligible members without a grade
  int max_excellent = 0;  // 20% of excellent + good, rounded down
  bool quota_ok = true;
};

class Teams {
 public:
  static constexpr int kMaxRoutePoints = 500;

  Teams(db::Database& db, const audit::Service& audit, const units::Service& units, const units::Boundaries& boundaries,
        const time::Clock& clock, const crypto::FieldSealer& personal_key)
      : db_(db), audit_(audit), units_(units), boundaries_(boundaries), clock_(clock), personal_key_(personal_key) {}

  Page<TeamView> list(const Actor& actor, const TeamFilter& filter) const;
  TeamDetail get(const Actor& actor, std::int64_t id) const;
  // Its villages are of one commune, villages today (a team keeps those merged away).
  TeamView create(const Actor& actor, const TeamInput& input) const;
  // 409 when it changed since `input.version`. Its founding stays before its members and
  // patrols (`founded_on: after_members|after_patrols`), its dissolution after them
  // (`dissolved_on: before_members|before_patrols`); dissolving it ends its memberships
  // that day (a dissolved team's day is its members' last one out, as `left_on` is).
  TeamView update(const Actor& actor, std::int64_t id, const TeamInput& input) const;

  // A person (name and birth date) is in one team at a time (`full_name: in_other_team`,
  // naming the team only in scope), is 18 on joining (`birth_date: under_18`) and joins a
  // team that is not dissolved by then; a team has one leader at a time. A member's dates
  // keep their patrols inside (`joined_on|left_on: has_patrols`).
  TeamMember add_member(const Actor& actor, std::int64_t team_id, const MemberInput& input) const;
  TeamMember update_member(const Actor& actor, std::int64_t member_id, const MemberInput& input) const;

  // The public member list (Decree 30 layout, issued by the People's Committee with the
  // team's decision): the members in the team today; a phone only where the member agreed
  // to publish it. Audited.
  std::string member_list_docx(const Actor& actor, std::int64_t team_id) const;

  // A patrol by the offline rule (offline.hpp): sent twice, stored once; a stale base
  // version is 409. Its team cannot change.
  Written<Patrol> record_patrol(const Actor& actor, const std::string& id, const PatrolInput& input) const;
  Patrol patrol(const Actor& actor, const std::string& id) const;
  // A team's patrols from `from` to `to` (inclusive, default the last 90 days), newest first.
  std::vector<Patrol> patrols(const Actor& actor, std::int64_t team_id, std::optional<std::string> from,
                              std::optional<std::string> to) const;

  // A meeting by the offline rule, as patrols are; its team cannot change.
  Written<Meeting> record_meeting(const Actor& actor, const std::string& id, const MeetingInput& input) const;
  Meeting meeting(const Actor& actor, const std::string& id) const;
  // A team's meetings from `from` to `to` (inclusive, default the last year), newest first.
  std::vector<Meeting> meetings(const Actor& actor, std::int64_t team_id, std::optional<std::string> from,
                                std::optional<std::string> to) const;

  // The grading of the teams of `commune_id` for year `year` (default the year whose
  // window is open or last closed). Officers grade; reviewers and administrators read.
  GradingSheet grading(const Actor& actor, std::int64_t commune_id, int year) const;
  // A member's grade in the window (`year: outside_window`), for an eligible member
  // (`grade: not_eligible`), while the year is a draft (409 when final); "" clears it. A
  // draft may break the quota: the sheet tells.
  GradingSheet set_grade(const Actor& actor, std::int64_t member_id, int year, const std::string& grade,
                         const std::string& note) const;
  // Final when every eligible member is graded (`grade: missing`) and the quota holds
  // (`grade: quota_exceeded`, the numbers in the hint); 409 when the sheet changed.
  GradingSheet finalise(const Actor& actor, std::int64_t commune_id, int year, std::int64_t version) const;
  // A final year back to a draft, with a reason (audited).
  GradingSheet reopen(const Actor& actor, std::int64_t commune_id, int year, const std::string& reason,
                      std::int64_t version) const;

  std::string today() const;

 private:
  units::Unit commune_in_scope(db::Tx& tx, const Actor& actor, std::int64_t commune_id) const;
  GradingSheet sheet(db::Tx& tx, const units::Unit& commune, int year) const;
  TeamView load(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  SecurityTeam checked(db::Tx& tx, const Actor& actor, const TeamInput& input, SecurityTeam base,
                       std::vector<units::Unit>& villages) const;
  TeamMember write_member(db::Tx& tx, const Actor& actor, const TeamView& team, const MemberInput& input,
                          std::optional<TeamMember> before) const;
  // Runs `change` (a team's or a member's) under the commune's gradings: a draft's version
  // moves, and a final year whose sheet would come out differently refuses it.
  void under_gradings(db::Tx& tx, std::int64_t commune_id, const std::function<void()>& change) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const units::Boundaries& boundaries_;
  const time::Clock& clock_;
  const crypto::FieldSealer& personal_key_;
};

}  // namespace antq::community
