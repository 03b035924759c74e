#pragma once
// Records a team member may write on a phone with no signal (a registration tick, later a
// patrol, a drill, an extinguisher check) carry their version and a hash of their content.
// When the phone sends one, `decide` says what happens, the same way for every kind
// (docs/plans/issue-11-community.md, D4):
//
//   stored  | sent                      | outcome
//   none    | base version 0            | inserted (version 1)
//   none    | base version > 0          | conflict (it was deleted meanwhile)
//   v, hash | the same content          | replayed: nothing written (sent twice, stored once)
//   v       | other content, base v     | updated (version v + 1)
//   v       | other content, base ≠ v   | conflict: nothing written, the member chooses
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace antq::community {

enum class Outcome { inserted, replayed, updated, conflict };
std::string_view code_of(Outcome outcome);

struct Stored {
  std::int64_t version = 0;
  std::string content_hash;
};

Outcome decide(const std::optional<Stored>& stored, std::int64_t base_version, const std::string& content_hash);

template <class Record>
struct Written {
  Record record;
  Outcome outcome = Outcome::inserted;  // never conflict: that is Error::conflict (409)
};

// The rule applied in a write transaction, the same for every kind of record. `stored` is
// the row as read; `fresh` the record sent, with its content hash and who sent it.
// The replay is decided first: a record sent again is answered as stored even when its
// context changed since (the team dissolved, the member left), so a phone's outbox never
// sticks on it. Only a record to be written goes through `check(record)`, which applies
// the context's rules (throwing field errors) and fills what the server adds.
// `put(record, seen)` writes it only if the row is still as seen (absent, or at version
// `*seen`) and says whether it did; when another sender came first (two phones at once),
// `reread()` reads the row again: the same content is a replay, any other a conflict.
// `what` names the record in the conflict ("the patrol").
template <class Record, class Check, class Put, class Reread>
Written<Record> write_offline(const std::optional<Record>& stored, std::int64_t base_version, Record fresh, Check check,
                              Put put, Reread reread, const std::string& what) {
  std::optional<Stored> seen;
  if (stored) seen = Stored{stored->version, stored->content_hash};
  auto outcome = decide(seen, base_version, fresh.content_hash);
  if (outcome == Outcome::conflict) throw Error::conflict(what + " was changed meanwhile");
  if (outcome == Outcome::replayed) return {*stored, outcome};
  check(fresh);
  fresh.version = stored ? stored->version + 1 : 1;
  if (!put(fresh, stored ? std::optional<std::int64_t>(stored->version) : std::nullopt)) {
    auto first = reread();
    if (!first || first->content_hash != fresh.content_hash) throw Error::conflict(what + " was changed meanwhile");
    return {*first, Outcome::replayed};
  }
  return {std::move(fresh), outcome};
}

// An id made on a phone: a UUID in lowercase 8-4-4-4-12 hexadecimal form.
bool valid_record_id(std::string_view id);

// The hash of a record's content: BLAKE2b (hex) over its parsed fields, each as
// "name=value\n" in a fixed order, so that the same answer typed twice hashes the same.
class ContentHash {
 public:
  ContentHash& add(std::string_view name, std::string_view value);
  ContentHash& add(std::string_view name, std::int64_t value);
  std::string hex() const;

 private:
  std::string text_;
};

}  // namespace antq::community
