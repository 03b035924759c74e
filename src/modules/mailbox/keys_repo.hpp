#pragma once
// SQL for unit keys and grants.
#include <optional>
#include <string>
#include <vector>

#include "modules/mailbox/keys.hpp"
#include "platform/db/database.hpp"

namespace antq::mailbox::keys_repo {

struct UnitKeyRow {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  int version = 0;
  std::string public_key;
  std::string recovery_wrapped;
};

std::vector<UnitKeyRow> versions(db::Tx& tx, std::int64_t unit_id);  // oldest first
std::optional<UnitKeyRow> get(db::Tx& tx, std::int64_t unit_key_id);
std::int64_t insert(db::Tx& tx, std::int64_t unit_id, int version, const std::string& public_key,
                    const std::string& recovery_wrapped, std::int64_t now);

std::string sealed_previous(db::Tx& tx, std::int64_t unit_key_id);  // "" when none
// After a rotation only the newest version stays wrapped under a recovery key.
void clear_recovery(db::Tx& tx, std::int64_t unit_key_id);
void set_sealed_previous(db::Tx& tx, std::int64_t unit_key_id, const std::string& sealed);

struct GrantRow {
  std::int64_t unit_key_id = 0;
  std::int64_t user_id = 0;
  std::string recipient_public_key;
  std::string sealed_secret;
};
// A user's grant of a key version, with that version's public key (one query: every
// tip page opens one).
struct GrantWithKey {
  GrantRow grant;
  std::string unit_public_key;
};
std::optional<GrantWithKey> grant(db::Tx& tx, std::int64_t unit_key_id, std::int64_t user_id);
std::vector<GrantRow> grants_of_unit(db::Tx& tx, std::int64_t unit_id);
void upsert_grant(db::Tx& tx, const GrantRow& g, std::optional<std::int64_t> granted_by, std::int64_t now);
void delete_grants_of(db::Tx& tx, std::int64_t user_id);

}  // namespace antq::mailbox::keys_repo
