#pragma once
// Self-management models (mô hình tự quản về ANTT): their types, which are data, and their
// sites (điểm mô hình) on a village, a commune or a body (school, agency, enterprise).
// Types with a `source` are automatic: their sites are another service's records (cameras,
// the mailbox, fire-safety groups, security teams) and take no manual site. A "linked"
// site (Liên kết về ANTT) joins other units, possibly of other communes or provinces, and
// has a standing unit (đơn vị thường trực) each year, one of its units.
//
// Who (docs/architecture.md, "Community"): administrators keep the types; commune officers
// and administrators keep the sites of their scope; village team members read their
// village's; reviewers read; auditors get 403; outside the scope a site is 404 (a linked
// site is read in the scope of each of its units, and kept by its own unit's officers:
// 403 for the others). Every change is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::community {

struct ModelType {
  std::int64_t id = 0;
  std::string code;  // "2Q2TC"; upper-case letters and digits
  std::string name;
  std::string description;
  std::optional<std::string> source;  // cameras, mailbox, fire_groups, security_teams: automatic
  bool linked = false;                // Liên kết: participants and a standing unit per year
  bool builtin = false;               // seeded: code, name, source and linked stay
  bool active = true;                 // an inactive type takes no new site
  int sort = 100;
  std::int64_t version = 1;
};

struct ModelTypeInput {
  std::string code;
  std::string name;
  std::string description;
  bool linked = false;
  bool active = true;
  int sort = 100;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct ModelSite {
  std::int64_t id = 0;
  std::string code;  // "02545-MH-001"
  std::int64_t type_id = 0;
  std::int64_t unit_id = 0;
  std::string name;
  std::string launched_on;
  std::optional<std::string> ended_on;  // the first day it no longer runs
  std::string note;
  bool demo = false;
  std::int64_t version = 1;
};

struct SiteUnit {
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string joined_on;
};

struct Standing {
  int year = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
};

struct ModelSiteView {
  ModelSite site;
  std::string type_name;
  bool linked = false;
  std::string unit_name;
  std::vector<SiteUnit> participants;  // the other units of a linked site
  std::vector<Standing> standing;      // newest year first
};

struct SiteUnitInput {
  std::int64_t unit_id = 0;
  std::string joined_on;
};

struct ModelSiteInput {
  std::int64_t type_id = 0;
  std::int64_t unit_id = 0;
  std::string name;
  std::string launched_on;
  std::optional<std::string> ended_on;
  std::string note;
  std::vector<SiteUnitInput> participants;  // linked types only
  bool demo = false;
  std::int64_t version = 0;  // a change: the version the user saw
};

struct ModelSiteFilter {
  std::optional<std::int64_t> unit_id;  // default the scope
  std::optional<std::int64_t> type_id;
  std::string q;
  bool include_ended = false;
  int page = 1;
  int page_size = 50;
};

// The sites and teams of one model type on one unit (a child of the asked unit, or the
// asked unit itself for the totals), on a day; `new_sites` launched in the period.
struct ModelCount {
  std::int64_t type_id = 0;
  std::int64_t unit_id = 0;
  int sites = 0;
  int teams = 0;
  int new_sites = 0;
};

struct ModelCounts {
  std::int64_t unit_id = 0;
  std::string from;  // the period, inclusive; counted on its last day
  std::string to;
  std::vector<ModelType> types;
  std::vector<units::Unit> children;  // the asked unit's children that hold a site
  std::vector<ModelCount> by_child;   // per type and child
  std::vector<ModelCount> totals;     // per type, on the asked unit: a site of several children once
};

class Models {
 public:
  Models(db::Database& db, const audit::Service& audit, const units::Service& units, const time::Clock& clock)
      : db_(db), audit_(audit), units_(units), clock_(clock) {}

  // Every type, by `sort` then name: for everybody but auditors.
  std::vector<ModelType> types(const Actor& actor) const;
  // Administrators add types (`code: taken`); never automatic.
  ModelType add_type(const Actor& actor, const ModelTypeInput& input) const;
  // A built-in type keeps its code, name and kind (`code|name|linked: builtin`); a type
  // whose sites have other units stays linked (`linked: has_participants`); 409 when it
  // changed since `input.version`.
  ModelType update_type(const Actor& actor, std::int64_t id, const ModelTypeInput& input) const;

  Page<ModelSiteView> sites(const Actor& actor, const ModelSiteFilter& filter) const;
  ModelSiteView site(const Actor& actor, std::int64_t id) const;
  // Of a manual, active type (`type_id: automatic|inactive|not_found`), on a unit of the
  // scope; participants only for a linked type (`participants: not_linked`), none twice
  // nor the site's own unit (`participants: own_unit`), joined not before the launch.
  ModelSiteView create_site(const Actor& actor, const ModelSiteInput& input) const;
  // Its type and unit stay (`type_id|unit_id: cannot_change`); its dates keep the years of
  // its standing units (`launched_on: standing_year`); 409 when it changed since.
  ModelSiteView update_site(const Actor& actor, std::int64_t id, const ModelSiteInput& input) const;
  // The standing unit of a linked site for `year`: its own unit or a participant
  // (`unit_id: not_participant`); `year` within the site's life (`year: out_of_range`).
  ModelSiteView set_standing(const Actor& actor, std::int64_t id, int year, std::int64_t unit_id) const;

  // Per model type, the sites and teams under `unit_id` (default the scope) running on
  // `to` (default today), and those new since `from` (default 1 January of `to`'s year);
  // one query over the owners' views (migration 0034, plan D5). A linked site counts for
  // each of its units and once in a total.
  ModelCounts counts(const Actor& actor, std::optional<std::int64_t> unit_id, std::optional<std::string> from,
                     std::optional<std::string> to) const;

  std::string today() const;

 private:
  ModelSiteView load(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  // For a change: a keeper of the site's own unit (403 for another participant's).
  ModelSiteView load_kept(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  ModelSite checked(db::Tx& tx, const Actor& actor, const ModelSiteInput& input, ModelSite base,
                    std::vector<SiteUnitInput>& participants) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const time::Clock& clock_;
};

}  // namespace antq::community
