// Footage requests on both databases: deadlines from each camera's retention, a camera
// already overwritten refused by name, one-time links (once, replaced by a new one,
// expired), outcomes with their SHA-256, withdrawal when the owner withdraws consent.
#include "modules/cameras/requests.hpp"

#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

class RequestsTest : public CamerasTest {
 protected:
  void SetUp() override {
    CamerasTest::SetUp();
    if (IsSkipped()) return;
    requests_ = std::make_unique<Requests>(*db_, *audit_, *service_, *units_, clock_);
  }

  Camera add(int retention_days) {
    auto in = input(kMarket);
    in.retention_days = retention_days;
    return service_->create(officer_, in).camera;
  }

  NewRequest request(std::vector<std::int64_t> ids, time::Millis from) {
    NewRequest r;
    r.from = from;
    r.to = from + 2 * kHour;
    r.reason = "Vụ trộm xe máy đêm 30/11";
    r.case_ref = "CV 12/2025";
    r.camera_ids = std::move(ids);
    return r;
  }

  static constexpr const char* kSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  std::unique_ptr<Requests> requests_;
};

TEST_P(RequestsTest, EachCameraGetsATaskDueBeforeItsFootageIsOverwritten) {
  auto week = add(7);
  auto month = add(30);
  auto from = kStart - 2 * kDay;
  auto r = requests_->create(officer_, request({week.id, month.id}, from));
  EXPECT_EQ(r.number, "YC-02545-2025-0001");
  ASSERT_EQ(r.tasks.size(), 2U);
  EXPECT_EQ(r.tasks[0].camera_code, week.code);
  EXPECT_EQ(r.tasks[0].deadline_at, from + 7 * kDay);
  EXPECT_EQ(r.tasks[1].deadline_at, from + 30 * kDay);
  EXPECT_EQ(r.tasks[0].status, "pending");
  EXPECT_EQ(requests_->create(officer_, request({month.id}, from)).number, "YC-02545-2025-0002");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'footage.request_create'"), 2);
}

TEST_P(RequestsTest, BadRequestsAreRefusedByNameAndNothingIsWritten) {
  auto short_one = add(3);
  auto long_one = add(30);
  try {
    requests_->create(officer_, request({long_one.id, short_one.id}, kStart - 4 * kDay));
    FAIL() << "an overwritten camera was accepted";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1U);
    EXPECT_EQ(e.fields()[0].code, "overwritten");
    EXPECT_EQ(e.fields()[0].value_hint, short_one.code);
  }
  auto r = request({long_one.id}, kStart - kDay);
  r.to = *r.from + 13 * kHour;
  r.reason.clear();
  EXPECT_EQ(errors_of([&] { requests_->create(officer_, r); }), "reason:required to:window_too_long");
  EXPECT_EQ(errors_of([&] { requests_->create(officer_, request({long_one.id}, kStart + kDay)); }),
            "from:in_future to:in_future");
  EXPECT_EQ(errors_of([&] { requests_->create(other_officer_, request({long_one.id}, kStart - kDay)); }),
            "camera_ids:not_found");
  EXPECT_THROW(requests_->create(team_member_, request({long_one.id}, kStart - kDay)), Error);
  EXPECT_EQ(count("SELECT count(*) FROM footage_requests"), 0);
}

TEST_P(RequestsTest, ALinkWorksOnceAndANewOneEndsTheOld) {
  auto cam = add(14);
  auto r = requests_->create(officer_, request({cam.id}, kStart - kDay));
  auto task = r.tasks[0].id;
  auto first = requests_->issue_link(officer_, task);
  auto second = requests_->issue_link(officer_, task);
  EXPECT_EQ(second.expires_at, r.tasks[0].deadline_at + Requests::kLinkGrace);
  EXPECT_THROW(requests_->open_link(first.token), Error) << "replaced";
  auto view = requests_->open_link(second.token);
  EXPECT_EQ(view.number, r.number);
  EXPECT_EQ(view.camera_code, cam.code);
  EXPECT_EQ(view.commune, "Tân Trào");
  EXPECT_EQ(errors_of([&] {
              requests_->answer_link(second.token, {"provided", "video.mp4", "abc", ""});
            }),
            "sha256:invalid_format");
  requests_->answer_link(second.token, {"provided", "video-cong-cho.mp4", kSha, "Đã chép vào USB"});
  EXPECT_THROW(requests_->open_link(second.token), Error) << "answered";
  EXPECT_THROW(requests_->answer_link(second.token, {"none", "", "", ""}), Error);
  auto after = requests_->get(officer_, r.id);
  EXPECT_EQ(after.tasks[0].status, "provided");
  EXPECT_EQ(after.tasks[0].sha256, kSha);
  EXPECT_EQ(after.tasks[0].answered_by, "owner");
  EXPECT_THROW(requests_->issue_link(officer_, task), Error) << "answered tasks get no link";
  std::string stored;
  db_->read([&](db::Tx& tx) {
    stored = db::one(tx, db::Query{"test.hash", "SELECT count(*) FROM footage_tasks WHERE link_hash IS NOT NULL"},
                     [](db::Reader& rd) { return std::to_string(rd.i64()); })
                 .value();
  });
  EXPECT_EQ(stored, "0") << "no link kept once answered";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'footage.owner_answer' AND actor_name = 'citizen'"),
            1);
}

TEST_P(RequestsTest, ClosingARequestEndsItsLinks) {
  auto cam = add(14);
  auto r = requests_->create(officer_, request({cam.id}, kStart - kDay));
  auto link = requests_->issue_link(officer_, r.tasks[0].id);
  requests_->close(officer_, r.id);
  EXPECT_THROW(requests_->open_link(link.token), Error);
  EXPECT_THROW(requests_->answer_link(link.token, {"none", "", "", ""}), Error);
  EXPECT_EQ(requests_->get(officer_, r.id).tasks[0].status, "pending");
}

TEST_P(RequestsTest, APointIsInRangeAndTheWindowInThePast) {
  auto cam = add(14);
  auto r = request({cam.id}, kStart - kHour);
  r.point = geo::Point{105.45, 95};
  EXPECT_EQ(errors_of([&] { requests_->create(officer_, r); }), "to:in_future lat:out_of_range");
}

TEST_P(RequestsTest, ALinkExpiresAWeekAfterTheDeadline) {
  auto cam = add(3);
  auto r = requests_->create(officer_, request({cam.id}, kStart - kDay));
  auto link = requests_->issue_link(officer_, r.tasks[0].id);
  clock_.advance(2 * kDay + Requests::kLinkGrace - 1);
  EXPECT_NO_THROW(requests_->open_link(link.token));
  clock_.advance(1);
  EXPECT_THROW(requests_->open_link(link.token), Error);
}

TEST_P(RequestsTest, OfficersRecordOutcomesAndAnErasedCameraWithdrawsItsTask) {
  auto a = add(14);
  auto b = add(14);
  auto r = requests_->create(officer_, request({a.id, b.id}, kStart - kDay));
  EXPECT_EQ(errors_of([&] {
              requests_->record_outcome(officer_, r.tasks[0].id, {"provided", "", "", ""});
            }),
            "reference:required sha256:required");
  auto done = requests_->record_outcome(officer_, r.tasks[0].id, {"none", "", "", "Camera không ghi lúc đó"});
  EXPECT_EQ(done.tasks[0].status, "none");
  EXPECT_EQ(done.tasks[0].answered_by, "officer");
  service_->erase(officer_, b.id, "Chủ hộ rút đồng ý");
  auto after = requests_->get(officer_, r.id);
  EXPECT_EQ(after.tasks[1].status, "withdrawn");
  EXPECT_FALSE(after.tasks[1].camera_id);
  EXPECT_EQ(after.tasks[1].camera_code, b.code) << "the code stays, the camera is gone";
  EXPECT_EQ(requests_->close(officer_, r.id).status, "closed");
  EXPECT_THROW(requests_->close(officer_, r.id), Error);
  EXPECT_THROW(requests_->record_outcome(officer_, r.tasks[0].id, {"none", "", "", ""}), Error);
  EXPECT_EQ(requests_->list(officer_, std::string("closed"), 1, 50).total, 1);
  EXPECT_EQ(requests_->list(other_officer_, std::nullopt, 1, 50).total, 0);
  EXPECT_THROW(requests_->get(other_officer_, r.id), Error);
}

TEST_P(RequestsTest, BothWaysOfWithdrawingConsentEraseTheCameraAlike) {
  auto by_officer = add(14);
  OwnerRegistration r;
  r.unit_id = tan_trao_.id;
  r.owner_kind = "household";
  r.camera = OwnerCameraFields{
      "Cổng nhà", "21.85, 105.45", "e", "90", "30", "14", "nvr", "on_request", {"Chủ hộ", "0912 000 111", ""}, false};
  r.consent = true;
  auto made = service_->register_by_owner(r);
  std::int64_t portal_id = 0;
  for (const auto& v : service_->list(officer_, {}).items) {
    if (v.camera.code == made.camera_code) portal_id = v.camera.id;
  }
  auto asked = requests_->create(officer_, request({by_officer.id, portal_id}, kStart - kDay));
  service_->erase(officer_, by_officer.id, "Chủ hộ rút đồng ý");
  service_->owner_withdraw(made.management_code.digits);
  auto after = requests_->get(officer_, asked.id);
  for (const auto& task : after.tasks) {
    EXPECT_EQ(task.status, "withdrawn") << task.camera_code;
    EXPECT_FALSE(task.camera_id) << task.camera_code;
    EXPECT_EQ(task.camera_place, "") << "a household's gate goes with the camera";
  }
  EXPECT_EQ(count("SELECT count(*) FROM cameras"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM camera_tombstones WHERE channel = 'officer' AND erased_by IS NOT NULL"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM camera_tombstones WHERE channel = 'portal' AND erased_by IS NULL"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
