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

namespace antq::community {

enum class Outcome { inserted, replayed, updated, conflict };
std::string_view code_of(Outcome outcome);

struct Stored {
  std::int64_t version = 0;
  std::string content_hash;
};

Outcome decide(const std::optional<Stored>& stored, std::int64_t base_version, const std::string& content_hash);

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
