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
#include <string_view>
#include <utility>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/community/model.hpp"
#include "modules/community/offline.hpp"
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

// A member of a site's steering board (ban chỉ đạo), in the order it is printed.
struct BoardMember {
  std::int64_t id = 0;
  std::string full_name;
  std::string title;  // what they are in the village ("Bí thư chi bộ")
  std::string role;   // head, deputy, member
};

struct ModelTeamMember {
  std::int64_t id = 0;
  std::string full_name;
  std::string role;  // leader, deputy, member
  std::string joined_on;
  std::optional<std::string> left_on;  // the first day out
};

// A team (tổ) of a site: what the model counts beside its sites.
struct ModelTeam {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string name;
  std::string founded_on;
  std::optional<std::string> ended_on;  // the first day it no longer runs
  std::int64_t version = 1;
  std::vector<ModelTeamMember> members;
};

struct ModelTeamInput {
  std::string name;
  std::string founded_on;
  std::optional<std::string> ended_on;
  std::vector<ModelTeamMember> members;  // replaces the stored list; ids ignored
  std::int64_t version = 0;              // a change: the version the user saw
};

// The yearly effectiveness assessment (đánh giá hiệu quả) of a site.
struct Assessment {
  int year = 0;
  std::string rating;  // effective, partly_effective, ineffective
  std::string note;
  std::string assessed_on;
};

// An entry of a site's activity log, by the offline rule (offline.hpp) as patrols are.
struct ModelActivityInput {
  std::int64_t site_id = 0;
  std::string held_on;   // not in the future, within the site's life
  std::string kind;      // meeting, patrol, propaganda, mediation, other
  int participants = 0;  // 0–10000
  std::string content;   // required
  std::int64_t base_version = 0;
  std::optional<time::Millis> device_at{};
};

struct ModelActivity {
  std::string id;
  std::int64_t site_id = 0;
  std::string held_on;
  std::string kind;
  int participants = 0;
  std::string content;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

struct ModelSiteView {
  ModelSite site;
  std::string type_name;
  bool linked = false;
  std::string unit_name;
  std::vector<SiteUnit> participants;  // the other units of a linked site
  std::vector<Standing> standing;      // newest year first
};

// One site with what hangs on it (Models::site and every change answer it).
struct ModelSiteDetail : ModelSiteView {
  std::vector<BoardMember> board;
  std::vector<ModelTeam> teams;             // by founding day
  std::vector<Assessment> assessments;      // newest year first
  std::optional<CommunityFile> regulation;  // the regulation document (quy chế)
  std::vector<int> standing_years;          // a linked site's years that may have a standing unit, newest first
  std::vector<int> assessable_years;        // the years that may be assessed, newest first
  bool may_keep = false;                    // whether the caller may change it
  bool may_record = false;                  // whether the caller may write in its activity log
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

  // The kinds of unit a site stands on or takes part in: a commune, a village or a body.
  static const std::vector<units::Kind>& site_unit_kinds();
  // What one site holds at most (the forms say so before the server refuses).
  static constexpr std::size_t kMaxBoard = 30;
  static constexpr std::size_t kMaxTeamMembers = 100;
  static constexpr std::size_t kMaxParticipants = 50;

  // Every type, by `sort` then name: for everybody but auditors.
  std::vector<ModelType> types(const Actor& actor) const;
  // Administrators add types (`code: taken`); never automatic.
  ModelType add_type(const Actor& actor, const ModelTypeInput& input) const;
  // A built-in type keeps its code, name and kind (`code|name|linked: builtin`); a type
  // whose sites have other units stays linked (`linked: has_participants`); 409 when it
  // changed since `input.version`.
  ModelType update_type(const Actor& actor, std::int64_t id, const ModelTypeInput& input) const;

  Page<ModelSiteView> sites(const Actor& actor, const ModelSiteFilter& filter) const;
  ModelSiteDetail site(const Actor& actor, std::int64_t id) const;
  // Of a manual, active type (`type_id: automatic|inactive|not_found`), on a unit of the
  // scope; participants only for a linked type (`participants: not_linked`), none twice
  // nor the site's own unit (`participants: own_unit`), joined not before the launch.
  ModelSiteDetail create_site(const Actor& actor, const ModelSiteInput& input) const;
  // Its type and unit stay (`type_id|unit_id: cannot_change`); its dates keep the years of
  // its standing units (`launched_on: standing_year`); 409 when it changed since.
  ModelSiteDetail update_site(const Actor& actor, std::int64_t id, const ModelSiteInput& input) const;
  // The standing unit of a linked site for `year`: its own unit or a participant
  // (`unit_id: not_participant`); `year` within the site's life (`year: out_of_range`).
  ModelSiteDetail set_standing(const Actor& actor, std::int64_t id, int year, std::int64_t unit_id) const;

  // What hangs on a site (model_site_parts.cpp), each kept by the site's keepers.
  // The board replaces the stored one and moves the site's version (409 when it changed
  // since `version`): at most 30 (`members: too_long`), one head (`members: two_heads`).
  ModelSiteDetail set_board(const Actor& actor, std::int64_t site_id, std::int64_t version,
                            const std::vector<BoardMember>& board) const;
  // A team within the site's life (`founded_on: before_launched|after_site_ended`,
  // `ended_on: after_site_ended`), its members within the team's (`members.joined_on:
  // before_founded|after_ended`, `members.left_on: after_ended`), one leader at a time
  // (`members: two_leaders`).
  ModelSiteDetail add_team(const Actor& actor, std::int64_t site_id, const ModelTeamInput& input) const;
  ModelSiteDetail update_team(const Actor& actor, std::int64_t team_id, const ModelTeamInput& input) const;
  // A team entered by mistake goes with its members (one that ended keeps `ended_on`
  // instead); 409 when it changed since `version`.
  ModelSiteDetail delete_team(const Actor& actor, std::int64_t team_id, std::int64_t version) const;
  // One assessment a year, in a year the site ran up to this one (`year: out_of_range`),
  // made on or after 1 January of that year (`assessed_on: before_year`). It moves the
  // site's version, so that nobody overwrites an assessment unseen (409 when the site
  // changed since `version`).
  ModelSiteDetail assess(const Actor& actor, std::int64_t site_id, int year, std::int64_t version,
                         const Assessment& input) const;
  // The regulation document: PDF, DOCX or a photo (its metadata removed), at most 10 MB;
  // it replaces the previous one.
  static constexpr std::size_t kMaxRegulationBytes = std::size_t{10} << 20;
  ModelSiteDetail set_regulation(const Actor& actor, std::int64_t site_id, std::string_view bytes,
                                 const std::string& name) const;
  std::pair<CommunityFile, std::string> regulation(const Actor& actor, std::int64_t site_id) const;

  // The activity log (model_activities.cpp), by the offline rule: recorded by commune
  // officers and village teams whose scope holds the site's own unit.
  Written<ModelActivity> record_activity(const Actor& actor, const std::string& id,
                                         const ModelActivityInput& input) const;
  ModelActivity activity(const Actor& actor, const std::string& id) const;
  // A site's activities from `from` to `to` (inclusive, default the last year), newest first.
  std::vector<ModelActivity> activities(const Actor& actor, std::int64_t site_id, std::optional<std::string> from,
                                        std::optional<std::string> to) const;

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
  // It holds the site's row until the transaction ends (model_parts_repo::lock_site).
  ModelSiteView load_kept(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  // The same check without the lock, for a read.
  ModelSiteView kept_site(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  ModelSiteDetail detail(db::Tx& tx, const Actor& actor, ModelSiteView view) const;
  // For a witness (activities): an officer or a village team whose scope holds its unit.
  ModelSiteView load_recorded(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  // A year the site ran in, up to this one: what may be assessed.
  bool assessable_year(const ModelSite& site, int year) const;
  // A changed site still holds what it recorded: its teams, activities and assessments.
  void require_span(db::Tx& tx, const ModelSite& after) const;
  ModelSite checked(db::Tx& tx, const Actor& actor, const ModelSiteInput& input, ModelSite base,
                    std::vector<SiteUnitInput>& participants) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const time::Clock& clock_;
};

}  // namespace antq::community
