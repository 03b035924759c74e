#pragma once
// The offline pack: what a phone keeps of one village to work there with no signal
// (docs/architecture.md, "Community", offline entry). The village and its boundary; its
// households present today with this year's registration and their fire-safety group,
// never a phone; its groups in being with their houses, the extinguishers in service and
// the houses' gear; its teams in being with the members in them today (no birth date, no
// phone); and the last kRecentDays days of patrols, drills and meetings with their
// versions, so that a record changed offline is sent on the version it was seen at.
//
// Who: commune officers and village team members, who record what a village saw (the
// registration rule), for a current village in their scope; other roles 403, a village
// outside the scope 404. Every pack sent is audited (household.offline_pack) with its
// counts; a phone that already holds the same pack gets no body and no entry.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/community/model.hpp"
#include "modules/community/teams.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::community {

struct PackHousehold {
  Household household;                       // phone_sealed and phone_lookup never read
  std::optional<Registration> registration;  // this year's
  std::optional<std::int64_t> fire_group_id;
};

struct PackGroup {
  FireGroup group;
  std::vector<std::int64_t> household_ids;  // by code
};

struct PackTeam {
  SecurityTeam team;
  std::vector<TeamMember> members;  // in the team today, by position and name
};

struct OfflinePack {
  units::Unit village;
  units::Unit commune;
  std::string today;
  int year = 0;             // the registration year today falls in (rules::registration_year_of)
  std::string recent_from;  // the first day of the patrols, drills, meetings and checks
  // The village's boundary as a GeoJSON Feature, else its commune's; null when neither has one.
  std::shared_ptr<const std::string> boundary;
  std::string boundary_of;  // "village", "commune" or ""
  std::vector<PackHousehold> households;
  std::vector<PackGroup> groups;
  std::vector<Extinguisher> extinguishers;  // in service, by household and expiry
  std::vector<HouseholdGear> gear;
  std::vector<PackTeam> teams;
  std::vector<Patrol> patrols;            // newest first
  std::vector<Drill> drills;              // newest first
  std::vector<Meeting> meetings;          // newest first
  std::vector<ExtinguisherCheck> checks;  // of the village's extinguishers, newest first
};

// A pack as sent: its ETag, and the body unless the phone holds that ETag already.
struct PackBody {
  std::string etag;
  std::shared_ptr<const std::string> body;  // null: not modified
};

class OfflinePacks {
 public:
  static constexpr int kRecentDays = 30;
  static constexpr int kBoundaryToleranceM = 10;
  using Renderer = std::function<std::string(const OfflinePack&)>;

  OfflinePacks(db::Database& db, const audit::Service& audit, const units::Service& units,
               const units::Boundaries& boundaries, const time::Clock& clock)
      : db_(db), audit_(audit), units_(units), boundaries_(boundaries), clock_(clock) {}

  // The village's pack, rendered by `render`; its ETag is a hash of the body. When
  // `known_etag` is that ETag nothing is audited and no body is returned.
  PackBody pack(const Actor& actor, std::int64_t village_id, const Renderer& render, std::string_view known_etag) const;

 private:
  OfflinePack read(const Actor& actor, std::int64_t village_id) const;
  void add_boundary(const Actor& actor, OfflinePack& pack) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const units::Boundaries& boundaries_;
  const time::Clock& clock_;
};

}  // namespace antq::community
