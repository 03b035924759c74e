#include "modules/community/models_repo.hpp"

#include "platform/db/dialect_query.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::community::models_repo {
namespace {

#define TYPE_COLUMNS "id, code, name, description, source, linked, builtin, active, sort, version"

ModelType type_from(db::Reader& r) {
  ModelType t;
  t.id = r.i64();
  t.code = r.text();
  t.name = r.text();
  t.description = r.text();
  t.source = r.opt_text();
  t.linked = r.boolean();
  t.builtin = r.boolean();
  t.active = r.boolean();
  t.sort = static_cast<int>(r.i64());
  t.version = r.i64();
  return t;
}

#define SITE_COLUMNS "s.id, s.code, s.type_id, s.unit_id, s.name, s.launched_on, s.ended_on, s.note, s.demo, s.version"

ModelSite site_from(db::Reader& r) {
  ModelSite s;
  s.id = r.i64();
  s.code = r.text();
  s.type_id = r.i64();
  s.unit_id = r.i64();
  s.name = r.text();
  s.launched_on = r.text();
  s.ended_on = r.opt_text();
  s.note = r.text();
  s.demo = r.boolean();
  s.version = r.i64();
  return s;
}

std::string search_text(const ModelSite& s) { return text::fold(s.code + " " + s.name); }

}  // namespace

std::vector<ModelType> types(db::Tx& tx) {
  static constexpr db::Query q{"model_types.all", "SELECT " TYPE_COLUMNS " FROM model_types ORDER BY sort, name, id"};
  return db::all(tx, q, type_from);
}

std::optional<ModelType> type(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"model_types.get", "SELECT " TYPE_COLUMNS " FROM model_types WHERE id = $1"};
  return db::one(tx, q, type_from, id);
}

bool code_taken(db::Tx& tx, const std::string& code) {
  static constexpr db::Query q{"model_types.code_taken", "SELECT count(*) FROM model_types WHERE code = $1"};
  return db::scalar(tx, q, code) > 0;
}

std::int64_t insert_type(db::Tx& tx, const ModelType& t) {
  static constexpr db::Query q{
      "model_types.insert",
      "INSERT INTO model_types (code, name, description, linked, builtin, active, sort, version) "
      "VALUES ($1, $2, $3, $4, 0, $5, $6, 1) RETURNING id"};
  return db::scalar(tx, q, t.code, t.name, t.description, t.linked, t.active, t.sort);
}

bool update_type(db::Tx& tx, const ModelType& t) {
  static constexpr db::Query q{
      "model_types.update",
      "UPDATE model_types SET code = $2, name = $3, description = $4, linked = $5, active = $6, "
      "sort = $7, version = version + 1 WHERE id = $1 AND version = $8"};
  return tx.exec(q, t.id, t.code, t.name, t.description, t.linked, t.active, t.sort, t.version) == 1;
}

std::int64_t linked_sites(db::Tx& tx, std::int64_t type_id) {
  static constexpr db::Query q{
      "model_sites.linked_of_type",
      "SELECT count(DISTINCT s.id) FROM model_sites s JOIN model_site_units su ON su.site_id = "
      "s.id WHERE s.type_id = $1"};
  return db::scalar(tx, q, type_id);
}

std::int64_t insert_site(db::Tx& tx, const ModelSite& s, std::int64_t now) {
  static constexpr db::Query q{
      "model_sites.insert",
      "INSERT INTO model_sites (code, type_id, unit_id, name, launched_on, ended_on, note, search_text, demo, version, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) RETURNING id"};
  return db::scalar(tx, q, s.code, s.type_id, s.unit_id, s.name, s.launched_on, s.ended_on, s.note, search_text(s),
                    s.demo, now);
}

bool update_site(db::Tx& tx, const ModelSite& s, std::int64_t now) {
  static constexpr db::Query q{"model_sites.update",
                               "UPDATE model_sites SET name = $3, launched_on = $4, ended_on = $5, note = $6, "
                               "search_text = $7, updated_at = $8, "
                               "version = version + 1 WHERE id = $1 AND version = $2"};
  return tx.exec(q, s.id, s.version, s.name, s.launched_on, s.ended_on, s.note, search_text(s), now) == 1;
}

std::optional<ModelSite> site(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"model_sites.get", "SELECT " SITE_COLUMNS " FROM model_sites s WHERE s.id = $1"};
  return db::one(tx, q, site_from, id);
}

Page<ModelSite> sites(db::Tx& tx, const std::string& unit_ids, const SiteFilter& f) {
  db::Params params({unit_ids});
  std::string from = " FROM model_sites s WHERE (" + db::in_ids(tx.dialect(), "s.unit_id", "$1") +
                     " OR EXISTS (SELECT 1 FROM model_site_units su WHERE su.site_id = s.id AND " +
                     db::in_ids(tx.dialect(), "su.unit_id", "$1") + "))";
  if (f.type_id) from += " AND s.type_id = " + params.add(*f.type_id);
  if (!f.include_ended) from += " AND (s.ended_on IS NULL OR s.ended_on > " + params.add(f.today) + ")";
  for (const auto& term : f.terms) {
    from += " AND s.search_text LIKE '%' || CAST(" + params.add(db::like_term(term)) + " AS TEXT) || '%'";
  }
  return db::page(tx, "model_sites", SITE_COLUMNS, from, " ORDER BY s.code", std::move(params), f.page, f.page_size,
                  site_from);
}

std::vector<DirectoryRow> running(db::Tx& tx, const std::string& unit_ids, const std::string& day) {
  static const db::DialectQuery q{"model_site_directory.running", [](db::Dialect d) {
                                    return "SELECT type_id, site_key, unit_id, count(team_key), "
                                           "min(from_on) FROM model_site_directory WHERE " +
                                           db::in_ids(d, "unit_id", "$1") +
                                           " AND type_id IS NOT NULL AND from_on <= $2 AND (until_on IS NULL OR "
                                           "until_on > $2) GROUP BY type_id, site_key, unit_id";
                                  }};
  return db::all(
      tx, q.in(tx),
      [](db::Reader& r) {
        DirectoryRow row;
        row.type_id = r.i64();
        row.site_key = r.i64();
        row.unit_id = r.i64();
        row.teams = static_cast<int>(r.i64());
        row.from_on = r.text();
        return row;
      },
      unit_ids, day);
}

std::vector<SiteUnitInput> participants(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_site_units.of",
                               "SELECT unit_id, joined_on FROM model_site_units WHERE site_id = $1 ORDER BY unit_id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        SiteUnitInput u;
        u.unit_id = r.i64();
        u.joined_on = r.text();
        return u;
      },
      site_id);
}

void set_participants(db::Tx& tx, std::int64_t site_id, const std::vector<SiteUnitInput>& units) {
  static constexpr db::Query clear{"model_site_units.clear", "DELETE FROM model_site_units WHERE site_id = $1"};
  static constexpr db::Query add{"model_site_units.add",
                                 "INSERT INTO model_site_units (site_id, unit_id, joined_on) VALUES ($1, $2, $3)"};
  tx.exec(clear, site_id);
  for (const auto& u : units) tx.exec(add, site_id, u.unit_id, u.joined_on);
}

std::vector<Standing> standing(db::Tx& tx, std::int64_t site_id) {
  static constexpr db::Query q{"model_site_standing.of",
                               "SELECT year, unit_id FROM model_site_standing WHERE site_id = $1 ORDER BY year DESC"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        Standing s;
        s.year = static_cast<int>(r.i64());
        s.unit_id = r.i64();
        return s;
      },
      site_id);
}

void put_standing(db::Tx& tx, std::int64_t site_id, int year, std::int64_t unit_id) {
  static constexpr db::Query q{"model_site_standing.put",
                               "INSERT INTO model_site_standing (site_id, year, unit_id) VALUES ($1, $2, $3) "
                               "ON CONFLICT (site_id, year) DO UPDATE SET unit_id = excluded.unit_id"};
  tx.exec(q, site_id, year, unit_id);
}

}  // namespace antq::community::models_repo
