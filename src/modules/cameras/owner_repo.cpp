#include "modules/cameras/owner_repo.hpp"

#include "platform/db/read.hpp"

namespace antq::cameras::owner_repo {

void insert_consent(db::Tx& tx, std::int64_t camera_id, const Consent& c) {
  static constexpr db::Query q{"camera_consents.insert",
                               "INSERT INTO camera_consents (camera_id, given_at, channel, text_version) "
                               "VALUES ($1, $2, $3, $4)"};
  tx.exec(q, camera_id, c.given_at, c.channel, c.text_version);
}

std::optional<Consent> consent(db::Tx& tx, std::int64_t camera_id) {
  static constexpr db::Query q{"camera_consents.get",
                               "SELECT given_at, channel, text_version FROM camera_consents WHERE camera_id = $1"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        return Consent{r.i64(), r.text(), r.text()};
      },
      camera_id);
}

void insert_manage_code(db::Tx& tx, std::int64_t camera_id, const std::string& lookup, std::int64_t now) {
  static constexpr db::Query q{"camera_manage_codes.insert",
                               "INSERT INTO camera_manage_codes (camera_id, lookup, created_at) VALUES ($1, $2, $3)"};
  tx.exec(q, camera_id, db::Blob{lookup}, now);
}

std::optional<std::int64_t> camera_of_code(db::Tx& tx, const std::string& lookup) {
  static constexpr db::Query q{"camera_manage_codes.camera",
                               "SELECT camera_id FROM camera_manage_codes WHERE lookup = $1"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.i64(); }, db::Blob{lookup});
}

std::optional<std::string> secret(db::Tx& tx, const std::string& name) {
  static constexpr db::Query q{"camera_secrets.get", "SELECT value FROM camera_secrets WHERE name = $1", true};
  return db::one(
      tx, q, [](db::Reader& r) { return r.blob(); }, name);
}

void insert_secret(db::Tx& tx, const std::string& name, const std::string& value) {
  static constexpr db::Query q{"camera_secrets.insert", "INSERT INTO camera_secrets (name, value) VALUES ($1, $2)"};
  tx.exec(q, name, db::Blob{value});
}

void set_confirmed(db::Tx& tx, std::int64_t camera_id, bool confirmed, std::int64_t now) {
  static constexpr db::Query q{"cameras.set_confirmed",
                               "UPDATE cameras SET confirmed = $2, updated_at = $3, version = version + 1 "
                               "WHERE id = $1"};
  tx.exec(q, camera_id, confirmed, now);
}

}  // namespace antq::cameras::owner_repo
