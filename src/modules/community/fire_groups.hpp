#pragma once
// Inter-household fire-safety groups (Tổ liên gia an toàn PCCC): 5–15 neighbouring
// households of a village, each house's extinguishers and gear, and the group's shared
// firefighting points.
//
// Who (docs/architecture.md, "Community"): as for households. Officers and administrators
// keep the groups of their scope, a village team member those of their own village;
// reviewers read; auditors get 403; outside the scope a group is 404. Every change is
// audited with field names only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/community/model.hpp"
#include "modules/community/offline.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::community {

// A group as a form gives it. On a change, the members go through set_members.
struct FireGroupInput {
  std::optional<std::int64_t> village_id;
  std::string name;
  std::optional<std::int64_t> leader_household_id;
  std::optional<std::string> founded_on;
  std::optional<std::string> dissolved_on;
  std::string note;
  std::vector<std::int64_t> household_ids;  // a new group's members
  std::string size_reason;                  // needed when they are not 5–15
  bool demo = false;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct FireGroupFilter {
  std::optional<std::int64_t> unit_id;  // default the scope
  std::string q;
  bool include_dissolved = false;
  int page = 1;
  int page_size = 50;
};

struct FireGroupView {
  FireGroup group;
  std::string village_name;
  std::string village_path;
  std::int64_t members = 0;
};

// A member house with its equipment (no phone).
struct MemberHouse {
  std::int64_t household_id = 0;
  std::string code;
  std::string head_name;
  std::string address;
  int members = 0;
  std::vector<Extinguisher> extinguishers;  // in service first, by expiry
  std::optional<HouseholdGear> gear;
};

struct FireGroupDetail {
  FireGroupView view;
  std::vector<MemberHouse> houses;
  std::vector<FirePoint> points;
};

struct ExtinguisherInput {
  std::string kind;  // abc_powder, co2, other
  std::string kind_note;
  std::optional<double> capacity_kg;
  int count = 1;
  std::optional<std::string> manufactured_on;
  std::optional<std::string> last_refill_on;
  std::string expires_on;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct FirePointInput {
  std::string name;
  std::string point;  // as typed: "21.8123, 105.2456", DMS… (geo::parse_point)
  std::string equipment;
  std::string note;
  bool confirm_location = false;  // outside the commune and the user saw the warning
};

// What needs the commune's attention (the dashboard's due lists): each a count and the
// first kDueListed, linked to the lists.
struct FireDue {
  static constexpr int kDueListed = 50;
  Page<DueExtinguisher> expired;
  Page<DueExtinguisher> expiring;  // within rules::kExpiryNoticeDays
  Page<FireGroup> without_drill;   // no drill since 1 January
  Page<BareHouse> without_extinguisher;
  std::string day;
  std::string expiring_until;
};

struct VillageFireCoverage {
  std::int64_t village_id = 0;
  std::string village_name;
  bool historic = false;
  std::int64_t households = 0;
  std::int64_t in_group = 0;
  std::optional<double> share;  // none without households
};

struct FireCoverage {
  std::vector<VillageFireCoverage> villages;
  std::int64_t households = 0;
  std::int64_t in_group = 0;
  std::optional<double> share;
};

// A drill as a form or an offline phone sends it (PUT by the id the phone made).
struct DrillInput {
  std::int64_t group_id = 0;
  std::string held_on;  // not in the future
  std::string scenario;
  int participants = 0;
  std::string observers;
  std::string evaluation;  // good, fair, needs_work
  std::string evaluation_note;
  std::int64_t base_version = 0;            // 0: new; else the version the sender last saw
  std::optional<time::Millis> device_at{};  // the phone's clock when recorded offline
};

struct DrillWrite {
  Drill drill;
  Outcome outcome = Outcome::inserted;  // never conflict: that is Error::conflict (409)
};

// An extinguisher check as a form or an offline phone sends it (PUT by the id the phone
// made). A refill or a replacement needs the new expiry; the other results take none.
struct ExtinguisherCheckInput {
  std::int64_t extinguisher_id = 0;
  std::string checked_on;  // not in the future, not before the extinguisher was made
  std::string result;      // ok, low_pressure, damaged, missing, refilled, replaced
  std::optional<std::string> new_expires_on;
  std::string note;
  std::int64_t base_version = 0;            // 0: new; else the version the sender last saw
  std::optional<time::Millis> device_at{};  // the phone's clock when recorded offline
};

struct ExtinguisherCheckWrite {
  ExtinguisherCheck check;
  Extinguisher extinguisher;            // as it stands after the check
  Outcome outcome = Outcome::inserted;  // never conflict: that is Error::conflict (409)
};

struct IncidentInput {
  std::optional<time::Millis> occurred_at;  // not after now (+5 minutes of clock drift)
  std::string place;
  std::string kind;  // fire, explosion, rescue, other
  std::string description;
  std::string damage;
  std::string response;
};

class FireGroups {
 public:
  FireGroups(db::Database& db, const audit::Service& audit, const units::Service& units,
             const units::Boundaries& boundaries, const time::Clock& clock)
      : db_(db), audit_(audit), units_(units), boundaries_(boundaries), clock_(clock) {}

  Page<FireGroupView> list(const Actor& actor, const FireGroupFilter& filter) const;
  FireGroupDetail get(const Actor& actor, std::int64_t id) const;
  // The members' rules (one village, present, in no other group; 5–15 or a reason) hold
  // for a new group as for set_members.
  FireGroupView create(const Actor& actor, const FireGroupInput& input) const;
  // The group's own fields; 409 when it changed since `input.version`.
  FireGroupView update(const Actor& actor, std::int64_t id, const FireGroupInput& input) const;
  // The whole member list at once: who joins gets today as the day they joined.
  FireGroupView set_members(const Actor& actor, std::int64_t id, const std::vector<std::int64_t>& household_ids,
                            const std::string& size_reason, std::int64_t version) const;

  Extinguisher add_extinguisher(const Actor& actor, std::int64_t household_id, const ExtinguisherInput& input) const;
  Extinguisher update_extinguisher(const Actor& actor, std::int64_t id, const ExtinguisherInput& input) const;
  // Taken out of service on `on` (default today): it leaves the due lists.
  Extinguisher retire_extinguisher(const Actor& actor, std::int64_t id, std::optional<std::string> on,
                                   std::int64_t version) const;
  HouseholdGear put_gear(const Actor& actor, std::int64_t household_id, const HouseholdGear& gear) const;

  // A drill by the offline rule (offline.hpp): sent twice, stored once; a stale base
  // version is 409. The group's last drill follows. Its group cannot change.
  DrillWrite record_drill(const Actor& actor, const std::string& id, const DrillInput& input) const;
  Drill drill(const Actor& actor, const std::string& id) const;
  std::vector<Drill> drills(const Actor& actor, std::int64_t group_id) const;

  // An extinguisher check by the offline rule (extinguisher_checks.cpp): sent twice,
  // stored once; a stale base version is 409; its extinguisher cannot change. The
  // extinguisher's last check follows; the latest refill or replacement sets its expiry
  // and last refill (moving its version); a missing or damaged one stays in service until
  // an officer retires it.
  ExtinguisherCheckWrite record_check(const Actor& actor, const std::string& id,
                                      const ExtinguisherCheckInput& input) const;
  ExtinguisherCheck check(const Actor& actor, const std::string& id) const;
  std::vector<ExtinguisherCheck> checks(const Actor& actor, std::int64_t extinguisher_id) const;

  // A drill's photo (fire_records.cpp): JPEG, PNG or WebP by its content, at most 4 MB,
  // at most 5 a drill, kept without its metadata (no GPS position).
  static constexpr std::size_t kMaxPhotoBytes = std::size_t{4} << 20;
  static constexpr std::size_t kMaxPhotos = 5;
  CommunityFile add_drill_photo(const Actor& actor, const std::string& drill_id, std::string_view bytes,
                                const std::string& name) const;
  std::vector<CommunityFile> drill_photos(const Actor& actor, const std::string& drill_id) const;
  // A file with its bytes, for whoever may read its record.
  std::pair<CommunityFile, std::string> file(const Actor& actor, std::int64_t id) const;

  Incident record_incident(const Actor& actor, std::int64_t group_id, const IncidentInput& input) const;
  std::vector<Incident> incidents(const Actor& actor, std::int64_t group_id) const;

  FirePoint add_point(const Actor& actor, std::int64_t group_id, const FirePointInput& input) const;
  FirePoint update_point(const Actor& actor, std::int64_t id, const FirePointInput& input) const;
  void delete_point(const Actor& actor, std::int64_t id) const;

  // Under `unit_id` (default the scope): the due lists, and the share of households in a
  // group per village.
  FireDue due(const Actor& actor, std::optional<std::int64_t> unit_id) const;
  FireCoverage coverage(const Actor& actor, std::optional<std::int64_t> unit_id) const;

  std::string today() const;

 private:
  std::shared_ptr<const units::Service::UnitSet> villages_of(db::Tx& tx, const Actor& actor,
                                                             std::optional<std::int64_t> unit_id) const;
  FireGroupView load(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  // The household with its village, in the actor's scope (else 404).
  std::pair<Household, units::Unit> household_in_scope(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  Extinguisher load_extinguisher(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  Extinguisher renew(db::Tx& tx, const ExtinguisherCheck& check) const;
  FireGroup checked(db::Tx& tx, const Actor& actor, const FireGroupInput& input, FireGroup base) const;
  // Checks and writes a group's member list; the audit detail's counts.
  void write_members(db::Tx& tx, const FireGroup& group, const std::vector<std::int64_t>& household_ids,
                     const std::string& size_reason) const;
  Extinguisher checked(const ExtinguisherInput& input, Extinguisher base) const;
  FirePoint checked(db::Tx& tx, const FireGroupView& group, const FirePointInput& input, FirePoint base) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const units::Boundaries& boundaries_;
  const time::Clock& clock_;
};

}  // namespace antq::community
