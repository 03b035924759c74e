#include "modules/mailbox/boxes_repo.hpp"
#include "modules/units/subtree_sql.hpp"
#include "platform/db/read.hpp"

#include <boost/json.hpp>

namespace antq::mailbox::repo {
namespace {

#define BOX_SELECT                                                                                        \
  "SELECT b.id, b.unit_id, u.name, b.village_id, COALESCE(v.name, ''), b.place, b.active, b.created_at, " \
  "(SELECT MAX(o.opened_at) FROM mail_box_openings o WHERE o.box_id = b.id), "                            \
  "(SELECT COUNT(*) FROM mail_box_openings o WHERE o.box_id = b.id) "                                     \
  "FROM mail_boxes b JOIN unit_directory u ON u.id = b.unit_id LEFT JOIN unit_directory v ON v.id = b.village_id"

#define OPENING_SELECT                                                                                                \
  "SELECT o.id, o.box_id, b.place, b.unit_id, o.opened_at, o.people, o.letters, "                                     \
  "(SELECT COUNT(*) FROM tips t WHERE t.box_opening_id = o.id), o.number, o.notes, COALESCE(us.username, ''), "       \
  "o.created_at FROM mail_box_openings o JOIN mail_boxes b ON b.id = o.box_id LEFT JOIN staff_directory us ON us.id " \
  "= "                                                                                                                \
  "o.recorded_by"

Box box_from(db::Reader& r) {
  Box b;
  b.id = r.i64();
  b.unit_id = r.i64();
  b.unit_name = r.text();
  b.village_id = r.opt_i64();
  b.village_name = r.text();
  b.place = r.text();
  b.active = r.boolean();
  b.created_at = r.i64();
  b.last_opened_at = r.opt_i64();
  b.openings = r.i64();
  return b;
}

Opening opening_from(db::Reader& r) {
  Opening o;
  o.id = r.i64();
  o.box_id = r.i64();
  o.box_place = r.text();
  o.unit_id = r.i64();
  o.opened_at = r.i64();
  auto people = boost::json::parse(r.text());
  for (const auto& p : people.as_array()) {
    const auto& w = p.as_object();
    o.people.push_back(Witness{std::string(w.at("name").as_string()), std::string(w.at("position").as_string())});
  }
  o.letters = r.integer();
  o.registered = r.integer();
  o.number = r.text();
  o.notes = r.text();
  o.recorded_by = r.text();
  o.created_at = r.i64();
  return o;
}

}  // namespace

std::vector<Box> boxes(db::Tx& tx, const std::string& scope_path, std::optional<std::int64_t> unit_id) {
  static constexpr db::Query q{"mail_boxes.list", BOX_SELECT
                               " WHERE " ANTQ_UNIT_IN_SUBTREE("u.path", "$1") " "
                               "AND (CAST($2 AS BIGINT) IS NULL OR b.unit_id = $2) "
                               "ORDER BY u.name, b.active DESC, b.place, b.id"};
  return db::all(tx, q, box_from, scope_path, unit_id);
}

std::optional<Box> box(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"mail_boxes.get", BOX_SELECT " WHERE b.id = $1"};
  return db::one(tx, q, box_from, id);
}

std::int64_t insert_box(db::Tx& tx, const NewBox& b, std::int64_t now) {
  static constexpr db::Query q{
      "mail_boxes.insert",
      "INSERT INTO mail_boxes (unit_id, village_id, place, created_at) VALUES ($1, $2, $3, $4) RETURNING id"};
  return db::scalar(tx, q, *b.unit_id, b.village_id, b.place, now);
}

void update_box(db::Tx& tx, std::int64_t id, const std::string& place, bool active) {
  static constexpr db::Query q{"mail_boxes.update", "UPDATE mail_boxes SET place = $2, active = $3 WHERE id = $1"};
  tx.exec(q, id, place, active);
}

std::vector<Opening> openings(db::Tx& tx, std::int64_t box_id) {
  static constexpr db::Query q{"mail_box_openings.list",
                               OPENING_SELECT " WHERE o.box_id = $1 ORDER BY o.opened_at DESC, o.id DESC"};
  return db::all(tx, q, opening_from, box_id);
}

std::optional<Opening> opening(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"mail_box_openings.get", OPENING_SELECT " WHERE o.id = $1"};
  return db::one(tx, q, opening_from, id);
}

std::int64_t insert_opening(db::Tx& tx, std::int64_t box_id, std::int64_t opened_at, const std::string& people_json,
                            const NewOpening& o, std::int64_t recorded_by, std::int64_t now) {
  static constexpr db::Query q{
      "mail_box_openings.insert",
      "INSERT INTO mail_box_openings (box_id, opened_at, people, letters, number, notes, recorded_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id"};
  return db::scalar(tx, q, box_id, opened_at, people_json, o.letters, o.number, o.notes, recorded_by, now);
}

std::vector<OpeningLetter> letters(db::Tx& tx, std::int64_t opening_id) {
  static constexpr db::Query q{"tips.of_opening", "SELECT id, kind FROM tips WHERE box_opening_id = $1 ORDER BY id"};
  return db::all(
      tx, q,
      [](db::Reader& r) {
        return OpeningLetter{r.i64(), r.text()};
      },
      opening_id);
}

}  // namespace antq::mailbox::repo
