#pragma once
// Footage requests (yêu cầu cung cấp dữ liệu camera): an officer asks the owners of the
// cameras that could have seen something for their footage of a window (at most 12
// hours), with a reason and a case reference. Each camera gets a task with the deadline
// before its footage of the window's start is overwritten, an optional one-time link the
// officer hands to the owner, and an outcome: provided (a file reference and its SHA-256),
// none, declined, overwritten; withdrawn when the owner withdrew consent meanwhile.
//
// Who: the commune's officers, for their cameras; every step audited. The owner answers
// through the link, with no account.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/cameras/service.hpp"
#include "platform/db/database.hpp"
#include "platform/page.hpp"
#include "platform/time/time.hpp"

namespace antq::cameras {

struct NewRequest {
  std::string origin = "search";  // search, route, tip, other
  std::string source_ref;         // a tip's receipt, a case file
  std::optional<geo::Point> point;
  std::optional<time::Millis> from;
  std::optional<time::Millis> to;
  std::string reason;
  std::string case_ref;
  std::vector<std::int64_t> camera_ids;
};

struct Task {
  std::int64_t id = 0;
  std::optional<std::int64_t> camera_id;  // none once the camera was erased
  std::string camera_code;
  std::string camera_place;
  time::Millis deadline_at = 0;
  std::string status;  // pending, provided, none, declined, overwritten, withdrawn
  std::string reference;
  std::optional<std::string> sha256;
  std::string note;
  std::optional<std::string> answered_by;  // owner, officer
  std::optional<time::Millis> answered_at;
  bool link_active = false;
  std::optional<time::Millis> link_expires_at;
};

struct Request {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string number;  // "YC-02545-2026-0001"
  std::string origin;
  std::string source_ref;
  std::optional<geo::Point> point;
  time::Millis from = 0;
  time::Millis to = 0;
  std::string reason;
  std::string case_ref;
  std::string status;  // open, closed
  std::string created_by;
  time::Millis created_at = 0;
  std::optional<time::Millis> closed_at;
  std::vector<Task> tasks;
};

struct Outcome {
  std::string status;  // provided, none, declined, overwritten
  std::string reference;
  std::string sha256;  // required with provided: 64 hexadecimal digits
  std::string note;
};

// What the owner sees through a link: no other camera, no other owner.
struct LinkView {
  std::string number;
  std::string commune;
  std::string hotline;
  std::string camera_code;
  std::string camera_place;
  time::Millis from = 0;
  time::Millis to = 0;
  time::Millis deadline_at = 0;
  std::string status;
};

struct IssuedLink {
  std::string token;  // shown once; only its hash is kept
  time::Millis expires_at = 0;
};

class Requests {
 public:
  static constexpr time::Millis kMaxWindow = 12LL * 3600 * 1000;
  static constexpr time::Millis kLinkGrace = 7LL * 24 * 3600 * 1000;  // after the deadline
  static constexpr std::size_t kMaxCameras = 200;

  Requests(db::Database& db, const audit::Service& audit, const Service& cameras, const units::Service& units,
           const time::Clock& clock)
      : db_(db), audit_(audit), cameras_(cameras), units_(units), clock_(clock) {}

  // Refuses a camera whose footage of `from` is already overwritten, naming it.
  Request create(const Actor& actor, const NewRequest& request) const;
  Page<Request> list(const Actor& actor, std::optional<std::string> status, int page, int page_size) const;
  Request get(const Actor& actor, std::int64_t id) const;
  // A new link for a pending task (an older one stops working); valid until answered or
  // kLinkGrace after the deadline.
  IssuedLink issue_link(const Actor& actor, std::int64_t task_id) const;
  Request record_outcome(const Actor& actor, std::int64_t task_id, const Outcome& outcome) const;
  Request close(const Actor& actor, std::int64_t id) const;

  // The owner's side, by the link's token (not found once answered or expired).
  LinkView open_link(const std::string& token) const;
  void answer_link(const std::string& token, const Outcome& outcome) const;

 private:
  Request load(db::Tx& tx, const Actor& actor, std::int64_t id) const;

  db::Database& db_;
  const audit::Service& audit_;
  const Service& cameras_;
  const units::Service& units_;
  const time::Clock& clock_;
};

}  // namespace antq::cameras
