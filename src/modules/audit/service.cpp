#include "modules/audit/service.hpp"

#include <fmt/format.h>

#include "modules/audit/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::audit {
namespace {

void require_auditor(const Actor& actor) {
  if (!actor.is(Role::auditor) && !actor.system) throw Error::forbidden("audit log is for auditors");
}

std::string field(std::string_view s) { return fmt::format("{}:{}", s.size(), s); }

}  // namespace

std::string canonical(const Entry& e) {
  // Length-prefixed fields: no two different entries share the same bytes.
  return fmt::format("antq-audit-v1|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", e.id, e.at,
                     e.actor_id ? std::to_string(*e.actor_id) : "-", field(e.actor_name), field(e.action),
                     field(e.entity), field(e.entity_id), field(e.reason), field(e.detail), e.prev_hash);
}

void Service::record(db::Tx& tx, Entry entry) const {
  auto head = repo::claim_next(tx);
  entry.id = head.last_id;
  entry.at = clock_.now();
  entry.prev_hash = head.last_hash;
  entry.hash = crypto::blake2b_hex(canonical(entry));
  repo::append(tx, entry);
}

void Service::record(db::Tx& tx, const Actor& actor, std::string action, std::string entity, std::string entity_id,
                     std::string detail, std::string reason) const {
  record(tx, entry_of(actor, std::move(action), std::move(entity), std::move(entity_id), std::move(detail),
                      std::move(reason)));
}

Entry Service::entry_of(const Actor& actor, std::string action, std::string entity, std::string entity_id,
                        std::string detail, std::string reason) {
  Entry e;
  if (actor.user_id) e.actor_id = actor.user_id;
  e.actor_name = actor.username;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.detail = std::move(detail);
  e.reason = std::move(reason);
  return e;
}

void Service::record_then(Entry entry, Done done) const {
  std::vector<Waiting> one;
  one.push_back(Waiting{std::move(entry), std::move(done)});
  enqueue(std::move(one));
}

Service::~Service() {
  std::unique_lock lock(waiting_mutex_);
  idle_.wait(lock, [this] { return flushes_ == 0; });
}

void Service::enqueue(std::vector<Waiting> entries, bool first) const {
  {
    std::lock_guard lock(waiting_mutex_);
    waiting_.insert(first ? waiting_.begin() : waiting_.end(), std::make_move_iterator(entries.begin()),
                    std::make_move_iterator(entries.end()));
    if (flush_queued_) return;  // the queued write takes these too
    flush_queued_ = true;
    ++flushes_;
  }
  try {
    flush();
  } catch (...) {  // not handed over: those waiting fail with it
    std::vector<Waiting> taken;
    {
      std::lock_guard lock(waiting_mutex_);
      taken.swap(waiting_);
      flush_queued_ = false;
    }
    for (auto& w : taken) w.done(std::current_exception());
    flush_done();
  }
}

void Service::flush() const {
  auto taken = std::make_shared<std::vector<Waiting>>();
  auto take = [this, taken] {
    std::lock_guard lock(waiting_mutex_);
    taken->swap(waiting_);
    flush_queued_ = false;
  };
  auto ran = std::make_shared<bool>(false);
  auto left = std::make_shared<std::optional<repo::Head>>();
  db_.write_then(
      [this, taken, take, ran, left](db::Tx& tx) {
        *ran = true;
        take();
        *left = append_batch(tx, *taken);
      },
      [this, taken, take, ran, left](std::exception_ptr error) {
        if (!*ran) take();  // the transaction never began: those waiting fail with it
        remember_head(error ? std::nullopt : *left);
        if (!error && !*left) {
          enqueue(std::move(*taken), true);  // the head had moved: nothing was written; again, first
        } else {
          for (auto& w : *taken) w.done(error);
        }
        flush_done();
      });
}

// Last: the service may be gone as soon as it is told.
void Service::flush_done() const {
  std::lock_guard lock(waiting_mutex_);
  --flushes_;
  idle_.notify_all();
}

std::optional<repo::Head> Service::append_batch(db::Tx& tx, std::vector<Waiting>& entries) const {
  if (entries.empty()) return known_head();
  auto known = known_head();
  if (!known || tx.dialect() != db::Dialect::postgres || entries.size() > repo::kEntriesPerStatement) {
    record_all(tx, entries, true);
  } else if (!repo::append_after(tx, chain(entries, known->last_id + 1, known->last_hash), *known)) {
    return std::nullopt;
  }
  return repo::Head{entries.back().entry.id, entries.back().entry.hash};
}

std::optional<repo::Head> Service::known_head() const {
  std::lock_guard lock(head_mutex_);
  return known_head_;
}

void Service::remember_head(std::optional<repo::Head> head) const {
  std::lock_guard lock(head_mutex_);
  known_head_ = std::move(head);
}

void Service::record_all(db::Tx& tx, std::vector<Waiting>& entries, bool ends_transaction) const {
  if (entries.empty()) return;
  auto count = static_cast<std::int64_t>(entries.size());
  auto head = repo::claim(tx, count);
  repo::append_all(tx, chain(entries, head.last_id - count + 1, head.last_hash), ends_transaction);
}

std::vector<const Entry*> Service::chain(std::vector<Waiting>& entries, std::int64_t first_id,
                                         const std::string& prev_hash) const {
  auto id = first_id;
  auto prev = prev_hash;
  auto now = clock_.now();
  std::vector<const Entry*> chained;
  chained.reserve(entries.size());
  for (auto& w : entries) {
    auto& e = w.entry;
    e.id = id++;
    e.at = now;
    e.prev_hash = prev;
    e.hash = crypto::blake2b_hex(canonical(e));
    chained.push_back(&e);
    prev = e.hash;
  }
  return chained;
}

Page<Entry> Service::list(const Actor& actor, const Filter& filter) const {
  require_auditor(actor);
  Page<Entry> page;
  db_.read([&](db::Tx& tx) { page = repo::list(tx, filter); });
  return page;
}

Verification Service::verify(const Actor& actor) const {
  require_auditor(actor);
  Verification v;
  db_.read([&](db::Tx& tx) {
    std::int64_t expected_id = 1;
    std::string prev = std::string(64, '0');
    auto fail = [&](std::int64_t id, std::string problem) {
      v.ok = false;
      v.first_bad_id = id;
      v.problem = std::move(problem);
      return false;
    };
    repo::each(tx, [&](const Entry& e) {
      if (e.id != expected_id)
        return fail(expected_id, fmt::format("entry {} is missing or out of order", expected_id));
      if (e.prev_hash != prev) return fail(e.id, "the link to the previous entry is broken");
      if (crypto::blake2b_hex(canonical(e)) != e.hash) return fail(e.id, "the entry was edited");
      ++v.checked;
      prev = e.hash;
      ++expected_id;
      return true;
    });
    if (!v.ok) return;
    auto head = repo::head(tx);
    if (head.last_id != expected_id - 1 || head.last_hash != prev) {
      fail(expected_id, "entries at the end of the log were removed");
    }
  });
  return v;
}

}  // namespace antq::audit
