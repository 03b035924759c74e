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

namespace antq::community {

// An inter-household fire-safety group (Tổ liên gia an toàn PCCC) of a village.
struct FireGroup {
  std::int64_t id = 0;
  std::string code;  // "02545-LG-00003"
  std::int64_t village_id = 0;
  std::string name;
  std::optional<std::int64_t> leader_household_id;
  std::optional<std::string> founded_on;
  std::optional<std::string> dissolved_on;
  std::string size_reason;  // why outside 5–15 households, when it is
  std::optional<std::string> last_drill_on;
  std::string note;
  bool demo = false;
  std::int64_t version = 1;
};

// A fire extinguisher line of a household (bình chữa cháy): `count` alike.
struct Extinguisher {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::int64_t village_id = 0;  // the household's, kept with it
  std::string kind;             // abc_powder, co2, other
  std::string kind_note;
  std::optional<double> capacity_kg;
  int count = 1;
  std::optional<std::string> manufactured_on;
  std::optional<std::string> last_refill_on;
  std::string expires_on;
  std::optional<std::string> retired_on;
  std::optional<std::string> last_check_on;
  std::int64_t version = 1;
};

// A house's other gear: forcing tools, the alarm bell and push-buttons, interlinked or not.
struct HouseholdGear {
  std::int64_t household_id = 0;
  std::string forcing_tools;
  int forcing_tool_count = 0;
  bool bell = false;
  int push_buttons = 0;
  bool interlinked = false;
  std::optional<std::string> checked_on;
};

// A group's shared firefighting point (điểm chữa cháy công cộng).
struct FirePoint {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::string name;
  double lon = 0;
  double lat = 0;
  std::string equipment;
  std::string note;
};

// An extinguisher on a due list, with its house.
struct DueExtinguisher {
  Extinguisher extinguisher;
  std::string household_code;
  std::string head_name;
  std::optional<std::int64_t> group_id;
};

// A member house of a group with no extinguisher in service.
struct BareHouse {
  std::int64_t household_id = 0;
  std::string code;
  std::string head_name;
  std::int64_t village_id = 0;
  std::int64_t group_id = 0;
};

// A village's households present on a day, and how many of them are in a fire group.
struct VillageCoverage {
  std::int64_t village_id = 0;
  std::int64_t households = 0;
  std::int64_t in_group = 0;
};

}  // namespace antq::community

namespace antq::community {

// A check of an extinguisher line (kiểm tra bình chữa cháy), recorded online or on a phone
// with no signal (its id a UUID made there; offline.hpp). `result`: ok, low_pressure,
// damaged, missing, refilled or replaced; the last two carry the new expiry.
struct ExtinguisherCheck {
  std::string id;
  std::int64_t extinguisher_id = 0;
  std::string checked_on;
  std::string result;
  std::optional<std::string> new_expires_on;
  std::string note;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

// A fire-safety group's drill, recorded online or on a phone with no signal (its id a
// UUID made there; offline.hpp).
struct Drill {
  std::string id;  // "0f8fad5b-d9cb-469f-a165-70867728950e"
  std::int64_t group_id = 0;
  std::string held_on;
  std::string scenario;
  int participants = 0;
  std::string observers;
  std::string evaluation;  // good, fair, needs_work
  std::string evaluation_note;
  std::int64_t version = 1;
  std::string content_hash;
  std::optional<std::int64_t> recorded_by;
  std::optional<std::int64_t> device_at;
  std::int64_t received_at = 0;
};

// A fire or incident a group attended.
struct Incident {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t occurred_at = 0;  // an instant (ms)
  std::string place;
  std::string kind;  // fire, explosion, rescue, other
  std::string description;
  std::string damage;
  std::string response;
};

// A file of a community record, without its bytes.
struct CommunityFile {
  std::int64_t id = 0;
  std::string owner_kind;  // drill, incident, model_site
  std::string owner_id;
  std::string kind;  // photo, regulation
  std::string name;
  std::string mime;
  std::int64_t size = 0;
  std::string sha256;
};

}  // namespace antq::community
