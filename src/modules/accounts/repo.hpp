#pragma once
// The only place with SQL for accounts.
#include <optional>
#include <string>

#include "modules/accounts/model.hpp"
#include "platform/db/database.hpp"

namespace antq::accounts::repo {

struct Secrets {
  std::string password_hash;
  std::optional<std::string> totp_secret;
  std::optional<std::string> totp_pending;
};

std::optional<User> by_username(db::Tx& tx, const std::string& username);
std::optional<User> get(db::Tx& tx, std::int64_t id);
Secrets secrets(db::Tx& tx, std::int64_t id);
std::int64_t insert(db::Tx& tx, const User& user, const std::string& password_hash, std::int64_t now);
void update(db::Tx& tx, const User& user, std::int64_t now);
void set_password(db::Tx& tx, std::int64_t id, const std::string& hash, std::int64_t now);
void set_totp(db::Tx& tx, std::int64_t id, const std::optional<std::string>& secret,
              const std::optional<std::string>& pending, std::int64_t now);
Page<User> list(db::Tx& tx, const std::string& scope_path, const UserFilter& filter);

// Records `step` as the user's last accepted TOTP step unless one at or after it was
// accepted already (a replayed code, or a race with the same code): false then.
bool accept_totp_step(db::Tx& tx, std::int64_t user_id, std::int64_t step);

// The user's own key pair: public key, the wrapped secret key and the wrapping salt.
struct BoxKeys {
  std::optional<std::string> public_key;
  std::string wrapped_secret;
  std::string salt;
};
BoxKeys box_keys(db::Tx& tx, std::int64_t user_id);
void set_box_keys(db::Tx& tx, std::int64_t user_id, const std::optional<BoxKeys>& keys);

void replace_recovery_codes(db::Tx& tx, std::int64_t user_id, const std::vector<std::string>& hashes);
// Marks a matching unused code as used; true when one matched.
bool use_recovery_code(db::Tx& tx, std::int64_t user_id, const std::string& hash, std::int64_t now);

void insert_session(db::Tx& tx, const std::string& token_hash, std::int64_t user_id, const std::string& csrf,
                    std::int64_t now, std::int64_t expires_at, const std::string& box_secret_sealed);
struct SessionRow {
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t expires_at = 0;
  std::string box_secret_sealed;
};
std::optional<SessionRow> session(db::Tx& tx, const std::string& token_hash);
void delete_session(db::Tx& tx, const std::string& token_hash);
void delete_sessions_of(db::Tx& tx, std::int64_t user_id, const std::string& except_hash);
void delete_expired_sessions(db::Tx& tx, std::int64_t now);

}  // namespace antq::accounts::repo
