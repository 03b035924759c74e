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
  CommuneIndex index;
  auto row = repo::search_index(tx, unit_id);
  if (!row) return index;
  auto pair = keys.open(tx, row->unit_key_id, user_id, user_secret);
  if (!pair) return index;
  auto key = crypto::open_sealed(*pair, row->key_sealed);
  crypto::wipe(pair->secret_key);
  if (!key) return index;
  auto segment = crypto::open_secretbox(*key, row->segment);
  crypto::wipe(*key);
  if (!segment) return index;
  index.text = decode(*segment);
  crypto::wipe(*segment);
  index.stored = true;
  return index;
}

void store(db::Tx& tx, const Keys& keys, std::int64_t unit_id, const CommuneIndex& index, std::int64_t now) {
  auto current = keys.current(tx, unit_id);
  if (!current) return;
  std::string key = crypto::random_bytes(crypto::kKeyBytes);
  std::string plain = encode(index.text);
  std::string segment = crypto::secretbox(key, plain);
  crypto::wipe(plain);
  std::int64_t last = 0;
  for (const auto& [id, t] : index.text) last = std::max(last, id);
  repo::put_search_index(tx,
                         repo::SearchIndexRow{unit_id, current->unit_key_id, crypto::seal(current->public_key, key),
                                              std::move(segment), last, static_cast<std::int64_t>(index.text.size())},
                         now);
  crypto::wipe(key);
}

void drop(db::Tx& tx, std::int64_t unit_id) { repo::drop_search_index(tx, unit_id); }

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
