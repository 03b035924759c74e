#include "modules/accounts/repo.hpp"

#include "modules/units/subtree_sql.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/text/text.hpp"

namespace antq::accounts::repo {
namespace {

#define USER_COLUMNS                                                                           \
  "u.id, u.username, u.full_name, u.role, u.unit_id, un.name, un.path, u.locale, u.disabled, " \
  "u.totp_secret IS NOT NULL, u.created_at, u.identity_permission, u.phone, u.sms_opt_in"
// A user's unit through the units module's read model (see units/service.hpp).
#define USER_FROM " FROM users u JOIN unit_directory un ON un.id = u.unit_id"
#define USER_SELECT "SELECT " USER_COLUMNS USER_FROM

User from_row(db::Reader& r) {
  User u;
  u.id = r.i64();
  u.username = r.text();
  u.full_name = r.text();
  u.role = role_from_code(r.text()).value_or(Role::team_member);
  u.unit_id = r.i64();
  u.unit_name = r.text();
  u.unit_path = r.text();
  u.locale = r.text();
  u.disabled = r.boolean();
  u.totp_enabled = r.boolean();
  u.created_at = r.i64();
  u.identity_permission = r.boolean();
  u.phone = r.text();
  u.sms_opt_in = r.boolean();
  return u;
}

}  // namespace

std::optional<User> by_username(db::Tx& tx, const std::string& username) {
  static constexpr db::Query q{"users.by_username", USER_SELECT " WHERE u.username = $1"};
  return db::one(tx, q, from_row, username);
}

std::optional<User> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"users.get", USER_SELECT " WHERE u.id = $1"};
  return db::one(tx, q, from_row, id);
}

Secrets secrets(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"users.secrets",
                               "SELECT password_hash, totp_secret, totp_pending FROM users WHERE id = $1"};
  auto secrets = db::one(
      tx, q,
      [](db::Reader& r) {
        return Secrets{r.text(), r.opt_text(), r.opt_text()};
      },
      id);
  return secrets.value_or(Secrets{});
}

std::int64_t insert(db::Tx& tx, const User& u, const std::string& password_hash, std::int64_t now) {
  static constexpr db::Query q{
      "users.insert",
      "INSERT INTO users (username, full_name, full_name_folded, role, unit_id, password_hash, locale, disabled, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id"};
  return db::scalar(tx, q, u.username, u.full_name, text::fold(u.full_name + " " + u.username),
                    std::string(role_code(u.role)), u.unit_id, password_hash, u.locale, u.disabled, now);
}

void update(db::Tx& tx, const User& u, std::int64_t now) {
  static constexpr db::Query q{
      "users.update",
      "UPDATE users SET full_name = $2, full_name_folded = $3, role = $4, unit_id = $5, locale = $6, disabled = $7, "
      "updated_at = $8, identity_permission = $9, phone = $10, sms_opt_in = $11 WHERE id = $1"};
  tx.exec(q, u.id, u.full_name, text::fold(u.full_name + " " + u.username), std::string(role_code(u.role)), u.unit_id,
          u.locale, u.disabled, now, u.identity_permission, u.phone, u.sms_opt_in);
}

void set_password(db::Tx& tx, std::int64_t id, const std::string& hash, std::int64_t now) {
  static constexpr db::Query q{"users.set_password",
                               "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1"};
  tx.exec(q, id, hash, now);
}

bool accept_totp_step(db::Tx& tx, std::int64_t user_id, std::int64_t step) {
  static constexpr db::Query q{"users.accept_totp_step",
                               "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND "
                               "(totp_last_step IS NULL OR totp_last_step < $2)"};
  return tx.exec(q, user_id, step) == 1;
}

void set_totp(db::Tx& tx, std::int64_t id, const std::optional<std::string>& secret,
              const std::optional<std::string>& pending, std::int64_t now) {
  static constexpr db::Query q{"users.set_totp",
                               "UPDATE users SET totp_secret = $2, totp_pending = $3, updated_at = $4 WHERE id = $1"};
  tx.exec(q, id, secret, pending, now);
}

Page<User> list(db::Tx& tx, const std::string& scope_path, const UserFilter& f) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("un.path", "$1");
  db::Params params({scope_path});
  if (f.query) {
    where += " AND u.full_name_folded LIKE '%' || CAST(" + params.add(db::like_term(*f.query)) + " AS TEXT) || '%'";
  }
  if (f.role) where += " AND u.role = " + params.add(*f.role);
  return db::page(tx, "users", USER_COLUMNS, USER_FROM + where, " ORDER BY u.username", std::move(params), f.page,
                  f.page_size, from_row);
}

BoxKeys box_keys(db::Tx& tx, std::int64_t user_id) {
  static constexpr db::Query q{"users.box_keys",
                               "SELECT box_public_key, box_secret_wrapped, box_salt FROM users WHERE id = $1"};
  auto keys = db::one(
      tx, q,
      [](db::Reader& r) {
        auto public_key = r.opt_blob();
        BoxKeys k{public_key, r.blob(), r.blob()};
        return public_key ? k : BoxKeys{};
      },
      user_id);
  return keys.value_or(BoxKeys{});
}

void set_box_keys(db::Tx& tx, std::int64_t user_id, const std::optional<BoxKeys>& keys) {
  static constexpr db::Query q{
      "users.set_box_keys",
      "UPDATE users SET box_public_key = $2, box_secret_wrapped = $3, box_salt = $4 WHERE id = $1"};
  if (!keys || !keys->public_key) {
    tx.exec(q, user_id, nullptr, nullptr, nullptr);
    return;
  }
  tx.exec(q, user_id, db::Blob{*keys->public_key}, db::Blob{keys->wrapped_secret}, db::Blob{keys->salt});
}

void replace_recovery_codes(db::Tx& tx, std::int64_t user_id, const std::vector<std::string>& hashes) {
  static constexpr db::Query del{"recovery.delete", "DELETE FROM recovery_codes WHERE user_id = $1"};
  static constexpr db::Query ins{"recovery.insert", "INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)"};
  tx.exec(del, user_id);
  for (const auto& h : hashes) tx.exec(ins, user_id, h);
}

bool use_recovery_code(db::Tx& tx, std::int64_t user_id, const std::string& hash, std::int64_t now) {
  static constexpr db::Query q{
      "recovery.use",
      "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL"};
  return tx.exec(q, user_id, hash, now) > 0;
}

void insert_session(db::Tx& tx, const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                    std::int64_t now, std::int64_t expires_at, const std::string& box_secret_sealed) {
  static constexpr db::Query q{"sessions.insert",
                               "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, "
                               "box_secret_sealed) VALUES ($1, $2, $3, $4, $5, $6)"};
  db::Value sealed = box_secret_sealed.empty() ? db::Value(nullptr) : db::Value(db::Blob{box_secret_sealed});
  tx.exec(q, token_hash, user_id, csrf, now, expires_at, sealed);
}

std::optional<SessionRow> session(db::Tx& tx, const std::string& token_hash) {
  static constexpr db::Query q{"sessions.get",
                               "SELECT user_id, csrf_token, expires_at, box_secret_sealed FROM sessions "
                               "WHERE token_hash = $1"};
  return db::one(
      tx, q,
      [](db::Reader& r) {
        return SessionRow{r.i64(), r.text(), r.i64(), r.blob()};
      },
      token_hash);
}

void delete_session(db::Tx& tx, const std::string& token_hash) {
  static constexpr db::Query q{"sessions.delete", "DELETE FROM sessions WHERE token_hash = $1"};
  tx.exec(q, token_hash);
}

void delete_sessions_of(db::Tx& tx, std::int64_t user_id, const std::string& except_hash) {
  static constexpr db::Query q{"sessions.delete_user", "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2"};
  tx.exec(q, user_id, except_hash);
}

void delete_expired_sessions(db::Tx& tx, std::int64_t now) {
  static constexpr db::Query q{"sessions.delete_expired", "DELETE FROM sessions WHERE expires_at < $1"};
  tx.exec(q, now);
}

}  // namespace antq::accounts::repo
