// Owners' contacts on both databases: sealed at rest, read by the commune's officers only
// with a reason, audited without a name or a number, and gone with the camera when the
// owner withdraws consent (a tombstone stays).
#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

using OwnersTest = CamerasTest;

const OwnerContact kOwner{"Trần Thị Marker-Tên", "0912 345 678", "Số 7, ngõ Marker-Địa-chỉ"};

TEST_P(OwnersTest, AContactIsSealedAndReadBackByTheCommunesOfficerWithAReason) {
  auto in = input(kMarket);
  in.owner = kOwner;
  auto id = service_->create(officer_, in).camera.id;
  std::string stored;
  db_->read([&](db::Tx& tx) {
    stored = db::one(
                 tx, db::Query{"test.sealed", "SELECT sealed FROM camera_owners WHERE camera_id = $1", true},
                 [](db::Reader& r) { return r.blob(); }, id)
                 .value();
  });
  EXPECT_EQ(stored.find("Marker"), std::string::npos);
  EXPECT_EQ(stored.find("0912"), std::string::npos);
  auto read = service_->owner(officer_, id, "Xác minh vụ trộm");
  EXPECT_EQ(read.name, kOwner.name);
  EXPECT_EQ(read.phone, kOwner.phone);
  EXPECT_EQ(read.address, kOwner.address);
  EXPECT_EQ(errors_of([&] { service_->owner(officer_, id, ""); }), "reason:required");
  EXPECT_THROW(service_->owner(admin_, id, "x"), Error);
  EXPECT_THROW(service_->owner(other_officer_, id, "x"), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.owner_read'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%Marker%' OR reason LIKE '%Marker%' OR "
                  "detail LIKE '%0912%'"),
            0);
}

TEST_P(OwnersTest, AnAdministratorRegistersCamerasButNotContactsAndBadPhonesAreNamed) {
  auto in = input(kMarket);
  in.owner = kOwner;
  EXPECT_THROW(service_->create(admin_, in), Error);
  in.owner.phone = "gọi cho tôi";
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }), "owner.phone:invalid_format");
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
}

TEST_P(OwnersTest, ChangingAndRemovingAContactKeepsFieldNamesOnlyInTheAudit) {
  auto id = service_->create(officer_, input(kMarket)).camera.id;
  EXPECT_EQ(service_->owner(officer_, id, "x").name, "");
  service_->set_owner(officer_, id, {"Lê Văn Ba", "", ""});
  EXPECT_EQ(service_->owner(officer_, id, "x").name, "Lê Văn Ba");
  service_->set_owner(officer_, id, {});
  EXPECT_EQ(count("SELECT count(*) FROM camera_owners"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.owner_update' AND detail LIKE "
                  "'%\"fields\":[\"name\"]%'"),
            1);
}

TEST_P(OwnersTest, WithdrawnConsentErasesTheCameraAndLeavesATombstone) {
  auto in = input(kMarket);
  in.owner = kOwner;
  auto made = service_->create(officer_, in).camera;
  service_->record_check(officer_, made.id, {std::nullopt, "ok", ""});
  EXPECT_EQ(errors_of([&] { service_->erase(officer_, made.id, ""); }), "reason:required");
  EXPECT_THROW(service_->erase(other_officer_, made.id, "x"), Error);
  service_->erase(officer_, made.id, "Chủ hộ rút đồng ý ngày 01/12");
  for (const char* table : {"cameras", "camera_owners", "camera_status_history", "camera_checks"}) {
    EXPECT_EQ(count(std::string("SELECT count(*) FROM ") + table), 0) << table;
  }
  EXPECT_EQ(count("SELECT count(*) FROM camera_tombstones WHERE camera_code = '02545-CAM-0001' AND "
                  "owner_kind = 'household' AND channel = 'officer'"),
            1);
  EXPECT_THROW(service_->get(officer_, made.id), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'camera.erase'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OwnersTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
