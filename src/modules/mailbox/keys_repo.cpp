#include "modules/mailbox/keys_repo.hpp"

#include "platform/db/read.hpp"

namespace antq::mailbox::keys_repo {
namespace {

UnitKeyRow key_row(db::Reader& r) { return UnitKeyRow{r.i64(), r.i64(), r.integer(), r.blob(), r.blob()}; }

GrantRow grant_row(db::Reader& r) { return GrantRow{r.i64(), r.i64(), r.blob(), r.blob()}; }

}  // namespace

std::vector<UnitKeyRow> versions(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"unit_keys.versions",
                               "SELECT id, unit_id, version, public_key, recovery_wrapped FROM unit_keys "
                               "WHERE unit_id = $1 ORDER BY version"};
  return db::all(tx, q, key_row, unit_id);
}

std::optional<UnitKeyRow> get(db::Tx& tx, std::int64_t unit_key_id) {
  static constexpr db::Query q{
      "unit_keys.get", "SELECT id, unit_id, version, public_key, recovery_wrapped FROM unit_keys WHERE id = $1"};
  return db::one(tx, q, key_row, unit_key_id);
}

std::int64_t insert(db::Tx& tx, std::int64_t unit_id, int version, const std::string& public_key,
                    const std::string& recovery_wrapped, std::int64_t now) {
  static constexpr db::Query q{"unit_keys.insert",
                               "INSERT INTO unit_keys (unit_id, version, public_key, recovery_wrapped, created_at) "
                               "VALUES ($1, $2, $3, $4, $5) RETURNING id"};
  return db::scalar(tx, q, unit_id, version, db::Blob{public_key}, db::Blob{recovery_wrapped}, now);
}

std::string sealed_previous(db::Tx& tx, std::int64_t unit_key_id) {
  static constexpr db::Query q{"unit_keys.sealed_previous", "SELECT sealed_to_newest FROM unit_keys WHERE id = $1"};
  return db::one(
             tx, q, [](db::Reader& r) { return r.blob(); }, unit_key_id)
      .value_or(std::string());
}

void set_sealed_previous(db::Tx& tx, std::int64_t unit_key_id, const std::string& sealed) {
  static constexpr db::Query q{"unit_keys.set_sealed_previous",
                               "UPDATE unit_keys SET sealed_to_newest = $2 WHERE id = $1"};
  tx.exec(q, unit_key_id, db::Blob{sealed});
}

void clear_recovery(db::Tx& tx, std::int64_t unit_key_id) {
  static constexpr db::Query q{"unit_keys.clear_recovery", "UPDATE unit_keys SET recovery_wrapped = $2 WHERE id = $1"};
  tx.exec(q, unit_key_id, db::Blob{});
}

std::optional<GrantWithKey> grant(db::Tx& tx, std::int64_t unit_key_id, std::int64_t user_id) {
  static constexpr db::Query q{
      "unit_key_grants.get",
      "SELECT g.unit_key_id, g.user_id, g.recipient_public_key, g.sealed_secret, k.public_key "
      "FROM unit_key_grants g JOIN unit_keys k ON k.id = g.unit_key_id WHERE g.unit_key_id = $1 AND g.user_id = $2",
      true};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        return GrantWithKey{grant_row(r), r.blob()};
      },
      unit_key_id, user_id);
}

std::vector<GrantRow> grants_of_unit(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{
      "unit_key_grants.of_unit",
      "SELECT g.unit_key_id, g.user_id, g.recipient_public_key, g.sealed_secret FROM unit_key_grants g "
      "JOIN unit_keys k ON k.id = g.unit_key_id WHERE k.unit_id = $1 ORDER BY k.version, g.user_id"};
  return db::all(tx, q, grant_row, unit_id);
}

void upsert_grant(db::Tx& tx, const GrantRow& g, std::optional<std::int64_t> granted_by, std::int64_t now) {
  static constexpr db::Query del{"unit_key_grants.delete_one",
                                 "DELETE FROM unit_key_grants WHERE unit_key_id = $1 AND user_id = $2"};
  static constexpr db::Query ins{
      "unit_key_grants.insert",
      "INSERT INTO unit_key_grants (unit_key_id, user_id, recipient_public_key, sealed_secret, granted_by, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6)"};
  tx.exec(del, g.unit_key_id, g.user_id);
  tx.exec(ins, g.unit_key_id, g.user_id, db::Blob{g.recipient_public_key}, db::Blob{g.sealed_secret}, granted_by, now);
}

void delete_grants_of(db::Tx& tx, std::int64_t user_id) {
  static constexpr db::Query q{"unit_key_grants.delete_user", "DELETE FROM unit_key_grants WHERE user_id = $1"};
  tx.exec(q, user_id);
}

}  // namespace antq::mailbox::keys_repo
