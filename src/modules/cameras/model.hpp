#pragma once
// Security cameras (mô hình Camera an ninh): where each camera stands and looks, who owns
// it, whether it shares its footage and how long it keeps it, and its status over time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/geo/geodesic.hpp"
#include "platform/time/time.hpp"

namespace antq::cameras {

enum class OwnerKind { public_use, household, business, agency, school };  // code "public" for public_use
enum class Status { working, faulty, removed };
enum class Sharing { live, on_request, none };  // live to the commune screen / on request / not shared
enum class Storage { nvr, cloud, memory_card };
enum class Funding { socialised, commune_budget, shared };  // xã hội hóa / ngân sách xã / kết hợp

std::string_view code_of(OwnerKind v);
std::string_view code_of(Status v);
std::string_view code_of(Sharing v);
std::string_view code_of(Storage v);
std::string_view code_of(Funding v);
std::optional<OwnerKind> owner_kind_from(std::string_view code);
std::optional<Status> status_from(std::string_view code);
std::optional<Sharing> sharing_from(std::string_view code);
std::optional<Storage> storage_from(std::string_view code);
std::optional<Funding> funding_from(std::string_view code);
// Every code of an enumeration, in the order forms offer them (the API's taxonomies).
std::vector<std::string_view> owner_kind_codes();
std::vector<std::string_view> status_codes();
std::vector<std::string_view> sharing_codes();
std::vector<std::string_view> storage_codes();
std::vector<std::string_view> funding_codes();
// What a look at a camera found: ok, faulty, unreachable.
std::vector<std::string_view> check_result_codes();

// Where a camera looks: a bearing (0 = north) and a field of view, or all round (no
// bearing, fov 360), up to `range_m` metres.
struct Mounting {
  std::optional<int> bearing_deg = 0;  // nullopt exactly when fov_deg is 360
  int fov_deg = 90;
  int range_m = 30;
  geo::ViewCone cone(geo::Point at) const {
    return {at, bearing_deg ? std::optional<double>(*bearing_deg) : std::nullopt, static_cast<double>(fov_deg),
            static_cast<double>(range_m)};
  }
};

struct Camera {
  std::int64_t id = 0;
  std::string code;  // "02545-CAM-0007"
  std::int64_t unit_id = 0;
  std::optional<std::int64_t> village_id;
  OwnerKind owner_kind = OwnerKind::public_use;
  std::string place;  // "Ngã ba chợ Tân Trào"
  geo::Point point;
  Mounting mounting;
  std::string camera_type;
  std::string resolution;
  bool night_vision = false;
  int retention_days = 7;
  Storage storage = Storage::nvr;
  Funding funding = Funding::socialised;
  std::optional<std::int64_t> cost_vnd;
  std::optional<std::string> installed_on;
  Sharing sharing = Sharing::on_request;
  std::optional<std::string> commitment_signed_on;
  Status status = Status::working;
  std::optional<time::Millis> last_check_at;
  std::optional<std::string> last_check_result;
  std::optional<std::string> reconfirm_due;
  std::string note;
  bool demo = false;
  // False for a camera its owner registered on the portal until an officer has checked it
  // (chờ xác nhận): shown flagged in searches, left out of the coverage.
  bool confirmed = true;
  int version = 1;
};

// The owner's consent to keeping the camera and their contact on record: when, how
// ("portal", "officer", "paper") and to which wording of the consent text.
struct Consent {
  time::Millis given_at = 0;
  std::string channel;
  std::string text_version;
};

// Who owns a camera and how to reach them: personal data, sealed at rest, read by the
// commune's officers only (each reading audited), erased when consent is withdrawn.
struct OwnerContact {
  std::string name;
  std::string phone;
  std::string address;
  bool empty() const { return name.empty() && phone.empty() && address.empty(); }
};

// A camera with the names a page shows, and the path that decides who sees it: its
// village's when it has one, else its commune's.
struct CameraView {
  Camera camera;
  std::string unit_name;
  std::string village_name;
  std::string path;
};

// A look at a camera: ok, faulty or unreachable.
struct Check {
  std::int64_t id = 0;
  time::Millis checked_at = 0;
  std::string result;
  std::string note;
  std::string checked_by;  // the user name; empty for the system
};

// What a camera list shows.
struct ListFilter {
  std::optional<std::int64_t> unit_id;  // a commune or a village in scope
  std::optional<std::string> status;
  std::optional<std::string> sharing;
  std::optional<std::string> owner_kind;
  std::string q;                  // words of the code or the place, in any order, accents ignored
  std::string due;                // "check" (never checked or not for 90 days) or "reconfirm" (within 30 days)
  std::optional<bool> confirmed;  // false: the owners' registrations waiting for an officer
  // What `due` means at the time of asking (the service fills them in).
  std::optional<time::Millis> checked_before;
  std::optional<std::string> reconfirm_by;
  int page = 1;
  int page_size = 50;
};

// One interval of a camera's status: from `since` until `until` (open while current).
struct StatusInterval {
  time::Millis since = 0;
  std::optional<time::Millis> until;
  Status status = Status::working;
  std::string reason;
};

// The status of the interval of `history` that holds instant `at` (at a change, the new
// status); none before the first (not installed then).
std::optional<Status> status_at(const std::vector<StatusInterval>& history, time::Millis at);

// A camera standing inside a search box, with its status at the asked time (none when it
// had no status yet: not installed).
struct Candidate {
  Camera camera;
  std::optional<Status> status_then;
  // False when it comes from the reach index: only what a search decides by is set (id,
  // unit_id, point, mounting, retention_days, sharing); its row is read to list it.
  bool whole = true;
};

// What decides which points a camera can see: where it stands and its mounting.
struct Reach {
  std::int64_t id = 0;
  geo::Point point;
  Mounting mounting;
};

// Everything a search decides by: the reach, the commune (the scope), the retention, the
// sharing and the status history. The in-memory reach index keeps it for every camera.
struct Standing {
  Reach reach;
  std::int64_t unit_id = 0;
  int retention_days = 0;
  Sharing sharing = Sharing::on_request;
  std::vector<StatusInterval> history;  // oldest first
};

}  // namespace antq::cameras
