// Extinguisher checks on both databases: sent twice and stored once, a stale one refused;
// the extinguisher's last check follows its checks; the latest refill sets its expiry (an
// older one arriving late changes nothing); the dates a check may carry; who may record.
#include <gtest/gtest.h>

#include <string>

#include "fire_groups_fixture.hpp"
#include "modules/community/fire_repo.hpp"

namespace antq::community {
namespace {

using testing::errors_of;
using testing::kind_of;

class ExtinguisherChecksTest : public FireGroupsFixture {
 protected:
  void SetUp() override {
    FireGroupsFixture::SetUp();
    if (IsSkipped()) return;
    auto house = service_->create(officer_, input(khuon_dien_, "Hộ có bình")).household.id;
    ExtinguisherInput in;
    in.kind = "abc_powder";
    in.count = 1;
    in.manufactured_on = "2023-05-01";
    in.expires_on = "2026-05-01";
    extinguisher_ = groups_->add_extinguisher(officer_, house, in);
  }

  ExtinguisherCheckInput check(const std::string& on, const std::string& result,
                               std::optional<std::string> new_expiry = std::nullopt, std::int64_t base = 0) {
    ExtinguisherCheckInput in;
    in.extinguisher_id = extinguisher_.id;
    in.checked_on = on;
    in.result = result;
    in.new_expires_on = std::move(new_expiry);
    in.note = "Kiểm tra định kỳ";
    in.base_version = base;
    return in;
  }

  Extinguisher stored() {
    Extinguisher out;
    db_->read([&](db::Tx& tx) { out = fire_repo::extinguisher(tx, extinguisher_.id).value(); });
    return out;
  }

  static constexpr const char* kFirst = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static constexpr const char* kSecond = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  Extinguisher extinguisher_;
};

TEST_P(ExtinguisherChecksTest, ACheckSentTwiceIsStoredOnceAndTheLastCheckFollows) {
  auto first = groups_->record_check(team_member_, kFirst, check("2025-11-20", "ok"));
  EXPECT_EQ(first.outcome, Outcome::inserted);
  EXPECT_EQ(first.check.version, 1);
  EXPECT_EQ(first.extinguisher.last_check_on, "2025-11-20");
  auto again = groups_->record_check(team_member_, kFirst, check("2025-11-20", "ok"));
  EXPECT_EQ(again.outcome, Outcome::replayed);
  EXPECT_EQ(count("SELECT count(*) FROM fire_extinguisher_checks"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'extinguisher.check'"), 1);
  EXPECT_EQ(stored().version, extinguisher_.version) << "a check alone does not move the extinguisher";

  auto moved = groups_->record_check(officer_, kFirst, check("2025-11-18", "low_pressure", std::nullopt, 1));
  EXPECT_EQ(moved.outcome, Outcome::updated);
  EXPECT_EQ(moved.check.version, 2);
  EXPECT_EQ(stored().last_check_on, "2025-11-18") << "the latest of its checks, not the last one written";
  EXPECT_EQ(kind_of([&] { groups_->record_check(team_member_, kFirst, check("2025-11-19", "ok", std::nullopt, 1)); }),
            "conflict");
  EXPECT_EQ(groups_->check(reviewer_, kFirst).result, "low_pressure");
  EXPECT_EQ(groups_->checks(officer_, extinguisher_.id).size(), 1U);
}

TEST_P(ExtinguisherChecksTest, TheLatestRefillSetsTheExpiryAndALateOlderOneChangesNothing) {
  auto refilled = groups_->record_check(team_member_, kFirst, check("2025-11-25", "refilled", "2028-11-25"));
  EXPECT_EQ(refilled.extinguisher.expires_on, "2028-11-25");
  EXPECT_EQ(refilled.extinguisher.last_refill_on, "2025-11-25");
  EXPECT_EQ(refilled.extinguisher.version, extinguisher_.version + 1) << "its expiry changed";
  // A phone that was offline since 10/11 sends an older refill: the expiry stays.
  auto late = groups_->record_check(team_member_, kSecond, check("2025-11-10", "refilled", "2027-11-10"));
  EXPECT_EQ(late.outcome, Outcome::inserted);
  EXPECT_EQ(late.extinguisher.expires_on, "2028-11-25");
  EXPECT_EQ(late.extinguisher.last_check_on, "2025-11-25");
  EXPECT_EQ(late.extinguisher.version, extinguisher_.version + 1);

  auto replaced = groups_->record_check(officer_, kSecond, check("2025-11-30", "replaced", "2030-11-30", 1));
  EXPECT_EQ(replaced.extinguisher.expires_on, "2030-11-30");
  EXPECT_FALSE(replaced.extinguisher.manufactured_on) << "a new bottle, its make unknown";
}

TEST_P(ExtinguisherChecksTest, BadChecksAreRefusedByFieldAndNothingIsWritten) {
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-12-02", "ok")); }),
            "checked_on:in_future");
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-11-20", "refilled")); }),
            "new_expires_on:required");
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-11-20", "ok", "2027-01-01")); }),
            "new_expires_on:not_renewed");
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-11-20", "refilled", "2025-11-20")); }),
            "new_expires_on:not_after_check");
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-11-20", "exploded")); }),
            "result:unknown_value");
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2023-04-30", "ok")); }),
            "checked_on:before_manufactured");
  groups_->retire_extinguisher(officer_, extinguisher_.id, "2025-11-01", extinguisher_.version);
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, check("2025-11-20", "ok")); }),
            "checked_on:after_retired");
  EXPECT_EQ(kind_of([&] {
              groups_->record_check(officer_, "7C9E6679-7425-40DE-944B-E07FC1F90AE7", check("2025-10-20", "ok"));
            }),
            "not_found")
      << "an id the phone did not make";
  EXPECT_EQ(count("SELECT count(*) FROM fire_extinguisher_checks"), 0);
}

TEST_P(ExtinguisherChecksTest, OfficersAndTheVillagesTeamRecordOthersAreRefused) {
  EXPECT_EQ(kind_of([&] { groups_->record_check(other_officer_, kFirst, check("2025-11-20", "ok")); }), "not_found");
  EXPECT_EQ(kind_of([&] { groups_->record_check(reviewer_, kFirst, check("2025-11-20", "ok")); }), "forbidden");
  EXPECT_EQ(kind_of([&] { groups_->record_check(auditor_, kFirst, check("2025-11-20", "ok")); }), "forbidden");
  groups_->record_check(team_member_, kFirst, check("2025-11-20", "ok"));
  EXPECT_EQ(kind_of([&] { groups_->check(other_officer_, kFirst); }), "not_found");
  EXPECT_EQ(kind_of([&] { groups_->check(auditor_, kFirst); }), "forbidden");
  auto moved = check("2025-11-20", "ok", std::nullopt, 1);
  moved.extinguisher_id = extinguisher_.id + 1000;
  EXPECT_EQ(errors_of([&] { groups_->record_check(officer_, kFirst, moved); }), "extinguisher_id:cannot_change");
  EXPECT_EQ(kind_of([&] { groups_->record_check(officer_, kSecond, moved); }), "not_found") << "no such extinguisher";
}

INSTANTIATE_TEST_SUITE_P(Backends, ExtinguisherChecksTest,
                         ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
