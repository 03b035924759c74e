#pragma once
// Accounts: login and sessions, passwords, TOTP, and user administration.
// Slow calls (Argon2id: login, password changes) must run on the worker pool.
//
// Public read model: other modules' SQL that names the staff who wrote or did something
// joins the view `staff_directory (id, username, full_name)`
// (migrations/0015_read_models.sql), never the `users` table. Every account is listed,
// disabled ones too; the view's columns stay when the table changes.
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "modules/accounts/model.hpp"
#include "modules/accounts/session_cache.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/throttle/throttle.hpp"
#include "platform/time/time.hpp"

namespace antq::accounts {

struct Settings {
  int session_hours = 12;
  int free_attempts = 5;        // failures before delays start (per account; 4x per client)
  int max_delay_seconds = 900;  // the longest wait between attempts
};

class Service {
 public:
  Service(db::Database& db, const audit::Service& audit, const units::Service& units, const time::Clock& clock,
          Settings settings);

  // Throws invalid_credentials, totp_required, invalid_totp or too_many_attempts.
  Session login(const Credentials& credentials);
  // The session for a cookie token; throws unauthenticated when unknown, expired or disabled.
  Session session(const std::string& token) const;
  void logout(const std::string& token);

  void change_password(const Actor& actor, const std::string& current, const std::string& next);
  // The signed-in user's own settings: only `locale`, `phone` and `sms_opt_in` of the patch
  // (the others are refused); audited as user.settings.
  User update_own(const Actor& actor, const UserPatch& patch);
  TotpSetup begin_totp(const Actor& actor);
  // Returns the one-time recovery codes, shown once.
  std::vector<std::string> enable_totp(const Actor& actor, const std::string& code);
  void disable_totp(const Actor& actor, const std::string& password);

  // Administration (administrators only, within their scope). Reading a user is an
  // access to personal data and is audited.
  Page<User> list(const Actor& actor, const UserFilter& filter) const;
  User get(const Actor& actor, std::int64_t id) const;
  User create(const Actor& actor, const NewUser& input);
  User update(const Actor& actor, std::int64_t id, const UserPatch& patch);

  // The actor a session stands for.
  static Actor actor_of(const User& user);

  // For other services, inside their transaction: a user, and the public half of the
  // user's own key pair (nullopt until the first sign-in, or after a reset).
  std::optional<User> find(db::Tx& tx, std::int64_t id) const;
  std::optional<User> find_by_username(db::Tx& tx, const std::string& username) const;
  std::optional<std::string> box_public_key(db::Tx& tx, std::int64_t id) const;

  // Called inside the transaction that drops a user's own key pair (account disabled,
  // password reset by an administrator), so that keys given to that user go too.
  using KeysRevokedHook = std::function<void(db::Tx&, std::int64_t user_id)>;
  void on_keys_revoked(KeysRevokedHook hook) { keys_revoked_hooks_.push_back(std::move(hook)); }
  // Called after a sign-in succeeded, outside any transaction, with the new session and
  // its unlocked box key, so that other modules get ready for the user (the mailbox
  // refreshes the user's search indexes in the background). A hook that throws is
  // logged and skipped: the sign-in stands.
  using SignedInHook = std::function<void(const Session&)>;
  void on_signed_in(SignedInHook hook) { signed_in_hooks_.push_back(std::move(hook)); }

 private:
  std::int64_t session_expiry() const;
  // The user's own secret box key, unwrapped with the password, or a new key pair when
  // the user has none yet (first sign-in, or after an administrator's reset).
  std::string unlock_box_key(const User& user, const std::string& password);
  void revoke_keys(db::Tx& tx, std::int64_t user_id) const;
  // Every write of this service: the sessions checked recently are forgotten after it.
  void write(const std::function<void(db::Tx&)>& fn) const;

  std::vector<KeysRevokedHook> keys_revoked_hooks_;
  std::vector<SignedInHook> signed_in_hooks_;
  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const time::Clock& clock_;
  Settings settings_;
  Throttle account_throttle_;
  Throttle client_throttle_;  // more lenient: an office shares one address
  mutable SessionCache recent_sessions_;
  const std::string& dummy_hash();
  std::once_flag dummy_once_;
  std::string dummy_hash_;  // verified for unknown usernames, so timing reveals nothing
};

}  // namespace antq::accounts
