#pragma once
// Units service: the tree, scoped reads, administration, merges, CSV import/export.
// Every call checks the actor's role and scope (REQUIRES nothing of callers).
//
// Public read model: other modules' SQL that needs a unit's name, kind or path joins the
// view `unit_directory (id, name, kind, path)` (migrations/0015_read_models.sql), never
// the `units` table, and tests a subtree with ANTQ_UNIT_IN_SUBTREE (subtree_sql.hpp) on
// its `path`. `kind` is the code of units::Kind (kind_from_code). Every unit is listed,
// current and historical; the view's columns stay when the table changes.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/model.hpp"
#include "modules/units/official.hpp"
#include "modules/units/tree_cache.hpp"
#include "platform/db/database.hpp"
#include "platform/db/recheck.hpp"
#include "platform/error.hpp"
#include "platform/time/time.hpp"

namespace antq::csv {
struct Record;
}
namespace antq::importkit {
class Columns;
}

namespace antq::units {

class Service {
 public:
  Service(db::Database& db, const audit::Service& audit, const time::Clock& clock)
      : db_(db), audit_(audit), clock_(clock) {}

  // The actor's scope unit and everything under it; ended units only with `history`.
  std::vector<TreeNode> tree(const Actor& actor, bool history) const;
  // Changes with every write to any unit: a cached tree is current while this is equal.
  std::int64_t version() const;
  // The actor's tree as tree() gives it, rendered by `render` and kept while no unit
  // changes. The cache key is made here, from everything that decides the tree (the
  // actor's scope, `history`, the day), so a cached body only ever reaches callers who
  // would get the same tree; a new filter must join the key here. `tag` names the
  // version and key (an ETag). One renderer per service: the API's JSON.
  struct RenderedTree {
    std::string tag;
    std::shared_ptr<const std::string> body;
  };
  using TreeRenderer = std::function<std::string(const std::vector<TreeNode>& roots, const std::string& today)>;
  RenderedTree rendered_tree(const Actor& actor, bool history, const TreeRenderer& render) const;
  // Today's date in Vietnam (yyyy-mm-dd): what "active" is measured against.
  std::string today() const;
  Page<Unit> list(const Actor& actor, const ListFilter& filter) const;
  // Every unit of the country in force today (or ever, with `include_history`), by name,
  // whatever the actor's scope (the names and codes of units are public): for the pickers
  // that join a unit of another commune or province (a linked model site). Each says where
  // it lies. At most 50 a page.
  Page<DirectoryUnit> directory(const ListFilter& filter) const;
  Detail get(const Actor& actor, std::int64_t id) const;
  Unit create(const Actor& actor, const NewUnit& input) const;
  Unit update(const Actor& actor, std::int64_t id, const UnitPatch& patch) const;
  // Merges sources into target (admin only); see model.hpp.
  Unit merge(const Actor& actor, const Merge& merge) const;

  // CSV with the columns of kCsvColumns (or their Vietnamese names: "Mã", "Tên đơn vị",
  // "Mã đơn vị cấp trên" …) as Excel saves it (the import kit: UTF-8 or Windows-1258,
  // ',' ';' or tab, dd/mm/yyyy); all rows or nothing. Each row goes through the same
  // checks, scope, history and audit as create() and update(). Throws Error::csv with
  // every error of every row (its line and column); a dry run writes nothing either way.
  ImportResult import_csv(const Actor& actor, std::string_view csv, const ImportOptions& options = {}) const;
  std::string export_csv(const Actor& actor) const;

  // Builds the national tree from the official list (official_import.cpp): the country,
  // the provinces and communes with their codes and English names, and every pre-reform
  // unit as a historical unit merged into its successors. National administrators only.
  // One transaction and one audit entry per province that changes; a second run changes
  // nothing. Units the list no longer names are reported, never deleted.
  official::ImportReport import_official(const Actor& actor, const official::List& list,
                                         const official::ImportOptions& options = {}) const;

  // Public lists for the citizen pages (names of units are public): active provinces,
  // active commune-level units of a province (optionally narrowed by a folded search),
  // and the active residential areas of a commune. Sorted in Vietnamese order.
  std::vector<Unit> public_provinces() const;
  std::vector<Unit> public_communes(std::int64_t province_id, const std::string& query) const;
  std::vector<Unit> public_villages(std::int64_t commune_id) const;

  // For other services: the unit's materialized path, or nullopt when it does not exist.
  std::optional<Unit> find(db::Tx& tx, std::int64_t id) const;
  std::optional<Unit> find(std::int64_t id) const;
  // The units directly under `parent_id`, by id, with no scope check: for services that
  // checked the parent already.
  std::vector<Unit> children(db::Tx& tx, std::int64_t parent_id) const;
  // The unit with an official code (codes are unique), for the command line and imports.
  std::optional<Unit> find_by_code(const std::string& code) const;
  // The units of `kinds` in the subtree at `unit_id` (itself included when of one of the
  // kinds), current and historic, by path, with no scope check: for services that checked
  // the unit already. Records that hang on villages are found through `ids_json`, one
  // parameter for db::in_ids, so a commune and a province share one statement and never
  // read the units table. A historic unit's figures roll up into `merged_into`. Kept while
  // no unit changes; call it in a transaction that has not written units.
  struct UnitSet {
    std::vector<Unit> units;
    std::string ids_json;  // "[12,13,40]"
  };
  std::shared_ptr<const UnitSet> units_under(db::Tx& tx, std::int64_t unit_id, const std::vector<Kind>& kinds) const;
  // The ids of every unit in the subtree whose path is `path` ("/" for all), current and
  // historic, sorted: the scope test of a service that keeps its records' unit ids in
  // memory (std::binary_search), the same test as ANTQ_UNIT_IN_SUBTREE. Kept while no unit
  // changes, like units_under(); the units' version is read again only when db::Recheck
  // says so (this process's unit changes show at once, another process's within a second).
  std::shared_ptr<const std::vector<std::int64_t>> ids_under(db::Tx& tx, const std::string& path) const;

  // The role rule of unit administration: administrators manage every kind (within their
  // scope; adding a country needs the national scope too), officers the kinds of
  // officer_may_manage().
  static bool may_manage(const Actor& actor, Kind kind);

  static constexpr const char* kCsvColumns = "code,name,kind,designation,parent_code,valid_from,valid_to,remote,note";

 private:
  // The one path of every unit write (API, CSV): validation, scope, history and audit,
  // inside the caller's transaction. `source` goes into the audit detail ("csv").
  Unit create_in(db::Tx& tx, const Actor& actor, const NewUnit& input,
                 const std::function<std::optional<Unit>()>& parent, std::string_view source = {}) const;
  Unit update_in(db::Tx& tx, const Actor& actor, Unit unit, const UnitPatch& patch, std::string_view source = {}) const;
  // Ends `source` the day before `date` and makes it a historic child of `target`, its
  // main successor (merged_into, a successor row with `part`), moving its active
  // children under the target; all with history, no audit entry (the caller writes one).
  void merge_in(db::Tx& tx, const Unit& source, const Unit& target, const std::string& date, const std::string& basis,
                const std::string& part = {}) const;
  // One row of a CSV import through create_in()/update_in(); its errors go to `errors`.
  void import_row(db::Tx& tx, const Actor& actor, const importkit::Columns& cols, const csv::Record& row,
                  ImportResult& result, std::vector<FieldError>& errors) const;

  db::Database& db_;
  const audit::Service& audit_;
  const time::Clock& clock_;
  mutable TreeCache tree_cache_;
  mutable VersionedCache<UnitSet> sets_cache_;
  mutable VersionedCache<std::vector<std::int64_t>> ids_cache_;
  mutable db::Recheck ids_recheck_{1000};
};

}  // namespace antq::units
