#pragma once
// The camera registry (mô hình Camera an ninh): where each camera stands and looks, its
// status over time and its checks, and "which cameras could have seen this point at that
// time, and is the footage still kept?".
//
// Who (docs/architecture.md, "Cameras"): commune officers register, change and search the
// cameras of their communes; administrators register and change them (no search); a
// village team member reads and checks the cameras of their village; reviewers and
// auditors see none. Outside the caller's scope a camera does not exist (404).
//
// Read model (migrations 0034, 0043): `camera_model_sites` makes each village (else commune) with
// a confirmed camera that is not removed one site of the "Camera an ninh" model, with no
// team, from the first camera's installation; the community's model counts read it.
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/cameras/coverage.hpp"
#include "modules/cameras/model.hpp"
#include "modules/cameras/owner_portal.hpp"
#include "modules/cameras/reach_index.hpp"
#include "modules/cameras/row_reader.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/sealer.hpp"
#include "platform/db/database.hpp"
#include "platform/geo/lines.hpp"
#include "platform/importkit/importkit.hpp"
#include "platform/page.hpp"
#include "platform/throttle/throttle.hpp"
#include "platform/time/time.hpp"

namespace antq::cameras {

// A camera as a form or a sheet gives it: codes as text, checked by the service (field
// errors name each bad field). The same for a new camera and a change.
struct CameraInput {
  std::string code;  // new cameras only; empty: the next "<commune code>-CAM-NNNN"
  std::optional<std::int64_t> unit_id;
  std::optional<std::int64_t> village_id;
  std::string owner_kind;
  std::string place;
  std::string point;  // as typed: "21.8123, 105.2456", "21,8123; 105,2456", DMS…
  std::optional<int> bearing_deg;
  int fov_deg = 90;
  int range_m = 30;
  std::string camera_type;
  std::string resolution;
  bool night_vision = false;
  int retention_days = 7;
  std::string storage = "nvr";
  std::string funding = "socialised";
  std::optional<std::int64_t> cost_vnd;
  std::optional<std::string> installed_on;
  std::string sharing = "on_request";
  std::optional<std::string> commitment_signed_on;
  std::string note;
  bool demo = false;
  // New cameras only: the owner's contact, sealed (officers and the system only).
  OwnerContact owner;
  // The point is outside Vietnam or outside the chosen commune and the user has seen the
  // warning: save anyway.
  bool confirm_location = false;
};

struct CameraDetail {
  CameraView view;
  std::optional<Consent> consent;       // none for cameras registered before consents were kept
  std::vector<StatusInterval> history;  // oldest first
  std::vector<Check> checks;            // newest first
};

// What needs an officer's attention in a scope: cameras faulty, checks due (never checked,
// or not for kCheckIntervalDays), reconfirmations due within kReconfirmNoticeDays.
struct Maintenance {
  std::int64_t faulty = 0;
  std::int64_t check_due = 0;
  std::int64_t reconfirm_due = 0;
};

struct StatusChange {
  std::string status;
  std::optional<time::Millis> since;  // default now; back-dating allowed, not into the future
  std::string reason;
};

struct NewCheck {
  std::optional<time::Millis> checked_at;  // default now
  std::string result;                      // ok, faulty, unreachable
  std::string note;
};

// Why a camera near the point could not have given footage of it, in this order.
enum class Exclusion { pointing_away, out_of_range, not_installed, faulty_then, removed_then, overwritten, not_shared };
std::string_view code_of(Exclusion v);

struct SearchQuery {
  geo::Point point;
  time::Millis at = 0;
  int radius_m = 200;
  bool with_excluded = false;
  std::string reason;  // why the officer asks (case, tip): audited
};

struct Sighting {
  CameraView camera;
  double distance_m = 0;
  double bearing_deg = 0;   // from the camera to the point (the camera's compass reading)
  double off_axis_deg = 0;  // from the camera's bearing; 0 for 360° cameras
  std::optional<Status> status_then;
  time::Millis footage_kept_until = 0;
  std::vector<Exclusion> reasons;  // empty: it could have seen the point
};

struct SearchResult {
  std::vector<Sighting> seen;      // nearest first
  std::vector<Sighting> excluded;  // when asked; nearest first
};

// Along a route: a polyline (2–500 points, ≤ 50 km), a corridor of `width_m` around it, a
// start time and either an end time or a speed, so that each camera gets the time the
// route passed it.
struct RouteQuery {
  std::vector<geo::Point> line;
  int width_m = 50;
  time::Millis from = 0;
  std::optional<time::Millis> to;
  std::optional<double> speed_kmh;
  bool with_excluded = false;
  std::string reason;
};

struct RouteSighting {
  Sighting sighting;   // distance and bearing to the route's nearest point it saw
  double along_m = 0;  // where along the route it first saw it
  time::Millis enters_at = 0;
  time::Millis leaves_at = 0;
};

struct RouteResult {
  double length_m = 0;
  double speed_kmh = 0;
  std::vector<RouteSighting> seen;      // in the order the route passes them
  std::vector<RouteSighting> excluded;  // within range of the route but left out
};

struct ImportOptions {
  std::optional<std::int64_t> unit_id;  // the commune the sheet is about
  bool dry_run = false;                 // check every row and count, write nothing
  bool confirm_locations = false;       // accept points outside Vietnam or the commune
  bool demo = false;                    // the new cameras are demo data
  // Called after each row checked with the rows done and the rows in all.
  std::function<void(std::size_t done, std::size_t total)> progress{};
};

enum class SheetFormat { csv, xlsx };

// Members default to empty, so designated initializers may leave any of them out.
struct ExportOptions {
  std::optional<std::int64_t> unit_id{};
  SheetFormat format = SheetFormat::csv;
  bool contacts = false;
  std::string reason{};  // required with contacts
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  bool dry_run = false;
  std::string encoding;  // "UTF-8", "windows-1258" or "xlsx", as the file came
};

// A camera and what it sees, for a map.
struct Cone {
  CameraView camera;
  geo::Ring ring;  // closed, computed on the ellipsoid
};

struct ConeLayer {
  std::vector<Cone> cones;
  bool truncated = false;  // more cameras than a map draws at once
};

struct RoadImportOptions {
  bool dry_run = false;
  std::string source;  // the file's name, kept with each road and audited
};

struct RoadImportReport {
  int roads = 0;  // lines (a MultiLineString's lines count one by one)
  double length_m = 0;
  int replaced = 0;  // the commune's roads before
  bool dry_run = false;
};

// The cameras of a village (or of the commune itself) by current status and by sharing.
struct CameraCounts {
  int total = 0;
  std::map<std::string, int> by_status;   // working, faulty, removed
  std::map<std::string, int> by_sharing;  // live, on_request, none
};

struct VillageCoverage {
  std::optional<std::int64_t> village_id;  // nullopt: cameras of the commune in no village
  std::string name;
  // A village that has ended (dissolved or merged) whose cameras still name it: listed
  // under its own name after the villages of today, with no road or area figures (its
  // ground belongs to the villages of today), so that officers move them.
  bool former = false;
  CameraCounts cameras;
  std::optional<double> road_m;      // with roads, where the village has a boundary
  std::optional<double> covered_m;   // the part of road_m inside a working camera's view
  std::optional<double> area_share;  // without roads: 0..1 of its area, where it has a boundary
};

// A stretch of road no working camera sees.
struct CoverageGap {
  std::string road;
  std::string village;  // "" when its middle lies in no village with a boundary
  double length_m = 0;
  geo::Line line;
};

// What the working cameras of a commune (or of one of its villages) see.
struct Coverage {
  units::Unit unit;
  std::string basis;  // "roads", "area" (no roads: the unit's area) or "none" (no boundary either)
  int roads = 0;
  double road_m = 0;
  double covered_m = 0;
  std::optional<double> area_share;
  std::vector<VillageCoverage> villages;  // by name; the commune's own row last
  std::vector<CoverageGap> gaps;          // the kMaxGaps longest, longest first
};

class Service {
 public:
  static constexpr int kDefaultRadius = 200;
  static constexpr int kMaxRadius = 2000;
  static constexpr int kReconfirmMonths = 12;
  static constexpr int kCheckIntervalDays = 90;
  static constexpr int kReconfirmNoticeDays = 30;

  Service(db::Database& db, const audit::Service& audit, const units::Service& units,
          const units::Boundaries& boundaries, const time::Clock& clock, const crypto::FieldSealer& personal_key)
      : db_(db),
        audit_(audit),
        units_(units),
        boundaries_(boundaries),
        clock_(clock),
        personal_key_(personal_key),
        wrong_codes_(clock, 100, 60) {}

  // `filter.due` is "", "check" or "reconfirm" (else a field error).
  Page<CameraView> list(const Actor& actor, const ListFilter& filter) const;
  // The counts of the maintenance panel, for the caller's scope or one unit in it.
  Maintenance maintenance(const Actor& actor, std::optional<std::int64_t> unit_id) const;
  CameraDetail get(const Actor& actor, std::int64_t id) const;
  // Officers and administrators. Field errors name every bad field; a point outside
  // Vietnam or outside the commune is a warning (`point: outside_vietnam` /
  // `outside_commune` with the commune's name) until `confirm_location`.
  CameraView create(const Actor& actor, const CameraInput& input) const;
  // `version` is the one the user edited: a conflict when the camera changed since.
  CameraView update(const Actor& actor, std::int64_t id, int version, const CameraInput& input) const;
  void change_status(const Actor& actor, std::int64_t id, const StatusChange& change) const;
  // Officers, administrators and the village's team members. "ok" and "faulty" also set
  // the status from that moment when it differs.
  void record_check(const Actor& actor, std::int64_t id, const NewCheck& check) const;
  // The owner confirmed the camera and its sharing again: due again in 12 months.
  CameraView reconfirm(const Actor& actor, std::int64_t id) const;
  // An officer of the camera's commune has checked an owner's registration: from now on it
  // counts in the coverage. `version` is the one the officer saw: a conflict (stale) when
  // the camera changed since (an owner moved it on the portal meanwhile). Audited as
  // camera.confirm; confirming a confirmed camera changes nothing.
  CameraView confirm(const Actor& actor, std::int64_t id, int version) const;
  // The status at an instant (nullopt: not installed yet).
  std::optional<Status> status_at(const Actor& actor, std::int64_t id, time::Millis at) const;

  // The owner's contact: the commune's officers only, each reading audited
  // (camera.owner_read) with its reason. Empty fields when none is on record.
  OwnerContact owner(const Actor& actor, std::int64_t id, std::string_view reason) const;
  // Replaces the contact (all fields empty: removes it). Officers only; audited with the
  // names of the fields given, never their values.
  void set_owner(const Actor& actor, std::int64_t id, const OwnerContact& contact) const;
  // The owner withdrew consent: the camera goes with its contact, statuses and checks; a
  // tombstone keeps its code, commune, owner kind and when. Officers only; audited.
  void erase(const Actor& actor, std::int64_t id, std::string_view reason) const;

  // The cameras of a unit in scope (a commune or a village) with their view cones, for the
  // map: at most kMaxCones, by code. Officers, administrators, team members.
  static constexpr int kMaxCones = 3000;
  ConeLayer cones(const Actor& actor, std::int64_t unit_id) const;

  // A commune's roads from GeoJSON (a FeatureCollection, a Feature or a geometry of
  // LineStrings or MultiLineStrings; the name in properties.name or "ten"), replacing the
  // roads it had. Every line is checked (positions, ranges, swapped coordinates, near the
  // commune) before anything is written; errors name the feature. Officers and
  // administrators; audited with the counts.
  static constexpr std::size_t kMaxRoadFileBytes = 16U << 20U;
  static constexpr std::size_t kMaxRoadPositions = 200000;
  RoadImportReport import_roads(const Actor& actor, std::int64_t unit_id, std::string_view geojson,
                                const RoadImportOptions& options) const;
  // The commune's roads (of a village's commune, for a village) as a FeatureCollection.
  std::string roads_geojson(const Actor& actor, std::int64_t unit_id) const;
  // Coverage of a commune, or of one of its villages, by the commune's working cameras.
  // Officers, administrators and the village's team members.
  // Area shares are kept per unit until the commune's working cameras or the boundary
  // change (coverage::AreaCache): asking again costs the reads, not the grid.
  static constexpr std::size_t kMaxGaps = 10;
  Coverage coverage(const Actor& actor, std::int64_t unit_id) const;
  // How many area shares were computed rather than taken from the cache (tests, benchmarks).
  std::size_t area_shares_computed() const { return area_cache_.computed(); }

  // A commune's sheet as officers keep it (.xlsx, or CSV: Vietnamese headers, d/m/yyyy,
  // `,` `;` or tab, UTF-8 or Windows-1258): a row whose code is known updates that camera,
  // others are registered. Every row is checked first; any bad row (named by its line) and
  // nothing is written. Officers and administrators; one audit entry with the counts.
  ImportResult import_sheet(const Actor& actor, std::string_view bytes, const ImportOptions& options) const;

  // The cameras of the caller's scope (or of one unit in it) as the sheet officers keep,
  // CSV or .xlsx, which imports back unchanged; officers and administrators. With
  // `contacts` (officers only, with a reason) the owners' contacts too. Audited with the
  // format, the reason and the codes.
  std::string export_sheet(const Actor& actor, const ExportOptions& options) const;

  // Commune officers only; audited with the reason, the point and the cameras returned.
  SearchResult search(const Actor& actor, const SearchQuery& query) const;
  // The same answer, and the write of its audit entry, which must be durable before the
  // answer is given: `audit(done)` appends it with the database's next commit
  // (audit::Service::record_then) and calls `done` then (http::Response::wait_for).
  struct PendingSearch {
    SearchResult result;
    std::function<void(audit::Service::Done)> audit;
  };
  PendingSearch search_pending(const Actor& actor, const SearchQuery& query) const;
  // The same without holding the caller's thread while the rows of the cameras it lists
  // are read (PostgreSQL, where that waits for the network): what memory decides is
  // decided here, refusals and bad input thrown here; `then` gets the answer once those
  // rows are read (with other searches', in one statement, on the database's thread:
  // RowReader), or here at once when it lists none; or the error the read failed with.
  // REQUIRES: `then` does not throw, nor call db::Database::read() or write().
  using SearchThen = std::function<void(PendingSearch, std::exception_ptr)>;
  void search_then(const Actor& actor, const SearchQuery& query, SearchThen then) const;
  // Along a route (commune officers only), audited as camera.route_search.
  static constexpr int kMaxRoutePoints = 500;
  static constexpr double kMaxRouteMetres = 50000;
  RouteResult search_route(const Actor& actor, const RouteQuery& query) const;

  // The same answer without the audit entry: for the services that search on the way to
  // something audited themselves (a footage request), and for benchmarks.
  SearchResult sightings(const Actor& actor, const SearchQuery& query) const;
  // Whether search_then spares the caller's thread a wait: on PostgreSQL. On SQLite the
  // rows come from the file at once, and search_pending answers sooner.
  bool lists_later() const;
  // Brings the reach index up to date, at the server's start and then now and then, so that a search seldom has more
  // than the reach log's version to read. Returns a summary when it read cameras ("12 read into the reach index").
  std::string follow_reach() const;

  // The owners' portal (owner_portal.hpp): no account; the audit names the actor "citizen"
  // and keeps codes and field names, never a name or a number.
  //
  // A camera registered by its owner, waiting for an officer (confirmed = false), with the
  // owner's consent and sealed contact. Field errors name every bad field and nothing is
  // written; location warnings as for create(). Audited as camera.portal_register. Slow
  // on purpose: the management code's Argon2id derivation.
  Registered register_by_owner(const OwnerRegistration& registration) const;
  // The commune a resident registers a camera in: an active commune-level unit, else
  // not_found.
  units::Unit owner_commune(std::int64_t unit_id) const;
  // The camera behind a management code. Every wrong or malformed code gives the same
  // not_found; after many in a row, too_many_attempts for everyone for a while (one
  // global throttle, as for the mailbox's receipts).
  OwnerView owner_view(const std::string& code) const;
  // Replaces what an owner may change (place, point, mounting, retention, storage,
  // sharing, contact). A camera moved or turned waits for an officer again. Audited as
  // camera.portal_update with the names of the fields changed.
  OwnerView owner_update(const std::string& code, const OwnerCameraFields& changes) const;
  // The owner withdraws consent: the camera is erased as erase() does (a tombstone with
  // channel "portal"), and the code no longer works. Audited as camera.portal_withdraw.
  void owner_withdraw(const std::string& code) const;

 private:
  static void require_searcher(const Actor& actor);
  // `scope_path`: where the commune must lie (the caller's scope; "/" for owners).
  // `units_read`: the units read already in this transaction, kept for the next call (an
  // import's 100,000 rows share their commune and a few villages).
  using UnitsRead = std::map<std::int64_t, std::optional<units::Unit>>;
  Camera checked(db::Tx& tx, const std::string& scope_path, const CameraInput& input, const Camera* current,
                 UnitsRead* units_read = nullptr) const;
  CameraView load(db::Tx& tx, const Actor& actor, std::int64_t id) const;
  // Throws outside Vietnam, or inside another commune's boundary (naming it). `own`, the
  // commune's boundary when the caller holds it: a point well inside it needs no search.
  void check_location(const units::Unit& commune, geo::Point p, bool confirmed,
                      const geo::MultiPolygon* own = nullptr) const;
  // A new install date moves the start of the first status interval (not past a change).
  void move_installation(db::Tx& tx, const Camera& camera, time::Millis now) const;
  OwnerContact checked_owner(const OwnerContact& contact) const;
  // The contact opened without an audit entry (the caller writes one).
  OwnerContact owner_of(std::int64_t id) const;
  OwnerContact opened(db::Tx& tx, std::int64_t id) const;
  struct Planned;
  std::vector<Planned> plan_import(const Actor& actor, const importkit::Sheet& sheet, const units::Unit& commune,
                                   const ImportOptions& options, std::vector<FieldError>& errors) const;
  static bool edits(const Planned& p);
  static bool moves(const Planned& p);
  void apply_import(db::Tx& tx, const Actor& actor, std::vector<Planned>& plan, ImportResult& result) const;
  void add_imported(db::Tx& tx, const std::vector<Planned*>& added, std::optional<std::int64_t> by,
                    time::Millis now) const;
  void write_owner(db::Tx& tx, std::int64_t id, const OwnerContact& contact, time::Millis now) const;
  // The one way a camera goes when its owner withdraws consent, to an officer (erase()) or
  // on the portal (owner_withdraw()): its footage tasks keep its code only, a tombstone
  // keeps code, commune, owner kind, when and the channel; the camera goes with its
  // contact, consent, statuses, checks and management code. The caller audits.
  void erase_camera(db::Tx& tx, const Camera& camera, const std::string& channel, std::optional<std::int64_t> by) const;
  // The owners' portal (owner_portal.cpp): a code's lookup value (Argon2id) and its camera (throttled).
  std::string manage_code_lookup(const std::string& digits) const;
  std::int64_t camera_of_code(const std::string& code) const;
  // A search's audit entry: who asked, why, where, when, and the cameras answered.
  static audit::Entry search_entry(const Actor& actor, const SearchQuery& query, const SearchResult& result);
  // What a search decides in memory: the cameras it lists, as the reach index has them.
  struct Plan {
    SearchQuery query;
    time::Millis now = 0;
    std::vector<Candidate> to_list;
    std::shared_ptr<const std::vector<std::int64_t>> in_scope;  // the caller's units' ids, sorted
  };
  // REQUIRES: the actor may search and the query was checked at `now`.
  Plan plan_in(db::Tx& tx, const Actor& actor, const SearchQuery& query, time::Millis now) const;
  Plan plan(const Actor& actor, const SearchQuery& query) const;
  // The answer, from the rows read of the plan's cameras (Service::kept).
  static SearchResult decided(const Plan& plan, const std::vector<Candidate>& whole);
  // The cameras of `listed` whose rows (sorted by id) are in `rows`, each as its row,
  // less those whose commune is not in `in_scope`.
  static std::vector<Candidate> kept(const std::vector<Candidate>& listed, const std::vector<Camera>& rows,
                                     const std::vector<std::int64_t>& in_scope);
  PendingSearch pending(const Actor& actor, const SearchQuery& query, SearchResult result) const;
  // The cameras the reach index met, read whole by `tx`'s last statement (db::Tx::next_is_last),
  // in their order, less those gone or whose commune is not in `in_scope` (the ids of the
  // caller's units, sorted): the index may lag the snapshot by a moment, or by a second for
  // another process's writes. Their status then stays the index's.
  std::vector<Candidate> read_whole(db::Tx& tx, const std::vector<Candidate>& listed,
                                    const std::vector<std::int64_t>& in_scope) const;
  // The cameras whose reach meets `box`, from the reach index, not whole (the caller reads
  // the rows it lists), with their commune in `in_scope` (sorted ids) and their status
  // at `at`, by id, less those `keep` rules out by their reach alone.
  // `now`: taken before the transaction began.
  std::vector<Candidate> candidates(db::Tx& tx, const geo::BBox& box, const std::vector<std::int64_t>& in_scope,
                                    time::Millis at, time::Millis now,
                                    const std::function<bool(const Reach&)>& keep) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const units::Boundaries& boundaries_;
  const time::Clock& clock_;
  const crypto::FieldSealer& personal_key_;
  // Thread-safe, both: the only state a call changes outside the database.
  mutable Throttle wrong_codes_;
  mutable coverage::AreaCache area_cache_;  // derived from the database, never the truth
  mutable ReachIndex reach_;                // the same
  mutable RowReader rows_{db_};             // last: it goes first, once what waits is answered
};

}  // namespace antq::cameras
