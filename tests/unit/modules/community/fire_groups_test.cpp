// Fire-safety groups on both databases: the members' rules (5–15 or a reason; a household
// in two groups refused with the other group named; one village), each house's
// extinguishers (expiring before made refused; the kept count), gear and points, who may
// do what, and the audit.
#include "modules/community/fire_groups.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../../support/files.hpp"
#include "fire_groups_fixture.hpp"
#include "modules/community/fire_repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/media/media.hpp"

namespace antq::community {
namespace {

using testing::errors_of;

class FireGroupsTest : public FireGroupsFixture {
 protected:
  // `n` households of a village, by id.
  std::vector<std::int64_t> houses(const units::Unit& village, int n, const std::string& prefix = "Hộ") {
    std::vector<std::int64_t> out;
    for (int i = 0; i < n; ++i) {
      auto in = input(village, prefix + " " + std::to_string(i + 1));
      in.consent = Consent{time::local_date(clock_.now()), "paper", "ho-gia-dinh-1"};  // membership needs it
      out.push_back(service_->create(officer_, in).household.id);
    }
    return out;
  }

  FireGroupInput group(const units::Unit& village, std::vector<std::int64_t> members,
                       const std::string& name = "Tổ 1") {
    FireGroupInput in;
    in.village_id = village.id;
    in.name = name;
    in.household_ids = std::move(members);
    in.founded_on = "2025-03-01";
    return in;
  }

  ExtinguisherInput powder(const std::string& expires, std::optional<std::string> made = "2024-01-01") {
    ExtinguisherInput in;
    in.kind = "abc_powder";
    in.capacity_kg = 4;
    in.count = 2;
    in.manufactured_on = std::move(made);
    in.expires_on = expires;
    return in;
  }
};

TEST_P(FireGroupsTest, AGroupOfFiveToFifteenHouseholdsGetsItsCodeAndMembers) {
  auto members = houses(khuon_dien_, 6);
  auto in = group(khuon_dien_, members);
  in.leader_household_id = members[0];
  auto g = groups_->create(officer_, in);
  EXPECT_EQ(g.group.code, "02545-LG-00001");
  EXPECT_EQ(g.members, 6);
  EXPECT_EQ(g.group.leader_household_id, members[0]);
  EXPECT_EQ(g.village_name, "Khuôn Điển");
  EXPECT_EQ(count("SELECT count(*) FROM households WHERE fire_group_since = '2025-12-01'"), 6);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'fire_group.create'"), 1);
  auto page = groups_->list(team_member_, FireGroupFilter{});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].members, 6);
}

TEST_P(FireGroupsTest, OutsideFiveToFifteenTheRuleIsNamedAndAReasonLetsItSave) {
  struct Row {
    int households;
    bool needs_reason;
  };
  for (auto row : {Row{4, true}, Row{5, false}, Row{15, false}, Row{16, true}}) {
    auto members = houses(khuon_dien_, row.households, "Hộ " + std::to_string(row.households));
    auto in = group(khuon_dien_, members, "Tổ " + std::to_string(row.households));
    if (row.needs_reason) {
      EXPECT_EQ(errors_of([&] { groups_->create(officer_, in); }), "members:group_size") << row.households;
      in.size_reason = "Xóm chỉ có 4 hộ ở tách biệt";
    }
    auto g = groups_->create(officer_, in);
    EXPECT_EQ(g.members, row.households);
    EXPECT_EQ(g.group.size_reason.empty(), !row.needs_reason) << row.households;
  }
}

TEST_P(FireGroupsTest, AHouseholdInAnotherGroupIsRefusedWithThatGroupNamed) {
  auto first = houses(khuon_dien_, 5, "A");
  auto second = houses(khuon_dien_, 4, "B");
  auto g1 = groups_->create(officer_, group(khuon_dien_, first, "Tổ liên gia xóm Đình"));
  second.push_back(first[2]);
  try {
    groups_->create(officer_, group(khuon_dien_, second, "Tổ liên gia xóm Trại"));
    ADD_FAILURE() << "a household in two groups was accepted";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "in_other_group");
    EXPECT_NE(e.fields()[0].value_hint.find("02545-LG-00001 Tổ liên gia xóm Đình"), std::string::npos)
        << e.fields()[0].value_hint;
  }
  EXPECT_EQ(count("SELECT count(*) FROM fire_groups"), 1) << "nothing written";
  // Taken out of the first group, it may join the second.
  first.erase(first.begin() + 2);
  auto shrunk = groups_->set_members(officer_, g1.group.id, first, "Một hộ chuyển sang tổ khác", g1.group.version);
  EXPECT_EQ(shrunk.members, 4);
  EXPECT_EQ(groups_->create(officer_, group(khuon_dien_, second, "Tổ liên gia xóm Trại")).members, 5);
}

TEST_P(FireGroupsTest, ADissolvedGroupLetsItsHouseholdsJoinAnother) {
  auto members = houses(khuon_dien_, 5);
  auto g = groups_->create(officer_, group(khuon_dien_, members, "Tổ cũ"));
  auto end = group(khuon_dien_, {}, "Tổ cũ");
  end.dissolved_on = "2025-11-30";
  end.version = g.group.version;
  auto dissolved = groups_->update(officer_, g.group.id, end);
  EXPECT_EQ(dissolved.members, 0);
  EXPECT_EQ(groups_->create(officer_, group(khuon_dien_, members, "Tổ mới")).members, 5);
  EXPECT_EQ(groups_->list(officer_, FireGroupFilter{}).total, 1) << "a dissolved group is listed only when asked";
}

TEST_P(FireGroupsTest, MembersComeFromTheGroupsVillageAndAStaleListIsRefused) {
  auto here = houses(khuon_dien_, 5);
  auto there = houses(lang_han_, 1, "Làng Hản");
  auto mixed = here;
  mixed.push_back(there[0]);
  EXPECT_EQ(errors_of([&] { groups_->create(officer_, group(khuon_dien_, mixed)); }), "household_ids:not_found");
  auto g = groups_->create(officer_, group(khuon_dien_, here));
  EXPECT_THROW(groups_->set_members(officer_, g.group.id, here, "", g.group.version - 1), Error);
  EXPECT_EQ(errors_of([&] { groups_->create(team_member_, group(lang_han_, there)); }), "village_id:not_found");
}

TEST_P(FireGroupsTest, AHouseholdJoinsOnlyWithItsConsentAndJoiningMovesItsVersion) {
  auto here = houses(khuon_dien_, 5);
  auto bare = service_->create(officer_, input(khuon_dien_, "Hộ chưa đồng ý")).household;
  auto with_bare = here;
  with_bare.push_back(bare.id);
  EXPECT_EQ(errors_of([&] { groups_->create(officer_, group(khuon_dien_, with_bare)); }), "household_ids:no_consent");
  EXPECT_EQ(count("SELECT count(*) FROM fire_groups"), 0) << "nothing written";
  auto before = service_->get(officer_, here[0]).view.household.version;
  groups_->create(officer_, group(khuon_dien_, here));
  EXPECT_EQ(service_->get(officer_, here[0]).view.household.version, before + 1)
      << "a form opened before the household joined is stale";
}

TEST_P(FireGroupsTest, AnExtinguisherExpiringBeforeItWasMadeIsRefusedAndTheHouseKeepsItsCount) {
  auto h = houses(khuon_dien_, 1)[0];
  EXPECT_EQ(errors_of([&] { groups_->add_extinguisher(officer_, h, powder("2023-12-31")); }),
            "expires_on:before_manufactured");
  auto bad = powder("2030-01-01");
  bad.last_refill_on = "2023-06-01";
  bad.capacity_kg = 0;
  bad.kind = "water";
  EXPECT_EQ(errors_of([&] { groups_->add_extinguisher(officer_, h, bad); }),
            "kind:unknown_value capacity_kg:out_of_range last_refill_on:before_manufactured");
  auto made_tomorrow = powder("2030-01-01", "2025-12-02");
  EXPECT_EQ(errors_of([&] { groups_->add_extinguisher(officer_, h, made_tomorrow); }), "manufactured_on:in_future");
  EXPECT_EQ(count("SELECT count(*) FROM fire_extinguishers"), 0);
  auto e = groups_->add_extinguisher(team_member_, h, powder("2026-06-30"));
  EXPECT_EQ(count("SELECT extinguishers FROM households WHERE id = " + std::to_string(h)), 2);
  auto retired = groups_->retire_extinguisher(officer_, e.id, std::nullopt, e.version);
  EXPECT_EQ(retired.retired_on, "2025-12-01");
  EXPECT_EQ(count("SELECT extinguishers FROM households WHERE id = " + std::to_string(h)), 0);
  EXPECT_THROW(groups_->retire_extinguisher(officer_, e.id, std::nullopt, e.version), Error) << "a stale version";
}

TEST_P(FireGroupsTest, TheDetailShowsEachHouseWithItsEquipmentAndTheGroupsPoints) {
  auto members = houses(khuon_dien_, 5);
  auto g = groups_->create(officer_, group(khuon_dien_, members));
  groups_->add_extinguisher(officer_, members[0], powder("2027-01-01"));
  HouseholdGear gear;
  gear.bell = true;
  gear.push_buttons = 2;
  gear.interlinked = true;
  gear.forcing_tools = "xà beng, búa";
  gear.forcing_tool_count = 2;
  groups_->put_gear(officer_, members[0], gear);
  FirePointInput point;
  point.name = "Bể nước nhà văn hóa";
  point.point = "21.8, 105.45";
  point.equipment = "Bể 10 m³, máy bơm";
  auto p = groups_->add_point(officer_, g.group.id, point);
  auto detail = groups_->get(reviewer_, g.group.id);
  ASSERT_EQ(detail.houses.size(), 5u);
  const auto& first = *std::find_if(detail.houses.begin(), detail.houses.end(),
                                    [&](const MemberHouse& m) { return m.household_id == members[0]; });
  ASSERT_EQ(first.extinguishers.size(), 1u);
  ASSERT_TRUE(first.gear);
  EXPECT_TRUE(first.gear->interlinked);
  ASSERT_EQ(detail.points.size(), 1u);
  EXPECT_DOUBLE_EQ(detail.points[0].lat, 21.8);
  point.point = "105.45, 21.8";  // swapped
  EXPECT_EQ(errors_of([&] { groups_->update_point(officer_, p.id, point); }), "point:swapped");
  point.point = "10.8, 106.7";  // Hồ Chí Minh City: no boundary here to tell, but inside Vietnam
  EXPECT_NO_THROW(groups_->update_point(officer_, p.id, point));
  point.point = "48.85, 2.35";
  EXPECT_EQ(errors_of([&] { groups_->update_point(officer_, p.id, point); }), "point:outside_vietnam");
  groups_->delete_point(officer_, p.id);
  EXPECT_TRUE(groups_->get(officer_, g.group.id).points.empty());
}

TEST_P(FireGroupsTest, OutsideTheScopeAGroupIsNotThereAndAuditorsSeeNone) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5)));
  EXPECT_THROW(groups_->get(other_officer_, g.group.id), Error);
  EXPECT_EQ(groups_->list(other_officer_, FireGroupFilter{}).total, 0);
  EXPECT_THROW(groups_->list(auditor_, FireGroupFilter{}), Error);
  EXPECT_THROW(groups_->create(reviewer_, group(khuon_dien_, {})), Error);
  auto change = group(khuon_dien_, {});
  change.name = "Tổ liên gia số 1";
  change.version = g.group.version;
  EXPECT_EQ(groups_->update(team_member_, g.group.id, change).group.name, "Tổ liên gia số 1");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'fire_group.update' AND detail LIKE '%name%'"), 1);
}

TEST_P(FireGroupsTest, TheDueListsNameWhatIsExpiredExpiringUndrilledAndBare) {
  auto members = houses(khuon_dien_, 5);
  auto g = groups_->create(officer_, group(khuon_dien_, members));
  // Today is 2025-12-01: expiring means up to 2025-12-31.
  groups_->add_extinguisher(officer_, members[0], powder("2025-11-30"));
  groups_->add_extinguisher(officer_, members[1], powder("2025-12-01"));
  groups_->add_extinguisher(officer_, members[2], powder("2025-12-31"));
  groups_->add_extinguisher(officer_, members[3], powder("2026-01-01"));
  auto retired = groups_->add_extinguisher(officer_, members[3], powder("2025-01-01"));
  groups_->retire_extinguisher(officer_, retired.id, "2025-06-01", retired.version);
  auto due = groups_->due(team_member_, std::nullopt);
  EXPECT_EQ(due.expiring_until, "2025-12-31");
  ASSERT_EQ(due.expired.total, 1);
  EXPECT_EQ(due.expired.items[0].extinguisher.expires_on, "2025-11-30");
  EXPECT_EQ(due.expired.items[0].group_id, g.group.id);
  ASSERT_EQ(due.expiring.total, 2);
  EXPECT_EQ(due.expiring.items[0].extinguisher.expires_on, "2025-12-01");
  EXPECT_EQ(due.expiring.items[1].extinguisher.expires_on, "2025-12-31");
  ASSERT_EQ(due.without_drill.total, 1) << "a group with no drill this year";
  ASSERT_EQ(due.without_extinguisher.total, 1);
  EXPECT_EQ(due.without_extinguisher.items[0].household_id, members[4]);
  EXPECT_EQ(groups_->due(other_officer_, std::nullopt).expired.total, 0) << "another commune sees none of them";
}

// Past its first kDueListed the list is cut and its total still counts every one; the cut
// keeps the soonest, each with its household.
TEST_P(FireGroupsTest, ALongDueListShowsTheSoonestAndCountsThemAll) {
  auto members = houses(khuon_dien_, 6);
  groups_->create(officer_, group(khuon_dien_, members));
  constexpr int kExpiring = FireDue::kDueListed + 10;
  for (int i = 0; i < kExpiring; ++i) {
    auto day = fmt::format("2025-12-{:02d}", 30 - i % 30);  // two on each of 01–30/12
    groups_->add_extinguisher(officer_, members[static_cast<std::size_t>(i) % members.size()], powder(day));
  }
  auto due = groups_->due(officer_, std::nullopt);
  EXPECT_EQ(due.expiring.total, kExpiring);
  ASSERT_EQ(due.expiring.items.size(), static_cast<std::size_t>(FireDue::kDueListed));
  EXPECT_EQ(due.expiring.items.front().extinguisher.expires_on, "2025-12-01");
  EXPECT_EQ(due.expiring.items.back().extinguisher.expires_on, "2025-12-25") << "50 = 25 days × 2";
  for (std::size_t i = 1; i < due.expiring.items.size(); ++i) {
    const auto& a = due.expiring.items[i - 1].extinguisher;
    const auto& b = due.expiring.items[i].extinguisher;
    EXPECT_TRUE(a.expires_on < b.expires_on || (a.expires_on == b.expires_on && a.id < b.id)) << i;
    EXPECT_FALSE(due.expiring.items[i].household_code.empty()) << i;
  }
  EXPECT_EQ(due.expired.total, 0);
  EXPECT_TRUE(due.expired.items.empty());
}

TEST_P(FireGroupsTest, CoverageIsTheShareOfHouseholdsInAGroupPerVillage) {
  auto members = houses(khuon_dien_, 6);
  houses(khuon_dien_, 2, "Ngoài tổ");
  houses(lang_han_, 3, "Làng Hản");
  groups_->create(officer_, group(khuon_dien_, members));
  auto c = groups_->coverage(officer_, tan_trao_.id);
  ASSERT_EQ(c.villages.size(), 2u);
  for (const auto& v : c.villages) {
    if (v.village_id == khuon_dien_.id) {
      EXPECT_EQ(v.households, 8);
      EXPECT_EQ(v.in_group, 6);
      EXPECT_DOUBLE_EQ(*v.share, 0.75);
    } else {
      EXPECT_EQ(v.in_group, 0);
      EXPECT_DOUBLE_EQ(*v.share, 0.0);
    }
  }
  EXPECT_EQ(c.households, 11);
  EXPECT_EQ(c.in_group, 6);
  auto none = groups_->coverage(other_officer_, std::nullopt);
  ASSERT_EQ(none.villages.size(), 1u);
  EXPECT_FALSE(none.villages[0].share) << "no households: no share";
}

DrillInput drill(std::int64_t group, const std::string& held_on, std::int64_t base = 0) {
  DrillInput in;
  in.group_id = group;
  in.held_on = held_on;
  in.scenario = "Cháy bếp nhà ông An, dập bằng bình bột";
  in.participants = 14;
  in.observers = "Thiếu úy Hoàng Văn Nam";
  in.evaluation = "good";
  in.base_version = base;
  return in;
}

TEST_P(FireGroupsTest, ADrillSentTwiceIsStoredOnceAndTheGroupsLastDrillFollows) {
  auto g = groups_->create(team_member_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  const std::string id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  auto first = groups_->record_drill(team_member_, id, drill(g.id, "2025-11-20"));
  EXPECT_EQ(first.outcome, Outcome::inserted);
  auto again = groups_->record_drill(team_member_, id, drill(g.id, "2025-11-20"));
  EXPECT_EQ(again.outcome, Outcome::replayed);
  EXPECT_EQ(again.drill.version, 1);
  EXPECT_EQ(groups_->get(officer_, g.id).view.group.last_drill_on, "2025-11-20");
  EXPECT_EQ(groups_->due(officer_, std::nullopt).without_drill.total, 0) << "drilled this year";
  auto moved = groups_->record_drill(officer_, id, drill(g.id, "2025-11-21", 1));
  EXPECT_EQ(moved.outcome, Outcome::updated);
  EXPECT_EQ(moved.drill.version, 2);
  try {
    groups_->record_drill(team_member_, id, drill(g.id, "2025-11-22", 1));
    ADD_FAILURE() << "a stale drill was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::conflict);
  }
  EXPECT_EQ(groups_->drill(reviewer_, id).held_on, "2025-11-21");
  EXPECT_EQ(groups_->drills(officer_, g.id).size(), 1u);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'drill.record'"), 2);
  EXPECT_EQ(groups_->get(officer_, g.id).view.group.version, g.version) << "a drill does not bump the group";
}

TEST_P(FireGroupsTest, ADrillTomorrowOrWithABadIdIsRefusedAndNothingIsWritten) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  const std::string id = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
  EXPECT_EQ(errors_of([&] { groups_->record_drill(officer_, id, drill(g.id, "2025-12-02")); }), "held_on:in_future");
  auto bad = drill(g.id, "2025-11-20");
  bad.evaluation = "excellent";
  bad.participants = -1;
  EXPECT_EQ(errors_of([&] { groups_->record_drill(officer_, id, bad); }),
            "participants:out_of_range evaluation:unknown_value");
  EXPECT_THROW(groups_->record_drill(officer_, "1B4E28BA-2FA1-41D2-883F-0016D3CCA427", drill(g.id, "2025-11-20")),
               Error);
  EXPECT_THROW(groups_->record_drill(other_officer_, id, drill(g.id, "2025-11-20")), Error) << "not in scope";
  EXPECT_EQ(count("SELECT count(*) FROM fire_drills"), 0);
}

TEST_P(FireGroupsTest, ADrillsPhotoIsKeptWithoutItsPositionAndCapped) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  const std::string id = "6f1c7b1e-3d2a-4c59-8e0b-0c5f6a7d8e9f";
  groups_->record_drill(officer_, id, drill(g.id, "2025-11-20"));
  auto photo = testing::read_file(std::filesystem::path(ANTQ_SOURCE_DIR) / "tests/fixtures/photo-gps.jpg");
  ASSERT_TRUE(media::has_metadata(photo)) << "the fixture carries a GPS position";
  auto kept = groups_->add_drill_photo(team_member_, id, photo, "dien-tap.jpg");
  EXPECT_EQ(kept.mime, "image/jpeg");
  auto [meta, bytes] = groups_->file(reviewer_, kept.id);
  EXPECT_FALSE(media::has_metadata(bytes)) << "stored without its metadata";
  EXPECT_EQ(meta.sha256, crypto::sha256_hex(bytes));
  EXPECT_EQ(meta.size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(errors_of([&] { groups_->add_drill_photo(officer_, id, "MZ\x90\x00 not a photo", "x.exe"); }),
            "file:unsupported_type");
  for (std::size_t i = 1; i < FireGroups::kMaxPhotos; ++i) groups_->add_drill_photo(officer_, id, photo, "anh.jpg");
  EXPECT_EQ(errors_of([&] { groups_->add_drill_photo(officer_, id, photo, "anh.jpg"); }), "file:too_many");
  EXPECT_EQ(groups_->drill_photos(officer_, id).size(), FireGroups::kMaxPhotos);
  EXPECT_THROW(groups_->file(other_officer_, kept.id), Error) << "outside the scope";
  EXPECT_THROW(groups_->add_drill_photo(reviewer_, id, photo, "anh.jpg"), Error);
}

TEST_P(FireGroupsTest, AnIncidentIsRecordedNotInTheFutureAndListedNewestFirst) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  IncidentInput in;
  in.occurred_at = kStart - 3 * kDay;
  in.place = "Nhà ông An, xóm Đình";
  in.kind = "fire";
  in.description = "Cháy bếp";
  in.response = "Tổ dập bằng 2 bình bột trong 5 phút";
  groups_->record_incident(team_member_, g.id, in);
  in.occurred_at = kStart - kDay;
  in.kind = "rescue";
  groups_->record_incident(officer_, g.id, in);
  auto listed = groups_->incidents(reviewer_, g.id);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].kind, "rescue");
  in.occurred_at = kStart + kDay;
  in.kind = "flood";
  EXPECT_EQ(errors_of([&] { groups_->record_incident(officer_, g.id, in); }),
            "occurred_at:in_future kind:unknown_value");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'fire_incident.record'"), 2);
}

TEST_P(FireGroupsTest, AHouseholdTakenMeanwhileByAnotherGroupIsNotTakenTwice) {
  auto members = houses(khuon_dien_, 5);
  auto first = groups_->create(officer_, group(khuon_dien_, members, "Tổ 1")).group;
  auto second = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5, "B"), "Tổ 2")).group;
  // What the second request finds once the first one committed (PostgreSQL's row lock).
  bool joined = true;
  db_->write([&](db::Tx& tx) { joined = fire_repo::join_group(tx, members[0], second, "2025-12-01"); });
  EXPECT_FALSE(joined);
  // Nor one that withdrew its consent, or moved away, meanwhile.
  auto withdrawn = houses(khuon_dien_, 2, "C");
  service_->withdraw_consent(officer_, withdrawn[0]);
  auto moved = service_->get(officer_, withdrawn[1]).view.household;
  db_->write([&](db::Tx& tx) {
    tx.exec(db::Query{"test.move", "UPDATE households SET village_id = $1 WHERE id = $2"}, lang_han_.id, moved.id);
  });
  db_->write([&](db::Tx& tx) {
    EXPECT_FALSE(fire_repo::join_group(tx, withdrawn[0], second, "2025-12-01"));
    EXPECT_FALSE(fire_repo::join_group(tx, withdrawn[1], second, "2025-12-01"));
  });
  EXPECT_EQ(groups_->get(officer_, first.id).view.members, 5);
  EXPECT_EQ(groups_->get(officer_, second.id).view.members, 5);
}

TEST_P(FireGroupsTest, AnotherVillagesHouseholdIsNotFoundWithoutNamingItsGroup) {
  auto there = houses(lang_han_, 5, "Làng Hản");
  groups_->create(officer_, group(lang_han_, there, "Tổ liên gia Làng Hản"));
  auto here = houses(khuon_dien_, 5);
  here.push_back(there[0]);
  try {
    groups_->create(team_member_, group(khuon_dien_, here));
    ADD_FAILURE() << "another village's household was accepted";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "not_found");
    EXPECT_EQ(e.fields()[0].value_hint, "") << "no code or name of another village's group";
  }
}

TEST_P(FireGroupsTest, AGroupsChangeKeepsTheLastDrillRecordedMeanwhile) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  auto seen = groups_->get(officer_, g.id).view.group;  // the form opened before the drill
  groups_->record_drill(team_member_, "7c9e6679-7425-40de-944b-e07fc1f90ae7", drill(g.id, "2025-11-25"));
  auto in = group(khuon_dien_, {}, "Tổ 1 xóm Đình");
  in.version = seen.version;
  EXPECT_EQ(groups_->update(officer_, g.id, in).group.last_drill_on, "2025-11-25");
}

TEST_P(FireGroupsTest, ADissolvedGroupTakesNoMembersAndKeepsItsLeader) {
  auto members = houses(khuon_dien_, 5);
  auto in = group(khuon_dien_, members, "Tổ cũ");
  in.leader_household_id = members[0];
  auto g = groups_->create(officer_, in).group;
  in.dissolved_on = "2025-11-30";
  in.version = g.version;
  g = groups_->update(officer_, g.id, in).group;
  EXPECT_EQ(g.leader_household_id, members[0]) << "the record keeps who led it";
  EXPECT_EQ(errors_of([&] { groups_->set_members(officer_, g.id, members, "", g.version); }),
            "household_ids:group_dissolved");
  in.leader_household_id = members[1];
  in.version = g.version;
  EXPECT_EQ(errors_of([&] { groups_->update(officer_, g.id, in); }), "leader_household_id:group_dissolved");
}

TEST_P(FireGroupsTest, AGroupInAVillageMergedAwayCanStillBeEdited) {
  auto g = groups_->create(officer_, group(khuon_dien_, houses(khuon_dien_, 5))).group;
  units::UnitPatch end;
  end.valid_to = "2025-11-30";
  units_->update(system_actor(), khuon_dien_.id, end);
  auto in = group(khuon_dien_, {}, "Tổ 1 (thôn cũ)");
  in.version = g.version;
  EXPECT_EQ(groups_->update(officer_, g.id, in).group.name, "Tổ 1 (thôn cũ)");
  EXPECT_EQ(errors_of([&] { groups_->create(officer_, group(khuon_dien_, {}, "Tổ mới")); }), "village_id:not_found")
      << "a new group needs a village of today";
}

TEST_P(FireGroupsTest, AHouseholdLeavesItsGroupWithItsConsentAndMovesOnlyOutOfAGroup) {
  auto members = houses(khuon_dien_, 6);
  auto in = group(khuon_dien_, members);
  in.leader_household_id = members[0];
  auto g = groups_->create(officer_, in).group;
  groups_->add_extinguisher(officer_, members[5], powder("2027-01-01"));
  // Moved to Làng Hản while in the group: refused; its extinguishers stay where it is.
  auto h = service_->get(officer_, members[5]).view.household;
  auto move = input(lang_han_, h.head_name);
  move.version = h.version;
  EXPECT_EQ(errors_of([&] { service_->update(officer_, h.id, move); }), "village_id:in_fire_group");
  // The leader withdraws its consent: out of the group, and the group has no leader.
  service_->withdraw_consent(officer_, members[0]);
  auto after = groups_->get(officer_, g.id).view;
  EXPECT_EQ(after.members, 5);
  EXPECT_FALSE(after.group.leader_household_id);
  // Out of the group, the household moves and its extinguishers follow it.
  groups_->set_members(officer_, g.id, {members[1], members[2], members[3], members[4]}, "Hộ chuyển thôn",
                       after.group.version);
  h = service_->get(officer_, members[5]).view.household;
  move.version = h.version;
  service_->update(officer_, h.id, move);
  EXPECT_EQ(count("SELECT count(*) FROM fire_extinguishers WHERE village_id = " + std::to_string(lang_han_.id)), 1);
}

TEST_P(FireGroupsTest, AnExtinguisherIsNotRetiredBeforeItWasMade) {
  auto h = houses(khuon_dien_, 1)[0];
  auto e = groups_->add_extinguisher(officer_, h, powder("2027-01-01", "2025-06-01"));
  EXPECT_EQ(errors_of([&] { groups_->retire_extinguisher(officer_, e.id, "2025-05-31", e.version); }),
            "retired_on:before_manufactured");
  EXPECT_EQ(groups_->retire_extinguisher(officer_, e.id, "2025-06-01", e.version).retired_on, "2025-06-01");
}

INSTANTIATE_TEST_SUITE_P(Backends, FireGroupsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
