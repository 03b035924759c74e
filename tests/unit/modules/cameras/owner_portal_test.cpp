// The owners' portal on both databases: a registration with consent gives a management
// code once; the code opens, changes and withdraws the camera; wrong codes are refused
// alike and throttled; bad input names every field and writes nothing; an officer of the
// commune confirms, and only then does the camera count in the coverage.
#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

using OwnerPortalTest = CamerasTest;

const OwnerContact kOwner{"Nguyễn Thị Marker-Chủ", "0912 000 111", "Số 3, Marker-Ngõ"};

OwnerRegistration registration(std::int64_t commune, std::int64_t village) {
  OwnerRegistration r;
  r.unit_id = commune;
  r.village_id = village;
  r.owner_kind = "household";
  r.camera = OwnerCameraFields{"Cổng nhà", "21.85, 105.45", "e", "90", "30", "7", "nvr", "on_request", kOwner, false};
  r.consent = true;
  return r;
}

bool wrong_code(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind() == Error::Kind::not_found;
  }
  return false;
}

TEST(OwnerDirections, EachBearingHasItsNearestCompassPoint) {
  struct Case {
    std::optional<int> bearing;
    std::string_view expected;
  };
  for (const auto& c : std::vector<Case>{{0, "n"},
                                         {22, "n"},
                                         {23, "ne"},
                                         {90, "e"},
                                         {200, "s"},
                                         {337, "nw"},
                                         {338, "n"},
                                         {359, "n"},
                                         {std::nullopt, "all"}}) {
    EXPECT_EQ(direction_of(c.bearing), c.expected) << (c.bearing ? *c.bearing : -1);
  }
  for (const auto& d : kDirections) EXPECT_EQ(direction_of(d.bearing_deg), d.code);
}

TEST_P(OwnerPortalTest, ARegistrationWaitsForAnOfficerAndItsCodeOpensIt) {
  auto made = service_->register_by_owner(registration(tan_trao_.id, village_.id));
  EXPECT_EQ(made.camera_code, "02545-CAM-0001");
  ASSERT_EQ(made.management_code.digits.size(), 16U);
  auto view = service_->owner_view(made.management_code.formatted);
  EXPECT_EQ(view.camera_code, made.camera_code);
  EXPECT_EQ(view.village, "Khuôn Điển");
  EXPECT_EQ(view.fields.direction, "e");
  EXPECT_EQ(view.fields.owner.name, kOwner.name);
  EXPECT_EQ(view.fields.owner.phone, kOwner.phone);
  EXPECT_FALSE(view.confirmed);
  EXPECT_EQ(view.consent_given_at, kStart);
  EXPECT_EQ(count("SELECT count(*) FROM cameras WHERE confirmed = 0"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM camera_consents WHERE channel = 'portal' AND text_version = '" +
                  std::string(kConsentTextVersion) + "'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM camera_manage_codes"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM camera_secrets WHERE name = 'receipt_salt'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM install_secrets"), 0) << "cameras keep their own salt";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.portal_register' AND actor_name = 'citizen'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%Marker%' OR detail LIKE '%0912%' OR detail "
                  "LIKE '%" +
                  made.management_code.digits.substr(0, 8) + "%'"),
            0);
  ListFilter waiting;
  waiting.confirmed = false;
  EXPECT_EQ(service_->list(officer_, waiting).total, 1);
  waiting.confirmed = true;
  EXPECT_EQ(service_->list(officer_, waiting).total, 0);
  auto detail = service_->get(officer_, service_->list(officer_, {}).items.at(0).camera.id);
  ASSERT_TRUE(detail.consent.has_value());
  EXPECT_EQ(detail.consent->channel, "portal");
}

TEST_P(OwnerPortalTest, WrongCodesAllSayTheSameAndManyOfThemWaitForEveryone) {
  auto made = service_->register_by_owner(registration(tan_trao_.id, village_.id));
  std::string wrong = made.management_code.digits;
  wrong[15] = wrong[15] == '0' ? '1' : '0';
  EXPECT_TRUE(wrong_code([&] { service_->owner_view(wrong); }));
  EXPECT_TRUE(wrong_code([&] { service_->owner_view("12345"); })) << "malformed: the same answer";
  EXPECT_TRUE(wrong_code([&] { service_->owner_withdraw(wrong); }));
  for (int i = 0; i < 100; ++i) wrong_code([&] { service_->owner_view("bad"); });
  try {
    service_->owner_view(made.management_code.formatted);
    ADD_FAILURE() << "the right code too waits while the throttle holds";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::too_many_attempts);
  }
  clock_.advance(61 * 1000);
  EXPECT_EQ(service_->owner_view(made.management_code.formatted).camera_code, made.camera_code);
}

TEST_P(OwnerPortalTest, AnOwnerChangesWhatTheyMayAndTheAuditKeepsFieldNamesOnly) {
  auto made = service_->register_by_owner(registration(tan_trao_.id, village_.id));
  auto seen = service_->list(officer_, {}).items.at(0).camera;
  auto id = seen.id;
  service_->confirm(officer_, id, seen.version);
  auto fields = service_->owner_view(made.management_code.digits).fields;
  service_->owner_update(made.management_code.digits, fields);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.portal_update'"), 0)
      << "an unchanged form changes nothing";
  fields.sharing = "live";
  fields.retention_days = "30";
  fields.owner.phone = "0912 000 222";
  auto after = service_->owner_update(made.management_code.digits, fields);
  EXPECT_EQ(after.fields.sharing, "live");
  EXPECT_EQ(after.fields.owner.phone, "0912 000 222");
  EXPECT_TRUE(after.confirmed) << "sharing, retention and contact leave the confirmation";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.portal_update' AND detail LIKE "
                  "'%\"fields\":[\"retention_days\",\"sharing\",\"owner.phone\"]%'"),
            1);
  fields.direction = "s";
  EXPECT_FALSE(service_->owner_update(made.management_code.digits, fields).confirmed)
      << "turned by its owner: an officer checks it again";
  EXPECT_EQ(service_->get(officer_, id).view.camera.mounting.bearing_deg, 180);
  fields.fov_deg = "abc";
  fields.owner.name = "";
  EXPECT_EQ(errors_of([&] { service_->owner_update(made.management_code.digits, fields); }),
            "fov:invalid_format owner.name:required");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%Marker%' OR detail LIKE '%0912%'"), 0);
}

TEST_P(OwnerPortalTest, WithdrawalErasesTheCameraAndItsCodeAndLeavesATombstone) {
  auto made = service_->register_by_owner(registration(tan_trao_.id, village_.id));
  service_->owner_withdraw(made.management_code.formatted);
  for (const char* table :
       {"cameras", "camera_owners", "camera_consents", "camera_manage_codes", "camera_status_history"}) {
    EXPECT_EQ(count(std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  EXPECT_EQ(count("SELECT count(*) FROM camera_tombstones WHERE camera_code = '02545-CAM-0001' AND channel = "
                  "'portal' AND owner_kind = 'household' AND erased_by IS NULL"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.portal_withdraw'"), 1);
  EXPECT_TRUE(wrong_code([&] { service_->owner_view(made.management_code.formatted); }));
}

TEST_P(OwnerPortalTest, ConsentIsRequiredAndBadInputNamesEveryFieldAndWritesNothing) {
  auto r = registration(tan_trao_.id, village_.id);
  r.consent = false;
  EXPECT_EQ(errors_of([&] { service_->register_by_owner(r); }), "consent:required");
  r = OwnerRegistration{};
  r.owner_kind = "public";
  r.camera = OwnerCameraFields{"", "", "up", "wide", "", "-1", "disk", "", {"", "gọi tôi", ""}, false};
  EXPECT_EQ(errors_of([&] { service_->register_by_owner(r); }),
            "owner_kind:unknown_value direction:unknown_value fov:invalid_format range_m:required "
            "owner.name:required consent:required owner.phone:invalid_format unit_id:required point:required "
            "retention_days:out_of_range storage:unknown_value sharing:required");
  for (const char* table : {"cameras", "camera_owners", "camera_consents", "camera_manage_codes", "camera_secrets"}) {
    EXPECT_EQ(count(std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'camera.%'"), 0);
}

TEST_P(OwnerPortalTest, APointInTheNeighbouringCommuneIsAWarningUntilConfirmed) {
  auto r = registration(tan_trao_.id, village_.id);
  r.camera.point = "21.85, 105.55";  // Hùng Lợi's square
  try {
    service_->register_by_owner(r);
    ADD_FAILURE() << "a warning was expected";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1U);
    EXPECT_EQ(e.fields()[0].code, "outside_commune");
    EXPECT_NE(e.fields()[0].value_hint.find("Hùng Lợi"), std::string::npos);
  }
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
  r.camera.confirm_location = true;
  EXPECT_EQ(service_->register_by_owner(r).camera_code, "02545-CAM-0001");
}

TEST_P(OwnerPortalTest, TheCommunesOfficersConfirmAndOnlyThenTheCameraCounts) {
  service_->register_by_owner(registration(tan_trao_.id, village_.id));
  auto id = service_->list(officer_, {}).items.at(0).camera.id;
  auto counted = [&] {
    int n = 0;
    for (const auto& v : service_->coverage(officer_, tan_trao_.id).villages) n += v.cameras.total;
    return n;
  };
  EXPECT_EQ(counted(), 0);
  auto seen = service_->sightings(officer_, SearchQuery{kMarket, kStart, 200, false, "Vụ trộm"}).seen;
  ASSERT_EQ(seen.size(), 1U) << "searches keep it, flagged";
  EXPECT_FALSE(seen[0].camera.camera.confirmed);
  auto version = service_->get(officer_, id).view.camera.version;
  for (const auto* who : {&team_member_, &admin_, &other_officer_, &reviewer_}) {
    EXPECT_THROW(service_->confirm(*who, id, version), Error);
  }
  EXPECT_TRUE(service_->confirm(officer_, id, version).camera.confirmed);
  service_->confirm(officer_, id, version);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.confirm'"), 1) << "once is enough";
  EXPECT_EQ(counted(), 1);
}

TEST_P(OwnerPortalTest, AnOfficerConfirmsOnlyTheCameraTheySawNotOneTheOwnerChangedSince) {
  auto made = service_->register_by_owner(registration(tan_trao_.id, village_.id));
  auto seen = service_->list(officer_, {}).items.at(0).camera;  // the officer opens the page
  auto fields = service_->owner_view(made.management_code.digits).fields;
  fields.point = "21.8502, 105.4502";  // meanwhile the owner moves it
  fields.direction = "s";
  service_->owner_update(made.management_code.digits, fields);
  try {
    service_->confirm(officer_, seen.id, seen.version);
    ADD_FAILURE() << "a confirmation of what the officer did not see";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
  }
  auto now = service_->get(officer_, seen.id).view.camera;
  EXPECT_FALSE(now.confirmed);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.confirm'"), 0);
  EXPECT_TRUE(service_->confirm(officer_, seen.id, now.version).camera.confirmed) << "the version seen now";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.confirm'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OwnerPortalTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
