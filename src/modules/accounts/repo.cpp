#include "modules/accounts/repo.hpp"

#include "modules/units/subtree_sql.hpp"
#include "platform/db/params.hpp"
#include "platform/text/text.hpp"

namespace antq::accounts::repo {
namespace {

#define USER_SELECT                                                                                   \
  "SELECT u.id, u.username, u.full_name, u.role, u.unit_id, un.name, un.path, u.locale, u.disabled, " \
  "u.totp_secret IS NOT NULL, u.created_at, u.identity_permission FROM users u JOIN units un ON un.id = u.unit_id"

User from_row(const db::Row& r) {
  User u;
  u.id = r.i64(0);
  u.username = r.text(1);
  u.full_name = r.text(2);
  u.role = role_from_code(r.text(3)).value_or(Role::team_member);
  u.unit_id = r.i64(4);
  u.unit_name = r.text(5);
  u.unit_path = r.text(6);
  u.locale = r.text(7);
  u.disabled = r.boolean(8);
  u.totp_enabled = r.boolean(9);
  u.created_at = r.i64(10);
  u.identity_permission = r.boolean(11);
  return u;
}

}  // namespace

std::optional<User> by_username(db::Tx& tx, const std::string& username) {
  static constexpr db::Query q{"users.by_username", USER_SELECT " WHERE u.username = $1"};
  auto r = tx.row(q, username);
  if (!r) return std::nullopt;
  return from_row(*r);
}

std::optional<User> get(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"users.get", USER_SELECT " WHERE u.id = $1"};
  auto r = tx.row(q, id);
  if (!r) return std::nullopt;
  return from_row(*r);
}

Secrets secrets(db::Tx& tx, std::int64_t id) {
  static constexpr db::Query q{"users.secrets",
                               "SELECT password_hash, totp_secret, totp_pending FROM users WHERE id = $1"};
  auto r = tx.row(q, id);
  if (!r) return {};
  return Secrets{r->text(0), r->opt_text(1), r->opt_text(2)};
}

std::int64_t insert(db::Tx& tx, const User& u, const std::string& password_hash, std::int64_t now) {
  static constexpr db::Query q{
      "users.insert",
      "INSERT INTO users (username, full_name, full_name_folded, role, unit_id, password_hash, locale, disabled, "
      "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id"};
  return tx
      .row(q, u.username, u.full_name, text::fold(u.full_name + " " + u.username), std::string(role_code(u.role)),
           u.unit_id, password_hash, u.locale, u.disabled, now)
      ->i64(0);
}

void update(db::Tx& tx, const User& u, std::int64_t now) {
  static constexpr db::Query q{
      "users.update",
      "UPDATE users SET full_name = $2, full_name_folded = $3, role = $4, unit_id = $5, locale = $6, disabled = $7, "
      "updated_at = $8, identity_permission = $9 WHERE id = $1"};
  tx.exec(q, u.id, u.full_name, text::fold(u.full_name + " " + u.username), std::string(role_code(u.role)), u.unit_id,
          u.locale, u.disabled, now, u.identity_permission);
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

UserPage list(db::Tx& tx, const std::string& scope_path, const UserFilter& f) {
  std::string where = " WHERE " ANTQ_UNIT_IN_SUBTREE("un.path", "$1");
  db::Params params({scope_path});
  if (f.query) {
    where += " AND u.full_name_folded LIKE '%' || CAST(" + params.add(db::like_term(*f.query)) + " AS TEXT) || '%'";
  }
  if (f.role) where += " AND u.role = " + params.add(*f.role);
  UserPage page;
  page.total =
      tx.query(db::Query{"users.count", "SELECT count(*) FROM users u JOIN units un ON un.id = u.unit_id" + where},
               params.values())
          .at(0)
          .i64(0);
  std::string limit = params.add(static_cast<std::int64_t>(f.page_size));
  std::string offset = params.add(static_cast<std::int64_t>((f.page - 1) * f.page_size));
  std::string sql = USER_SELECT + where + " ORDER BY u.username LIMIT " + limit + " OFFSET " + offset;
  for (const auto& r : tx.query(db::Query{"users.list", sql}, params.values())) page.items.push_back(from_row(r));
  return page;
}

BoxKeys box_keys(db::Tx& tx, std::int64_t user_id) {
  static constexpr db::Query q{"users.box_keys",
                               "SELECT box_public_key, box_secret_wrapped, box_salt FROM users WHERE id = $1"};
  auto r = tx.row(q, user_id);
  if (!r || r->is_null(0)) return {};
  return BoxKeys{r->blob(0), r->blob(1), r->blob(2)};
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
  auto r = tx.row(q, token_hash);
  if (!r) return std::nullopt;
  return SessionRow{r->i64(0), r->text(1), r->i64(2), r->blob(3)};
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
