// What hangs on a model site, on both databases: the board, teams and their members, the
// activity log by the offline rule, the yearly assessment and the regulation document;
// who keeps and records them, and a site's dates kept around what it recorded.
#include <gtest/gtest.h>

#include <filesystem>

#include "../../support/files.hpp"
#include "models_fixture.hpp"
#include "platform/media/media.hpp"
#include "platform/office/docx.hpp"

namespace antq::community {
namespace {

using testing::errors_of;
using testing::kind_of;

class ModelPartsTest : public ModelsTest {
 protected:
  void SetUp() override {
    ModelsTest::SetUp();
    if (IsSkipped()) return;
    auto in = site("LKANTT", tan_trao_.id, "Liên kết ANTT Tân Trào – Hùng Lợi");
    in.participants = {{hung_loi_.id, "2024-03-26"}};
    linked_ = models_->create_site(officer_, in);
    village_ = models_->create_site(officer_, site("2Q2TC", khuon_dien_.id, "2 quản Khuôn Điển"));
  }

  static ModelTeamMember member(std::string name, std::string role, std::string joined,
                                std::optional<std::string> left = {}) {
    return ModelTeamMember{0, std::move(name), std::move(role), std::move(joined), std::move(left)};
  }

  static ModelActivityInput activity(std::int64_t site, std::string held_on, std::string content) {
    ModelActivityInput in;
    in.site_id = site;
    in.held_on = std::move(held_on);
    in.kind = "meeting";
    in.participants = 12;
    in.content = std::move(content);
    return in;
  }

  ModelSiteDetail linked_, village_;
};

TEST_P(ModelPartsTest, TheBoardHasOneHeadAndMovesTheSitesVersion) {
  std::vector<BoardMember> board{{0, "Nguyễn Văn Hải", "Trưởng Công an xã", "head"},
                                 {0, "Hoàng Thị Lan", "Chủ tịch Hội Phụ nữ", "member"}};
  auto v = models_->set_board(officer_, linked_.site.id, linked_.site.version, board);
  ASSERT_EQ(v.board.size(), 2u);
  EXPECT_EQ(v.board[0].full_name, "Nguyễn Văn Hải");
  EXPECT_EQ(v.board[1].role, "member");
  EXPECT_EQ(v.site.version, linked_.site.version + 1);
  EXPECT_TRUE(v.may_keep);
  EXPECT_TRUE(v.may_record);
  EXPECT_EQ(kind_of([&] { models_->set_board(officer_, linked_.site.id, linked_.site.version, board); }), "conflict");
  board[1].role = "head";
  board.push_back({0, "", "", "chairman"});
  EXPECT_EQ(errors_of([&] { models_->set_board(officer_, linked_.site.id, v.site.version, board); }),
            "members.full_name:required members.role:unknown_value members:two_heads");
  try {
    models_->set_board(officer_, linked_.site.id, v.site.version, board);
    ADD_FAILURE() << "refused";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 3u);
    EXPECT_EQ(e.fields()[0].index, 2) << "a row's error names its row, from 0";
    EXPECT_EQ(e.fields()[1].index, 2);
    EXPECT_FALSE(e.fields()[2].index.has_value()) << "two heads is the list's";
  }
  // Hùng Lợi takes part, reads the board, and does not keep it.
  auto seen = models_->site(other_officer_, linked_.site.id);
  EXPECT_EQ(seen.board.size(), 2u);
  EXPECT_FALSE(seen.may_keep);
  EXPECT_FALSE(seen.may_record);
  auto village = models_->site(team_member_, village_.site.id);
  EXPECT_FALSE(village.may_keep) << "teams read sites";
  EXPECT_TRUE(village.may_record) << "and write in their village's log";
  EXPECT_FALSE(models_->site(admin_, village_.site.id).may_record);
  EXPECT_EQ(kind_of([&] { models_->set_board(other_officer_, linked_.site.id, v.site.version, {}); }), "forbidden");
  EXPECT_EQ(kind_of([&] { models_->set_board(team_member_, village_.site.id, village_.site.version, {}); }),
            "forbidden");
  EXPECT_EQ(count("SELECT count(*) FROM model_site_board"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'model_site.board'"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE detail LIKE '%Nguyễn%'"), 0) << "no names in the audit";
}

TEST_P(ModelPartsTest, TeamsLieInTheSitesLifeAndHaveOneLeaderAtATime) {
  ModelTeamInput team{"Tổ tự quản số 1",
                      "2024-04-01",
                      std::nullopt,
                      {member("Đặng Văn Tú", "leader", "2024-04-01", "2025-01-01"),
                       member("Ma Văn Sơn", "leader", "2025-01-01"), member("Lý Thị Hoa", "member", "2024-04-01")},
                      0};
  auto v = models_->add_team(officer_, village_.site.id, team);
  ASSERT_EQ(v.teams.size(), 1u);
  const auto& made = v.teams[0];
  ASSERT_EQ(made.members.size(), 3u);
  EXPECT_EQ(made.members[0].role, "leader") << "leaders first";
  EXPECT_EQ(made.members[2].full_name, "Lý Thị Hoa");

  auto bad = team;
  bad.founded_on = "2024-03-01";  // the site was launched on 26/3/2024
  bad.ended_on = "2024-02-01";
  bad.members = {member("", "chief", "2024-02-01", "2024-01-01"), member("A", "leader", "2024-05-01"),
                 member("B", "leader", "2024-06-01")};
  EXPECT_EQ(errors_of([&] { models_->add_team(officer_, village_.site.id, bad); }),
            "founded_on:before_launched ended_on:before_founded members.full_name:required members.role:unknown_value "
            "members.joined_on:before_founded members.left_on:before_joined members:two_leaders");
  EXPECT_EQ(count("SELECT count(*) FROM model_teams"), 1);

  // A change needs the team's version; the members list replaces the stored one.
  auto change = team;
  change.members.pop_back();
  change.version = made.version;
  auto changed = models_->update_team(officer_, made.id, change);
  EXPECT_EQ(changed.teams[0].members.size(), 2u);
  EXPECT_EQ(changed.teams[0].version, 2);
  EXPECT_EQ(kind_of([&] { models_->update_team(officer_, made.id, change); }), "conflict") << "stale";
  EXPECT_EQ(kind_of([&] { models_->update_team(other_officer_, made.id, change); }), "not_found")
      << "another commune's";
  EXPECT_EQ(count("SELECT count(*) FROM model_team_members"), 2);

  // The site keeps its teams inside its dates.
  ModelSiteInput later{
      village_.site.type_id, village_.site.unit_id, village_.site.name, "2024-05-01", std::nullopt, "", {}, false,
      village_.site.version};
  EXPECT_EQ(errors_of([&] { models_->update_site(officer_, village_.site.id, later); }), "launched_on:after_records");
  later.launched_on = village_.site.launched_on;
  later.ended_on = "2024-04-01";
  EXPECT_EQ(errors_of([&] { models_->update_site(officer_, village_.site.id, later); }), "ended_on:before_records");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'model_team.%'"), 2);
}

TEST_P(ModelPartsTest, ActivitiesAreStoredOnceAndConflictsAreNotOverwritten) {
  const std::string id = "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e01";
  auto in = activity(village_.site.id, "2025-11-20", "Họp bàn phương án tuần tra dịp Tết");
  auto first = models_->record_activity(team_member_, id, in);
  EXPECT_EQ(first.outcome, Outcome::inserted);
  EXPECT_EQ(models_->record_activity(team_member_, id, in).outcome, Outcome::replayed) << "sent twice";
  auto edit = in;
  edit.content = "Họp bàn phương án tuần tra dịp Tết Nguyên đán";
  edit.base_version = 1;
  EXPECT_EQ(models_->record_activity(officer_, id, edit).outcome, Outcome::updated);
  auto phone = in;
  phone.participants = 15;
  phone.base_version = 1;  // the phone saw version 1; the server has 2
  EXPECT_EQ(kind_of([&] { models_->record_activity(team_member_, id, phone); }), "conflict");
  auto stored = models_->activity(reviewer_, id);
  EXPECT_EQ(stored.content, edit.content) << "the officer's text stays";
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.recorded_by, team_member_.user_id) << "who recorded it first stays";
  EXPECT_EQ(stored.received_at, first.record.received_at);
  EXPECT_EQ(count("SELECT count(*) FROM model_site_activities"), 1);

  auto early = activity(village_.site.id, "2024-01-05", "Trước khi ra mắt");
  EXPECT_EQ(errors_of([&] { models_->record_activity(officer_, "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e02", early); }),
            "held_on:before_launched");
  auto moved = in;
  moved.site_id = linked_.site.id;
  EXPECT_EQ(errors_of([&] { models_->record_activity(officer_, id, moved); }), "site_id:cannot_change");
  auto bad = activity(village_.site.id, "2025-12-02", "");
  bad.kind = "party";
  bad.participants = -1;
  EXPECT_EQ(errors_of([&] { models_->record_activity(officer_, "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e03", bad); }),
            "held_on:in_future kind:unknown_value participants:out_of_range content:required");
  // Hùng Lợi reads the linked site's log but records in it only at its own unit's sites;
  // administrators and reviewers do not record.
  auto log = activity(linked_.site.id, "2025-10-01", "Giao ban liên kết quý III");
  EXPECT_EQ(kind_of([&] { models_->record_activity(other_officer_, "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e04", log); }),
            "forbidden");
  EXPECT_EQ(kind_of([&] { models_->record_activity(admin_, "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e04", log); }),
            "forbidden");
  models_->record_activity(officer_, "5f0c1f8e-8a44-4c39-9a55-0d6c0b7d9e04", log);
  EXPECT_EQ(models_->activities(other_officer_, linked_.site.id, std::nullopt, std::nullopt).size(), 1u);
  EXPECT_EQ(kind_of([&] { models_->activities(team_member_, linked_.site.id, std::nullopt, std::nullopt); }),
            "not_found")
      << "a village team sees its village's sites only";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'model_activity.record'"), 3);
}

TEST_P(ModelPartsTest, OneAssessmentAYearInTheSitesLife) {
  const auto id = village_.site.id;
  Assessment a{0, "effective", "Không phát sinh vụ việc phức tạp", "2025-11-28"};
  auto v = models_->assess(officer_, id, 2025, village_.site.version, a);
  ASSERT_EQ(v.assessments.size(), 1u);
  EXPECT_EQ(v.assessments[0].rating, "effective");
  EXPECT_EQ(v.site.version, village_.site.version + 1) << "an assessment moves the site's version";
  a.rating = "partly_effective";
  a.assessed_on = "2025-01-10";
  v = models_->assess(officer_, id, 2024, v.site.version, a);
  a.rating = "ineffective";
  a.assessed_on = "2025-11-30";
  // Another officer's page, opened before the 2024 assessment, does not overwrite unseen.
  EXPECT_EQ(kind_of([&] { models_->assess(officer_, id, 2025, village_.site.version + 1, a); }), "conflict");
  v = models_->assess(officer_, id, 2025, v.site.version, a);
  ASSERT_EQ(v.assessments.size(), 2u) << "the year's assessment is replaced";
  EXPECT_EQ(v.assessments[0].year, 2025);
  EXPECT_EQ(v.assessments[0].rating, "ineffective");
  EXPECT_EQ(v.assessable_years, (std::vector<int>{2025, 2024})) << "launched in 2024; today is in 2025";
  const auto version = v.site.version;
  EXPECT_EQ(errors_of([&] { models_->assess(officer_, id, 2023, version, a); }), "year:out_of_range");
  EXPECT_EQ(errors_of([&] { models_->assess(officer_, id, 2026, version, a); }), "year:out_of_range");
  Assessment bad{0, "good", "", "2024-12-31"};
  EXPECT_EQ(errors_of([&] { models_->assess(officer_, id, 2025, version, bad); }),
            "rating:unknown_value assessed_on:before_year");
  EXPECT_EQ(kind_of([&] { models_->assess(team_member_, id, 2025, version, a); }), "forbidden");
  // A site launched later would leave its 2024 assessment outside its life.
  ModelSiteInput later{village_.site.type_id,
                       village_.site.unit_id,
                       village_.site.name,
                       "2025-01-15",
                       std::nullopt,
                       "",
                       {},
                       false,
                       version};
  EXPECT_EQ(errors_of([&] { models_->update_site(officer_, id, later); }), "launched_on:assessment_year");
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'model_site.assessment'"), 3);
}

// A team starts before its site ends and its members join before it ends; a site's new end
// keeps its teams' and members' ends; a team entered by mistake is deleted with its members.
TEST_P(ModelPartsTest, TeamsAndMembersEndWithinTheirSite) {
  const auto id = village_.site.id;
  ModelSiteInput ending{village_.site.type_id,
                        village_.site.unit_id,
                        village_.site.name,
                        village_.site.launched_on,
                        "2025-06-01",
                        "",
                        {},
                        false,
                        village_.site.version};
  auto ended = models_->update_site(officer_, id, ending);
  ModelTeamInput late{"Tổ lập sau", "2025-06-01", std::nullopt, {}, 0};
  EXPECT_EQ(errors_of([&] { models_->add_team(officer_, id, late); }), "founded_on:after_site_ended");
  ModelTeamInput team{"Tổ tự quản số 2",
                      "2024-04-01",
                      "2025-01-01",
                      {member("Ma Văn Sơn", "leader", "2025-01-01"), member("Lý Thị Hoa", "member", "2024-05-01")},
                      0};
  EXPECT_EQ(errors_of([&] { models_->add_team(officer_, id, team); }), "members.joined_on:after_ended");
  team.ended_on = "2025-06-01";
  team.members[1].left_on = "2025-06-01";
  auto v = models_->add_team(officer_, id, team);
  ASSERT_EQ(v.teams.size(), 1u);
  ending.version = ended.site.version;
  ending.ended_on = "2025-05-01";  // after every founding and joining, before the team's end
  EXPECT_EQ(errors_of([&] { models_->update_site(officer_, id, ending); }), "ended_on:before_records");

  const auto made = v.teams[0];  // a copy: v is answered anew below
  EXPECT_EQ(kind_of([&] { models_->delete_team(officer_, made.id, made.version + 1); }), "conflict");
  EXPECT_EQ(kind_of([&] { models_->delete_team(other_officer_, made.id, made.version); }), "not_found");
  EXPECT_EQ(kind_of([&] { models_->delete_team(team_member_, made.id, made.version); }), "forbidden");
  v = models_->delete_team(officer_, made.id, made.version);
  EXPECT_TRUE(v.teams.empty());
  EXPECT_EQ(count("SELECT count(*) FROM model_team_members"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'model_team.delete'"), 1);
  EXPECT_EQ(kind_of([&] { models_->delete_team(officer_, made.id, made.version); }), "not_found") << "gone";
  EXPECT_NO_THROW(models_->update_site(officer_, id, ending)) << "nothing holds the old end any more";
}

TEST_P(ModelPartsTest, TheRegulationIsAPdfADocxOrAPhotoWithoutItsMetadata) {
  auto pdf = std::string("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
  auto v = models_->set_regulation(officer_, village_.site.id, pdf, "quy-che.pdf");
  ASSERT_TRUE(v.regulation.has_value());
  EXPECT_EQ(v.regulation->mime, "application/pdf");
  EXPECT_EQ(v.regulation->kind, "regulation");
  office::Document doc(office::DocumentHead{});
  doc.paragraph("Quy chế hoạt động của mô hình");
  v = models_->set_regulation(officer_, village_.site.id, doc.docx(), "quy-che.docx");
  EXPECT_EQ(v.regulation->mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(count("SELECT count(*) FROM community_files WHERE owner_kind = 'model_site'"), 1) << "replaced";
  auto photo = testing::read_file(std::filesystem::path(ANTQ_SOURCE_DIR) / "tests/fixtures/photo-gps.jpg");
  models_->set_regulation(officer_, village_.site.id, photo, "anh-quy-che.jpg");
  auto [file, bytes] = models_->regulation(team_member_, village_.site.id);
  EXPECT_EQ(file.mime, "image/jpeg");
  EXPECT_FALSE(media::has_metadata(bytes)) << "the GPS position is gone";
  EXPECT_EQ(errors_of([&] { models_->set_regulation(officer_, village_.site.id, "MZ\x90\x00 program", "x.exe"); }),
            "file:unsupported_document");
  EXPECT_EQ(errors_of([&] { models_->set_regulation(officer_, village_.site.id, "", "x.pdf"); }), "file:required");
  EXPECT_EQ(errors_of([&] {
              models_->set_regulation(officer_, village_.site.id, std::string(Models::kMaxRegulationBytes + 1, 'a'),
                                      "big.pdf");
            }),
            "file:file_too_large");
  EXPECT_EQ(kind_of([&] { models_->set_regulation(team_member_, village_.site.id, pdf, "quy-che.pdf"); }), "forbidden");
  EXPECT_EQ(kind_of([&] { models_->set_regulation(other_officer_, village_.site.id, "MZ", "x.exe"); }), "not_found")
      << "another commune's site: its scope is checked before the file is looked at";
  EXPECT_EQ(kind_of([&] { models_->regulation(other_officer_, village_.site.id); }), "not_found")
      << "another commune's site";
  EXPECT_EQ(kind_of([&] { models_->regulation(officer_, linked_.site.id); }), "not_found") << "none yet";
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'model_site.regulation'"), 3);
}

// The picker of a linked site's units finds a commune outside the officer's scope: unit
// names are public, so the directory ignores the scope; it never lists units out of force.
TEST_P(ModelPartsTest, TheUnitDirectoryFindsAnotherCommuneWhateverTheScope) {
  units::ListFilter f;
  f.query = "hung loi";
  auto found = units_->directory(f);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].unit.id, hung_loi_.id);
  EXPECT_EQ(found.items[0].within, (std::vector<std::string>{"Tuyên Quang"})) << "where it lies, not the country";
  EXPECT_EQ(units_->list(officer_, f).total, 0) << "the scoped list does not have it";
  f.query = "thon 1";
  found = units_->directory(f);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].within, (std::vector<std::string>{"Hùng Lợi", "Tuyên Quang"}));
  f.query.reset();
  f.kind = "residential_area";
  f.page_size = 500;
  auto villages = units_->directory(f);
  EXPECT_EQ(villages.total, 3) << "Khuôn Điển, Làng Hản and Hùng Lợi's Thôn 1";
  EXPECT_EQ(villages.items.size(), 3u);
  f.kind.reset();
  f.kinds = {"province", "commune"};
  EXPECT_EQ(units_->directory(f).total, 3) << "Tuyên Quang, Tân Trào, Hùng Lợi";
  f.kinds = {"commune", "hamlet-ish"};
  EXPECT_EQ(errors_of([&] { units_->directory(f); }), "kind:unknown_value");
  f.kinds.clear();
  f.kind = "hamlet-ish";
  EXPECT_EQ(errors_of([&] { units_->directory(f); }), "kind:unknown_value");
}

// A linked site's units are communes, villages or bodies; each refused row says which it is.
TEST_P(ModelPartsTest, EachRefusedParticipantNamesItsRow) {
  auto in = site("LKANTT", tan_trao_.id, "Liên kết ANTT ba xã");
  in.participants = {{hung_loi_.id, "2024-03-26"}, {*tan_trao_.parent_id, "2024-03-26"}, {hung_loi_.id, "2024-01-01"}};
  try {
    models_->create_site(officer_, in);
    ADD_FAILURE() << "refused";
  } catch (const Error& e) {
    std::vector<std::string> got;
    for (const auto& f : e.fields()) got.push_back(f.field + ":" + f.code + "@" + std::to_string(f.index.value_or(-1)));
    EXPECT_EQ(got, (std::vector<std::string>{"participants:not_site_unit@1", "participants:duplicate@2",
                                             "participants.joined_on:before_launched@2"}));
  }
  EXPECT_EQ(count("SELECT count(*) FROM model_sites"), 2) << "the fixture's two only";
}

INSTANTIATE_TEST_SUITE_P(Backends, ModelPartsTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         [](const auto& info) { return info.param == db::Dialect::sqlite ? "SQLite" : "PostgreSQL"; });

}  // namespace
}  // namespace antq::community
