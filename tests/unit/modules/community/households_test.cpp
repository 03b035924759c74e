// The households service on both databases: who may do what (a village team member keeps
// their own village only; a reviewer reads without phones; an auditor sees nothing), the
// checks of a household, the sealed phone read with a reason and audited, the consent
// withdrawn, and the yearly registration tick by the offline rule.
#include "modules/community/households.hpp"

#include <gtest/gtest.h>

#include <string>

#include "households_fixture.hpp"

namespace antq::community {
namespace {

using testing::errors_of;

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

TEST_P(HouseholdsTest, AHouseholdIsRegisteredOnlyOnADayItLivedThere) {
  auto in = input(khuon_dien_);
  in.since_on = "2025-11-10";
  in.left_on = "2025-11-25";
  auto h = service_->create(officer_, in).household;
  EXPECT_EQ(testing::errors_of([&] { service_->register_year(officer_, h.id, 2026, tick("2025-11-05")); }),
            "registered_on:not_present");
  EXPECT_EQ(testing::errors_of([&] { service_->register_year(officer_, h.id, 2026, tick("2025-11-25")); }),
            "registered_on:not_present");
  EXPECT_EQ(count("SELECT count(*) FROM household_registrations"), 0);
  EXPECT_EQ(service_->register_year(officer_, h.id, 2026, tick("2025-11-24")).outcome, Outcome::inserted);
  // On the report's day, only who lives there counts: not who left, not who came later.
  service_->create(officer_, input(lang_han_, "Hộ ở từ trước"));
  auto late = input(lang_han_, "Hộ đến sau");
  late.since_on = "2025-11-30";
  service_->create(officer_, late);
  EXPECT_EQ(service_->registrations(officer_, tan_trao_.id, 2026).households, 2) << "on 01/12";
  clock_.advance(-2 * kDay);
  EXPECT_EQ(service_->registrations(officer_, tan_trao_.id, 2026).households, 1) << "on 29/11";
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
