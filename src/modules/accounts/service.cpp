#include "modules/accounts/service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "modules/accounts/repo.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/error.hpp"
#include "platform/log/log.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::accounts {
namespace {

constexpr int kRecoveryCodes = 10;

std::string hash_token(const std::string& token) { return crypto::blake2b_hex("antq-session|" + token); }
// Encrypts what the session keeps (the user's secret key): only the cookie's token gives it.
std::string session_key(const std::string& token) { return crypto::blake2b("antq-session-key|" + token); }

repo::BoxKeys wrap_box_key(const crypto::KeyPair& pair, const std::string& password) {
  std::string salt = crypto::random_bytes(crypto::kSaltBytes);
  std::string kek = crypto::derive_key(password, salt);
  repo::BoxKeys keys{pair.public_key, crypto::secretbox(kek, pair.secret_key), salt};
  crypto::wipe(kek);
  return keys;
}
std::string hash_recovery(const std::string& code) {
  std::string digits;
  for (char c : code) {
    if (std::isalnum(static_cast<unsigned char>(c))) digits.push_back(static_cast<char>(std::tolower(c)));
  }
  return crypto::blake2b_hex("antq-recovery|" + digits);
}

bool valid_username(const std::string& name) {
  if (name.size() < 3 || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '.' || c == '_' || c == '-';
  });
}

void require_admin(const Actor& actor) {
  if (!actor.is(Role::admin)) throw Error::forbidden("user administration is for administrators");
}

std::string new_recovery_code() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // no look-alikes
  std::string code;
  for (int i = 0; i < 10; ++i) {
    if (i == 5) code.push_back('-');
    code.push_back(kAlphabet[crypto::random_below(sizeof(kAlphabet) - 1)]);
  }
  return code;
}

std::string user_detail(const User& u) {
  return boost::json::serialize(boost::json::object{{"username", u.username},
                                                    {"role", std::string(role_code(u.role))},
                                                    {"unit_id", u.unit_id},
                                                    {"disabled", u.disabled}});
}

// The language, the phone (typed as people do; "" removes it) and the SMS opt-in, which
// needs a mobile number.
void apply_settings(FieldErrors& errors, User& u, const UserPatch& patch) {
  if (patch.locale) {
    if (*patch.locale != "vi" && *patch.locale != "en") {
      errors.add("locale", "unknown_value");
    } else {
      u.locale = *patch.locale;
    }
  }
  bool mobile = false;
  if (patch.phone) {
    auto typed = text::clean(*patch.phone);
    if (typed.empty()) {
      u.phone.clear();
      u.sms_opt_in = false;
    } else if (auto check = text::normalise_phone(typed); check.phone) {
      u.phone = check.phone->e164;
      mobile = check.phone->kind == text::PhoneKind::mobile;
      if (!mobile) u.sms_opt_in = false;
    } else {
      errors.add("phone", check.error);
    }
  } else if (!u.phone.empty()) {
    auto check = text::normalise_phone(u.phone);
    mobile = check.phone && check.phone->kind == text::PhoneKind::mobile;
  }
  if (patch.sms_opt_in) {
    if (*patch.sms_opt_in && !mobile) errors.add("sms_opt_in", "no_mobile");
    u.sms_opt_in = *patch.sms_opt_in;
  }
}

// What changed, without the number itself.
std::string settings_detail(const User& u, const UserPatch& patch) {
  boost::json::object o;
  if (patch.locale) o["locale"] = u.locale;
  if (patch.phone) o["phone"] = u.phone.empty() ? "removed" : "set";
  if (patch.phone || patch.sms_opt_in) o["sms_opt_in"] = u.sms_opt_in;
  return boost::json::serialize(o);
}

}  // namespace

Service::Service(db::Database& db, const audit::Service& audit, const units::Service& units, const time::Clock& clock,
                 Settings settings)
    : db_(db),
      audit_(audit),
      units_(units),
      clock_(clock),
      settings_(settings),
      account_throttle_(clock, settings.free_attempts, settings.max_delay_seconds),
      client_throttle_(clock, settings.free_attempts * 4, settings.max_delay_seconds) {}

const std::string& Service::dummy_hash() {
  std::call_once(dummy_once_, [this] { dummy_hash_ = crypto::hash_password(crypto::random_token()); });
  return dummy_hash_;
}

Actor Service::actor_of(const User& user) {
  return Actor{user.id, user.username, user.role, user.unit_id, user.unit_path};
}

std::optional<User> Service::find(db::Tx& tx, std::int64_t id) const { return repo::get(tx, id); }

std::optional<User> Service::find_by_username(db::Tx& tx, const std::string& username) const {
  return repo::by_username(tx, username);
}

std::optional<std::string> Service::box_public_key(db::Tx& tx, std::int64_t id) const {
  return repo::box_keys(tx, id).public_key;
}

std::int64_t Service::session_expiry() const { return clock_.now() + settings_.session_hours * 3600LL * 1000; }

Session Service::login(const Credentials& c) {
  const std::string account_key = "user:" + c.username;
  const std::string client_key = "client:" + c.client;
  int wait = std::max(account_throttle_.wait_seconds(account_key), client_throttle_.wait_seconds(client_key));
  if (wait > 0) throw Error::too_many_attempts(wait);

  std::optional<User> user;
  repo::Secrets secrets;
  db_.read([&](db::Tx& tx) {
    user = repo::by_username(tx, c.username);
    if (user) secrets = repo::secrets(tx, user->id);
  });
  bool password_ok = crypto::verify_password(user ? secrets.password_hash : dummy_hash(), c.password);
  auto refuse = [&](Error::Kind kind, const char* action) {
    account_throttle_.failure(account_key);
    client_throttle_.failure(client_key);
    write([&](db::Tx& tx) {
      audit::Entry e;
      if (user) e.actor_id = user->id;
      e.actor_name = c.username.substr(0, 64);
      e.action = action;
      e.entity = "user";
      e.entity_id = user ? std::to_string(user->id) : "";
      audit_.record(tx, std::move(e));
    });
    return Error::of(kind, action);
  };
  if (!user || !password_ok || user->disabled) throw refuse(Error::Kind::invalid_credentials, "auth.login_failed");

  bool used_recovery = false;
  if (secrets.totp_secret) {
    if (!c.totp || c.totp->empty()) throw Error::of(Error::Kind::totp_required, "second factor needed");
    auto step = crypto::totp_step(*secrets.totp_secret, *c.totp, clock_.now() / 1000);
    bool accepted = false;
    write([&](db::Tx& tx) {
      if (step) {
        accepted = repo::accept_totp_step(tx, user->id, *step);  // a code counts once
      } else {
        used_recovery = repo::use_recovery_code(tx, user->id, hash_recovery(*c.totp), clock_.now());
      }
    });
    if (!accepted && !used_recovery) throw refuse(Error::Kind::invalid_totp, "auth.totp_failed");
  }
  account_throttle_.success(account_key);  // the client's count stays: one good account must not unlock guessing

  Session s;
  s.token = crypto::random_token(32);
  s.csrf_token = crypto::random_token(24);
  s.expires_at = session_expiry();
  s.user = *user;
  s.box_secret_key = unlock_box_key(*user, c.password);
  std::string sealed_key = crypto::secretbox(session_key(s.token), s.box_secret_key);
  write([&](db::Tx& tx) {
    auto now = clock_.now();
    repo::delete_expired_sessions(tx, now);
    repo::insert_session(tx, hash_token(s.token), user->id, s.csrf_token, now, s.expires_at, sealed_key);
    audit_.record(tx, actor_of(*user), "auth.login", "user", std::to_string(user->id),
                  used_recovery ? R"({"recovery_code":true})" : "{}");
  });
  for (const auto& hook : signed_in_hooks_) {
    try {
      hook(s);
    } catch (const std::exception& e) {  // the sign-in has happened: a hook cannot undo it
      spdlog::warn("a sign-in hook failed: {}", e.what());
    }
  }
  return s;
}

Session Service::session(const std::string& token) const {
  if (token.empty() || token.size() > 128) throw Error::unauthenticated();
  auto key = hash_token(token);
  auto now = clock_.now();
  auto checked = recent_sessions_.find(key, now);
  if (!checked) {
    auto generation = recent_sessions_.generation();
    db_.read([&](db::Tx& tx) {
      auto row = repo::session(tx, key);
      if (!row || row->expires_at <= now) return;
      auto user = repo::get(tx, row->user_id);
      if (!user || user->disabled) return;
      checked = SessionCache::Checked{*user, row->csrf_token, row->expires_at, row->box_secret_sealed};
    });
    if (!checked) throw Error::unauthenticated();
    recent_sessions_.keep(key, *checked, now, generation);
  }
  Session s;
  s.csrf_token = std::move(checked->csrf_token);
  s.expires_at = checked->expires_at;
  s.user = std::move(checked->user);
  if (!checked->box_secret_sealed.empty()) {
    s.box_secret_key = crypto::open_secretbox(session_key(token), checked->box_secret_sealed).value_or("");
  }
  return s;
}

void Service::write(const std::function<void(db::Tx&)>& fn) const {
  // Whatever changed (a session, a user's role or scope, a password) is read again.
  struct Forget {
    SessionCache& cache;
    ~Forget() { cache.forget_all(); }
  } forget{recent_sessions_};
  db_.write(fn);
}

std::string Service::unlock_box_key(const User& user, const std::string& password) {
  repo::BoxKeys keys;
  db_.read([&](db::Tx& tx) { keys = repo::box_keys(tx, user.id); });
  if (keys.public_key) {
    std::string kek = crypto::derive_key(password, keys.salt);
    auto secret = crypto::open_secretbox(kek, keys.wrapped_secret);
    crypto::wipe(kek);
    if (secret) return *secret;
  }
  auto pair = crypto::new_key_pair();
  auto wrapped = wrap_box_key(pair, password);
  write([&](db::Tx& tx) {
    repo::set_box_keys(tx, user.id, wrapped);
    audit_.record(tx, actor_of(user), "user.key_create", "user", std::to_string(user.id));
  });
  return pair.secret_key;
}

void Service::revoke_keys(db::Tx& tx, std::int64_t user_id) const {
  repo::set_box_keys(tx, user_id, std::nullopt);
  for (const auto& hook : keys_revoked_hooks_) hook(tx, user_id);
}

void Service::logout(const std::string& token) {
  auto s = session(token);
  write([&](db::Tx& tx) {
    repo::delete_session(tx, hash_token(token));
    audit_.record(tx, actor_of(s.user), "auth.logout", "user", std::to_string(s.user.id));
  });
}

void Service::change_password(const Actor& actor, const std::string& current, const std::string& next) {
  std::string hash;
  db_.read([&](db::Tx& tx) { hash = repo::secrets(tx, actor.user_id).password_hash; });
  if (!crypto::verify_password(hash, current)) throw Error::field("current_password", "unknown_value");
  if (text::length(next) < kMinPasswordLength) throw Error::field("new_password", "weak_password");
  if (next.size() > 1024) throw Error::field("new_password", "too_long");
  std::string new_hash = crypto::hash_password(next);
  // The own key pair stays: unwrap it with the current password, wrap it with the new one.
  repo::BoxKeys keys;
  db_.read([&](db::Tx& tx) { keys = repo::box_keys(tx, actor.user_id); });
  std::optional<repo::BoxKeys> rewrapped;
  if (keys.public_key) {
    std::string kek = crypto::derive_key(current, keys.salt);
    auto secret = crypto::open_secretbox(kek, keys.wrapped_secret);
    crypto::wipe(kek);
    if (secret) rewrapped = wrap_box_key(crypto::KeyPair{*keys.public_key, *secret}, next);
  }
  write([&](db::Tx& tx) {
    repo::set_password(tx, actor.user_id, new_hash, clock_.now());
    if (rewrapped) repo::set_box_keys(tx, actor.user_id, rewrapped);
    audit_.record(tx, actor, "user.password_change", "user", std::to_string(actor.user_id));
  });
}

User Service::update_own(const Actor& actor, const UserPatch& patch) {
  if (patch.full_name || patch.role || patch.unit_id || patch.disabled || patch.password || patch.identity_permission) {
    throw Error::forbidden("only the language, the phone and the SMS reminders are one's own to change");
  }
  User u;
  write([&](db::Tx& tx) {
    u = repo::get(tx, actor.user_id).value();
    FieldErrors errors;
    apply_settings(errors, u, patch);
    errors.throw_if_any();
    repo::update(tx, u, clock_.now());
    audit_.record(tx, actor, "user.settings", "user", std::to_string(u.id), settings_detail(u, patch));
  });
  return u;
}

TotpSetup Service::begin_totp(const Actor& actor) {
  TotpSetup setup;
  setup.secret = crypto::new_totp_secret();
  setup.otpauth_uri = crypto::otpauth_uri(actor.username, setup.secret);
  setup.qr_svg = crypto::qr_svg(setup.otpauth_uri);
  write([&](db::Tx& tx) {
    auto secrets = repo::secrets(tx, actor.user_id);
    if (secrets.totp_secret) throw Error::conflict("two-factor authentication is already on");
    repo::set_totp(tx, actor.user_id, std::nullopt, setup.secret, clock_.now());
    audit_.record(tx, actor, "user.totp_setup", "user", std::to_string(actor.user_id));
  });
  return setup;
}

std::vector<std::string> Service::enable_totp(const Actor& actor, const std::string& code) {
  std::vector<std::string> codes;
  write([&](db::Tx& tx) {
    auto secrets = repo::secrets(tx, actor.user_id);
    if (secrets.totp_secret) throw Error::conflict("two-factor authentication is already on");
    if (!secrets.totp_pending) throw Error::conflict("start the setup first");
    auto step = crypto::totp_step(*secrets.totp_pending, code, clock_.now() / 1000);
    if (!step) throw Error::field("code", "unknown_value");
    std::vector<std::string> hashes;
    for (int i = 0; i < kRecoveryCodes; ++i) {
      codes.push_back(new_recovery_code());
      hashes.push_back(hash_recovery(codes.back()));
    }
    repo::set_totp(tx, actor.user_id, secrets.totp_pending, std::nullopt, clock_.now());
    repo::accept_totp_step(tx, actor.user_id, *step);  // the code that turned it on cannot sign in
    repo::replace_recovery_codes(tx, actor.user_id, hashes);
    audit_.record(tx, actor, "user.totp_enable", "user", std::to_string(actor.user_id));
  });
  return codes;
}

void Service::disable_totp(const Actor& actor, const std::string& password) {
  std::string hash;
  db_.read([&](db::Tx& tx) { hash = repo::secrets(tx, actor.user_id).password_hash; });
  if (!crypto::verify_password(hash, password)) throw Error::field("password", "unknown_value");
  write([&](db::Tx& tx) {
    repo::set_totp(tx, actor.user_id, std::nullopt, std::nullopt, clock_.now());
    repo::replace_recovery_codes(tx, actor.user_id, {});
    audit_.record(tx, actor, "user.totp_disable", "user", std::to_string(actor.user_id));
  });
}

Page<User> Service::list(const Actor& actor, const UserFilter& filter) const {
  require_admin(actor);
  UserFilter f = filter;
  f.page = std::max(1, f.page);
  f.page_size = std::clamp(f.page_size, 1, 500);
  if (f.role && !role_from_code(*f.role)) throw Error::field("role", "unknown_value");
  Page<User> page;
  db_.read([&](db::Tx& tx) { page = repo::list(tx, actor.scope_path, f); });
  write([&](db::Tx& tx) {
    boost::json::array ids;
    for (const auto& u : page.items) ids.push_back(u.id);
    audit_.record(tx, actor, "user.list", "user", "", boost::json::serialize(boost::json::object{{"ids", ids}}));
  });
  return page;
}

User Service::get(const Actor& actor, std::int64_t id) const {
  require_admin(actor);
  std::optional<User> user;
  db_.read([&](db::Tx& tx) { user = repo::get(tx, id); });
  if (!user || !actor.covers(user->unit_path)) throw Error::not_found("user");
  write([&](db::Tx& tx) { audit_.record(tx, actor, "user.read", "user", std::to_string(id)); });
  return *user;
}

User Service::create(const Actor& actor, const NewUser& in) {
  require_admin(actor);
  FieldErrors errors;
  User u;
  u.username = text::clean(in.username);
  u.full_name = text::clean(in.full_name);
  u.locale = in.locale.empty() ? "vi" : in.locale;
  if (!valid_username(u.username)) errors.add("username", u.username.empty() ? "required" : "invalid_format");
  if (u.full_name.empty()) errors.add("full_name", "required");
  if (text::length(u.full_name) > 200) errors.add("full_name", "too_long");
  auto role = role_from_code(in.role);
  if (!role) errors.add("role", in.role.empty() ? "required" : "unknown_value");
  if (u.locale != "vi" && u.locale != "en") errors.add("locale", "unknown_value");
  if (text::length(in.password) < kMinPasswordLength) errors.add("password", "weak_password");
  if (in.password.size() > 1024) errors.add("password", "too_long");
  std::optional<units::Unit> unit;
  if (!in.unit_id) {
    errors.add("unit_id", "required");
  } else {
    unit = units_.find(*in.unit_id);
    if (!unit)
      errors.add("unit_id", "not_found");
    else if (!actor.covers(unit->path))
      errors.add("unit_id", "out_of_scope");
  }
  errors.throw_if_any();
  u.role = *role;
  u.unit_id = unit->id;
  std::string hash = crypto::hash_password(in.password);
  User created;
  write([&](db::Tx& tx) {
    if (repo::by_username(tx, u.username)) throw Error::field("username", "duplicate");
    auto id = repo::insert(tx, u, hash, clock_.now());
    created = *repo::get(tx, id);
    audit_.record(tx, actor, "user.create", "user", std::to_string(id), user_detail(created));
  });
  return created;
}

User Service::update(const Actor& actor, std::int64_t id, const UserPatch& patch) {
  require_admin(actor);
  std::optional<std::string> new_hash;
  if (patch.password) {
    if (text::length(*patch.password) < kMinPasswordLength) throw Error::field("password", "weak_password");
    if (patch.password->size() > 1024) throw Error::field("password", "too_long");
    new_hash = crypto::hash_password(*patch.password);
  }
  User updated;
  write([&](db::Tx& tx) {
    auto u = repo::get(tx, id);
    if (!u || !actor.covers(u->unit_path)) throw Error::not_found("user");
    FieldErrors errors;
    if (patch.full_name) {
      u->full_name = text::clean(*patch.full_name);
      if (u->full_name.empty()) errors.add("full_name", "required");
      if (text::length(u->full_name) > 200) errors.add("full_name", "too_long");
    }
    if (patch.role) {
      auto role = role_from_code(*patch.role);
      if (!role)
        errors.add("role", "unknown_value");
      else
        u->role = *role;
    }
    apply_settings(errors, *u, patch);
    if (patch.unit_id) {
      auto unit = units_.find(tx, *patch.unit_id);
      if (!unit)
        errors.add("unit_id", "not_found");
      else if (!actor.covers(unit->path))
        errors.add("unit_id", "out_of_scope");
      else
        u->unit_id = unit->id;
    }
    if (patch.disabled) {
      if (*patch.disabled && id == actor.user_id) errors.add("disabled", "unknown_value");  // no self-lockout
      u->disabled = *patch.disabled;
    }
    if (patch.identity_permission) u->identity_permission = *patch.identity_permission;
    errors.throw_if_any();
    auto now = clock_.now();
    repo::update(tx, *u, now);
    if (new_hash) repo::set_password(tx, id, *new_hash, now);
    if (u->disabled || new_hash) {
      repo::delete_sessions_of(tx, id, "");
      revoke_keys(tx, id);  // an administrator cannot rewrap a key without the old password
    }
    updated = *repo::get(tx, id);
    auto detail = user_detail(updated);
    if (new_hash) detail.insert(detail.size() - 1, R"(,"password_reset":true)");
    if (patch.phone || patch.sms_opt_in) {
      detail.insert(detail.size() - 1, R"(,"phone":")" + std::string(updated.phone.empty() ? "none" : "set") +
                                           R"(","sms_opt_in":)" + (updated.sms_opt_in ? "true" : "false"));
    }
    audit_.record(tx, actor, "user.update", "user", std::to_string(id), detail);
  });
  return updated;
}

}  // namespace antq::accounts
