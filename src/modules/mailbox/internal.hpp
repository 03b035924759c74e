#pragma once
// Helpers shared by the mailbox service's files (not part of its interface).
#include <map>
#include <optional>
#include <string>

#include "modules/access.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/model.hpp"
#include "modules/mailbox/repo.hpp"

namespace antq::mailbox::detail {

void require_officer(const Actor& actor);
// The tip, for an officer whose scope covers its commune; not_found otherwise.
repo::TipRow load_tip(db::Tx& tx, const Actor& actor, std::int64_t id);
// The tip's commune key pair, opened with the officer's own secret key; forbidden when
// the officer holds no key for it.
crypto::KeyPair unit_key(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret,
                         std::int64_t unit_key_id);
// Commune key pairs opened during one request, by version (an X25519 operation each).
using KeyCache = std::map<std::int64_t, std::optional<crypto::KeyPair>>;
// Wipes the secret keys a request opened.
void wipe(KeyCache& cache);

TipView view_of(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret, const repo::TipRow& r,
                std::int64_t now, KeyCache* cache = nullptr);
// Messages as an officer sees them (all, notes included), opened with the unit key.
std::vector<Message> messages_for_officer(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret,
                                          std::int64_t tip_id);

}  // namespace antq::mailbox::detail
