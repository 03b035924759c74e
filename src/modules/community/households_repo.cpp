#include "modules/community/households_repo.hpp"

#include <fmt/format.h>

#include "platform/db/dialect_query.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::community::households_repo {
namespace {

#define HOUSEHOLD_COLUMNS                                                                           \
  "h.id, h.code, h.village_id, h.head_name, h.address, h.members, h.phone_sealed, h.phone_lookup, " \
  "h.consent_on, h.consent_channel, h.consent_text_version, h.since_on, h.left_on, h.note, h.demo, h.version"

Household from_row(db::Reader& r) {
  Household h;
  h.id = r.i64();
  h.code = r.text();
  h.village_id = r.i64();
  h.head_name = r.text();
  h.address = r.text();
  h.members = r.integer();
  h.phone_sealed = r.opt_blob();
  h.phone_lookup = r.opt_blob();
  auto on = r.opt_text();
  auto channel = r.opt_text();
  auto text_version = r.opt_text();
  if (on) h.consent = Consent{*on, channel.value_or(""), text_version.value_or("")};
  h.since_on = r.opt_text();
  h.left_on = r.opt_text();
  h.note = r.text();
  h.demo = r.boolean();
  h.version = r.i64();
  return h;
}

Registration registration_from(db::Reader& r) {
  Registration g;
  g.household_id = r.i64();
  g.year = r.integer();
  g.registered_on = r.text();
  g.signed_form = r.boolean();
  g.note = r.text();
  g.version = r.i64();
  g.content_hash = r.text();
  g.recorded_by = r.opt_i64();
  g.device_at = r.opt_i64();
  g.received_at = r.i64();
  return g;
}

// The columns of a LEFT JOIN: every one null when the household did not register.
std::optional<Registration> optional_registration_from(db::Reader& r) {
  auto household_id = r.opt_i64();
  auto year = r.opt_i64();
  auto registered_on = r.text();
  auto signed_form = r.opt_i64();
  auto note = r.text();
  auto version = r.opt_i64();
  auto content_hash = r.text();
  auto recorded_by = r.opt_i64();
  auto device_at = r.opt_i64();
  auto received_at = r.opt_i64();
  if (!household_id) return std::nullopt;
  return Registration{*household_id, static_cast<int>(year.value_or(0)),
                      registered_on, signed_form.value_or(0) != 0,
                      note,          version.value_or(1),
                      content_hash,  recorded_by,
                      device_at,     received_at.value_or(0)};
}

std::optional<db::Blob> blob(const std::optional<std::string>& bytes) {
  if (!bytes) return std::nullopt;
  return db::Blob{*bytes};
}

std::string search_text(const Household& h) { return text::fold(h.code + " " + h.head_name + " " + h.address); }

#define REGISTRATION_COLUMNS                                                                              \
  "r.household_id, r.year, r.registered_on, r.signed, r.note, r.version, r.content_hash, r.recorded_by, " \
  "r.device_at, r.received_at"

}  // namespace

std::string present_sql(std::string_view day) {
  return fmt::format("(h.since_on IS NULL OR h.since_on <= {0}) AND (h.left_on IS NULL OR h.left_on > {0})", day);
}

namespace {

// "Registered in that year", from the kept latest year (migration 0040): only a household
// registered in a later year too looks its registration up.
std::string registered_sql(std::string_view year) {
  return fmt::format(
      "(COALESCE(h.registered_year, 0) = {0} OR (COALESCE(h.registered_year, 0) > {0} AND EXISTS (SELECT 1 FROM "
      "household_registrations r WHERE r.household_id = h.id AND r.year = {0})))",
      year);
}

}  // namespace

std::int64_t insert(db::Tx& tx, const Household& h, std::int64_t now) {
  static constexpr db::Query q{
      "households.insert",
      "INSERT INTO households (code, village_id, head_name, address, members, phone_sealed, phone_lookup, "
      "consent_on, consent_channel, consent_text_version, since_on, left_on, note, search_text, demo, version, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, "
      "$16) RETURNING id"};
  std::optional<std::string> on, channel, text_version;
  if (h.consent) on = h.consent->on, channel = h.consent->channel, text_version = h.consent->text_version;
  return db::scalar(tx, q, h.code, h.village_id, h.head_name, h.address, h.members, blob(h.phone_sealed),
                    blob(h.phone_lookup), on, channel, text_version, h.since_on, h.left_on, h.note, search_text(h),
                    h.demo, now);
}

bool update(db::Tx& tx, const Household& h, std::int64_t now) {
  static constexpr db::Query q{
      "households.update",
      "UPDATE households SET village_id = $3, head_name = $4, address = $5, members = $6, phone_sealed = $7, "
      "phone_lookup = $8, consent_on = $9, consent_channel = $10, consent_text_version = $11, since_on = $12, "
      "left_on = $13, note = $14, search_text = $15, updated_at = $16, version = version + 1 "
      "WHERE id = $1 AND version = $2"};
  std::optional<std::string> on, channel, text_version;
  if (h.consent) on = h.consent->on, channel = h.consent->channel, text_version = h.consent->text_version;
  return tx.exec(q, h.id, h.version, h.village_id, h.head_name, h.address, h.members, blob(h.phone_sealed),
                 blob(h.phone_lookup), on, channel, text_version, h.since_on, h.left_on, h.note, search_text(h),
                 now) == 1;
}

std::optional<Household> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"households.get", "SELECT " HOUSEHOLD_COLUMNS " FROM households h WHERE h.id = $1"};
  return db::one(tx, q, from_row, id);
}

std::vector<Household> present(db::Tx& tx, const std::string& village_ids, const std::string& day) {
  static const db::DialectQuery q("households.present", [](db::Dialect d) {
    return "SELECT " HOUSEHOLD_COLUMNS " FROM households h WHERE " + db::in_ids(d, "h.village_id", "$1") + " AND " +
           present_sql("$2") + " ORDER BY h.village_id, h.code";
  });
  return db::all(tx, q.in(tx), from_row, village_ids, day);
}

std::vector<PackRow> pack_rows(db::Tx& tx, const std::string& village_ids, int year, const std::string& day) {
  // The household columns with NULL in place of the two phone columns.
  static const db::DialectQuery q("households.pack_rows", [](db::Dialect d) {
    return "SELECT h.id, h.code, h.village_id, h.head_name, h.address, h.members, NULL, NULL, h.consent_on, "
           "h.consent_channel, h.consent_text_version, h.since_on, h.left_on, h.note, h.demo, "
           "h.version, " REGISTRATION_COLUMNS
           ", h.fire_group_id FROM households h "
           "LEFT JOIN household_registrations r ON r.household_id = h.id AND r.year = $2 WHERE " +
           db::in_ids(d, "h.village_id", "$1") + " AND " + present_sql("$3") + " ORDER BY h.village_id, h.code";
  });
  return db::all(
      tx, q.in(tx),
      [](db::Reader& r) {
        auto household = from_row(r);
        auto registration = optional_registration_from(r);
        return PackRow{std::move(household), std::move(registration), r.opt_i64()};
      },
      village_ids, std::int64_t{year}, day);
}

Page<Listed> list(db::Tx& tx, const std::string& village_ids, const ListFilter& f) {
  db::Params params({village_ids, std::int64_t{f.year}});
  std::string from =
      " FROM households h LEFT JOIN household_registrations r ON r.household_id = h.id AND r.year = $2"
      " WHERE " +
      db::in_ids(tx.dialect(), "h.village_id", "$1");
  if (f.present_on) from += " AND " + present_sql(params.add(*f.present_on));
  if (f.registered) from += *f.registered ? " AND r.household_id IS NOT NULL" : " AND r.household_id IS NULL";
  for (const auto& term : f.terms) {
    from += " AND h.search_text LIKE '%' || CAST(" + params.add(db::like_term(term)) + " AS TEXT) || '%'";
  }
  return db::page(tx, "households", HOUSEHOLD_COLUMNS ", " REGISTRATION_COLUMNS, from, " ORDER BY h.village_id, h.code",
                  std::move(params), f.page, f.page_size, [](db::Reader& r) {
                    auto household = from_row(r);
                    return Listed{std::move(household), optional_registration_from(r)};
                  });
}

std::vector<Household> in_fire_group(db::Tx& tx, std::int64_t group_id) {
  static constexpr db::Query q{"households.in_fire_group",
                               "SELECT " HOUSEHOLD_COLUMNS
                               " FROM households h WHERE h.fire_group_id = $1 ORDER BY h.code"};
  return db::all(tx, q, from_row, group_id);
}

std::vector<Household> unregistered(db::Tx& tx, const std::string& village_ids, int year, const std::string& day,
                                    int limit) {
  static const db::DialectQuery q("households.unregistered", [](db::Dialect d) {
    return "SELECT " HOUSEHOLD_COLUMNS " FROM households h WHERE " + db::in_ids(d, "h.village_id", "$1") + " AND " +
           present_sql("$3") + " AND NOT " + registered_sql("$2") + " ORDER BY h.village_id, h.code LIMIT $4";
  });
  return db::all(tx, q.in(tx), from_row, village_ids, year, day, std::int64_t{limit});
}

std::optional<Registration> registration(db::Tx& tx, std::int64_t household_id, int year) {
  static constexpr db::Query q{"household_registrations.get",
                               "SELECT " REGISTRATION_COLUMNS
                               " FROM household_registrations r WHERE r.household_id = $1 AND r.year = $2"};
  return db::one(tx, q, registration_from, household_id, year);
}

bool put_registration(db::Tx& tx, const Registration& r, std::optional<std::int64_t> seen) {
  static constexpr db::Query insert{
      "household_registrations.insert",
      "INSERT INTO household_registrations (household_id, year, registered_on, signed, note, version, content_hash, "
      "recorded_by, device_at, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
      "ON CONFLICT (household_id, year) DO NOTHING"};
  static constexpr db::Query update{
      "household_registrations.update",
      "UPDATE household_registrations SET registered_on = $3, signed = $4, note = $5, version = $6, "
      "content_hash = $7, recorded_by = $8, device_at = $9, received_at = $10 "
      "WHERE household_id = $1 AND year = $2 AND version = $11"};
  // The household's latest year registered, a kept copy read by registered_sql.
  static constexpr db::Query latest{"households.registered_year",
                                    "UPDATE households SET registered_year = $2 WHERE id = $1 AND "
                                    "(registered_year IS NULL OR registered_year < $2)"};
  if (!seen) {
    if (tx.exec(insert, r.household_id, r.year, r.registered_on, r.signed_form, r.note, r.version, r.content_hash,
                r.recorded_by, r.device_at, r.received_at) != 1) {
      return false;
    }
    tx.exec(latest, r.household_id, r.year);
    return true;
  }
  return tx.exec(update, r.household_id, r.year, r.registered_on, r.signed_form, r.note, r.version, r.content_hash,
                 r.recorded_by, r.device_at, r.received_at, *seen) == 1;
}

std::vector<Registration> registrations_of(db::Tx& tx, std::int64_t household_id) {
  static constexpr db::Query q{"household_registrations.of",
                               "SELECT " REGISTRATION_COLUMNS
                               " FROM household_registrations r WHERE r.household_id = $1 ORDER BY r.year DESC"};
  return db::all(tx, q, registration_from, household_id);
}

std::vector<VillageShare> shares(db::Tx& tx, const std::string& village_ids, int year, const std::string& day) {
  static const db::DialectQuery q("households.shares", [](db::Dialect d) {
    return "SELECT h.village_id, count(*), sum(CASE WHEN " + registered_sql("$2") +
           " THEN 1 ELSE 0 END) FROM households h WHERE " + db::in_ids(d, "h.village_id", "$1") + " AND " +
           present_sql("$3") + " GROUP BY h.village_id ORDER BY h.village_id";
  });
  return db::all(
      tx, q.in(tx),
      [](db::Reader& r) {
        return VillageShare{r.i64(), r.i64(), r.i64()};
      },
      village_ids, year, day);
}

std::int64_t next_number(db::Tx& tx, std::int64_t commune_id, const std::string& kind) {
  static constexpr db::Query q{
      "community_code_counters.next",
      "INSERT INTO community_code_counters (unit_id, kind, last_number) VALUES ($1, $2, 1) "
      "ON CONFLICT (unit_id, kind) DO UPDATE SET last_number = community_code_counters.last_number + 1 "
      "RETURNING last_number"};
  return db::scalar(tx, q, commune_id, kind);
}

}  // namespace antq::community::households_repo
