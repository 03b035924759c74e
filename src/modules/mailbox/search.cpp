#include "modules/mailbox/search.hpp"

#include <algorithm>
#include <cstring>

#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/text/text.hpp"

namespace antq::mailbox::search {
namespace {

// id (8 bytes) | length (4 bytes) | folded text, repeated.
std::string encode(const std::unordered_map<std::int64_t, std::string>& text) {
  std::size_t size = 0;
  for (const auto& [id, t] : text) size += 12 + t.size();
  std::string out;
  out.reserve(size);
  for (const auto& [id, t] : text) {
    auto length = static_cast<std::uint32_t>(t.size());
    out.append(reinterpret_cast<const char*>(&id), sizeof id);
    out.append(reinterpret_cast<const char*>(&length), sizeof length);
    out.append(t);
  }
  return out;
}

std::unordered_map<std::int64_t, std::string> decode(const std::string& bytes) {
  std::unordered_map<std::int64_t, std::string> out;
  std::size_t at = 0;
  while (at + 12 <= bytes.size()) {
    std::int64_t id = 0;
    std::uint32_t length = 0;
    std::memcpy(&id, bytes.data() + at, sizeof id);
    std::memcpy(&length, bytes.data() + at + 8, sizeof length);
    at += 12;
    if (at + length > bytes.size()) break;
    out.emplace(id, bytes.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace

CommuneIndex load(db::Tx& tx, const Keys& keys, std::int64_t user_id, const std::string& user_secret,
                  std::int64_t unit_id) {
  static constexpr db::Query q{
      "tip_search_index.get", "SELECT unit_key_id, key_sealed, segment FROM tip_search_index WHERE unit_id = $1", true};
  CommuneIndex index;
  auto row = tx.row(q, unit_id);
  if (!row) return index;
  auto pair = keys.open(tx, row->i64(0), user_id, user_secret);
  if (!pair) return index;
  auto key = crypto::open_sealed(*pair, row->blob(1));
  crypto::wipe(pair->secret_key);
  if (!key) return index;
  auto segment = crypto::open_secretbox(*key, row->blob(2));
  crypto::wipe(*key);
  if (!segment) return index;
  index.text = decode(*segment);
  crypto::wipe(*segment);
  index.stored = true;
  return index;
}

void store(db::Tx& tx, const Keys& keys, std::int64_t unit_id, const CommuneIndex& index, std::int64_t now) {
  static constexpr db::Query q{
      "tip_search_index.put",
      "INSERT INTO tip_search_index (unit_id, unit_key_id, key_sealed, segment, last_tip_id, entries, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (unit_id) DO UPDATE SET unit_key_id = excluded.unit_key_id, "
      "key_sealed = excluded.key_sealed, segment = excluded.segment, last_tip_id = excluded.last_tip_id, "
      "entries = excluded.entries, updated_at = excluded.updated_at"};
  auto current = keys.current(tx, unit_id);
  if (!current) return;
  std::string key = crypto::random_bytes(crypto::kKeyBytes);
  std::string plain = encode(index.text);
  std::string segment = crypto::secretbox(key, plain);
  crypto::wipe(plain);
  std::int64_t last = 0;
  for (const auto& [id, t] : index.text) last = std::max(last, id);
  tx.exec(q, unit_id, current->unit_key_id, db::Blob{crypto::seal(current->public_key, key)}, db::Blob{segment}, last,
          static_cast<std::int64_t>(index.text.size()), now);
  crypto::wipe(key);
}

void drop(db::Tx& tx, std::int64_t unit_id) {
  static constexpr db::Query q{"tip_search_index.drop", "DELETE FROM tip_search_index WHERE unit_id = $1"};
  tx.exec(q, unit_id);
}

std::vector<std::int64_t> matching(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& user_secret,
                                   const repo::ListQuery& q, const std::string& needle, std::int64_t now,
                                   detail::KeyCache& cache, std::map<std::int64_t, CommuneIndex>& to_store) {
  std::map<std::int64_t, CommuneIndex> indexes;
  std::vector<std::int64_t> found;
  for (const auto& row : repo::list_ids(tx, q)) {
    auto [it, fresh] = indexes.try_emplace(row.unit_id);
    if (fresh) it->second = load(tx, keys, actor.user_id, user_secret, row.unit_id);
    auto& index = it->second;
    auto text = index.text.find(row.id);
    if (text == index.text.end()) {
      auto v = detail::view_of(tx, keys, actor, user_secret, repo::get(tx, row.id).value(), now, &cache);
      if (!v.readable) continue;
      text = index.text.emplace(row.id, text::fold(v.description + " " + v.when + " " + v.where)).first;
      ++index.added;
    }
    if (text->second.find(needle) != std::string::npos) found.push_back(row.id);
  }
  for (auto& [unit_id, index] : indexes) {
    if (index.added >= kRebuildAfter) to_store.emplace(unit_id, std::move(index));
  }
  return found;
}

}  // namespace antq::mailbox::search
