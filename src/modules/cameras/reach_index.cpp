#include "modules/cameras/reach_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

#include "modules/cameras/repo.hpp"

namespace antq::cameras {
namespace {

constexpr double kCellDegrees = 0.005;  // about 550 m: a city cell holds some 200 cameras
constexpr std::int64_t kLoadPage = 20000;

std::int64_t cell_index(double degrees) { return static_cast<std::int64_t>(std::floor(degrees / kCellDegrees)); }

std::uint64_t key_of(std::int64_t lat_cell, std::int64_t lon_cell) {
  // Both fit in 32 bits with room: |degrees| ≤ 180 gives at most 18,000 cells.
  return (static_cast<std::uint64_t>(lat_cell + (1 << 20)) << 32U) | static_cast<std::uint64_t>(lon_cell + (1 << 20));
}

float down(double v) {
  auto f = static_cast<float>(v);
  return static_cast<double>(f) > v ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}

float up(double v) {
  auto f = static_cast<float>(v);
  return static_cast<double>(f) < v ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

template <typename F>
void each_cell(double min_lon, double min_lat, double max_lon, double max_lat, F f) {
  for (auto lat = cell_index(min_lat); lat <= cell_index(max_lat); ++lat) {
    for (auto lon = cell_index(min_lon); lon <= cell_index(max_lon); ++lon) f(key_of(lat, lon), lat, lon);
  }
}

}  // namespace

std::vector<Candidate> ReachIndex::meeting(db::Tx& tx, const geo::BBox& box, time::Millis at, time::Millis now) {
  follow(tx, now);
  std::shared_lock lock(mutex_);
  return collect(box, at);
}

std::size_t ReachIndex::follow(db::Tx& tx, time::Millis now) {
  if (!recheck_.due(tx, now)) return 0;
  try {
    auto version = repo::reach_version(tx);
    looks_.fetch_add(1, std::memory_order_relaxed);
    std::size_t read = 0;
    bool behind = false;
    {
      std::shared_lock lock(mutex_);
      // A later version than the caller's snapshot is fine: it only knows of newer writes.
      behind = !loaded_ || version_ < version;
    }
    if (behind) {
      std::unique_lock lock(mutex_);
      if (!loaded_ || version_ < version) read = catch_up(tx, version);  // another caller may have caught up
    }
    recheck_.looked(tx, now);
    return read;
  } catch (...) {
    recheck_.forget();  // the next transaction looks again, and loads again if a load failed
    throw;
  }
}

std::size_t ReachIndex::size() const {
  std::shared_lock lock(mutex_);
  return slot_of_.size();
}

std::size_t ReachIndex::loads() const {
  std::shared_lock lock(mutex_);
  return loads_;
}

std::size_t ReachIndex::looks() const { return looks_.load(std::memory_order_relaxed); }

std::size_t ReachIndex::catch_up(db::Tx& tx, std::int64_t version) {
  // Every change after version_ is still in the log when its first row kept is at most
  // the next one.
  if (loaded_ && repo::reach_log_span(tx).first <= version_ + 1) {
    auto changed = repo::reach_changes(tx, version_, kMostChanges + 1);
    if (static_cast<std::int64_t>(changed.size()) <= kMostChanges) {
      for (auto id : changed) {
        remove(id);
        if (auto standing = repo::standing(tx, id)) put(*standing);
      }
      version_ = version;
      return changed.size();
    }
  }
  load(tx, version);
  return slot_of_.size();
}

void ReachIndex::load(db::Tx& tx, std::int64_t version) {
  loaded_ = false;  // until the last page is in: a failed load is made again
  slots_.clear();
  free_.clear();
  slot_of_.clear();
  cells_.clear();
  histories_.clear();
  // Room for every camera at once: grown by doubling, then shrunk, the slots of a million
  // cameras took twice their size at the peak.
  auto cameras = static_cast<std::size_t>(repo::count(tx));
  slots_.reserve(cameras + cameras / 64);
  slot_of_.reserve(cameras + cameras / 64);
  // A page at a time: a million rows read at once would hold every value of every column.
  std::int64_t after = 0;
  while (true) {
    auto page = repo::standings(tx, after, kLoadPage);
    for (const auto& standing : page) put(standing);
    if (static_cast<std::int64_t>(page.size()) < kLoadPage) break;
    after = page.back().reach.id;
  }
  for (auto& [key, entries] : cells_) entries.shrink_to_fit();
  version_ = version;
  loaded_ = true;
  ++loads_;
}

void ReachIndex::put(const Standing& standing) {
  const auto& reach = standing.reach;
  Slot s{reach.id,
         reach.point.lon,
         reach.point.lat,
         standing.unit_id,
         0,
         reach.mounting.range_m,
         standing.retention_days,
         static_cast<std::int16_t>(reach.mounting.bearing_deg.value_or(-1)),
         static_cast<std::int16_t>(reach.mounting.fov_deg),
         static_cast<std::uint8_t>(standing.sharing),
         kNoHistory};
  const auto& history = standing.history;
  if (history.size() == 1 && !history.front().until) {
    s.since = history.front().since;
    s.status = static_cast<std::uint8_t>(history.front().status);
  } else if (!history.empty()) {
    s.status = kInHistories;
    auto& intervals = histories_[reach.id];
    for (const auto& h : history) intervals.push_back({h.since, h.until, h.status, {}});
  }
  std::uint32_t slot = 0;
  if (free_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(s);
  } else {
    slot = free_.back();
    free_.pop_back();
    slots_[slot] = s;
  }
  slot_of_[reach.id] = slot;
  auto b = geo::box_around(reach.point, reach.mounting.range_m);
  Entry e{{down(b.min_lon), down(b.min_lat), up(b.max_lon), up(b.max_lat)}, slot};
  each_cell(e.box.min_lon, e.box.min_lat, e.box.max_lon, e.box.max_lat,
            [&](CellKey key, std::int64_t, std::int64_t) { cells_[key].push_back(e); });
}

void ReachIndex::remove(std::int64_t id) {
  auto it = slot_of_.find(id);
  if (it == slot_of_.end()) return;
  auto slot = it->second;
  const auto& s = slots_[slot];
  auto b = geo::box_around({s.lon, s.lat}, s.range_m);
  each_cell(down(b.min_lon), down(b.min_lat), up(b.max_lon), up(b.max_lat),
            [&](CellKey key, std::int64_t, std::int64_t) {
              auto cell = cells_.find(key);
              if (cell == cells_.end()) return;
              auto& list = cell->second;
              auto at = std::find_if(list.begin(), list.end(), [&](const Entry& e) { return e.slot == slot; });
              if (at != list.end()) {
                *at = list.back();
                list.pop_back();
              }
              if (list.empty()) cells_.erase(cell);
            });
  slots_[slot] = Slot{};
  free_.push_back(slot);
  slot_of_.erase(it);
  histories_.erase(id);
}

std::vector<Candidate> ReachIndex::collect(const geo::BBox& box, time::Millis at) const {
  std::vector<Candidate> out;
  each_cell(box.min_lon, box.min_lat, box.max_lon, box.max_lat, [&](CellKey key, std::int64_t lat, std::int64_t lon) {
    auto cell = cells_.find(key);
    if (cell == cells_.end()) return;
    for (const auto& [b, slot] : cell->second) {
      if (b.max_lon < box.min_lon || b.min_lon > box.max_lon || b.max_lat < box.min_lat || b.min_lat > box.max_lat) {
        continue;
      }
      // A camera stands in every cell its reach meets: it is taken from the first cell of
      // the part the two boxes share, once.
      if (cell_index(std::max<double>(b.min_lat, box.min_lat)) != lat ||
          cell_index(std::max<double>(b.min_lon, box.min_lon)) != lon) {
        continue;
      }
      const auto& s = slots_[slot];
      Candidate c{{}, status_at(s, at), false};
      auto& cam = c.camera;
      cam.id = s.id;
      cam.unit_id = s.unit_id;
      cam.point = {s.lon, s.lat};
      cam.mounting = Mounting{s.bearing < 0 ? std::nullopt : std::optional<int>(s.bearing), s.fov, s.range_m};
      cam.retention_days = s.retention_days;
      cam.sharing = static_cast<Sharing>(s.sharing);
      out.push_back(std::move(c));
    }
  });
  return out;
}

std::optional<Status> ReachIndex::status_at(const Slot& slot, time::Millis at) const {
  if (slot.status == kNoHistory) return std::nullopt;
  if (slot.status == kInHistories) return cameras::status_at(histories_.at(slot.id), at);
  // One open interval.
  return at >= slot.since ? std::optional<Status>(static_cast<Status>(slot.status)) : std::nullopt;
}

}  // namespace antq::cameras
