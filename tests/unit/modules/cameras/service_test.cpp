// The registry on both databases: codes, checks of every field, location warnings, who
// sees what, status over time with its back-dating rules, stale edits, and the audit.
#include "modules/cameras/service.hpp"

#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

using ServiceTest = CamerasTest;

TEST_P(ServiceTest, ANewCameraGetsTheNextCodeAStatusAndAReconfirmationDate) {
  auto first = service_->create(officer_, input(kMarket));
  auto second = service_->create(officer_, input(kMarket));
  EXPECT_EQ(first.camera.code, "02545-CAM-0001");
  EXPECT_EQ(second.camera.code, "02545-CAM-0002");
  EXPECT_EQ(first.unit_name, "Tân Trào");
  EXPECT_EQ(first.camera.status, Status::working);
  EXPECT_EQ(first.camera.reconfirm_due, "2026-12-01");
  auto detail = service_->get(officer_, first.camera.id);
  ASSERT_EQ(detail.history.size(), 1U);
  EXPECT_EQ(detail.history[0].since, time::local_day_start("2025-01-01"));
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.create'"), 2);
}

TEST_P(ServiceTest, EveryBadFieldIsNamedAndNothingIsWritten) {
  auto in = input(kMarket, 360);
  in.fov_deg = 0;
  in.range_m = 1001;
  in.retention_days = -1;
  in.owner_kind = "neighbour";
  in.installed_on = "2030-01-01";
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }),
            "owner_kind:unknown_value fov:out_of_range range_m:out_of_range bearing:out_of_range "
            "retention_days:out_of_range installed_on:in_future");
  auto swapped = input(kMarket);
  swapped.point = "105.45, 21.85";
  EXPECT_EQ(errors_of([&] { service_->create(officer_, swapped); }), "point:swapped");
  auto missing = input(kMarket);
  missing.bearing_deg.reset();
  missing.point.clear();
  EXPECT_EQ(errors_of([&] { service_->create(officer_, missing); }), "point:required bearing:required");
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
}

TEST_P(ServiceTest, APointOutsideTheCommuneOrVietnamIsAWarningUntilConfirmed) {
  auto over_the_border = input({105.55, 21.85});
  try {
    service_->create(officer_, over_the_border);
    FAIL() << "saved without a warning";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1U);
    EXPECT_EQ(e.fields()[0].code, "outside_commune");
    EXPECT_EQ(e.fields()[0].value_hint, "Hùng Lợi");
  }
  EXPECT_EQ(errors_of([&] { service_->create(officer_, input({100.0, 10.0})); }), "point:outside_vietnam");
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
  over_the_border.confirm_location = true;
  EXPECT_EQ(service_->create(officer_, over_the_border).camera.point.lon, 105.55);
}

TEST_P(ServiceTest, EachPersonSeesTheCamerasOfTheirScopeOnly) {
  auto commune_camera = service_->create(officer_, input(kMarket));
  auto in_village = input(kMarket);
  in_village.village_id = village_.id;
  auto village_camera = service_->create(admin_, in_village);

  EXPECT_EQ(service_->list(officer_, {}).total, 2);
  EXPECT_EQ(service_->list(admin_, {}).total, 2);
  EXPECT_EQ(service_->list(other_officer_, {}).total, 0);
  auto seen_by_team = service_->list(team_member_, {});
  ASSERT_EQ(seen_by_team.total, 1);
  EXPECT_EQ(seen_by_team.items[0].camera.id, village_camera.camera.id);
  EXPECT_EQ(seen_by_team.items[0].village_name, "Khuôn Điển");

  EXPECT_THROW(service_->get(other_officer_, commune_camera.camera.id), Error);
  EXPECT_THROW(service_->get(team_member_, commune_camera.camera.id), Error);
  EXPECT_THROW(service_->list(reviewer_, {}), Error);
  EXPECT_THROW(service_->create(team_member_, in_village), Error);
  EXPECT_EQ(errors_of([&] { service_->create(other_officer_, input(kMarket)); }), "unit_id:not_found");
  // The team member checks their village's camera, not the commune's.
  service_->record_check(team_member_, village_camera.camera.id, {std::nullopt, "ok", "Hình rõ"});
  EXPECT_THROW(service_->record_check(team_member_, commune_camera.camera.id, {std::nullopt, "ok", ""}), Error);
  EXPECT_THROW(service_->change_status(team_member_, village_camera.camera.id, {"faulty", std::nullopt, ""}), Error);
}

TEST_P(ServiceTest, TheListFiltersByStatusAndFindsWordsOfThePlaceWithoutAccents) {
  auto market = input(kMarket);
  market.place = "Chợ Tân Trào, cổng chính";
  auto a = service_->create(officer_, market);
  auto school = input(kMarket);
  school.place = "Trường Tiểu học Đồng Vải";
  service_->create(officer_, school);
  service_->change_status(officer_, a.camera.id, {"faulty", std::nullopt, "Mất tín hiệu"});
  ListFilter q;
  q.q = "cong cho";
  auto found = service_->list(officer_, q);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].camera.place, "Chợ Tân Trào, cổng chính");
  ListFilter faulty;
  faulty.status = "faulty";
  EXPECT_EQ(service_->list(officer_, faulty).total, 1);
  q.q = "dong vai";
  EXPECT_EQ(service_->list(officer_, q).total, 1);
}

TEST_P(ServiceTest, WasItWorkingThenHasAnAnswerForEveryInstant) {
  auto id = service_->create(officer_, input(kMarket)).camera.id;  // working from 2025-01-01
  auto installed = time::local_day_start("2025-01-01");
  auto broke = kStart - 10 * kDay;
  auto fixed = kStart - 5 * kDay;
  service_->change_status(officer_, id, {"faulty", broke, "Mất nguồn"});
  service_->record_check(officer_, id, {fixed, "ok", "Đã thay nguồn"});
  clock_.advance(kDay);
  service_->change_status(officer_, id, {"removed", std::nullopt, "Chủ nhà tháo"});
  struct Case {
    time::Millis at;
    std::optional<Status> expected;
  };
  for (auto [at, expected] : std::vector<Case>{{installed - 1, std::nullopt},
                                               {installed, Status::working},
                                               {broke - 1, Status::working},
                                               {broke, Status::faulty},
                                               {fixed - 1, Status::faulty},
                                               {fixed, Status::working},
                                               {clock_.now(), Status::removed}}) {
    EXPECT_EQ(service_->status_at(officer_, id, at), expected) << at;
  }
  auto detail = service_->get(officer_, id);
  EXPECT_EQ(detail.history.size(), 4U);
  ASSERT_EQ(detail.checks.size(), 1U);
  EXPECT_EQ(detail.checks[0].checked_by, "user1001");
  EXPECT_EQ(detail.view.camera.last_check_result, "ok");
}

TEST_P(ServiceTest, AStatusChangeIsNeitherInTheFutureNorBeforeTheCurrentOneNorTheSame) {
  auto id = service_->create(officer_, input(kMarket)).camera.id;
  service_->change_status(officer_, id, {"faulty", kStart - kDay, ""});
  EXPECT_EQ(errors_of([&] {
              service_->change_status(officer_, id, {"working", kStart - 2 * kDay, ""});
            }),
            "since:before_current");
  EXPECT_EQ(errors_of([&] {
              service_->change_status(officer_, id, {"working", kStart + kDay, ""});
            }),
            "since:in_future");
  EXPECT_EQ(errors_of([&] {
              service_->change_status(officer_, id, {"faulty", std::nullopt, ""});
            }),
            "status:unchanged");
  EXPECT_EQ(errors_of([&] {
              service_->change_status(officer_, id, {"broken", std::nullopt, ""});
            }),
            "status:unknown_value");
  EXPECT_EQ(service_->get(officer_, id).history.size(), 2U);
  // A removed camera stays removed whatever a check finds.
  service_->change_status(officer_, id, {"removed", std::nullopt, ""});
  clock_.advance(kHour);
  service_->record_check(officer_, id, {std::nullopt, "ok", ""});
  EXPECT_EQ(service_->get(officer_, id).view.camera.status, Status::removed);
}

TEST_P(ServiceTest, AStaleEditIsRefusedAndTheAuditKeepsFieldNamesOnly) {
  auto made = service_->create(officer_, input(kMarket));
  auto change = input(kMarket, 90);
  change.place = "Cổng UBND xã";
  auto updated = service_->update(officer_, made.camera.id, made.camera.version, change);
  EXPECT_EQ(updated.camera.mounting.bearing_deg, 90);
  EXPECT_EQ(updated.camera.version, made.camera.version + 1);
  EXPECT_THROW(service_->update(officer_, made.camera.id, made.camera.version, change), Error);
  std::string detail;
  db_->read([&](db::Tx& tx) {
    detail = db::one(tx, db::Query{"test.detail", "SELECT detail FROM audit_log WHERE action = 'camera.update'"},
                     [](db::Reader& r) { return r.text(); })
                 .value();
  });
  EXPECT_EQ(detail, R"({"fields":["place","bearing"]})");
}

TEST_P(ServiceTest, ANewInstallDateMovesTheFirstStatusButNotPastAChange) {
  auto in = input(kMarket);
  in.installed_on.reset();
  auto made = service_->create(officer_, in).camera;  // working from now
  in.installed_on = "2025-01-01";
  auto moved = service_->update(officer_, made.id, made.version, in);
  EXPECT_EQ(service_->status_at(officer_, made.id, time::local_day_start("2025-06-01")), Status::working);
  service_->change_status(officer_, made.id, {"faulty", kStart - 10 * kDay, ""});
  in.installed_on = "2025-11-30";  // after the camera broke: refused
  EXPECT_EQ(errors_of([&] { service_->update(officer_, made.id, moved.camera.version, in); }),
            "installed_on:after_status_change");
  EXPECT_EQ(service_->get(officer_, made.id).history.front().since, time::local_day_start("2025-01-01"));
}

TEST_P(ServiceTest, AVillageIsAResidentialAreaOfTheCommune) {
  auto school = units_->create(system_actor(), units::NewUnit{"02545-S1", "Trường THCS", "school", "", tan_trao_.id,
                                                              std::nullopt, false, "", false});
  auto in = input(kMarket);
  in.village_id = school.id;
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }), "village_id:not_found");
}

TEST_P(ServiceTest, ReconfirmingMovesTheDueDateAYearFromToday) {
  auto id = service_->create(officer_, input(kMarket)).camera.id;
  clock_.advance(100 * kDay);
  EXPECT_EQ(service_->reconfirm(officer_, id).camera.reconfirm_due, "2027-03-11");
}

TEST_P(ServiceTest, TheMaintenancePanelCountsFaultyCamerasChecksAndReconfirmationsDue) {
  auto a = service_->create(officer_, input(kMarket)).camera.id;
  auto b = service_->create(officer_, input(kMarket)).camera.id;
  auto c = service_->create(officer_, input(kMarket)).camera.id;
  service_->change_status(officer_, a, {"faulty", std::nullopt, ""});
  service_->record_check(officer_, b, {std::nullopt, "ok", ""});
  service_->change_status(officer_, c, {"removed", std::nullopt, ""});
  auto now = service_->maintenance(officer_, std::nullopt);
  EXPECT_EQ(now.faulty, 1);
  EXPECT_EQ(now.check_due, 1) << "a, never checked; b checked today; c removed";
  EXPECT_EQ(now.reconfirm_due, 0);
  clock_.advance(91 * kDay);
  auto later = service_->maintenance(officer_, std::nullopt);
  EXPECT_EQ(later.check_due, 2);
  clock_.advance(250 * kDay);  // 341 days on: due on 2026-12-01, within 30 days
  EXPECT_EQ(service_->maintenance(officer_, std::nullopt).reconfirm_due, 2);
  service_->reconfirm(officer_, a);
  EXPECT_EQ(service_->maintenance(officer_, std::nullopt).reconfirm_due, 1);
  EXPECT_EQ(service_->maintenance(other_officer_, std::nullopt).faulty, 0);
  ListFilter bad;
  bad.due = "tomorrow";
  EXPECT_EQ(errors_of([&] { service_->list(officer_, bad); }), "due:unknown_value");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
