#pragma once
// Key custody for the mailbox (quản lý khóa). Each commune has X25519 key pairs
// (versions); tips are sealed to the newest. A version's secret key exists only:
//  - sealed to the own public key of each officer it was given to (a grant), and
//  - wrapped under the commune's recovery key, shown once when the key is made.
// So the server can open tips only while an officer who holds the key is signed in, and
// a stolen database alone opens nothing.
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/accounts/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/box.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {

struct UnitPublicKey {
  std::int64_t unit_key_id = 0;
  int version = 0;
  std::string public_key;
};

struct KeyHolder {
  std::int64_t user_id = 0;
  std::string username;
  int version = 0;
  bool usable = true;  // false when the grant was sealed to a key the user no longer has
};

struct KeyStatus {
  std::int64_t unit_id = 0;
  int version = 0;  // 0: no key yet
  std::vector<KeyHolder> holders;
};

class Keys {
 public:
  Keys(db::Database& db, const audit::Service& audit, const units::Service& units, accounts::Service& accounts,
       const time::Clock& clock)
      : db_(db), audit_(audit), units_(units), accounts_(accounts), clock_(clock) {}

  // The commune's first key pair (administrators). Returns the recovery key, to be
  // written down and kept offline; it is never stored.
  std::string init(const Actor& actor, std::int64_t unit_id) const;
  // A holder gives every version of the commune's key to another officer of that
  // commune. `holder_secret` is the holder's own secret key (from the session).
  void grant(const Actor& actor, const std::string& holder_secret, std::int64_t unit_id, std::int64_t user_id) const;
  // The same with the recovery key instead of a holder (antq keys grant|recover).
  void grant_with_recovery(const Actor& actor, std::int64_t unit_id, const std::string& recovery_key,
                           std::int64_t user_id) const;
  // A new version; current holders receive it too. Returns the new recovery key.
  std::string rotate(const Actor& actor, std::int64_t unit_id, const std::string& recovery_key) const;
  KeyStatus status(const Actor& actor, std::int64_t unit_id) const;

  // For sealing new tips: the newest public key of a commune.
  std::optional<UnitPublicKey> current(db::Tx& tx, std::int64_t unit_id) const;
  // For reading: a version's key pair, opened with the reader's own secret key.
  std::optional<crypto::KeyPair> open(db::Tx& tx, std::int64_t unit_key_id, std::int64_t user_id,
                                      const std::string& user_secret) const;
  // Drops every grant of a user (account disabled or own key reset).
  void revoke_user(db::Tx& tx, std::int64_t user_id) const;
  // The public key of a given version (for sealing a tipster's reply to that version).
  std::string current_for_tip(db::Tx& tx, std::int64_t unit_key_id) const;
  // An active officer who could hold keys (for assignment), or nullopt.
  std::optional<accounts::User> holder_candidate(db::Tx& tx, std::int64_t user_id) const;
  bool may_see_identity(db::Tx& tx, std::int64_t user_id) const;

 private:
  std::vector<crypto::KeyPair> versions_from_recovery(db::Tx& tx, std::int64_t unit_id,
                                                      const std::string& recovery_key) const;
  void give(db::Tx& tx, const Actor& actor, std::int64_t unit_id,
            const std::vector<std::pair<std::int64_t, crypto::KeyPair>>& versions, std::int64_t user_id) const;
  units::Unit commune_in_scope(db::Tx& tx, const Actor& actor, std::int64_t unit_id) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  accounts::Service& accounts_;
  const time::Clock& clock_;
};

// The recovery key as people copy it: 52 base32 characters in groups of four.
std::string format_recovery_key(const std::string& raw);
// Accepts any case, spaces and dashes; nullopt when it is not a recovery key.
std::optional<std::string> parse_recovery_key(const std::string& text);

}  // namespace antq::mailbox
