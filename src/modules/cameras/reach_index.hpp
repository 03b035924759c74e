#pragma once
// What every camera can see and everything else a search decides by, in memory: the
// reach index that "who could have seen it" reads instead of the spatial index and the
// cameras' rows, on both databases.
//
// Why: in WAL mode SQLite makes every reader connection drop its page cache at each
// commit, and every search commits its audit entry, so each search read the R*Tree's pages
// back from the file, then a dozen pages for each camera it kept (its row, its commune's
// path, its status then). On PostgreSQL the same walk through the GiST index and the rows
// cost the server more than everything else a search does. The index holds each camera's
// point, mounting, commune, retention, sharing and status (56 bytes; a history longer
// than one open interval on the side) and, in a grid of 0.005° cells (about 550 m), its
// reach box in floats rounded outwards (20 bytes) in every cell the box meets. A search
// then reads only the rows of the cameras it lists. The index follows the reach log
// (migrations 0044 and 0045 on SQLite, 0046 on PostgreSQL): before it answers, it reads
// the log's last version in the caller's transaction and applies the cameras changed
// since, whichever process wrote them; far behind, it loads them all. On SQLite it skips
// that read while this process committed nothing new, for up to a second.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "modules/cameras/model.hpp"
#include "platform/db/database.hpp"
#include "platform/db/recheck.hpp"
#include "platform/geo/geo.hpp"

namespace antq::cameras {

class ReachIndex {
 public:
  // More cameras changed than this since the index last looked: it loads them all.
  static constexpr std::int64_t kMostChanges = 20000;

  // The cameras whose reach (their point ± their range, padded as geo::box_around pads)
  // meets `box`, and perhaps a few whose reach ends within a float's rounding of it, in no
  // order, as of the transaction's snapshot (or a later one), each with its status at
  // `at`; not whole (Candidate::whole).
  std::vector<Candidate> meeting(db::Tx& tx, const geo::BBox& box, time::Millis at, time::Millis now);
  // Catches up with the log as of the transaction's snapshot (loads everything the first
  // time), so that the next meeting() has nothing to read but the log's version. Returns
  // how many cameras it read. It reads the log's version only when db::Recheck says so:
  // this process's writes are followed at once, another process's within kOthersMillis.
  // `now`: taken before the transaction began.
  std::size_t follow(db::Tx& tx, time::Millis now);

  std::size_t size() const;
  // How many times it loaded every camera, and read the log's version (tests, benchmarks).
  std::size_t loads() const;
  std::size_t looks() const;

  static constexpr time::Millis kOthersMillis = 1000;

 private:
  // Status codes of a slot besides a Status open since `since`.
  static constexpr std::uint8_t kNoHistory = 0xfe;    // no status yet: not installed
  static constexpr std::uint8_t kInHistories = 0xff;  // several intervals: see histories_
  struct Slot {
    std::int64_t id = 0;  // 0: free
    double lon = 0;
    double lat = 0;
    std::int64_t unit_id = 0;
    time::Millis since = 0;
    std::int32_t range_m = 0;
    std::int32_t retention_days = 0;
    std::int16_t bearing = -1;  // -1: all round
    std::int16_t fov = 360;
    std::uint8_t sharing = 0;
    std::uint8_t status = kNoHistory;
  };
  struct Box {
    float min_lon, min_lat, max_lon, max_lat;
  };
  struct Entry {
    Box box;
    std::uint32_t slot;
  };
  using CellKey = std::uint64_t;

  // Returns how many cameras it read.
  std::size_t catch_up(db::Tx& tx, std::int64_t version);
  void load(db::Tx& tx, std::int64_t version);
  void put(const Standing& standing);
  void remove(std::int64_t id);
  std::vector<Candidate> collect(const geo::BBox& box, time::Millis at) const;
  std::optional<Status> status_at(const Slot& slot, time::Millis at) const;

  db::Recheck recheck_{kOthersMillis};
  mutable std::shared_mutex mutex_;
  std::atomic<std::size_t> looks_{0};
  bool loaded_ = false;
  std::int64_t version_ = 0;
  std::size_t loads_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_;  // free slots
  std::unordered_map<std::int64_t, std::uint32_t> slot_of_;
  std::unordered_map<CellKey, std::vector<Entry>> cells_;
  std::unordered_map<std::int64_t, std::vector<StatusInterval>> histories_;  // by id, no reasons
};

}  // namespace antq::cameras
