// Model types and sites on both databases: the seeded types, types added by
// administrators, manual sites of manual types only, a linked site across communes with
// its standing unit per year, and who sees and keeps what.
#include "modules/community/models.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "models_fixture.hpp"
#include "modules/community/fire_groups.hpp"
#include "modules/community/teams.hpp"
#include "modules/units/boundaries.hpp"

namespace antq::community {
namespace {

using testing::errors_of;

TEST_P(ModelsTest, TheSevenTypesAreSeededAndAdministratorsAddTheirOwn) {
  auto types = models_->types(reviewer_);
  ASSERT_EQ(types.size(), 7u);
  EXPECT_EQ(types[0].name, "2 quản, 2 tích cực về ANTT");
  EXPECT_EQ(std::count_if(types.begin(), types.end(), [](const ModelType& t) { return t.source.has_value(); }), 4);
  EXPECT_TRUE(type("LKANTT").linked);
  ModelTypeInput keng;
  keng.code = "TKANNINH";
  keng.name = "Tiếng keng an ninh";
  EXPECT_THROW(models_->add_type(officer_, keng), Error) << "administrators keep the types";
  auto added = models_->add_type(admin_, keng);
  EXPECT_FALSE(added.builtin);
  EXPECT_EQ(errors_of([&] { models_->add_type(admin_, keng); }), "code:taken");
  keng.code = "tk an";
  EXPECT_EQ(errors_of([&] { models_->add_type(admin_, keng); }), "code:invalid_format");
  auto builtin = type("2Q2TC");
  ModelTypeInput renamed{builtin.code, "Hai quản", builtin.description, false, true, builtin.sort, builtin.version};
  EXPECT_EQ(errors_of([&] { models_->update_type(admin_, builtin.id, renamed); }), "name:builtin");
  ModelTypeInput retired{builtin.code, builtin.name, builtin.description, false, false, builtin.sort, builtin.version};
  EXPECT_FALSE(models_->update_type(admin_, builtin.id, retired).active);
  EXPECT_EQ(errors_of([&] { models_->create_site(officer_, site("2Q2TC", khuon_dien_.id, "Điểm 2 quản")); }),
            "type_id:inactive");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'model_type.%'"), 2);
}

TEST_P(ModelsTest, AutomaticTypesTakeNoManualSiteAndBadFieldsAreNamed) {
  EXPECT_EQ(errors_of([&] { models_->create_site(officer_, site("CAMANTT", khuon_dien_.id, "Camera")); }),
            "type_id:automatic");
  auto bad = site("3Q2TC", hung_village_.id, "");
  bad.launched_on = "2025-12-02";
  bad.participants = {{lang_han_.id, "2025-01-01"}};
  EXPECT_EQ(errors_of([&] { models_->create_site(officer_, bad); }),
            "unit_id:not_found name:required launched_on:in_future participants:not_linked "
            "participants.joined_on:before_launched");
  EXPECT_EQ(count("SELECT count(*) FROM model_sites"), 0);
}

TEST_P(ModelsTest, ALinkedSiteJoinsAnotherCommuneAndHasAStandingUnitEachYear) {
  auto in = site("LKANTT", tan_trao_.id, "Liên kết ANTT Tân Trào – Hùng Lợi");
  in.participants = {{hung_loi_.id, "2024-03-26"}};
  auto made = models_->create_site(officer_, in);
  EXPECT_EQ(made.site.code, "02545-MH-001");
  ASSERT_EQ(made.participants.size(), 1u);
  EXPECT_EQ(made.participants[0].unit_name, "Hùng Lợi");
  // Hùng Lợi's officer sees it (his commune takes part) but does not see a Tân Trào-only site.
  auto own = models_->create_site(officer_, site("3Q2TC", khuon_dien_.id, "3 quản Khuôn Điển"));
  EXPECT_EQ(models_->site(other_officer_, made.site.id).site.name, in.name);
  EXPECT_THROW(models_->site(other_officer_, own.site.id), Error);
  EXPECT_EQ(models_->sites(other_officer_, ModelSiteFilter{}).total, 1);
  EXPECT_EQ(models_->sites(reviewer_, ModelSiteFilter{}).total, 2);
  EXPECT_EQ(models_->sites(team_member_, ModelSiteFilter{}).total, 1) << "his village's site only";
  EXPECT_THROW(models_->sites(auditor_, ModelSiteFilter{}), Error);
  // The standing unit: one of its units, within its life.
  auto v = models_->set_standing(officer_, made.site.id, 2025, hung_loi_.id);
  ASSERT_EQ(v.standing.size(), 1u);
  EXPECT_EQ(v.standing[0].unit_name, "Hùng Lợi");
  EXPECT_EQ(errors_of([&] { models_->set_standing(officer_, made.site.id, 2026, lang_han_.id); }),
            "unit_id:not_participant");
  EXPECT_EQ(errors_of([&] { models_->set_standing(officer_, made.site.id, 2023, tan_trao_.id); }), "year:out_of_range");
  EXPECT_EQ(errors_of([&] { models_->set_standing(officer_, own.site.id, 2025, khuon_dien_.id); }),
            "unit_id:not_linked");
  // Hùng Lợi cannot leave while it stands for 2025; a change needs the version seen.
  auto change = in;
  change.participants = {};
  change.version = made.site.version;
  EXPECT_EQ(errors_of([&] { models_->update_site(officer_, made.site.id, change); }), "participants:standing_unit");
  change.participants = in.participants;
  change.note = "Ký quy chế phối hợp ngày 26/3/2024";
  auto updated = models_->update_site(officer_, made.site.id, change);
  EXPECT_EQ(updated.site.version, 2);
  EXPECT_THROW(models_->update_site(officer_, made.site.id, change), Error) << "a stale version";
  EXPECT_THROW(models_->update_site(team_member_, own.site.id, change), Error) << "teams read sites";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'model_site.%'"), 4);
}

// Tân Trào on 01/12/2025: fire-safety groups (2 in Khuôn Điển, 1 in Làng Hản, 1 dissolved),
// a security team over both villages, cameras (2 confirmed in Khuôn Điển, 1 unconfirmed in
// Làng Hản, 1 removed), paper boxes (the office's and Khuôn Điển's active, 1 inactive) and
// the digital mailbox (its key rotated once), a
// "2 quản" site with 2 teams (one ended) and a site launched next month, and a linked site
// with Hùng Lợi.
TEST_P(ModelsTest, CountsComeFromEachOwnersViewOnThePeriodsLastDay) {
  units::Boundaries boundaries(*db_, *audit_, clock_);
  FireGroups groups(*db_, *audit_, *units_, boundaries, clock_);
  Teams teams(*db_, *audit_, *units_, boundaries, clock_, key_);
  auto group = [&](const units::Unit& village, const std::string& name, std::optional<std::string> dissolved = {}) {
    FireGroupInput in;
    in.village_id = village.id;
    in.name = name;
    in.founded_on = "2025-01-10";
    in.dissolved_on = std::move(dissolved);
    in.size_reason = "Tổ mới thành lập";
    groups.create(officer_, in);
  };
  group(khuon_dien_, "Tổ 1");
  group(khuon_dien_, "Tổ 2");
  group(lang_han_, "Tổ 3");
  group(lang_han_, "Tổ cũ", "2025-06-30");
  TeamInput team;
  team.village_ids = {khuon_dien_.id, lang_han_.id};
  team.name = "Tổ bảo vệ ANTT liên thôn";
  team.founded_on = "2024-07-01";
  teams.create(officer_, team);
  db_->write([&](db::Tx& tx) {
    auto camera = [&](int n, std::int64_t village, int confirmed, const char* status) {
      tx.exec(db::Query{"test.camera",
                        "INSERT INTO cameras (code, unit_id, village_id, owner_kind, lon, lat, fov, range_m, "
                        "retention_days, storage, funding, sharing, status, confirmed, installed_on, created_at, "
                        "updated_at) VALUES ($1, $2, $3, 'public', 105.4, 21.8, 360, 50, 30, 'nvr', 'commune_budget', "
                        "'live', $4, $5, '2025-03-01', 0, 0)"},
              "CAM-" + std::to_string(n), tan_trao_.id, village, std::string(status), confirmed);
    };
    camera(1, khuon_dien_.id, 1, "working");
    camera(2, khuon_dien_.id, 1, "faulty");
    camera(3, lang_han_.id, 0, "working");
    camera(4, lang_han_.id, 1, "removed");
    auto box = [&](std::optional<std::int64_t> village, int active) {
      tx.exec(db::Query{"test.box",
                        "INSERT INTO mail_boxes (unit_id, village_id, place, active, created_at) VALUES ($1, $2, "
                        "'Nhà văn hóa', $3, $4)"},
              tan_trao_.id, village, active, kStart - 400 * kDay);
    };
    box(std::nullopt, 1);
    box(khuon_dien_.id, 1);
    box(lang_han_.id, 0);
    // The commune's digital mailbox, its key made in 2024 and rotated in 2025: one site.
    for (int version : {1, 2}) {
      tx.exec(db::Query{"test.unit_key",
                        "INSERT INTO unit_keys (unit_id, version, public_key, recovery_wrapped, created_at) VALUES "
                        "($1, $2, $3, $3, $4)"},
              tan_trao_.id, version, db::Blob{"k"}, kStart - (version == 1 ? 500 : 100) * kDay);
    }
  });
  auto two = models_->create_site(officer_, site("2Q2TC", khuon_dien_.id, "2 quản 2 tích cực Khuôn Điển"));
  auto later = site("3Q2TC", lang_han_.id, "3 quản Làng Hản");
  later.launched_on = "2025-12-01";
  models_->create_site(officer_, later);
  auto linked = site("LKANTT", tan_trao_.id, "Liên kết Tân Trào – Hùng Lợi");
  linked.participants = {{hung_loi_.id, "2025-02-01"}};
  models_->create_site(officer_, linked);
  for (const auto* name : {"Tổ 1", "Tổ 2", "Tổ cũ"}) {
    ModelTeamInput t{name, "2024-04-01", std::nullopt, {}, 0};
    if (std::string(name) == "Tổ cũ") t.ended_on = "2025-01-01";
    models_->add_team(officer_, two.site.id, t);
  }

  auto counts = models_->counts(officer_, tan_trao_.id, std::nullopt, std::string("2025-11-30"));
  auto total = [&](const ModelCounts& c, const std::string& code) {
    auto id = type(code).id;
    for (const auto& t : c.totals)
      if (t.type_id == id) return std::tuple{t.sites, t.teams, t.new_sites};
    return std::tuple{0, 0, 0};
  };
  auto in_child = [&](const ModelCounts& c, const std::string& code, std::int64_t child) {
    auto id = type(code).id;
    for (const auto& t : c.by_child)
      if (t.type_id == id && t.unit_id == child) return std::pair{t.sites, t.teams};
    return std::pair{0, 0};
  };
  EXPECT_EQ(counts.from, "2025-01-01");
  EXPECT_EQ(total(counts, "TLGPCCC"), std::tuple(2, 3, 2)) << "the dissolved group is out";
  EXPECT_EQ(in_child(counts, "TLGPCCC", lang_han_.id), std::pair(1, 1));
  EXPECT_EQ(total(counts, "TBVANTT"), std::tuple(1, 1, 0)) << "one team over two villages, once";
  EXPECT_EQ(in_child(counts, "TBVANTT", khuon_dien_.id), std::pair(1, 1));
  EXPECT_EQ(in_child(counts, "TBVANTT", lang_han_.id), std::pair(1, 1));
  EXPECT_EQ(total(counts, "CAMANTT"), std::tuple(1, 0, 1)) << "unconfirmed and removed cameras are out";
  EXPECT_EQ(total(counts, "HOMTHU"), std::tuple(3, 0, 0)) << "two paper boxes and the digital mailbox, once";
  EXPECT_EQ(in_child(counts, "HOMTHU", khuon_dien_.id), std::pair(1, 0));
  EXPECT_EQ(total(counts, "2Q2TC"), std::tuple(1, 2, 0)) << "the ended team is out";
  EXPECT_EQ(total(counts, "3Q2TC"), std::tuple(0, 0, 0)) << "launched after the period";
  EXPECT_EQ(total(counts, "LKANTT"), std::tuple(1, 0, 0)) << "launched in 2024";
  EXPECT_EQ(counts.children.size(), 2u);
  // Hùng Lợi counts the linked site too (new to it: it joined in 2025); the province once.
  EXPECT_EQ(total(models_->counts(other_officer_, std::nullopt, std::nullopt, std::string("2025-11-30")), "LKANTT"),
            std::tuple(1, 0, 1));
  auto province = models_->counts(reviewer_, std::nullopt, std::nullopt, std::string("2025-11-30"));
  EXPECT_EQ(total(province, "LKANTT"), std::tuple(1, 0, 0)) << "new by its launch, not by a joining";
  EXPECT_EQ(in_child(province, "LKANTT", hung_loi_.id), std::pair(1, 0));
  EXPECT_EQ(in_child(province, "LKANTT", tan_trao_.id), std::pair(1, 0));
  // Khuôn Điển's team member: his village only.
  auto village = models_->counts(team_member_, std::nullopt, std::nullopt, std::string("2025-11-30"));
  EXPECT_EQ(total(village, "TLGPCCC"), std::tuple(1, 2, 1));
  EXPECT_EQ(total(village, "LKANTT"), std::tuple(0, 0, 0));
  EXPECT_THROW(models_->counts(team_member_, lang_han_.id, std::nullopt, std::nullopt), Error);
  EXPECT_EQ(
      errors_of([&] { models_->counts(officer_, std::nullopt, std::string("2025-12-01"), std::string("2025-11-30")); }),
      "from:after_to");
}

INSTANTIATE_TEST_SUITE_P(Backends, ModelsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
