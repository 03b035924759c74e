#pragma once
// Community records (issue 11): households and their yearly registration. Plain data;
// the rules live in the services, the SQL in the repositories.
#include <cstdint>
#include <optional>
#include <string>

namespace antq::community {

// Who agreed to what, and how: covers the household's phone and its voluntary membership
// of groups. `channel`: paper, officer or team.
struct Consent {
  std::string on;  // yyyy-mm-dd
  std::string channel;
  std::string text_version;
};

struct Household {
  std::int64_t id = 0;
  std::string code;  // "02545-HO-00042"
  std::int64_t village_id = 0;
  std::string head_name;
  std::string address;
  int members = 1;
  std::optional<std::string> phone_sealed;  // the sealed E.164 number
  std::optional<std::string> phone_lookup;  // a keyed hash of its digits
  std::optional<Consent> consent;
  std::optional<std::string> since_on;  // yyyy-mm-dd
  std::optional<std::string> left_on;
  std::string note;
  bool demo = false;
  std::int64_t version = 1;
};

// The household's registration for a year (a tick a team member may send offline).
struct Registration {
  std::int64_t household_id = 0;
  int year = 0;
  std::string registered_on;  // yyyy-mm-dd
  bool signed_form = false;
  std::string note;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

// A village's households present on a day, and how many of them registered that year.
struct VillageShare {
  std::int64_t village_id = 0;
  std::int64_t households = 0;
  std::int64_t registered = 0;
};

}  // namespace antq::community
