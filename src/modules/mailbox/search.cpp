#include "modules/mailbox/search.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

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

std::optional<crypto::KeyPair> pair_for(db::Tx& tx, const Keys& keys, std::int64_t user_id,
                                        const std::string& user_secret, std::int64_t unit_key_id,
                                        detail::KeyCache& cache) {
  auto [it, fresh] = cache.try_emplace(unit_key_id);
  if (fresh) it->second = keys.open(tx, unit_key_id, user_id, user_secret);
  return it->second;
}

// What a search looks in: the description, when and where, folded.
std::optional<std::string> folded_content(const crypto::KeyPair& pair, const std::string& sealed) {
  auto content = crypto::open_sealed(pair, sealed);
  if (!content) return std::nullopt;
  auto o = boost::json::parse(*content).as_object();
  crypto::wipe(*content);
  return text::fold(std::string(o.at("description").as_string()) + " " + std::string(o.at("when").as_string()) + " " +
                    std::string(o.at("where").as_string()));
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

std::optional<SealedIndex> seal(db::Tx& tx, const Keys& keys, std::int64_t unit_id, const CommuneIndex& index) {
  auto current = keys.current(tx, unit_id);
  if (!current) return std::nullopt;
  std::string key = crypto::random_bytes(crypto::kKeyBytes);
  std::string plain = encode(index.text);
  SealedIndex sealed;
  sealed.row = repo::SearchIndexRow{unit_id,
                                    current->unit_key_id,
                                    crypto::seal(current->public_key, key),
                                    crypto::secretbox(key, plain),
                                    0,
                                    static_cast<std::int64_t>(index.text.size())};
  crypto::wipe(plain);
  crypto::wipe(key);
  for (const auto& [id, t] : index.text) {
    sealed.row.last_tip_id = std::max(sealed.row.last_tip_id, id);
    sealed.ids.push_back(id);
  }
  return sealed;
}

bool store(db::Tx& tx, const SealedIndex& sealed, std::int64_t now) {
  std::unordered_set<std::int64_t> present;
  for (const auto& row : repo::list_ids(tx, repo::ListQuery{{sealed.row.unit_id}, {}, {}, {}})) present.insert(row.id);
  for (auto id : sealed.ids) {
    if (!present.count(id)) return false;  // purged since it was read: the index must not keep its text
  }
  repo::put_search_index(tx, sealed.row, now);
  return true;
}

void wipe(CommuneIndex& index) {
  for (auto& [id, text] : index.text) crypto::wipe(text);
  index.text.clear();
}

void drop(db::Tx& tx, std::int64_t unit_id) { repo::drop_search_index(tx, unit_id); }

std::int64_t refresh(db::Tx& tx, const Keys& keys, std::int64_t user_id, const std::string& user_secret,
                     std::int64_t unit_id, CommuneIndex& index, detail::KeyCache& cache) {
  std::optional<std::int64_t> first_missing;
  for (const auto& row : repo::list_ids(tx, repo::ListQuery{{unit_id}, {}, {}, {}})) {
    if (!index.text.count(row.id)) first_missing = std::min(first_missing.value_or(row.id), row.id);
  }
  if (!first_missing) return 0;
  // In batches, so that the sealed content of thousands of tips is never all in memory.
  constexpr int kBatch = 500;
  std::int64_t added = 0;
  std::int64_t after = *first_missing - 1;
  for (bool more = true; more;) {
    auto batch = repo::sealed_contents(tx, unit_id, after, kBatch);
    more = batch.size() == kBatch;
    for (const auto& tip : batch) {
      after = tip.id;
      if (index.text.count(tip.id)) continue;
      auto pair = pair_for(tx, keys, user_id, user_secret, tip.unit_key_id, cache);
      auto folded = pair ? folded_content(*pair, tip.content_sealed) : std::nullopt;
      if (!folded) continue;
      index.text.emplace(tip.id, std::move(*folded));
      ++added;
    }
  }
  index.added += added;
  return added;
}

std::vector<std::int64_t> matching(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& user_secret,
                                   const repo::ListQuery& q, const std::vector<std::string>& terms,
                                   detail::KeyCache& cache, std::map<std::int64_t, CommuneIndex>& to_store) {
  std::map<std::int64_t, CommuneIndex> indexes;
  for (auto unit_id : q.unit_ids) {
    auto& index = indexes[unit_id] = load(tx, keys, actor.user_id, user_secret, unit_id);
    refresh(tx, keys, actor.user_id, user_secret, unit_id, index, cache);
  }
  std::vector<std::int64_t> found;
  for (const auto& row : repo::list_ids(tx, q)) {
    auto index = indexes.find(row.unit_id);
    if (index == indexes.end()) continue;
    auto text = index->second.text.find(row.id);
    if (text != index->second.text.end() && text::contains_all(text->second, terms)) found.push_back(row.id);
  }
  for (auto& [unit_id, index] : indexes) {
    if (index.added >= kRebuildAfter) {
      to_store.emplace(unit_id, std::move(index));
    } else {
      wipe(index);
    }
  }
  return found;
}

std::vector<std::int64_t> Refreshes::begin(const std::map<std::int64_t, std::int64_t>& tips_by_unit) {
  std::lock_guard lock(mutex_);
  std::vector<std::int64_t> out;
  for (const auto& [unit_id, tips] : tips_by_unit) {
    auto last = tips_at_last_.find(unit_id);
    if (queued_.count(unit_id) || (last != tips_at_last_.end() && std::abs(tips - last->second) < kRebuildAfter)) {
      continue;
    }
    queued_.insert(unit_id);
    tips_at_last_[unit_id] = tips;
    out.push_back(unit_id);
  }
  return out;
}

void Refreshes::start(std::int64_t unit_id) {
  std::lock_guard lock(mutex_);
  running_.insert(unit_id);
}

void Refreshes::end(std::int64_t unit_id, bool done) {
  {
    std::lock_guard lock(mutex_);
    queued_.erase(unit_id);
    running_.erase(unit_id);
    if (!done) tips_at_last_.erase(unit_id);  // the next page tries again
  }
  idle_.notify_all();
}

void Refreshes::wait_for(const std::vector<std::int64_t>& unit_ids, std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  idle_.wait_for(lock, limit, [&] {
    return std::none_of(unit_ids.begin(), unit_ids.end(), [&](std::int64_t id) { return running_.count(id) > 0; });
  });
}

}  // namespace antq::mailbox::search
