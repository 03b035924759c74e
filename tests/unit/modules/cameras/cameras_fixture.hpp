#pragma once
// A camera service on each backend with a manual clock: Tuyên Quang with Tân Trào
// (02545, a square boundary, a village) and its neighbour Hùng Lợi (02455, the square
// east of it), and the people who ask: each commune's officer, the village's team member,
// an administrator, a reviewer.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../../support/backends.hpp"
#include "../../support/people.hpp"
#include "modules/cameras/service.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::cameras {

class CamerasTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  static constexpr time::Millis kStart = 1764547200000LL;  // 2025-12-01 07:00 local
  static constexpr time::Millis kHour = 3600LL * 1000;
  static constexpr time::Millis kDay = 24 * kHour;
  static constexpr geo::Point kMarket{105.45, 21.85};  // inside Tân Trào's square

  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<audit::Service>(*db_, clock_);
    units_ = std::make_unique<units::Service>(*db_, *audit_, clock_);
    boundaries_ = std::make_unique<units::Boundaries>(*db_, *audit_, clock_);
    service_ = std::make_unique<Service>(*db_, *audit_, *units_, *boundaries_, clock_, key_);
    auto country = add("VN", "Việt Nam", "country", std::nullopt);
    auto province = add("08", "Tuyên Quang", "province", country.id);
    tan_trao_ = add("02545", "Tân Trào", "commune", province.id);
    hung_loi_ = add("02455", "Hùng Lợi", "commune", province.id);
    village_ = add("02545-T1", "Khuôn Điển", "residential_area", tan_trao_.id);
    boundaries_->import_geojson(system_actor(), R"({"type":"FeatureCollection","features":[)" + square("02545", 105.4) +
                                                    "," + square("02455", 105.5) + "]}");
    officer_ = actor(1001, Role::officer, tan_trao_);
    other_officer_ = actor(1002, Role::officer, hung_loi_);
    team_member_ = actor(1003, Role::team_member, village_);
    admin_ = actor(1004, Role::admin, country);
    reviewer_ = actor(1005, Role::reviewer, province);
  }

  units::Unit add(const std::string& code, const std::string& name, const std::string& kind,
                  std::optional<std::int64_t> parent) {
    return units_->create(system_actor(), units::NewUnit{code, name, kind, "", parent, std::nullopt, false, "", false});
  }

  // A 0.1° square from (lon0, 21.8).
  static std::string square(const std::string& code, double lon0) {
    auto at = [](double lon, double lat) { return "[" + std::to_string(lon) + "," + std::to_string(lat) + "]"; };
    double l1 = lon0 + 0.1;
    return R"({"type":"Feature","properties":{"code":")" + code +
           R"("},"geometry":{"type":"Polygon","coordinates":[[)" + at(lon0, 21.8) + "," + at(l1, 21.8) + "," +
           at(l1, 21.9) + "," + at(lon0, 21.9) + "," + at(lon0, 21.8) + "]]}}";
  }

  Actor actor(std::int64_t id, Role role, const units::Unit& scope) {
    return testing::person(*db_, id, role, scope.id, scope.path);
  }

  // A camera at `p` looking at `bearing` (nullopt: all round) with a 90° (or 360°) view.
  CameraInput input(geo::Point p, std::optional<int> bearing = 0, int range = 50) const {
    CameraInput in;
    in.unit_id = tan_trao_.id;
    in.owner_kind = "household";
    in.place = "Ngã ba chợ";
    in.point = std::to_string(p.lat) + ", " + std::to_string(p.lon);
    in.bearing_deg = bearing;
    in.fov_deg = bearing ? 90 : 360;
    in.range_m = range;
    in.installed_on = "2025-01-01";
    return in;
  }

  template <typename F>
  static std::string errors_of(F f) {
    return testing::errors_of(f);
  }

  std::int64_t count(const std::string& sql) { return testing::count_of(*db_, sql); }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{kStart};
  std::unique_ptr<audit::Service> audit_;
  std::unique_ptr<units::Service> units_;
  std::unique_ptr<units::Boundaries> boundaries_;
  crypto::FieldSealer key_{std::string(crypto::FieldSealer::kKeyBytes, 'k')};
  std::unique_ptr<Service> service_;
  units::Unit tan_trao_, hung_loi_, village_;
  Actor officer_, other_officer_, team_member_, admin_, reviewer_;
};

}  // namespace antq::cameras
