// The cameras' SQL on both databases: a camera read back as written, candidates from the
// spatial index within the scope with their status at a past instant, and the plan.
#include "modules/cameras/repo.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "../../support/backends.hpp"
#include "modules/units/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::cameras {
namespace {

constexpr time::Millis kNow = 1764547200000LL;  // 2025-12-01
constexpr time::Millis kHour = 3600LL * 1000;

class CameraRepoTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    db_->write([&](db::Tx& tx) {
      auto country = add_unit(tx, "VN", units::Kind::country, std::nullopt, "");
      tan_trao_ = add_unit(tx, "02545", units::Kind::commune, country.first, country.second);
      other_ = add_unit(tx, "02455", units::Kind::commune, country.first, country.second);
    });
  }

  // A unit under `parent`; returns its id and path.
  std::pair<std::int64_t, std::string> add_unit(db::Tx& tx, const std::string& code, units::Kind kind,
                                                std::optional<std::int64_t> parent, const std::string& parent_path) {
    units::Unit u;
    u.code = code;
    u.name = code;
    u.kind = kind;
    u.parent_id = parent;
    auto id = units::repo::insert(tx, u, parent_path, kNow);
    return {id, units::repo::get(tx, id)->path};
  }

  Camera camera(const std::string& code, std::int64_t unit, geo::Point p) {
    Camera c;
    c.code = code;
    c.unit_id = unit;
    c.point = p;
    return c;
  }

  std::int64_t insert(const Camera& c) {
    std::int64_t id = 0;
    db_->write([&](db::Tx& tx) { id = repo::insert(tx, c, kNow); });
    return id;
  }

  std::vector<std::string> codes_in(const geo::BBox& box, const std::string& scope, time::Millis at = kNow) {
    std::vector<std::string> out;
    db_->read([&](db::Tx& tx) {
      for (const auto& c : repo::candidates(tx, box, scope, at)) out.push_back(c.camera.code);
    });
    return out;
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  std::pair<std::int64_t, std::string> tan_trao_;
  std::pair<std::int64_t, std::string> other_;
};

TEST_P(CameraRepoTest, ACameraReadsBackAsWritten) {
  Camera c = camera("02545-CAM-0001", tan_trao_.first, {105.451561234567, 21.805612345678});
  c.owner_kind = OwnerKind::household;
  c.place = "Ngã ba chợ Tân Trào";
  c.mounting = Mounting{355, 60, 80};
  c.night_vision = true;
  c.retention_days = 14;
  c.storage = Storage::memory_card;
  c.funding = Funding::shared;
  c.cost_vnd = 3500000;
  c.installed_on = "2025-10-02";
  c.sharing = Sharing::live;
  c.demo = true;
  auto id = insert(c);
  std::optional<Camera> back;
  db_->read([&](db::Tx& tx) { back = repo::get(tx, id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->code, c.code);
  EXPECT_EQ(back->point.lon, c.point.lon) << "doubles read back exactly";
  EXPECT_EQ(back->point.lat, c.point.lat);
  EXPECT_EQ(back->mounting.bearing_deg, 355);
  EXPECT_EQ(back->mounting.fov_deg, 60);
  EXPECT_EQ(back->owner_kind, OwnerKind::household);
  EXPECT_EQ(back->storage, Storage::memory_card);
  EXPECT_EQ(back->funding, Funding::shared);
  EXPECT_EQ(back->sharing, Sharing::live);
  EXPECT_EQ(back->cost_vnd, 3500000);
  EXPECT_EQ(back->installed_on, "2025-10-02");
  EXPECT_TRUE(back->night_vision);
  EXPECT_TRUE(back->demo);

  Camera dome = camera("02545-CAM-0002", tan_trao_.first, {105.45, 21.8});
  dome.mounting = Mounting{std::nullopt, 360, 30};
  auto dome_id = insert(dome);
  db_->read([&](db::Tx& tx) { EXPECT_FALSE(repo::get(tx, dome_id)->mounting.bearing_deg); });
}

TEST_P(CameraRepoTest, TheDatabaseRefusesAConeWithoutABearing) {
  Camera c = camera("02545-CAM-0003", tan_trao_.first, {105.45, 21.8});
  c.mounting = Mounting{std::nullopt, 90, 30};
  EXPECT_THROW(insert(c), std::exception);
}

TEST_P(CameraRepoTest, CandidatesComeFromTheBoxAndTheScope) {
  insert(camera("02545-CAM-IN", tan_trao_.first, {105.4510, 21.8050}));
  insert(camera("02545-CAM-OUT", tan_trao_.first, {105.4700, 21.8050}));
  insert(camera("02455-CAM-IN", other_.first, {105.4512, 21.8052}));
  geo::BBox box{105.4500, 21.8040, 105.4520, 21.8060};
  EXPECT_EQ(codes_in(box, "/"), (std::vector<std::string>{"02545-CAM-IN", "02455-CAM-IN"}));
  EXPECT_EQ(codes_in(box, tan_trao_.second), (std::vector<std::string>{"02545-CAM-IN"}));
  EXPECT_EQ(codes_in(geo::BBox{105.4510, 21.8050, 105.4510, 21.8050}, tan_trao_.second),
            (std::vector<std::string>{"02545-CAM-IN"}))
      << "a box of no size on the camera's point finds it";
}

TEST_P(CameraRepoTest, APointBoxFindsTheCamerasThatReachThePoint) {
  Camera near = camera("02545-CAM-NEAR", tan_trao_.first, {105.4510, 21.8050});
  near.mounting = Mounting{90, 90, 50};  // 50 m
  auto near_id = insert(near);
  Camera far = camera("02545-CAM-FAR", tan_trao_.first, {105.4510, 21.8059});  // 99.5 m north
  far.mounting = Mounting{180, 90, 30};
  auto far_id = insert(far);
  // 45 m east and 90 m north of the first camera, on the parallel.
  geo::Point east{105.4510 + 45 / (111320.0 * std::cos(21.8050 * 3.14159265358979 / 180)), 21.8050};
  geo::Point north{105.4510, 21.8050 + 90 / 110574.0};
  EXPECT_EQ(codes_in({east.lon, east.lat, east.lon, east.lat}, "/"), (std::vector<std::string>{"02545-CAM-NEAR"}));
  EXPECT_EQ(codes_in({north.lon, north.lat, north.lon, north.lat}, "/"), (std::vector<std::string>{"02545-CAM-FAR"}))
      << "9.5 m from the second camera; 90 m is beyond the first one's 50";
  EXPECT_EQ(codes_in(geo::box_around(east, 200), "/"), (std::vector<std::string>{"02545-CAM-NEAR", "02545-CAM-FAR"}));

  // A longer range, a move: the index follows the row.
  db_->write([&](db::Tx& tx) {
    auto c = repo::get(tx, near_id).value();
    c.mounting.range_m = 100;
    ASSERT_TRUE(repo::update(tx, c, kNow));
    auto f = repo::get(tx, far_id).value();
    f.point.lat = 21.8070;
    ASSERT_TRUE(repo::update(tx, f, kNow));
  });
  EXPECT_EQ(codes_in({north.lon, north.lat, north.lon, north.lat}, "/"), (std::vector<std::string>{"02545-CAM-NEAR"}));
}

TEST_P(CameraRepoTest, TheStatusAtAnInstantComesFromTheHistory) {
  auto id = insert(camera("02545-CAM-0004", tan_trao_.first, {105.4510, 21.8050}));
  time::Millis installed = kNow - 100 * kHour;
  time::Millis broke = kNow - 10 * kHour;
  db_->write([&](db::Tx& tx) {
    repo::open_status(tx, id, StatusInterval{installed, std::nullopt, Status::working, ""}, std::nullopt, kNow);
    repo::open_status(tx, id, StatusInterval{broke, std::nullopt, Status::faulty, "mất nguồn"}, std::nullopt, kNow);
  });
  auto status_at = [&](time::Millis at) {
    std::optional<Status> s;
    db_->read([&](db::Tx& tx) {
      auto found = repo::candidates(tx, geo::BBox{105.45, 21.80, 105.46, 21.81}, "/", at);
      EXPECT_EQ(found.size(), 1u);
      if (!found.empty()) s = found[0].status_then;
    });
    return s;
  };
  EXPECT_FALSE(status_at(installed - 1)) << "not installed yet";
  EXPECT_EQ(status_at(installed), Status::working);
  EXPECT_EQ(status_at(broke - 1), Status::working);
  EXPECT_EQ(status_at(broke), Status::faulty) << "at the change the new status holds";
  EXPECT_EQ(status_at(kNow), Status::faulty);
  std::vector<StatusInterval> h;
  db_->read([&](db::Tx& tx) { h = repo::history(tx, id); });
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].until, broke);
  EXPECT_FALSE(h[1].until);
  EXPECT_EQ(h[1].reason, "mất nguồn");
  db_->read([&](db::Tx& tx) { EXPECT_EQ(repo::get(tx, id)->status, Status::faulty); });
}

TEST_P(CameraRepoTest, TheCandidateQueryUsesTheSpatialIndex) {
  insert(camera("02545-CAM-0005", tan_trao_.first, {105.4510, 21.8050}));
  std::string plan;
  db_->read([&](db::Tx& tx) {
    bool pg = tx.dialect() == db::Dialect::postgres;
    if (pg) {
      static constexpr db::Query off{"test.seqscan_off", "SET LOCAL enable_seqscan = off"};
      tx.exec(off);
    }
    std::string sql =
        std::string(pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + std::string(repo::candidates_sql(tx.dialect()));
    db::Query q{"test.explain_candidates", sql};
    for (const auto& row : tx.query(q, {105.45, 21.80, 105.46, 21.81, kNow, std::string("/")})) {
      for (std::size_t i = 0; i < row.size(); ++i) plan += row.text(i) + " ";
      plan += "\n";
    }
  });
  EXPECT_NE(plan.find(GetParam() == db::Dialect::postgres ? "cameras_reach" : "VIRTUAL TABLE INDEX"), std::string::npos)
      << plan;
}

INSTANTIATE_TEST_SUITE_P(Backends, CameraRepoTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::cameras
