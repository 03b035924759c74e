#include "modules/mailbox/keys.hpp"

#include <boost/json.hpp>

#include "modules/mailbox/keys_repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::mailbox {
namespace {

using Versions = std::vector<std::pair<std::int64_t, crypto::KeyPair>>;  // unit_key_id, key pair

std::string detail(std::int64_t unit_id, std::optional<std::int64_t> user_id = std::nullopt, int version = 0) {
  boost::json::object o{{"unit_id", unit_id}};
  if (user_id) o["user_id"] = *user_id;
  if (version) o["version"] = version;
  return boost::json::serialize(o);
}

}  // namespace

std::string format_recovery_key(const std::string& raw) {
  std::string b32 = crypto::to_base32(raw);
  std::string out;
  for (std::size_t i = 0; i < b32.size(); ++i) {
    if (i && i % 4 == 0) out.push_back('-');
    out.push_back(b32[i]);
  }
  return out;
}

std::optional<std::string> parse_recovery_key(const std::string& text) {
  auto raw = crypto::from_base32(text);
  if (!raw || raw->size() != crypto::kKeyBytes) return std::nullopt;
  return raw;
}

units::Unit Keys::commune_in_scope(db::Tx& tx, const Actor& actor, std::int64_t unit_id) const {
  auto unit = units_.find(tx, unit_id);
  if (!unit || !actor.covers(unit->path)) throw Error::field("unit_id", "not_found");
  if (!units::is_commune_level(unit->kind)) throw Error::field("unit_id", "unknown_value");
  return *unit;
}

std::string Keys::init(const Actor& actor, std::int64_t unit_id) const {
  if (!actor.is(Role::admin)) throw Error::forbidden("only administrators create commune keys");
  std::string recovery = crypto::random_bytes(crypto::kKeyBytes);
  db_.write([&](db::Tx& tx) {
    commune_in_scope(tx, actor, unit_id);
    if (!keys_repo::versions(tx, unit_id).empty()) throw Error::conflict("the commune already has a key");
    auto pair = crypto::new_key_pair();
    keys_repo::insert(tx, unit_id, 1, pair.public_key, crypto::secretbox(recovery, pair.secret_key), clock_.now());
    crypto::wipe(pair.secret_key);
    audit_.record(tx, actor, "mailbox.key_init", "unit", std::to_string(unit_id), detail(unit_id, std::nullopt, 1));
  });
  return format_recovery_key(recovery);
}

std::vector<crypto::KeyPair> Keys::versions_from_recovery(db::Tx& tx, std::int64_t unit_id,
                                                          const std::string& recovery_key) const {
  auto raw = parse_recovery_key(recovery_key);
  if (!raw) throw Error::field("recovery_key", "invalid_format");
  std::vector<crypto::KeyPair> out;
  auto versions = keys_repo::versions(tx, unit_id);
  if (versions.empty()) throw Error::field("unit_id", "not_found");
  // Only the newest version is wrapped under the current recovery key; older versions
  // travel with it, sealed inside (see rotate()).
  const auto& newest = versions.back();
  auto secret = crypto::open_secretbox(*raw, newest.recovery_wrapped);
  if (!secret) throw Error::field("recovery_key", "unknown_value");
  out.push_back(crypto::KeyPair{newest.public_key, *secret});
  return out;
}

void Keys::give(db::Tx& tx, const Actor& actor, std::int64_t unit_id, const Versions& versions,
                std::int64_t user_id) const {
  auto user = accounts_.find(tx, user_id);
  auto unit = units_.find(tx, unit_id);
  // Keys go to officers (and administrators) whose own scope covers the commune.
  if (!user || user->disabled || !unit || unit->path.rfind(user->unit_path, 0) != 0 ||
      (user->role != Role::officer && user->role != Role::admin)) {
    throw Error::field("user_id", "out_of_scope");
  }
  auto recipient = accounts_.box_public_key(tx, user_id);
  if (!recipient) throw Error::field("user_id", "no_key");  // must sign in once first
  auto now = clock_.now();
  for (const auto& [unit_key_id, pair] : versions) {
    keys_repo::upsert_grant(
        tx, keys_repo::GrantRow{unit_key_id, user_id, *recipient, crypto::seal(*recipient, pair.secret_key)},
        actor.user_id ? std::optional<std::int64_t>(actor.user_id) : std::nullopt, now);
  }
  audit_.record(tx, actor, "mailbox.key_grant", "user", std::to_string(user_id), detail(unit_id, user_id));
}

void Keys::grant(const Actor& actor, const std::string& holder_secret, std::int64_t unit_id,
                 std::int64_t user_id) const {
  if (!actor.is(Role::officer) && !actor.is(Role::admin)) throw Error::forbidden("keys are for officers");
  db_.write([&](db::Tx& tx) {
    commune_in_scope(tx, actor, unit_id);
    Versions versions;
    for (const auto& v : keys_repo::versions(tx, unit_id)) {
      auto pair = open(tx, v.id, actor.user_id, holder_secret);
      if (pair) versions.emplace_back(v.id, std::move(*pair));
    }
    if (versions.empty()) throw Error::forbidden("the caller holds no key of this commune");
    give(tx, actor, unit_id, versions, user_id);
  });
}

void Keys::grant_with_recovery(const Actor& actor, std::int64_t unit_id, const std::string& recovery_key,
                               std::int64_t user_id) const {
  if (!actor.is(Role::admin)) throw Error::forbidden("recovery is for administrators");
  db_.write([&](db::Tx& tx) {
    commune_in_scope(tx, actor, unit_id);
    auto newest = versions_from_recovery(tx, unit_id, recovery_key).front();
    Versions versions;
    // Older versions: their secret keys are sealed to the newest one at rotation.
    for (const auto& v : keys_repo::versions(tx, unit_id)) {
      if (v.public_key == newest.public_key) {
        versions.emplace_back(v.id, newest);
      } else if (auto old = crypto::open_sealed(newest, keys_repo::sealed_previous(tx, v.id))) {
        versions.emplace_back(v.id, crypto::KeyPair{v.public_key, *old});
      }
    }
    give(tx, actor, unit_id, versions, user_id);
  });
}

std::string Keys::rotate(const Actor& actor, std::int64_t unit_id, const std::string& recovery_key) const {
  if (!actor.is(Role::admin)) throw Error::forbidden("rotation is for administrators");
  std::string recovery = crypto::random_bytes(crypto::kKeyBytes);
  db_.write([&](db::Tx& tx) {
    commune_in_scope(tx, actor, unit_id);
    auto current = versions_from_recovery(tx, unit_id, recovery_key).front();
    auto versions = keys_repo::versions(tx, unit_id);
    int next = versions.back().version + 1;
    auto pair = crypto::new_key_pair();
    auto now = clock_.now();
    auto id = keys_repo::insert(tx, unit_id, next, pair.public_key, crypto::secretbox(recovery, pair.secret_key), now);
    // Every older secret key is sealed to the new key, so that the new recovery key
    // still opens all of them.
    for (const auto& v : versions) {
      std::string old_secret;
      if (v.public_key == current.public_key) {
        old_secret = current.secret_key;
      } else if (auto s = crypto::open_sealed(current, keys_repo::sealed_previous(tx, v.id))) {
        old_secret = *s;
      } else {
        continue;
      }
      keys_repo::set_sealed_previous(tx, v.id, crypto::seal(pair.public_key, old_secret));
      keys_repo::clear_recovery(tx, v.id);  // the old recovery key must open nothing any more
    }
    // Current holders receive the new version too.
    for (const auto& g : keys_repo::grants_of_unit(tx, unit_id)) {
      if (g.unit_key_id != versions.back().id) continue;
      auto pk = accounts_.box_public_key(tx, g.user_id);
      if (!pk || *pk != g.recipient_public_key) continue;
      keys_repo::upsert_grant(tx, keys_repo::GrantRow{id, g.user_id, *pk, crypto::seal(*pk, pair.secret_key)},
                              actor.user_id ? std::optional<std::int64_t>(actor.user_id) : std::nullopt, now);
    }
    audit_.record(tx, actor, "mailbox.key_rotate", "unit", std::to_string(unit_id),
                  detail(unit_id, std::nullopt, next));
  });
  return format_recovery_key(recovery);
}

KeyStatus Keys::status(const Actor& actor, std::int64_t unit_id) const {
  if (!actor.is(Role::officer) && !actor.is(Role::admin)) throw Error::forbidden("keys are for officers");
  KeyStatus st;
  st.unit_id = unit_id;
  db_.read([&](db::Tx& tx) {
    commune_in_scope(tx, actor, unit_id);
    auto versions = keys_repo::versions(tx, unit_id);
    st.version = versions.empty() ? 0 : versions.back().version;
    for (const auto& g : keys_repo::grants_of_unit(tx, unit_id)) {
      if (versions.empty() || g.unit_key_id != versions.back().id) continue;
      auto user = accounts_.find(tx, g.user_id);
      auto pk = accounts_.box_public_key(tx, g.user_id);
      st.holders.push_back(KeyHolder{g.user_id, user ? user->username : "", st.version,
                                     pk && *pk == g.recipient_public_key && user && !user->disabled});
    }
  });
  return st;
}

std::optional<UnitPublicKey> Keys::current(db::Tx& tx, std::int64_t unit_id) const {
  auto versions = keys_repo::versions(tx, unit_id);
  if (versions.empty()) return std::nullopt;
  const auto& v = versions.back();
  return UnitPublicKey{v.id, v.version, v.public_key};
}

std::optional<crypto::KeyPair> Keys::open(db::Tx& tx, std::int64_t unit_key_id, std::int64_t user_id,
                                          const std::string& user_secret) const {
  if (user_secret.empty()) return std::nullopt;
  auto found = keys_repo::grant(tx, unit_key_id, user_id);
  if (!found) return std::nullopt;
  const auto& grant = found->grant;
  auto secret = crypto::open_sealed(crypto::KeyPair{grant.recipient_public_key, user_secret}, grant.sealed_secret);
  if (!secret) return std::nullopt;
  return crypto::KeyPair{found->unit_public_key, *secret};
}

void Keys::revoke_user(db::Tx& tx, std::int64_t user_id) const { keys_repo::delete_grants_of(tx, user_id); }

std::string Keys::current_for_tip(db::Tx& tx, std::int64_t unit_key_id) const {
  auto key = keys_repo::get(tx, unit_key_id);
  if (!key) throw Error::internal("tip without its unit key");
  return key->public_key;
}

std::optional<accounts::User> Keys::holder_candidate(db::Tx& tx, std::int64_t user_id) const {
  auto user = accounts_.find(tx, user_id);
  if (!user || user->disabled || user->role != Role::officer) return std::nullopt;
  return user;
}

bool Keys::may_see_identity(db::Tx& tx, std::int64_t user_id) const {
  auto user = accounts_.find(tx, user_id);
  return user && !user->disabled && user->identity_permission;
}

}  // namespace antq::mailbox
