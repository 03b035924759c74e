// The households service on both databases: who may do what (a village team member keeps
// their own village only; a reviewer reads without phones; an auditor sees nothing), the
// checks of a household, the sealed phone read with a reason and audited, the consent
// withdrawn, and the yearly registration tick by the offline rule.
#include "modules/community/households.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "../../support/backends.hpp"
#include "../../support/people.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::community {
namespace {

using testing::errors_of;

class HouseholdsTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  static constexpr time::Millis kStart = 1764547200000LL;  // 2025-12-01 07:00 local
  static constexpr time::Millis kDay = 24LL * 3600 * 1000;

  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    audit_ = std::make_unique<audit::Service>(*db_, clock_);
    units_ = std::make_unique<units::Service>(*db_, *audit_, clock_);
    service_ = std::make_unique<Households>(*db_, *audit_, *units_, clock_, key_);
    auto country = add("VN", "Việt Nam", "country", std::nullopt);
    auto province = add("08", "Tuyên Quang", "province", country.id);
    tan_trao_ = add("02545", "Tân Trào", "commune", province.id);
    hung_loi_ = add("02455", "Hùng Lợi", "commune", province.id);
    khuon_dien_ = add("02545-KD", "Khuôn Điển", "residential_area", tan_trao_.id);
    lang_han_ = add("02545-LH", "Làng Hản", "residential_area", tan_trao_.id);
    hung_village_ = add("02455-T1", "Thôn 1", "residential_area", hung_loi_.id);
    officer_ = testing::person(*db_, 1001, Role::officer, tan_trao_.id, tan_trao_.path);
    other_officer_ = testing::person(*db_, 1002, Role::officer, hung_loi_.id, hung_loi_.path);
    team_member_ = testing::person(*db_, 1003, Role::team_member, khuon_dien_.id, khuon_dien_.path);
    reviewer_ = testing::person(*db_, 1005, Role::reviewer, province.id, province.path);
    auditor_ = testing::person(*db_, 1006, Role::auditor, country.id, country.path);
  }

  units::Unit add(const std::string& code, const std::string& name, const std::string& kind,
                  std::optional<std::int64_t> parent) {
    return units_->create(system_actor(), units::NewUnit{code, name, kind, "", parent, std::nullopt, false, "", false});
  }

  HouseholdInput input(const units::Unit& village, const std::string& head = "Nguyễn Văn An") const {
    HouseholdInput in;
    in.village_id = village.id;
    in.head_name = head;
    in.address = "Xóm Đình";
    in.members = 4;
    return in;
  }

  std::int64_t count(const std::string& sql) {
    std::int64_t n = 0;
    db_->read([&](db::Tx& tx) { n = db::scalar(tx, db::Query{"test.count", sql}); });
    return n;
  }

  RegistrationInput tick(const std::string& on, std::int64_t base = 0, bool signed_form = true) const {
    RegistrationInput r;
    r.registered_on = on;
    r.signed_form = signed_form;
    r.base_version = base;
    return r;
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  time::ManualClock clock_{kStart};
  std::unique_ptr<audit::Service> audit_;
  std::unique_ptr<units::Service> units_;
  crypto::FieldSealer key_{std::string(crypto::FieldSealer::kKeyBytes, 'k')};
  std::unique_ptr<Households> service_;
  units::Unit tan_trao_, hung_loi_, khuon_dien_, lang_han_, hung_village_;
  Actor officer_, other_officer_, team_member_, reviewer_, auditor_;
};

TEST_P(HouseholdsTest, AHouseholdGetsTheCommunesNextCodeAndIsAudited) {
  auto a = service_->create(officer_, input(khuon_dien_));
  auto b = service_->create(officer_, input(lang_han_, "Trần Thị Bình"));
  EXPECT_EQ(a.household.code, "02545-HO-00001");
  EXPECT_EQ(b.household.code, "02545-HO-00002");
  EXPECT_EQ(a.village_name, "Khuôn Điển");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.create'"), 2);
  auto c = service_->create(other_officer_, input(hung_village_));
  EXPECT_EQ(c.household.code, "02455-HO-00001") << "each commune counts its own";
}

TEST_P(HouseholdsTest, BadInputIsRefusedFieldByFieldAndNothingIsWritten) {
  auto in = input(khuon_dien_, "");
  in.members = 0;
  in.since_on = "2025-12-02";  // tomorrow
  in.phone = "0912 345 678";   // no consent
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }),
            "head_name:required members:out_of_range since_on:in_future consent:consent_required");
  in = input(khuon_dien_);
  in.phone = "0912 345 67";
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }), "phone:invalid_length");
  in = input(khuon_dien_);
  in.since_on = "2020-05-01";
  in.left_on = "2019-01-01";
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }), "left_on:before_since");
  in = input(khuon_dien_);
  in.consent = Consent{"2025-11-01", "pigeon", ""};
  EXPECT_EQ(errors_of([&] { service_->create(officer_, in); }), "consent.channel:unknown_value");
  EXPECT_EQ(errors_of([&] { service_->create(officer_, input(hung_village_)); }), "village_id:not_found")
      << "a village outside the scope is not there";
  EXPECT_EQ(count("SELECT count(*) FROM households"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'household.%'"), 0);
}

TEST_P(HouseholdsTest, AVillageTeamMemberKeepsTheirOwnVillageOnly) {
  auto own = service_->create(team_member_, input(khuon_dien_));
  auto other = service_->create(officer_, input(lang_han_));
  EXPECT_EQ(errors_of([&] { service_->create(team_member_, input(lang_han_)); }), "village_id:not_found");
  EXPECT_THROW(service_->get(team_member_, other.household.id), Error);
  try {
    service_->get(team_member_, other.household.id);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::not_found);
  }
  auto page = service_->list(team_member_, HouseholdFilter{});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].household.id, own.household.id);
  EXPECT_EQ(service_->list(officer_, HouseholdFilter{}).total, 2);
  EXPECT_EQ(service_->list(other_officer_, HouseholdFilter{}).total, 0);
  EXPECT_EQ(service_->list(reviewer_, HouseholdFilter{}).total, 2) << "a reviewer reads the province";
  EXPECT_THROW(service_->create(reviewer_, input(khuon_dien_)), Error);
  EXPECT_THROW(service_->list(auditor_, HouseholdFilter{}), Error);
}

TEST_P(HouseholdsTest, TheListFindsWordsWithoutAccentsAndFiltersByRegistration) {
  auto an = service_->create(officer_, input(khuon_dien_, "Nguyễn Văn An"));
  service_->create(officer_, input(khuon_dien_, "Trần Thị Bình"));
  service_->register_year(officer_, an.household.id, 2026, tick("2025-11-20"));
  HouseholdFilter f;
  f.q = "nguyen an";
  EXPECT_EQ(service_->list(officer_, f).total, 1);
  f = HouseholdFilter{};
  f.registered = false;
  auto missing = service_->list(officer_, f);
  ASSERT_EQ(missing.total, 1);
  EXPECT_EQ(missing.items[0].household.head_name, "Trần Thị Bình");
  f.registered = true;
  auto done = service_->list(officer_, f);
  ASSERT_EQ(done.total, 1);
  ASSERT_TRUE(done.items[0].registration);
  EXPECT_EQ(done.items[0].registration->year, 2026) << "on 2025-12-01 the registration year is 2026";
}

TEST_P(HouseholdsTest, ThePhoneIsSealedReadByOfficersWithAReasonAndAudited) {
  auto in = input(khuon_dien_);
  in.phone = "0912.345.678";
  in.consent = Consent{"2025-11-20", "paper", "v1"};
  auto h = service_->create(officer_, in);
  EXPECT_TRUE(h.has_phone);
  EXPECT_FALSE(h.household.phone_sealed) << "views carry no phone";
  EXPECT_EQ(count("SELECT count(*) FROM households WHERE CAST(phone_sealed AS TEXT) LIKE '%912345678%'"), 0);
  EXPECT_EQ(errors_of([&] { service_->phone(officer_, h.household.id, " "); }), "reason:required");
  EXPECT_EQ(service_->phone(officer_, h.household.id, "Xác minh tin báo số 12"), "+84912345678");
  EXPECT_THROW(service_->phone(team_member_, h.household.id, "xem"), Error);
  EXPECT_THROW(service_->phone(reviewer_, h.household.id, "xem"), Error);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.phone_read' AND "
                  "reason = 'Xác minh tin báo số 12'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%912%' OR reason LIKE '%912345%'"), 0);
}

TEST_P(HouseholdsTest, AWithdrawnConsentErasesThePhoneAndKeepsTheHousehold) {
  auto in = input(khuon_dien_);
  in.phone = "0912 345 678";
  in.consent = Consent{"2025-11-20", "officer", "v1"};
  auto h = service_->create(officer_, in);
  auto after = service_->withdraw_consent(team_member_, h.household.id);
  EXPECT_FALSE(after.has_phone);
  EXPECT_FALSE(after.household.consent);
  EXPECT_EQ(count("SELECT count(*) FROM households WHERE phone_sealed IS NOT NULL OR phone_lookup IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM households"), 1);
  EXPECT_EQ(service_->phone(officer_, h.household.id, "kiểm tra"), "");
}

TEST_P(HouseholdsTest, AChangeNeedsTheVersionSeenAndNamesTheFieldsInTheAudit) {
  auto h = service_->create(officer_, input(khuon_dien_));
  auto change = input(khuon_dien_);
  change.members = 6;
  change.version = h.household.version;
  auto after = service_->update(officer_, h.household.id, change);
  EXPECT_EQ(after.household.members, 6);
  EXPECT_EQ(after.household.version, 2);
  change.members = 7;  // still version 1: someone else changed it since
  EXPECT_THROW(service_->update(officer_, h.household.id, change), Error);
  EXPECT_EQ(service_->get(officer_, h.household.id).view.household.members, 6);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.update' AND detail LIKE '%members%'"), 1);
}

TEST_P(HouseholdsTest, ARegistrationSentTwiceIsStoredOnceAndAStaleOneConflicts) {
  auto h = service_->create(team_member_, input(khuon_dien_)).household;
  auto first = service_->register_year(team_member_, h.id, 2026, tick("2025-11-20"));
  EXPECT_EQ(first.outcome, Outcome::inserted);
  EXPECT_EQ(first.registration.version, 1);
  auto again = service_->register_year(team_member_, h.id, 2026, tick("2025-11-20"));
  EXPECT_EQ(again.outcome, Outcome::replayed);
  EXPECT_EQ(again.registration.version, 1);
  auto changed = service_->register_year(officer_, h.id, 2026, tick("2025-11-21", 1));
  EXPECT_EQ(changed.outcome, Outcome::updated);
  EXPECT_EQ(changed.registration.version, 2);
  // The phone still thinks version 1 and sends other content: the member must choose.
  try {
    service_->register_year(team_member_, h.id, 2026, tick("2025-11-22", 1, false));
    ADD_FAILURE() << "a stale base version was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
  }
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'household.registration'"), 2);
}

TEST_P(HouseholdsTest, ARegistrationOutsideItsYearOrInTheFutureIsRefused) {
  auto h = service_->create(officer_, input(khuon_dien_)).household;
  EXPECT_EQ(errors_of([&] { service_->register_year(officer_, h.id, 2026, tick("2025-10-31")); }),
            "registered_on:outside_year");
  EXPECT_EQ(errors_of([&] { service_->register_year(officer_, h.id, 2026, tick("2025-12-02")); }),
            "registered_on:in_future");
  EXPECT_EQ(errors_of([&] { service_->register_year(officer_, h.id, 2026, tick("")); }), "registered_on:required");
  EXPECT_EQ(errors_of([&] { service_->register_year(officer_, h.id, 1999, tick("2025-11-20")); }), "year:out_of_range");
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 0);
}

TEST_P(HouseholdsTest, TheReportGivesEachVillagesShareAndTheHouseholdsMissing) {
  auto a = service_->create(officer_, input(khuon_dien_, "Nguyễn Văn An")).household;
  auto b = service_->create(officer_, input(khuon_dien_, "Trần Thị Bình")).household;
  service_->create(officer_, input(lang_han_, "Lê Văn Cường"));
  service_->register_year(officer_, a.id, 2026, tick("2025-11-20"));
  auto report = service_->registrations(officer_, tan_trao_.id, 2026);
  EXPECT_EQ(report.day, "2025-12-01");
  ASSERT_EQ(report.villages.size(), 2u);
  const auto& kd = report.villages[0].village_id == khuon_dien_.id ? report.villages[0] : report.villages[1];
  EXPECT_EQ(kd.households, 2);
  EXPECT_EQ(kd.registered, 1);
  ASSERT_TRUE(kd.share);
  EXPECT_DOUBLE_EQ(*kd.share, 0.5);
  ASSERT_EQ(kd.missing.size(), 1u);
  EXPECT_EQ(kd.missing[0].household.id, b.id);
  EXPECT_EQ(report.households, 3);
  EXPECT_EQ(report.registered, 1);
  auto village_only = service_->registrations(team_member_, std::nullopt, 2026);
  ASSERT_EQ(village_only.villages.size(), 1u);
  EXPECT_EQ(village_only.villages[0].village_name, "Khuôn Điển");
  EXPECT_THROW(service_->registrations(team_member_, tan_trao_.id, 2026), Error) << "the commune is above their scope";
  auto empty = service_->registrations(other_officer_, std::nullopt, 2026);
  ASSERT_EQ(empty.villages.size(), 1u);
  EXPECT_FALSE(empty.villages[0].share) << "no households: no share, not 0%";
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
