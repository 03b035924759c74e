#pragma once
// The SQL of model types and sites (migration 0033), on both databases. A scope's units
// are passed as one id list, `unit_ids`.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/community/models.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::community::models_repo {

std::vector<ModelType> types(db::Tx& tx);
std::optional<ModelType> type(db::Tx& tx, std::int64_t id);
bool code_taken(db::Tx& tx, const std::string& code);
std::int64_t insert_type(db::Tx& tx, const ModelType& t);
// Writes the type when the stored version is `t.version` and bumps it.
bool update_type(db::Tx& tx, const ModelType& t);

// How many sites of a type have other units.
std::int64_t linked_sites(db::Tx& tx, std::int64_t type_id);
std::int64_t insert_site(db::Tx& tx, const ModelSite& s, std::int64_t now);
bool update_site(db::Tx& tx, const ModelSite& s, std::int64_t now);
std::optional<ModelSite> site(db::Tx& tx, std::int64_t id);

struct SiteFilter {
  std::optional<std::int64_t> type_id;
  std::vector<std::string> terms;  // folded words of the code or the name
  bool include_ended = false;
  std::string today;
  int page = 1;
  int page_size = 50;
};
// The sites on one of these units, or with one of them among their participants, by code.
Page<ModelSite> sites(db::Tx& tx, const std::string& unit_ids, const SiteFilter& filter);

// A site of model_site_directory (migrations 0034, 0043) running on `day` on one of these units:
// one row per site and unit, with the earliest day its rows there run from and how many
// teams it has there. The owners' views give a team at most one row per unit and keep a
// site's teams on one of its units (a fire-safety site is one village; a security team is
// one site and one team on each of its villages; a manual site's teams are on its own
// unit, its participants have none): so the teams are counted without DISTINCT (which
// would make PostgreSQL sort ~110,000 rows for a province), and a site's teams over
// several units are the most it has on any one of them.
struct DirectoryRow {
  std::int64_t type_id = 0;
  std::int64_t site_key = 0;  // unique within its type
  std::int64_t unit_id = 0;
  int teams = 0;
  std::string from_on;
};
std::vector<DirectoryRow> running(db::Tx& tx, const std::string& unit_ids, const std::string& day);

std::vector<SiteUnitInput> participants(db::Tx& tx, std::int64_t site_id);
void set_participants(db::Tx& tx, std::int64_t site_id, const std::vector<SiteUnitInput>& units);
std::vector<Standing> standing(db::Tx& tx, std::int64_t site_id);  // unit names left empty
void put_standing(db::Tx& tx, std::int64_t site_id, int year, std::int64_t unit_id);

}  // namespace antq::community::models_repo
