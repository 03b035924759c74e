// The households' SQL on both databases (migration 0027): a household read back as
// written, a stale write refused, the villages' registration shares from one id list,
// the codes counted per commune and kind, and what the schema itself refuses.
#include "modules/community/households_repo.hpp"
#include "platform/db/params.hpp"

#include <gtest/gtest.h>

#include "../../support/backends.hpp"
#include "modules/units/repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"

namespace antq::community {
namespace {

constexpr std::int64_t kNow = 1764547200000LL;  // 2025-12-01

class HouseholdsRepoTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    crypto::init();
    if (!backend_.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    db_ = backend_.open();
    db_->write([&](db::Tx& tx) {
      auto country = add_unit(tx, "VN", units::Kind::country, std::nullopt, "");
      auto commune = add_unit(tx, "02545", units::Kind::commune, country.first, country.second);
      commune_ = commune.first;
      khuon_dien_ = add_unit(tx, "02545-KD", units::Kind::residential_area, commune.first, commune.second).first;
      lang_han_ = add_unit(tx, "02545-LH", units::Kind::residential_area, commune.first, commune.second).first;
      empty_ = add_unit(tx, "02545-TR", units::Kind::residential_area, commune.first, commune.second).first;
    });
  }

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

  Household household(const std::string& code, std::int64_t village) {
    Household h;
    h.code = code;
    h.village_id = village;
    h.head_name = "Nguyễn Văn " + code;
    h.members = 4;
    return h;
  }

  std::int64_t insert(const Household& h) {
    std::int64_t id = 0;
    db_->write([&](db::Tx& tx) { id = households_repo::insert(tx, h, kNow); });
    return id;
  }

  void register_for(std::int64_t household_id, int year) {
    db_->write([&](db::Tx& tx) {
      EXPECT_TRUE(households_repo::put_registration(
          tx, Registration{household_id, year, "2025-03-01", true, "", 1, "", {}, {}, kNow}, std::nullopt));
    });
  }

  testing::BackendDatabase backend_{GetParam()};
  std::unique_ptr<db::Database> db_;
  std::int64_t commune_ = 0, khuon_dien_ = 0, lang_han_ = 0, empty_ = 0;
};

TEST_P(HouseholdsRepoTest, AHouseholdReadsBackAsWrittenAndAStaleWriteIsRefused) {
  auto h = household("02545-HO-00001", khuon_dien_);
  h.address = "Xóm Đình, thôn Khuôn Điển";
  h.phone_sealed = std::string("\x00sealed\xff", 8);
  h.phone_lookup = std::string(32, '\x7f');
  h.consent = Consent{"2025-02-10", "paper", "v1"};
  h.since_on = "2010-01-01";
  h.demo = true;
  auto id = insert(h);
  std::optional<Household> back;
  db_->read([&](db::Tx& tx) { back = households_repo::get(tx, id); });
  ASSERT_TRUE(back);
  EXPECT_EQ(back->head_name, "Nguyễn Văn 02545-HO-00001");
  EXPECT_EQ(back->address, "Xóm Đình, thôn Khuôn Điển");
  EXPECT_EQ(back->phone_sealed, h.phone_sealed) << "bytes kept exactly";
  EXPECT_EQ(back->phone_lookup, h.phone_lookup);
  ASSERT_TRUE(back->consent);
  EXPECT_EQ(back->consent->channel, "paper");
  EXPECT_EQ(back->since_on, "2010-01-01");
  EXPECT_FALSE(back->left_on);
  EXPECT_TRUE(back->demo);
  EXPECT_EQ(back->version, 1);

  back->members = 5;
  db_->write([&](db::Tx& tx) { EXPECT_TRUE(households_repo::update(tx, *back, kNow)); });
  db_->write([&](db::Tx& tx) { EXPECT_FALSE(households_repo::update(tx, *back, kNow)) << "version 1 is gone"; });
  db_->read([&](db::Tx& tx) {
    auto now = households_repo::get(tx, id).value();
    EXPECT_EQ(now.members, 5);
    EXPECT_EQ(now.version, 2);
  });
}

TEST_P(HouseholdsRepoTest, TheSchemaRefusesWhatNoHouseholdCanBe) {
  auto none = household("02545-HO-00002", khuon_dien_);
  none.members = 0;
  EXPECT_THROW(insert(none), std::exception) << "no members";
  auto unasked = household("02545-HO-00003", khuon_dien_);
  unasked.phone_sealed = "sealed";
  EXPECT_THROW(insert(unasked), std::exception) << "a phone without consent";
  auto backwards = household("02545-HO-00004", khuon_dien_);
  backwards.since_on = "2020-01-01";
  backwards.left_on = "2019-01-01";
  EXPECT_THROW(insert(backwards), std::exception) << "left before it came";
  insert(household("02545-HO-00005", khuon_dien_));
  EXPECT_THROW(insert(household("02545-HO-00005", lang_han_)), std::exception) << "a code is unique";
}

TEST_P(HouseholdsRepoTest, SharesCountTheHouseholdsPresentAndThoseRegisteredThatYear) {
  auto a = insert(household("02545-HO-00011", khuon_dien_));
  auto b = insert(household("02545-HO-00012", khuon_dien_));
  insert(household("02545-HO-00013", khuon_dien_));
  auto gone = household("02545-HO-00014", khuon_dien_);
  gone.left_on = "2025-06-30";
  auto gone_id = insert(gone);
  auto c = insert(household("02545-HO-00021", lang_han_));
  register_for(a, 2025);
  register_for(b, 2025);
  register_for(b, 2024);
  register_for(gone_id, 2025);
  register_for(c, 2024);

  std::vector<VillageShare> got;
  db_->read([&](db::Tx& tx) {
    got = households_repo::shares(tx, db::ids_json({khuon_dien_, lang_han_, empty_}), 2025, "2025-12-01");
  });
  ASSERT_EQ(got.size(), 2u) << "a village without households is absent";
  EXPECT_EQ(got[0].village_id, khuon_dien_);
  EXPECT_EQ(got[0].households, 3) << "the one that left in June is not counted";
  EXPECT_EQ(got[0].registered, 2);
  EXPECT_EQ(got[1].village_id, lang_han_);
  EXPECT_EQ(got[1].households, 1);
  EXPECT_EQ(got[1].registered, 0) << "registered in 2024 only";

  db_->read([&](db::Tx& tx) {
    auto before = households_repo::shares(tx, db::ids_json({khuon_dien_}), 2025, "2025-06-01");
    ASSERT_EQ(before.size(), 1u);
    EXPECT_EQ(before[0].households, 4) << "in June it was still there";
    EXPECT_TRUE(households_repo::shares(tx, "[]", 2025, "2025-12-01").empty()) << "no villages, nothing";
    auto present = households_repo::present(tx, db::ids_json({lang_han_, khuon_dien_}), "2025-12-01");
    ASSERT_EQ(present.size(), 4u);
    EXPECT_EQ(present[0].code, "02545-HO-00011");
    EXPECT_EQ(present[3].code, "02545-HO-00021");
  });
}

// Migration 0040: each household keeps the latest year it registered in; "registered in
// year Y" reads it and looks the registration up only for a household with a later year.
TEST_P(HouseholdsRepoTest, APastYearIsCountedFromItsOwnRegistrationsAndTheLatestYearIsKept) {
  auto both = insert(household("02545-HO-00041", khuon_dien_));
  auto later_only = insert(household("02545-HO-00042", khuon_dien_));
  auto earlier_only = insert(household("02545-HO-00043", khuon_dien_));
  auto never = insert(household("02545-HO-00044", khuon_dien_));
  register_for(both, 2025);
  register_for(both, 2024);  // recorded late: the latest year stays 2025
  register_for(later_only, 2025);
  register_for(earlier_only, 2024);

  db_->read([&](db::Tx& tx) {
    auto latest = [&](std::int64_t id) {
      return db::scalar(tx, db::Query{"t.latest", "SELECT COALESCE(registered_year, 0) FROM households WHERE id = $1"},
                        id);
    };
    EXPECT_EQ(latest(both), 2025);
    EXPECT_EQ(latest(later_only), 2025);
    EXPECT_EQ(latest(earlier_only), 2024);
    EXPECT_EQ(latest(never), 0);
    auto recount = db::scalar(tx, db::Query{"t.recount",
                                            "SELECT count(*) FROM households h WHERE COALESCE(h.registered_year, 0) <> "
                                            "COALESCE((SELECT max(r.year) FROM household_registrations r "
                                            "WHERE r.household_id = h.id), 0)"});
    EXPECT_EQ(recount, 0) << "the kept year is every household's latest registration";

    const struct {
      int year;
      std::int64_t registered;
      std::vector<std::string> missing;
    } rows[] = {
        {2023, 0, {"02545-HO-00041", "02545-HO-00042", "02545-HO-00043", "02545-HO-00044"}},
        {2024, 2, {"02545-HO-00042", "02545-HO-00044"}},
        {2025, 2, {"02545-HO-00043", "02545-HO-00044"}},
        {2026, 0, {"02545-HO-00041", "02545-HO-00042", "02545-HO-00043", "02545-HO-00044"}},
    };
    for (const auto& row : rows) {
      auto shares = households_repo::shares(tx, db::ids_json({khuon_dien_}), row.year, "2025-12-01");
      ASSERT_EQ(shares.size(), 1u);
      EXPECT_EQ(shares[0].households, 4) << row.year;
      EXPECT_EQ(shares[0].registered, row.registered) << row.year;
      std::vector<std::string> missing;
      for (const auto& h : households_repo::unregistered(tx, db::ids_json({khuon_dien_}), row.year, "2025-12-01", 10)) {
        missing.push_back(h.code);
      }
      EXPECT_EQ(missing, row.missing) << row.year;
    }
  });
}

TEST_P(HouseholdsRepoTest, ARegistrationIsOneRowPerHouseholdAndYear) {
  auto id = insert(household("02545-HO-00031", khuon_dien_));
  register_for(id, 2025);
  db_->write([&](db::Tx& tx) {
    Registration again{id, 2025, "2025-04-02", false, "ký lại", 2, "abc", {}, 17, kNow + 1};
    EXPECT_FALSE(households_repo::put_registration(tx, again, std::nullopt)) << "a second insert writes nothing";
    EXPECT_FALSE(households_repo::put_registration(tx, again, 5)) << "not the version seen";
    EXPECT_TRUE(households_repo::put_registration(tx, again, 1));
  });
  db_->read([&](db::Tx& tx) {
    auto r = households_repo::registration(tx, id, 2025).value();
    EXPECT_EQ(r.registered_on, "2025-04-02");
    EXPECT_FALSE(r.signed_form);
    EXPECT_EQ(r.note, "ký lại");
    EXPECT_EQ(r.version, 2);
    EXPECT_EQ(r.device_at, 17);
    EXPECT_FALSE(households_repo::registration(tx, id, 2024));
  });
}

TEST_P(HouseholdsRepoTest, NumbersAreCountedPerCommuneAndKind) {
  std::vector<std::int64_t> got;
  db_->write([&](db::Tx& tx) {
    got.push_back(households_repo::next_number(tx, commune_, "household"));
    got.push_back(households_repo::next_number(tx, commune_, "household"));
    got.push_back(households_repo::next_number(tx, commune_, "fire_group"));
    got.push_back(households_repo::next_number(tx, commune_, "household"));
  });
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2, 1, 3}));
}

TEST_P(HouseholdsRepoTest, PackRowsHoldNoPhoneAndTheYearsRegistration) {
  auto kept = household("02545-HO-00021", khuon_dien_);
  kept.phone_sealed = std::string("\x00sealed\xff", 8);
  kept.phone_lookup = std::string(32, '\x7f');
  kept.consent = Consent{"2025-02-10", "paper", "v1"};
  auto kept_id = insert(kept);
  auto gone = household("02545-HO-00022", khuon_dien_);
  gone.left_on = "2025-06-01";
  insert(gone);
  insert(household("02545-HO-00023", lang_han_));
  auto late_id = insert(household("02545-HO-00024", khuon_dien_));
  register_for(kept_id, 2026);
  register_for(late_id, 2025);

  std::vector<households_repo::PackRow> rows;
  db_->read(
      [&](db::Tx& tx) { rows = households_repo::pack_rows(tx, db::ids_json({khuon_dien_}), 2026, "2025-12-01"); });
  ASSERT_EQ(rows.size(), 2U) << "present in Khuôn Điển only";
  EXPECT_EQ(rows[0].household.code, "02545-HO-00021");
  EXPECT_FALSE(rows[0].household.phone_sealed) << "not even sealed";
  EXPECT_FALSE(rows[0].household.phone_lookup);
  ASSERT_TRUE(rows[0].registration);
  EXPECT_EQ(rows[0].registration->year, 2026);
  EXPECT_FALSE(rows[0].fire_group_id);
  EXPECT_EQ(rows[1].household.code, "02545-HO-00024");
  EXPECT_FALSE(rows[1].registration) << "registered in 2025, not in 2026";
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdsRepoTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
