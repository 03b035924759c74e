#pragma once
// The SQL of households and their registrations (migration 0027), on both databases.
// Villages are passed as one id list, `ids_json` ("[12,13]", units::Service::units_under).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/community/model.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"

namespace antq::community::households_repo {

// The SQL test that household `h` is present on the day in parameter `day` ("$2"): the
// one rules::present_on says.
std::string present_sql(std::string_view day);

std::int64_t insert(db::Tx& tx, const Household& h, std::int64_t now);
// Writes every field when the stored version is `h.version` and bumps it; false when the
// household changed meanwhile (or is gone).
bool update(db::Tx& tx, const Household& h, std::int64_t now);
std::optional<Household> get(db::Tx& tx, std::int64_t id);
// The households of these villages present on `day`, by village and code.
std::vector<Household> present(db::Tx& tx, const std::string& village_ids, const std::string& day);

// The households of these villages present on `day` as a phone keeps them (the offline
// pack): their phones are not read at all, not even sealed. With the registration in
// `year` and their fire-safety group, by village and code.
struct PackRow {
  Household household;
  std::optional<Registration> registration;
  std::optional<std::int64_t> fire_group_id;
};
std::vector<PackRow> pack_rows(db::Tx& tx, const std::string& village_ids, int year, const std::string& day);

// A page of the households of these villages with their registration in `filter.year`.
struct ListFilter {
  std::vector<std::string> terms;  // folded words, all in the code, head or address
  int year = 0;
  std::optional<bool> registered;
  std::optional<std::string> present_on;  // else households who left count too
  int page = 1;
  int page_size = 50;
};
struct Listed {
  Household household;
  std::optional<Registration> registration;
};
// By village, then code: ordered by code alone, PostgreSQL walks the code index through
// every commune's households to fill a page (2.4 s at 500,000 households).
Page<Listed> list(db::Tx& tx, const std::string& village_ids, const ListFilter& filter);
// The first `limit` households present on `day` that did not register in `year`, by village
// and code (not by code alone: PostgreSQL would walk the code index through every commune),
// without counting them all (the shares know their number).
std::vector<Household> unregistered(db::Tx& tx, const std::string& village_ids, int year, const std::string& day,
                                    int limit);

// The households of a fire-safety group (migration 0028), by code.
std::vector<Household> in_fire_group(db::Tx& tx, std::int64_t group_id);

std::optional<Registration> registration(db::Tx& tx, std::int64_t household_id, int year);
// Writes the year's row if it is still as the caller saw it: absent (`seen` unset) or at
// version `*seen`. False when another write came first: nothing is written, and the
// caller decides again (two phones sending the same tick at once: one is stored).
bool put_registration(db::Tx& tx, const Registration& r, std::optional<std::int64_t> seen);
// Every year's registration of a household, newest first.
std::vector<Registration> registrations_of(db::Tx& tx, std::int64_t household_id);
// Per village with households present on `day`: their number and how many registered in
// `year`. Villages without households are absent.
std::vector<VillageShare> shares(db::Tx& tx, const std::string& village_ids, int year, const std::string& day);

// The next number of a kind of record in a commune (1, 2 …), counted in the database.
std::int64_t next_number(db::Tx& tx, std::int64_t commune_id, const std::string& kind);

}  // namespace antq::community::households_repo
