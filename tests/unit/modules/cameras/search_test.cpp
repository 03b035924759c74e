// "Who could have seen it" on both databases, as tables: the cone's edges and the wrap at
// north, range, 360° cameras, the status then, retention to the millisecond, sharing,
// nearest first, the radius, the scope, and the audit entry.
#include <cmath>
#include <future>

#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

class SearchTest : public CamerasTest {
 protected:
  // A camera at the market; returns where it actually stands (as stored).
  Camera add(std::optional<int> bearing, int range = 50, int fov = 90) {
    auto in = input(kMarket, bearing, range);
    if (bearing) in.fov_deg = fov;
    return service_->create(officer_, in).camera;
  }

  SearchResult search(geo::Point p, time::Millis at, int radius = 200, const Actor* who = nullptr) {
    return service_->search(who ? *who : officer_, SearchQuery{p, at, radius, true, "Vụ trộm xe 12/2025"});
  }

  // The reasons a single camera gives for the point: "seen" or "pointing_away out_of_range…".
  std::string verdict(geo::Point p, time::Millis at = kStart - kHour) {
    auto r = search(p, at);
    if (r.seen.size() == 1 && r.excluded.empty()) return "seen";
    if (r.seen.empty() && r.excluded.size() == 1) {
      std::string out;
      for (auto reason : r.excluded[0].reasons) out += (out.empty() ? "" : " ") + std::string(code_of(reason));
      return out;
    }
    return "cameras: " + std::to_string(r.seen.size() + r.excluded.size());
  }
};

TEST_P(SearchTest, TheConeDecidesWithItsEdgesAndTheWrapAtNorth) {
  auto cam = add(355, 50, 20);  // sees 345°…5°
  struct Case {
    double bearing;
    double metres;
    const char* expected;
  };
  for (auto [bearing, metres, expected] : std::vector<Case>{{355, 30, "seen"},
                                                            {4.99, 30, "seen"},
                                                            {345.01, 30, "seen"},
                                                            {5.01, 30, "pointing_away"},
                                                            {344.99, 30, "pointing_away"},
                                                            {175, 30, "pointing_away"},
                                                            {0, 49.99, "seen"},
                                                            {0, 50.01, "out_of_range"},
                                                            {90, 80, "pointing_away out_of_range"}}) {
    EXPECT_EQ(verdict(geo::destination(cam.point, bearing, metres)), expected) << bearing << "° " << metres << " m";
  }
}

TEST_P(SearchTest, AnAllRoundCameraSeesByRangeAlone) {
  auto cam = add(std::nullopt, 40);
  EXPECT_EQ(verdict(geo::destination(cam.point, 200, 39.9)), "seen");
  EXPECT_EQ(verdict(geo::destination(cam.point, 200, 40.1)), "out_of_range");
  EXPECT_EQ(verdict(cam.point), "seen");
}

TEST_P(SearchTest, TheFootageMustStillBeKeptToday) {
  auto cam = add(0);  // keeps 7 days
  auto p = geo::destination(cam.point, 0, 10);
  EXPECT_EQ(verdict(p, kStart - 7 * kDay + 1), "seen");
  EXPECT_EQ(verdict(p, kStart - 7 * kDay), "overwritten");
  auto none = input(kMarket, 0);
  none.retention_days = 0;
  none.place = "Thẻ nhớ hỏng";
  auto zero = service_->create(officer_, none).camera;
  auto r = search(p, kStart - kHour);
  ASSERT_EQ(r.excluded.size(), 1U);
  EXPECT_EQ(r.excluded[0].camera.camera.id, zero.id);
  EXPECT_EQ(r.excluded[0].footage_kept_until, kStart - kHour);
}

TEST_P(SearchTest, TheStatusThenAndTheSharingCount) {
  auto cam = add(0);
  auto p = geo::destination(cam.point, 0, 10);
  service_->change_status(officer_, cam.id, {"faulty", kStart - 2 * kDay, "Mất nguồn"});
  service_->change_status(officer_, cam.id, {"working", kStart - kDay, ""});
  EXPECT_EQ(verdict(p, kStart - 3 * kDay), "seen");
  EXPECT_EQ(verdict(p, kStart - 2 * kDay), "faulty_then");
  EXPECT_EQ(verdict(p, kStart - kHour), "seen");
  EXPECT_EQ(verdict(p, time::local_day_start("2024-12-31")), "not_installed overwritten");
  auto in = input(kMarket, 0);
  in.sharing = "none";
  service_->update(officer_, cam.id, service_->get(officer_, cam.id).view.camera.version, in);
  EXPECT_EQ(verdict(p, kStart - kHour), "not_shared");
}

TEST_P(SearchTest, NearestFirstWithinTheRadiusAndTheCallersCommuneOnly) {
  auto near = service_->create(officer_, input(kMarket, std::nullopt, 300)).camera;
  auto far_point = geo::destination(near.point, 90, 150);
  auto far_in = input(far_point, std::nullopt, 300);
  far_in.point = std::to_string(far_point.lat) + ", " + std::to_string(far_point.lon);
  auto far = service_->create(officer_, far_in).camera;
  auto beyond = geo::destination(near.point, 270, 250);
  auto beyond_in = input(beyond, std::nullopt, 300);
  beyond_in.point = std::to_string(beyond.lat) + ", " + std::to_string(beyond.lon);
  service_->create(officer_, beyond_in);

  auto r = search(near.point, kStart - kHour);
  ASSERT_EQ(r.seen.size(), 2U);
  EXPECT_EQ(r.seen[0].camera.camera.id, near.id);
  EXPECT_EQ(r.seen[1].camera.camera.id, far.id);
  EXPECT_NEAR(r.seen[1].distance_m, 150, 0.5);
  EXPECT_NEAR(r.seen[1].bearing_deg, 270, 0.5);  // from the far camera back to the point
  EXPECT_EQ(search(near.point, kStart - kHour, 400).seen.size(), 3U);
  EXPECT_TRUE(search(near.point, kStart - kHour, 400, &other_officer_).seen.empty());
}

TEST_P(SearchTest, BadQueriesAreRefusedAndEverySearchIsAudited) {
  auto cam = add(0);
  auto query = SearchQuery{cam.point, kStart - kHour, 2001, false, ""};
  EXPECT_EQ(errors_of([&] { service_->search(officer_, query); }), "radius:out_of_range reason:required");
  query = SearchQuery{{105.45, 91}, kStart + kDay, 200, false, "x"};
  EXPECT_EQ(errors_of([&] { service_->search(officer_, query); }), "lat:out_of_range at:in_future");
  EXPECT_THROW(search(cam.point, kStart - kHour, 200, &admin_), Error);
  EXPECT_THROW(search(cam.point, kStart - kHour, 200, &team_member_), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.search'"), 0);

  search(cam.point, kStart - kHour);
  std::string reason;
  std::string detail;
  db_->read([&](db::Tx& tx) {
    auto row = db::one(
        tx, db::Query{"test.search_audit", "SELECT reason, detail FROM audit_log WHERE action = 'camera.search'"},
        [](db::Reader& r) {
          return std::pair{r.text(), r.text()};
        });
    std::tie(reason, detail) = row.value();
  });
  EXPECT_EQ(reason, "Vụ trộm xe 12/2025");
  EXPECT_NE(detail.find(R"("seen":[)" + std::to_string(cam.id) + "]"), std::string::npos) << detail;
  EXPECT_NE(detail.find(R"("radius":200)"), std::string::npos) << detail;
}

// The answer in two steps (the server's way on PostgreSQL): the same cameras, reasons
// and order as in one, its audit entry written when asked for, refusals thrown at once.
TEST_P(SearchTest, SearchThenGivesTheSameAnswerAndAuditEntry) {
  auto near = service_->create(officer_, input(kMarket, std::nullopt, 300)).camera;
  auto away = add(180, 80);
  auto unshared = input(geo::destination(kMarket, 90, 60), std::nullopt, 100);
  unshared.sharing = "none";
  service_->create(officer_, unshared);
  auto later = [&](const SearchQuery& q) {
    std::promise<Service::PendingSearch> answered;
    service_->search_then(officer_, q, [&](Service::PendingSearch found, std::exception_ptr error) {
      if (error) return answered.set_exception(error);
      answered.set_value(std::move(found));
    });
    return answered.get_future().get();
  };
  auto summary = [](const SearchResult& r) {
    std::string out;
    for (const auto* list : {&r.seen, &r.excluded}) {
      for (const auto& s : *list) {
        out += s.camera.camera.code + "@" + std::to_string(std::lround(s.distance_m));
        for (auto reason : s.reasons) out += " " + std::string(code_of(reason));
        out += "; ";
      }
      out += "| ";
    }
    return out;
  };
  auto north = geo::destination(kMarket, 0, 30);
  for (const auto& q : {SearchQuery{north, kStart - kHour, 200, false, "Vụ trộm xe"},
                        SearchQuery{north, kStart - kHour, 200, true, "Vụ trộm xe"},
                        SearchQuery{geo::destination(kMarket, 0, 5000), kStart - kHour, 200, true, "Không có gì"}}) {
    auto found = later(q);
    EXPECT_EQ(summary(found.result), summary(service_->search_pending(officer_, q).result));
    std::promise<std::exception_ptr> durable;
    found.audit([&](std::exception_ptr e) { durable.set_value(e); });
    EXPECT_EQ(durable.get_future().get(), nullptr);
  }
  auto full = summary(later(SearchQuery{north, kStart - kHour, 200, true, "x"}).result);
  EXPECT_EQ(full.rfind(near.code + "@30; | ", 0), 0U) << full;
  EXPECT_NE(full.find(away.code + "@30 pointing_away; "), std::string::npos) << full;
  EXPECT_NE(full.find(" not_shared; "), std::string::npos) << full;
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.search'"), 3) << "asked for three times";

  bool called = false;
  auto bad = SearchQuery{kMarket, kStart - kHour, 2001, false, ""};
  EXPECT_EQ(errors_of([&] { service_->search_then(officer_, bad, [&](auto, auto) { called = true; }); }),
            "radius:out_of_range reason:required");
  EXPECT_THROW(service_->search_then(admin_, SearchQuery{kMarket, kStart - kHour, 200, false, "x"},
                                     [&](auto, auto) { called = true; }),
               Error);
  EXPECT_FALSE(called);
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
