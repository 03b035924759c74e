// Village security teams on both databases: a team's villages (one commune), its members
// (one team at a time per person, one leader at a time), patrols by the offline rule, who
// may do what, and the audit.
#include "modules/community/teams.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "households_fixture.hpp"

namespace antq::community {
namespace {

using testing::errors_of;

class TeamsTest : public HouseholdsTest {
 protected:
  void SetUp() override {
    HouseholdsTest::SetUp();
    if (IsSkipped()) return;
    boundaries_ = std::make_unique<units::Boundaries>(*db_, *audit_, clock_);
    teams_ = std::make_unique<Teams>(*db_, *audit_, *units_, *boundaries_, clock_, key_);
  }

  TeamInput team(std::vector<std::int64_t> villages, const std::string& name = "Tổ bảo vệ ANTT thôn Khuôn Điển") {
    TeamInput in;
    in.village_ids = std::move(villages);
    in.name = name;
    in.decision_number = "15/QĐ-UBND";
    in.decision_on = "2024-07-01";
    in.decision_signer = "Nguyễn Văn Bình";
    in.founded_on = "2024-07-01";
    return in;
  }

  MemberInput member(const std::string& name, const std::string& position = "member",
                     const std::string& joined = "2024-07-01") {
    MemberInput in;
    in.full_name = name;
    in.birth_date = "1980-05-12";
    in.position = position;
    in.residence = "Thôn Khuôn Điển";
    in.joined_on = joined;
    return in;
  }

  PatrolInput patrol(std::int64_t team, std::vector<std::int64_t> members, const std::string& on = "2025-11-28",
                     std::int64_t base = 0) {
    PatrolInput in;
    in.team_id = team;
    in.patrol_on = on;
    in.shift = "night";
    in.member_ids = std::move(members);
    in.findings = "Nhắc nhở hai thanh niên tụ tập sau 23 giờ";
    in.tip_refs = "HT-2025-0012";
    in.base_version = base;
    return in;
  }

  std::unique_ptr<units::Boundaries> boundaries_;
  std::unique_ptr<Teams> teams_;
};

TEST_P(TeamsTest, ATeamCoversVillagesOfOneCommuneAndGetsItsCode) {
  auto t = teams_->create(officer_, team({khuon_dien_.id, lang_han_.id}, "Tổ liên thôn"));
  EXPECT_EQ(t.team.code, "02545-TBV-001");
  EXPECT_EQ(t.team.commune_id, tan_trao_.id);
  EXPECT_EQ(t.commune_name, "Tân Trào");
  ASSERT_EQ(t.villages.size(), 2u);
  EXPECT_EQ(errors_of([&] {
              teams_->create(officer_, team({khuon_dien_.id, hung_village_.id}));
            }),
            "village_ids:not_found")
      << "another commune's village is outside this officer's scope";
  EXPECT_EQ(errors_of([&] {
              teams_->create(system_actor(), team({khuon_dien_.id, hung_village_.id}));
            }),
            "village_ids:other_commune");
  EXPECT_EQ(count("SELECT count(*) FROM security_teams"), 1) << "nothing written";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'security_team.create'"), 1);
  EXPECT_EQ(errors_of([&] { teams_->create(officer_, team({})); }), "village_ids:required");
}

TEST_P(TeamsTest, ATeamHasOneLeaderAtATime) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto leader = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn", "leader"));
  teams_->add_member(officer_, t.id, member("Ma Thị Hoa", "deputy"));
  EXPECT_EQ(errors_of([&] { teams_->add_member(officer_, t.id, member("Nông Văn Tài", "leader")); }),
            "position:second_leader");
  // The leader steps down on 01/11/2025: from then on, another may lead.
  auto out = member("Hoàng Văn Sơn", "leader");
  out.left_on = "2025-11-01";
  out.version = leader.version;
  teams_->update_member(officer_, leader.id, out);
  EXPECT_EQ(teams_->add_member(officer_, t.id, member("Nông Văn Tài", "leader", "2025-11-01")).position, "leader");
  auto detail = teams_->get(officer_, t.id);
  EXPECT_EQ(detail.view.members, 2);
  ASSERT_EQ(detail.members.size(), 3u);
  EXPECT_EQ(detail.members[0].full_name, "Nông Văn Tài") << "the present leader first";
  EXPECT_EQ(detail.members[2].full_name, "Hoàng Văn Sơn") << "who left last";
}

TEST_P(TeamsTest, APersonIsInOneTeamAtATimeAndTheOtherTeamIsNamedOnlyInScope) {
  auto first = teams_->create(officer_, team({khuon_dien_.id}, "Tổ Khuôn Điển")).team;
  auto second = teams_->create(officer_, team({lang_han_.id}, "Tổ Làng Hản")).team;
  auto son = teams_->add_member(officer_, first.id, member("Hoàng Văn Sơn"));
  try {
    teams_->add_member(officer_, second.id, member("HOÀNG VĂN SƠN"));
    ADD_FAILURE() << "one person in two teams";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "in_other_team");
    EXPECT_EQ(e.fields()[0].value_hint, "02545-TBV-001 Tổ Khuôn Điển");
  }
  auto elsewhere = teams_->create(other_officer_, team({hung_village_.id}, "Tổ Thôn 1")).team;
  try {
    teams_->add_member(other_officer_, elsewhere.id, member("Hoàng Văn Sơn"));
    ADD_FAILURE() << "one person in two teams of two communes";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "in_other_team");
    EXPECT_EQ(e.fields()[0].value_hint, "") << "another commune's team is not named";
  }
  // Left the first team on 01/10/2025: in the second from that day on.
  auto left = member("Hoàng Văn Sơn");
  left.left_on = "2025-10-01";
  left.version = son.version;
  teams_->update_member(officer_, son.id, left);
  EXPECT_EQ(teams_->add_member(officer_, second.id, member("Hoàng Văn Sơn", "member", "2025-10-01")).team_id,
            second.id);
  EXPECT_EQ(count("SELECT count(*) FROM security_team_members"), 2);
}

TEST_P(TeamsTest, EachRoleSeesAndKeepsWhatTheDocsSay) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  EXPECT_EQ(teams_->list(team_member_, TeamFilter{}).total, 1) << "the team of their village";
  EXPECT_EQ(teams_->list(reviewer_, TeamFilter{}).total, 1);
  EXPECT_EQ(teams_->list(other_officer_, TeamFilter{}).total, 0);
  EXPECT_THROW(teams_->get(other_officer_, t.id), Error);
  EXPECT_THROW(teams_->list(auditor_, TeamFilter{}), Error);
  EXPECT_THROW(teams_->create(team_member_, team({khuon_dien_.id})), Error);
  EXPECT_THROW(teams_->add_member(reviewer_, t.id, member("Ma Văn Hùng")), Error);
  auto lang_han_team = teams_->create(officer_, team({lang_han_.id}, "Tổ Làng Hản")).team;
  EXPECT_THROW(teams_->get(team_member_, lang_han_team.id), Error) << "another village's team";
}

TEST_P(TeamsTest, APatrolSentTwiceIsStoredOnceAndAStaleOneConflicts) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto son = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn", "leader"));
  auto hoa = teams_->add_member(officer_, t.id, member("Ma Thị Hoa"));
  const std::string id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  auto first = teams_->record_patrol(team_member_, id, patrol(t.id, {hoa.id, son.id}));
  EXPECT_EQ(first.outcome, Outcome::inserted);
  EXPECT_EQ(first.record.member_ids, (std::vector<std::int64_t>{son.id, hoa.id}));
  auto again = teams_->record_patrol(team_member_, id, patrol(t.id, {son.id, hoa.id}));
  EXPECT_EQ(again.outcome, Outcome::replayed) << "the same members in another order";
  auto changed = patrol(t.id, {son.id}, "2025-11-28", 1);
  changed.route = {{105.43, 21.78}, {105.44, 21.79}};
  auto updated = teams_->record_patrol(officer_, id, changed);
  EXPECT_EQ(updated.outcome, Outcome::updated);
  EXPECT_EQ(updated.record.version, 2);
  EXPECT_THROW(teams_->record_patrol(team_member_, id, patrol(t.id, {hoa.id}, "2025-11-28", 1)), Error);
  auto stored = teams_->patrol(reviewer_, id);
  EXPECT_EQ(stored.member_ids, std::vector<std::int64_t>{son.id});
  ASSERT_EQ(stored.route.size(), 2u);
  EXPECT_DOUBLE_EQ(stored.route[1].lat, 21.79);
  EXPECT_EQ(teams_->patrols(officer_, t.id, std::nullopt, std::nullopt).size(), 1u);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'patrol.record'"), 2);
}

TEST_P(TeamsTest, APatrolNeedsMembersInTheTeamThatDayAndNoFuture) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto gone = member("Hoàng Văn Sơn");
  gone.left_on = "2025-11-01";
  auto son = teams_->add_member(officer_, t.id, gone);
  auto hoa = teams_->add_member(officer_, t.id, member("Ma Thị Hoa"));
  const std::string id = "9b2e7a3c-1d4f-4e8a-b6c5-2f1e0d9c8b7a";
  EXPECT_EQ(errors_of([&] {
              teams_->record_patrol(officer_, id, patrol(t.id, {son.id, hoa.id}));
            }),
            "member_ids:not_in_team");
  EXPECT_EQ(errors_of([&] { teams_->record_patrol(officer_, id, patrol(t.id, {hoa.id}, "2025-12-02")); }),
            "patrol_on:in_future");
  EXPECT_EQ(errors_of([&] { teams_->record_patrol(officer_, id, patrol(t.id, {hoa.id}, "2024-06-30")); }),
            "patrol_on:before_founded");
  auto one_point = patrol(t.id, {hoa.id});
  one_point.route = {{105.43, 21.78}};
  EXPECT_EQ(errors_of([&] { teams_->record_patrol(officer_, id, one_point); }), "route:too_few_points");
  EXPECT_THROW(teams_->record_patrol(officer_, "not-a-uuid", patrol(t.id, {hoa.id})), Error);
  EXPECT_EQ(count("SELECT count(*) FROM security_patrols"), 0);
  EXPECT_EQ(teams_->record_patrol(officer_, id, patrol(t.id, {son.id}, "2025-10-31")).outcome, Outcome::inserted)
      << "still in the team the day before leaving";
}

TEST_P(TeamsTest, AGradingThatBreaksTheQuotaIsADraftUntilOneGradeIsLowered) {
  // 01/12/2025: the window of 2025 (01/11/2025–31/01/2026) is open; the year ran from
  // 15/11/2024 to 14/11/2025.
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  std::vector<TeamMember> m;
  const char* names[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà"};
  for (const char* name : names)
    m.push_back(teams_->add_member(officer_, t.id, member(std::string("Nguyễn Văn ") + name)));
  auto late = teams_->add_member(officer_, t.id, member("Lý Thị Muộn", "member", "2025-03-01"));
  auto sheet = teams_->grading(officer_, tan_trao_.id, 0);
  EXPECT_EQ(sheet.year, 2025);
  EXPECT_TRUE(sheet.window_open);
  EXPECT_EQ(sheet.ungraded, 6);
  ASSERT_EQ(sheet.members.size(), 7u);
  EXPECT_EQ(errors_of([&] { teams_->set_grade(officer_, late.id, 2025, "good", ""); }), "grade:not_eligible");
  for (int i = 0; i < 6; ++i) sheet = teams_->set_grade(officer_, m[i].id, 2025, i < 2 ? "excellent" : "good", "");
  EXPECT_FALSE(sheet.quota_ok) << "a draft may break the quota";
  EXPECT_EQ(sheet.max_excellent, 1);
  try {
    teams_->finalise(officer_, tan_trao_.id, 2025, sheet.version);
    ADD_FAILURE() << "the quota was broken";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].code, "quota_exceeded");
    EXPECT_EQ(e.fields()[0].value_hint, "2 xuất sắc; tối đa 1 = 20% của 6 người hoàn thành tốt trở lên");
  }
  EXPECT_EQ(teams_->grading(reviewer_, tan_trao_.id, 2025).status, "draft") << "nothing written";
  sheet = teams_->set_grade(officer_, m[1].id, 2025, "good", "");
  auto final = teams_->finalise(officer_, tan_trao_.id, 2025, sheet.version);
  EXPECT_EQ(final.status, "final");
  EXPECT_THROW(teams_->set_grade(officer_, m[0].id, 2025, "good", ""), Error) << "a final year is read only";
  EXPECT_EQ(errors_of([&] { teams_->reopen(officer_, tan_trao_.id, 2025, "", final.version); }), "reason:required");
  auto reopened = teams_->reopen(officer_, tan_trao_.id, 2025, "Bổ sung thành tích của anh Cường", final.version);
  EXPECT_EQ(reopened.status, "draft");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'team_grading.reopen'"), 1);
  EXPECT_THROW(teams_->set_grade(team_member_, m[0].id, 2025, "good", ""), Error) << "officers grade";
  EXPECT_THROW(teams_->grading(team_member_, tan_trao_.id, 2025), Error);
  clock_.advance(62 * kDay);  // 01/02/2026: the window has closed
  EXPECT_EQ(errors_of([&] { teams_->set_grade(officer_, m[0].id, 2025, "good", ""); }), "year:outside_window");
}

TEST_P(TeamsTest, AGradeOfAMemberWhoLeftCountsForNothingAndIsCleared) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto son = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn"));
  teams_->add_member(officer_, t.id, member("Ma Thị Hoa"));
  auto sheet = teams_->set_grade(officer_, son.id, 2025, "excellent", "");
  EXPECT_EQ(sheet.excellent, 1);
  auto left = member("Hoàng Văn Sơn");
  left.left_on = "2025-06-30";
  left.version = son.version;
  teams_->update_member(officer_, son.id, left);
  sheet = teams_->grading(officer_, tan_trao_.id, 2025);
  EXPECT_EQ(sheet.excellent, 0) << "no longer eligible: the grade counts for nothing";
  EXPECT_EQ(errors_of([&] { teams_->set_grade(officer_, son.id, 2025, "good", ""); }), "grade:not_eligible");
  sheet = teams_->set_grade(officer_, son.id, 2025, "", "");
  EXPECT_EQ(count("SELECT count(*) FROM team_member_grades"), 0) << "cleared";
  // A team dissolved before the year began is not on the sheet.
  auto old = team({lang_han_.id}, "Tổ cũ");
  old.founded_on = "2023-01-01";
  old.dissolved_on = "2024-06-30";
  auto gone = teams_->create(officer_, old).team;
  auto old_member = member("Người tổ cũ", "member", "2023-01-01");
  old_member.left_on = "2024-06-30";
  teams_->add_member(officer_, gone.id, old_member);
  EXPECT_EQ(teams_->grading(officer_, tan_trao_.id, 2025).members.size(), 2u);
}

TEST_P(TeamsTest, ADissolvedTeamEndsItsMembershipsAndKeepsItsDatesAroundItsRecords) {
  auto in = team({khuon_dien_.id});
  auto t = teams_->create(officer_, in).team;
  auto son = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn", "leader"));
  teams_->record_patrol(officer_, "0b9c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e", patrol(t.id, {son.id}, "2025-11-20"));
  auto later = in;
  later.version = t.version;
  later.founded_on = "2025-01-01";
  EXPECT_EQ(errors_of([&] { teams_->update(officer_, t.id, later); }), "founded_on:after_members");
  auto early = in;
  early.version = t.version;
  early.dissolved_on = "2025-11-20";
  EXPECT_EQ(errors_of([&] { teams_->update(officer_, t.id, early); }), "dissolved_on:before_patrols");
  auto dissolved = in;
  dissolved.version = t.version;
  dissolved.dissolved_on = "2025-11-25";
  teams_->update(officer_, t.id, dissolved);
  auto detail = teams_->get(officer_, t.id);
  ASSERT_EQ(detail.members.size(), 1u);
  EXPECT_EQ(detail.members[0].left_on, "2025-11-25") << "the dissolution ended the membership";
  EXPECT_EQ(detail.view.members, 0);
  EXPECT_EQ(errors_of([&] {
              teams_->record_patrol(officer_, "1c0d8e7f-6a5b-4c4d-9e3f-2a1b0c9d8e7f",
                                    patrol(t.id, {son.id}, "2025-11-25"));
            }),
            "patrol_on:after_dissolved");
  EXPECT_EQ(errors_of([&] { teams_->add_member(officer_, t.id, member("Người mới", "member", "2025-11-26")); }),
            "joined_on:after_dissolved left_on:required");
  // The same person may now join another team, from the day theirs was dissolved.
  auto other = teams_->create(officer_, team({lang_han_.id}, "Tổ bảo vệ ANTT thôn Làng Hản")).team;
  EXPECT_NO_THROW(teams_->add_member(officer_, other.id, member("Hoàng Văn Sơn", "member", "2025-11-25")));
}

TEST_P(TeamsTest, AMemberIsAnAdultAndTheirDatesKeepTheirPatrols) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto young = member("Nông Văn Trẻ", "member", "2025-01-10");
  young.birth_date = "2007-01-11";
  EXPECT_EQ(errors_of([&] { teams_->add_member(officer_, t.id, young); }), "birth_date:under_18");
  young.birth_date = "2007-01-10";
  auto tre = teams_->add_member(officer_, t.id, young);
  EXPECT_EQ(tre.birth_year, 2007);
  teams_->record_patrol(officer_, "2d1e9f8a-7b6c-4d5e-8f4a-3b2c1d0e9f8a", patrol(t.id, {tre.id}, "2025-06-01"));
  auto left = young;
  left.version = tre.version;
  left.left_on = "2025-06-01";
  EXPECT_EQ(errors_of([&] { teams_->update_member(officer_, tre.id, left); }), "left_on:has_patrols");
  auto joined = young;
  joined.version = tre.version;
  joined.joined_on = "2025-06-02";
  EXPECT_EQ(errors_of([&] { teams_->update_member(officer_, tre.id, joined); }), "joined_on:has_patrols");
  left.left_on = "2025-06-02";
  EXPECT_NO_THROW(teams_->update_member(officer_, tre.id, left));
  EXPECT_EQ(teams_->get(team_member_, t.id).members[0].birth_date, "") << "a team member reads the year only";
  EXPECT_EQ(teams_->get(officer_, t.id).members[0].birth_date, "2007-01-10");
  EXPECT_EQ(errors_of([&] { teams_->patrols(officer_, t.id, std::string("2024-01-01"), std::string("2025-11-30")); }),
            "from:range_too_long");
}

TEST_P(TeamsTest, AFinalGradingDoesNotChangeUnderAMemberAndADraftMovesItsVersion) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto son = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn"));
  auto sheet = teams_->set_grade(officer_, son.id, 2025, "good", "");
  auto hoa = teams_->add_member(officer_, t.id, member("Ma Thị Hoa"));
  EXPECT_THROW(teams_->finalise(officer_, tan_trao_.id, 2025, sheet.version), Error)
      << "a member added since the sheet was read";
  sheet = teams_->set_grade(officer_, hoa.id, 2025, "complete", "");
  auto final = teams_->finalise(officer_, tan_trao_.id, 2025, sheet.version);
  auto gone = member("Hoàng Văn Sơn");
  gone.version = son.version;
  gone.left_on = "2025-06-30";
  EXPECT_EQ(errors_of([&] { teams_->update_member(officer_, son.id, gone); }), "grading:grading_final");
  EXPECT_EQ(teams_->get(officer_, t.id).members[0].left_on, std::nullopt) << "nothing written";
  auto noted = member("Hoàng Văn Sơn");
  noted.version = son.version;
  noted.note = "Đã chuyển công tác";
  EXPECT_NO_THROW(teams_->update_member(officer_, son.id, noted)) << "a change the sheet does not see";
  EXPECT_EQ(teams_->grading(officer_, tan_trao_.id, 2025).status, "final");
  EXPECT_EQ(final.excellent + final.good + final.complete, 2);
}

TEST_P(TeamsTest, APatrolSentAgainIsAReplayEvenWhenItsContextChanged) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  auto son = teams_->add_member(officer_, t.id, member("Hoàng Văn Sơn"));
  const std::string id = "4e3f1a0b-9c8d-4e7f-a6b5-5d4e3f2a1b0c";
  auto sent = patrol(t.id, {son.id}, "2025-11-28");
  sent.route = {{95.0, 10.0}, {95.01, 10.01}};  // outside Vietnam, confirmed then
  sent.confirm_route = true;
  teams_->record_patrol(team_member_, id, sent);
  sent.confirm_route = false;  // the phone's outbox sends the record again, without the flag
  EXPECT_EQ(teams_->record_patrol(team_member_, id, sent).outcome, Outcome::replayed);
}

TEST_P(TeamsTest, AMeetingSentTwiceIsStoredOnceAndLiesInTheTeamsLife) {
  auto t = teams_->create(officer_, team({khuon_dien_.id})).team;
  const std::string id = "5f4e2b1c-0d9e-4f8a-b7c6-6e5f4a3b2c1d";
  MeetingInput in;
  in.team_id = t.id;
  in.held_on = "2025-11-30";
  in.attendees = 6;
  in.content = "Phân công tuần tra dịp cuối năm";
  EXPECT_EQ(teams_->record_meeting(team_member_, id, in).outcome, Outcome::inserted);
  EXPECT_EQ(teams_->record_meeting(team_member_, id, in).outcome, Outcome::replayed);
  in.base_version = 1;
  in.attendees = 7;
  auto updated = teams_->record_meeting(officer_, id, in);
  EXPECT_EQ(updated.outcome, Outcome::updated);
  EXPECT_EQ(updated.record.version, 2);
  EXPECT_EQ(teams_->record_meeting(officer_, id, in).outcome, Outcome::replayed) << "the same content again";
  in.attendees = 8;
  EXPECT_THROW(teams_->record_meeting(officer_, id, in), Error) << "other content on a stale base version";
  in.attendees = 7;
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'meeting.record'"), 2);
  auto bad = in;
  bad.base_version = 0;
  bad.held_on = "2024-06-30";
  bad.attendees = 0;
  bad.content = " ";
  EXPECT_EQ(errors_of([&] { teams_->record_meeting(officer_, "6a5f3c2d-1e0f-4a9b-8c7d-7f6a5b4c3d2e", bad); }),
            "attendees:out_of_range content:required");
  bad.attendees = 5;
  bad.content = "Họp";
  EXPECT_EQ(errors_of([&] { teams_->record_meeting(officer_, "6a5f3c2d-1e0f-4a9b-8c7d-7f6a5b4c3d2e", bad); }),
            "held_on:before_founded");
  auto dissolved = team({khuon_dien_.id});
  dissolved.version = t.version;
  dissolved.dissolved_on = "2025-11-30";
  EXPECT_EQ(errors_of([&] { teams_->update(officer_, t.id, dissolved); }), "dissolved_on:before_patrols")
      << "a meeting is one of the team's records";
  ASSERT_EQ(teams_->meetings(reviewer_, t.id, std::nullopt, std::nullopt).size(), 1u);
  EXPECT_EQ(teams_->meeting(reviewer_, id).attendees, 7);
  EXPECT_THROW(teams_->record_meeting(reviewer_, id, in), Error) << "reviewers read";
}

INSTANTIATE_TEST_SUITE_P(Backends, TeamsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
