// The reach index (the searches' way, on both databases, to the cameras that reach a
// point): its answers against every camera measured one by one, across the grid's cell
// edges, and how it follows writes it did not make (another connection, another process)
// through the reach log.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "cameras_fixture.hpp"
#include "modules/cameras/reach_index.hpp"

namespace antq::cameras {
namespace {

class ReachIndexTest : public CamerasTest {
 protected:
  // `now`: when the search runs (the index looks at the log again a second later).
  std::set<std::int64_t> ids_reaching(ReachIndex& index, geo::Point p, time::Millis now = kStart) {
    std::set<std::int64_t> out;
    db_->read([&](db::Tx& tx) {
      for (const auto& c : index.meeting(tx, {p.lon, p.lat, p.lon, p.lat}, kStart, now)) out.insert(c.camera.id);
    });
    return out;
  }

  // The one camera the index meets at `p`, as it stands at `at`.
  Candidate only_one(ReachIndex& index, geo::Point p, time::Millis at) {
    std::vector<Candidate> met;
    db_->read([&](db::Tx& tx) { met = index.meeting(tx, {p.lon, p.lat, p.lon, p.lat}, at, kStart); });
    EXPECT_EQ(met.size(), 1U);
    return met.empty() ? Candidate{} : met.front();
  }

  void exec(const std::string& sql) {
    db_->write([&](db::Tx& tx) { tx.exec(db::Query{"test.exec", sql}); });
  }

  static std::set<std::int64_t> ids_of(const std::vector<Sighting>& list) {
    std::set<std::int64_t> out;
    for (const auto& s : list) out.insert(s.camera.camera.id);
    return out;
  }
};

// 300 cameras over 3 × 3 km around the market, which stands on a corner of four cells.
TEST_P(ReachIndexTest, SearchesAgreeWithEveryCameraMeasured) {
  std::mt19937 random(20261203);
  std::uniform_real_distribution<double> offset(-0.015, 0.015);
  std::uniform_int_distribution<int> bearing(-40, 359);  // below 0: all round
  std::uniform_int_distribution<int> fov(10, 180);
  std::uniform_int_distribution<int> range(5, 300);
  std::vector<Camera> cameras;
  for (int i = 0; i < 300; ++i) {
    geo::Point p{kMarket.lon + offset(random), kMarket.lat + offset(random)};
    auto b = bearing(random);
    auto in = input(p, b < 0 ? std::nullopt : std::optional<int>(b), range(random));
    if (b >= 0) in.fov_deg = fov(random);
    cameras.push_back(service_->create(officer_, in).camera);
  }
  std::size_t seen_somewhere = 0;
  for (int i = 0; i < 150; ++i) {
    geo::Point p{kMarket.lon + offset(random), kMarket.lat + offset(random)};
    std::set<std::int64_t> seen;
    std::set<std::int64_t> near;
    for (const auto& c : cameras) {
      auto sight = geo::sight(c.mounting.cone(c.point), p);
      if (sight.distance_m > 200) continue;
      (sight.facing && sight.in_range ? seen : near).insert(c.id);
    }
    auto plain = service_->sightings(officer_, SearchQuery{p, kStart - kHour, 200, false, "Kiểm tra"});
    auto full = service_->sightings(officer_, SearchQuery{p, kStart - kHour, 200, true, "Kiểm tra"});
    EXPECT_EQ(ids_of(plain.seen), seen) << p.lon << ", " << p.lat;
    EXPECT_TRUE(plain.excluded.empty());
    EXPECT_EQ(ids_of(full.seen), seen) << p.lon << ", " << p.lat;
    EXPECT_EQ(ids_of(full.excluded), near) << p.lon << ", " << p.lat;
    EXPECT_EQ(plain.seen.size() + full.seen.size() + full.excluded.size(), 2 * seen.size() + near.size());  // once each
    seen_somewhere += seen.size();
  }
  EXPECT_GT(seen_somewhere, 20U);  // the table tests something
}

TEST_P(ReachIndexTest, FollowsWritesItDidNotMake) {
  ReachIndex index;
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  EXPECT_EQ(ids_reaching(index, kMarket), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.loads(), 1U);

  // Moved by a write the index did not make (another service, a raw statement).
  exec("UPDATE cameras SET lon = lon + 0.02 WHERE id = " + std::to_string(a.id));
  EXPECT_TRUE(ids_reaching(index, kMarket).empty());
  EXPECT_EQ(ids_reaching(index, {a.point.lon + 0.02, a.point.lat}), std::set<std::int64_t>{a.id});

  // Its range cut to 10 m: a point 30 m away is out of its reach box.
  auto thirty = geo::destination({a.point.lon + 0.02, a.point.lat}, 45, 30);
  EXPECT_EQ(ids_reaching(index, thirty), std::set<std::int64_t>{a.id});
  exec("UPDATE cameras SET range_m = 10 WHERE id = " + std::to_string(a.id));
  EXPECT_TRUE(ids_reaching(index, thirty).empty());

  auto b = service_->create(officer_, input(kMarket, 90, 50)).camera;
  EXPECT_EQ(ids_reaching(index, kMarket), std::set<std::int64_t>{b.id});
  exec("DELETE FROM cameras WHERE id = " + std::to_string(b.id));
  EXPECT_TRUE(ids_reaching(index, kMarket).empty());
  EXPECT_EQ(index.loads(), 1U);  // each change applied, nothing loaded again
  EXPECT_EQ(index.size(), 1U);
}

// The index reads the log's version only when this process changed something since it
// last looked (SQLite: committed; PostgreSQL: received a change notice), or a second
// after: another process's writes (`antq cameras import`) show within that second, this
// process's at once.
TEST_P(ReachIndexTest, LooksAtTheLogAfterThisProcessCommittedOrASecondLater) {
  ReachIndex index;
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  auto moved = geo::Point{a.point.lon + 0.02, a.point.lat};
  EXPECT_EQ(ids_reaching(index, kMarket), std::set<std::int64_t>{a.id});
  EXPECT_EQ(ids_reaching(index, kMarket), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.looks(), 1U);  // nothing committed since

  auto other_process = backend_.open();  // a pool of its own on the same file
  other_process->write([&](db::Tx& tx) {
    tx.exec(db::Query{"test.move", "UPDATE cameras SET lon = lon + 0.02 WHERE id = $1"}, a.id);
  });
  EXPECT_EQ(ids_reaching(index, kMarket, kStart + ReachIndex::kOthersMillis - 1), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.looks(), 1U);
  EXPECT_EQ(ids_reaching(index, moved, kStart + ReachIndex::kOthersMillis), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.looks(), 2U);
  EXPECT_EQ(ids_reaching(index, moved, kStart - 1), std::set<std::int64_t>{a.id});  // a clock gone back
  EXPECT_EQ(index.looks(), 3U);

  exec("UPDATE cameras SET lon = lon - 0.02 WHERE id = " + std::to_string(a.id));  // this process: at once
  EXPECT_EQ(ids_reaching(index, kMarket, kStart - 1), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.looks(), 4U);
}

// Within that second the index lags another process's writes; the row each search lists
// is read in the search's own snapshot and decides: a camera moved out of the officer's
// commune is not listed, one no longer shared is not seen.
TEST_P(ReachIndexTest, TheRowReadInTheSearchDecidesWhileTheIndexLags) {
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  auto b = service_->create(officer_, input(geo::destination(kMarket, 90, 20), std::nullopt, 50)).camera;
  auto seen = [&] {
    return ids_of(service_->sightings(officer_, SearchQuery{kMarket, kStart - kHour, 200, false, "Kiểm tra"}).seen);
  };
  EXPECT_EQ(seen(), (std::set<std::int64_t>{a.id, b.id}));
  auto other_process = backend_.open();
  other_process->write([&](db::Tx& tx) {
    tx.exec(db::Query{"test.move", "UPDATE cameras SET unit_id = $1 WHERE id = $2"}, hung_loi_.id, a.id);
    tx.exec(db::Query{"test.unshare", "UPDATE cameras SET sharing = 'none' WHERE id = $1"}, b.id);
  });
  EXPECT_TRUE(seen().empty());
  auto full = service_->sightings(officer_, SearchQuery{kMarket, kStart - kHour, 200, true, "Kiểm tra"});
  ASSERT_EQ(full.excluded.size(), 1U);  // b, with its reason; a is another commune's now
  EXPECT_EQ(full.excluded[0].camera.camera.id, b.id);
  EXPECT_EQ(full.excluded[0].reasons, std::vector<Exclusion>{Exclusion::not_shared});
}

// What a search decides by besides the reach (commune, retention, sharing, the status
// then) comes from memory too, so it follows the same log (migration 0045).
TEST_P(ReachIndexTest, FollowsTheCommuneRetentionSharingAndStatusHistory) {
  ReachIndex index;
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  auto id = std::to_string(a.id);
  auto c = only_one(index, kMarket, kStart - kHour);
  EXPECT_FALSE(c.whole);
  EXPECT_EQ(c.camera.unit_id, tan_trao_.id);
  EXPECT_EQ(c.camera.retention_days, 7);
  EXPECT_EQ(c.camera.sharing, Sharing::on_request);
  EXPECT_EQ(c.status_then, Status::working);
  EXPECT_EQ(only_one(index, kMarket, time::local_day_start("2024-12-31")).status_then, std::nullopt);

  exec("UPDATE cameras SET unit_id = " + std::to_string(hung_loi_.id) + ", retention_days = 30, sharing = 'none' " +
       "WHERE id = " + id);
  c = only_one(index, kMarket, kStart - kHour);
  EXPECT_EQ(c.camera.unit_id, hung_loi_.id);
  EXPECT_EQ(c.camera.retention_days, 30);
  EXPECT_EQ(c.camera.sharing, Sharing::none);

  // Faulty for a day two days ago, as the service writes it (by its new commune's
  // officer): two more intervals.
  service_->change_status(other_officer_, a.id, {"faulty", kStart - 2 * kDay, "Mất nguồn"});
  service_->change_status(other_officer_, a.id, {"working", kStart - kDay, ""});
  EXPECT_EQ(only_one(index, kMarket, kStart - 3 * kDay).status_then, Status::working);
  EXPECT_EQ(only_one(index, kMarket, kStart - 2 * kDay).status_then, Status::faulty);
  EXPECT_EQ(only_one(index, kMarket, kStart - kDay).status_then, Status::working);

  // Back to one open interval (another connection's edit), then none at all.
  exec("DELETE FROM camera_status_history WHERE camera_id = " + id + " AND until IS NOT NULL");
  exec("UPDATE camera_status_history SET status = 'removed' WHERE camera_id = " + id);
  EXPECT_EQ(only_one(index, kMarket, kStart - 3 * kDay).status_then, std::nullopt);
  EXPECT_EQ(only_one(index, kMarket, kStart - kDay).status_then, Status::removed);
  exec("DELETE FROM camera_status_history WHERE camera_id = " + id);
  EXPECT_EQ(only_one(index, kMarket, kStart - kHour).status_then, std::nullopt);
  EXPECT_EQ(index.loads(), 1U);
}

TEST_P(ReachIndexTest, LoadsEverythingAgainWhenTheLogNoLongerReachesBack) {
  ReachIndex index;
  EXPECT_TRUE(ids_reaching(index, kMarket).empty());
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  auto b = service_->create(officer_, input(kMarket, 180, 50)).camera;
  // The log's rows for `a` are gone (pruned): the index cannot know what changed.
  service_->change_status(officer_, b.id, {"faulty", kStart - kDay, "Mất nguồn"});
  exec("DELETE FROM camera_reach_log WHERE camera_id = " + std::to_string(a.id));
  EXPECT_EQ(ids_reaching(index, kMarket), (std::set<std::int64_t>{a.id, b.id}));
  EXPECT_EQ(index.loads(), 2U);
  // Loaded with their histories: b's two intervals, a's one.
  std::map<std::int64_t, std::optional<Status>> then;
  db_->read([&](db::Tx& tx) {
    for (const auto& c :
         index.meeting(tx, {kMarket.lon, kMarket.lat, kMarket.lon, kMarket.lat}, kStart - kHour, kStart)) {
      then[c.camera.id] = c.status_then;
    }
  });
  EXPECT_EQ(then[a.id], Status::working);
  EXPECT_EQ(then[b.id], Status::faulty);
}

TEST_P(ReachIndexTest, FollowedAheadASearchHasOnlyTheVersionToRead) {
  ReachIndex index;
  auto follow = [&] {
    std::size_t read = 0;
    db_->read([&](db::Tx& tx) { read = index.follow(tx, kStart); });
    return read;
  };
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  service_->create(officer_, input(kMarket, 180, 50));
  EXPECT_EQ(follow(), 2U);  // loaded
  EXPECT_EQ(follow(), 0U);  // nothing new
  exec("UPDATE cameras SET lon = lon + 0.02 WHERE id = " + std::to_string(a.id));
  EXPECT_EQ(follow(), 1U);  // the one moved, read again
  EXPECT_EQ(ids_reaching(index, {a.point.lon + 0.02, a.point.lat}), std::set<std::int64_t>{a.id});
  EXPECT_EQ(index.loads(), 1U);
}

// The service's side of it: the server's scheduler keeps the index followed on both
// databases; on PostgreSQL a search reads the rows it lists later (search_then).
TEST_P(ReachIndexTest, TheServiceFollowsTheLogAndSaysWhereItsSearchesMayRun) {
  EXPECT_EQ(service_->lists_later(), GetParam() == db::Dialect::postgres);
  service_->create(officer_, input(kMarket, std::nullopt, 50));
  EXPECT_EQ(service_->follow_reach(), "1 read into the reach index");
  EXPECT_EQ(service_->follow_reach(), "");
  auto seen = service_->sightings(officer_, SearchQuery{kMarket, kStart - kHour, 200, false, "Kiểm tra"});
  EXPECT_EQ(seen.seen.size(), 1U);
}

TEST_P(ReachIndexTest, TheLogKeepsItsLastHundredThousandRows) {
  exec("INSERT INTO camera_reach_log (version, camera_id) VALUES (5, 1), (99999, 1), (100001, 1)");
  EXPECT_EQ(count("SELECT count(*) FROM camera_reach_log"), 3);
  exec("INSERT INTO camera_reach_log (version, camera_id) VALUES (200000, 1)");
  // 200,000 is a multiple of 10,000: the rows up to 100,000 go.
  EXPECT_EQ(count("SELECT min(version) FROM camera_reach_log"), 100001);
  EXPECT_EQ(count("SELECT count(*) FROM camera_reach_log"), 2);
}

// A sequence hands out versions in the order asked, not the order of commit; the log's
// writers take turns (migration 0046) so that a reader seeing a version sees every
// smaller one. SQLite has one writer anyway.
TEST_P(ReachIndexTest, OnPostgreSQLTheLogsWritersTakeTurnsSoVersionsCommitInOrder) {
  if (GetParam() != db::Dialect::postgres) GTEST_SKIP() << "SQLite has one writer";
  auto a = service_->create(officer_, input(kMarket, std::nullopt, 50)).camera;
  auto b = service_->create(officer_, input(kMarket, 90, 50)).camera;
  auto other_process = backend_.open();
  std::promise<void> written;
  std::promise<void> go;
  auto went = go.get_future();
  std::thread first([&] {
    db_->write([&](db::Tx& tx) {
      tx.exec(db::Query{"test.move", "UPDATE cameras SET lon = lon + 0.01 WHERE id = $1"}, a.id);
      written.set_value();
      went.wait();
    });
  });
  written.get_future().wait();
  std::atomic<bool> second_done = false;
  std::thread second([&] {
    other_process->write([&](db::Tx& tx) {
      tx.exec(db::Query{"test.move", "UPDATE cameras SET lon = lon + 0.01 WHERE id = $1"}, b.id);
    });
    second_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE(second_done) << "the second writer waits for the first to end";
  go.set_value();
  first.join();
  second.join();
  auto version_of = [&](std::int64_t id) {
    return count("SELECT max(version) FROM camera_reach_log WHERE camera_id = " + std::to_string(id));
  };
  EXPECT_LT(version_of(a.id), version_of(b.id));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReachIndexTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
