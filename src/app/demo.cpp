#include "app/demo.hpp"

#include <map>

#include "modules/community/rules.hpp"
#include "modules/units/official.hpp"
#include "platform/embedded.hpp"
#include "platform/log/log.hpp"

namespace antq::app {
namespace {

constexpr const char* kIllustrative = "Mã minh họa (demo), không phải mã chính thức.";

struct UnitSpec {
  std::string code;
  std::string name;
  std::string kind;
  std::string designation;
  std::string parent_code;
  std::string valid_from;
  bool demo;
  std::string note;
};

// Before 1/7/2025: Yên Sơn district with Kim Quan, Trung Yên and the old Tân Trào, under
// the codes the official import gives pre-reform units, so that the import finds them
// and merges them into the new xã Tân Trào (02545) with their villages. Khuôn Điển and
// Làng Hản are Kim Quan's real villages; the other villages are invented and flagged demo.
const std::vector<UnitSpec>& before_merge() {
  static const std::vector<UnitSpec> specs{
      {"VN", "Việt Nam", "country", "", "", "", false, ""},
      {"08", "Tuyên Quang", "province", "tỉnh", "VN", "", false, ""},
      {"08-H-YEN-SON", "Yên Sơn", "district", "huyện", "08", "", false, ""},
      {"08-X-KIM-QUAN", "Kim Quan", "commune", "xã", "08-H-YEN-SON", "", false, ""},
      {"08-X-TRUNG-YEN", "Trung Yên", "commune", "xã", "08-H-YEN-SON", "", false, ""},
      {"08-X-TAN-TRAO", "Tân Trào", "commune", "xã", "08-H-YEN-SON", "", false, ""},
      {"DEMO-KQ-KHUONDIEN", "Khuôn Điển", "residential_area", "thôn", "08-X-KIM-QUAN", "", false, kIllustrative},
      {"DEMO-KQ-LANGHAN", "Làng Hản", "residential_area", "thôn", "08-X-KIM-QUAN", "", false, kIllustrative},
      {"DEMO-KQ-DONGVAI", "Đồng Vải (minh họa)", "residential_area", "thôn", "08-X-KIM-QUAN", "", true, ""},
      {"DEMO-TY-BANCHAN", "Bản Chăn (minh họa)", "residential_area", "thôn", "08-X-TRUNG-YEN", "", true, ""},
      {"DEMO-TT-TANLAP", "Tân Lập (minh họa)", "residential_area", "thôn", "08-X-TAN-TRAO", "", true, ""},
  };
  return specs;
}

// After the import: the second demo commune, invented and flagged demo, with its units.
const std::vector<UnitSpec>& after_merge() {
  static const std::vector<UnitSpec> specs{
      {"DEMO-KIENTHIET", "Kiến Thiết (minh họa)", "commune", "xã", "08", "2025-07-01", true, ""},
      {"DEMO-KT-KHUONHAU", "Khuôn Hấu (minh họa)", "residential_area", "thôn", "DEMO-KIENTHIET", "", true, ""},
      {"DEMO-KT-TRUONGA", "Trường Tiểu học Kiến Thiết (minh họa)", "school", "trường", "DEMO-KIENTHIET", "", true, ""},
  };
  return specs;
}

struct UserSpec {
  std::string username;
  std::string full_name;
  std::string role;
  std::string unit_code;
  std::string unit_name;  // as the demo banner shows it
  std::string role_label;
};

const std::vector<UserSpec>& users() {
  static const std::vector<UserSpec> specs{
      {"admin", "Quản trị hệ thống", "admin", "VN", "Việt Nam", "Quản trị viên"},
      {"officer.tantrao", "Nguyễn Văn Hùng (minh họa)", "officer", "02545", "Tân Trào", "Cán bộ Công an xã"},
      {"team.khuondien", "Hoàng Thị Lan (minh họa)", "team_member", "DEMO-KQ-KHUONDIEN", "Khuôn Điển",
       "Thành viên Tổ bảo vệ ANTT"},
      {"reviewer.tuyenquang", "Đặng Minh Tuấn (minh họa)", "reviewer", "08", "Tuyên Quang",
       "Cán bộ thẩm định cấp tỉnh"},
      {"auditor", "Phạm Thu Hà (minh họa)", "auditor", "VN", "Việt Nam", "Kiểm toán viên"},
      {"officer.kienthiet", "Lê Quang Vinh (minh họa)", "officer", "DEMO-KIENTHIET", "Kiến Thiết (minh họa)",
       "Cán bộ Công an xã"},
  };
  return specs;
}

std::int64_t id_of(Context& ctx, const std::string& code) {
  auto unit = ctx.units->find_by_code(code);
  if (!unit) throw std::logic_error("demo unit missing: " + code);
  return unit->id;
}

void create_units(Context& ctx, const std::vector<UnitSpec>& specs) {
  for (const auto& s : specs) {
    units::NewUnit in{s.code, s.name, s.kind, s.designation, std::nullopt, std::nullopt, false, s.note, s.demo};
    if (!s.parent_code.empty()) in.parent_id = id_of(ctx, s.parent_code);
    if (!s.valid_from.empty()) in.valid_from = s.valid_from;
    ctx.units->create(system_actor(), in);
  }
}

// Tuyên Quang's rows of the official list, as compiled in.
units::official::List demo_list() {
  std::map<std::string_view, std::string_view> files;
  for (const auto& f : embedded::demo_units()) files[f.name] = f.content;
  auto list =
      units::official::read(files.at("units.csv"), files.at("formed-from.csv"), files.at("provinces-formed-from.csv"));
  units::official::apply_basis(list, files.at("basis.csv"));
  return list;
}

// Tân Trào's cameras (refdata/demo, all "(minh họa)"), and a past for one of them: the
// market camera was faulty from 10 to 5 days ago, so "was it working then?" says no.
void load_cameras(Context& ctx, std::int64_t tan_trao) {
  Actor system = system_actor();
  cameras::ImportOptions options;
  options.unit_id = tan_trao;
  options.demo = true;
  for (const auto& f : embedded::demo_records()) {
    if (f.name == "cameras-tan-trao.csv") ctx.cameras->import_sheet(system, f.content, options);
    if (f.name == "roads-tan-trao.geojson")
      ctx.cameras->import_roads(system, tan_trao, f.content, {false, std::string(f.name)});
  }
  constexpr time::Millis kDay = 24LL * 3600 * 1000;
  cameras::ListFilter market;
  market.q = "02545-CAM-0005";
  for (const auto& c : ctx.cameras->list(system, market).items) {
    auto now = ctx.clock.now();
    ctx.cameras->change_status(system, c.camera.id, {"faulty", now - 10 * kDay, "Mất nguồn (minh họa)"});
    ctx.cameras->change_status(system, c.camera.id, {"working", now - 5 * kDay, "Đã thay bộ nguồn (minh họa)"});
  }
}

// Tân Trào's households (refdata/demo, all "(minh họa)"), registered in the current
// registration year on its first day (the sheet's {ngay_dang_ky}), each with its consent
// (to its phone and to fire-safety group membership) the same day ({ngay_dong_y}):
// Khuôn Điển has 38 of its 40 registered.
void load_households(Context& ctx, std::int64_t tan_trao) {
  auto today = time::local_date(ctx.clock.now());
  auto first_day = community::rules::registration_year(community::rules::registration_year_of(today)).from;
  auto dmy = first_day.substr(8, 2) + "/" + first_day.substr(5, 2) + "/" + first_day.substr(0, 4);
  community::HouseholdImportOptions options;
  options.unit_id = tan_trao;
  options.demo = true;
  for (const auto& f : embedded::demo_records()) {
    if (f.name != "households-tan-trao.csv") continue;
    std::string sheet(f.content);
    for (const std::string placeholder : {"{ngay_dang_ky}", "{ngay_dong_y}"}) {
      for (auto at = sheet.find(placeholder); at != std::string::npos; at = sheet.find(placeholder, at)) {
        sheet.replace(at, placeholder.size(), dmy);
      }
    }
    ctx.households->import_sheet(system_actor(), sheet, options);
  }
}

// Khuôn Điển's security team (all "(minh họa)"): founded on 01/07/2024, a leader, a
// deputy and four members, and two night patrols of the last week.
void load_team(Context& ctx) {
  Actor system = system_actor();
  community::TeamInput team;
  team.village_ids = {id_of(ctx, "DEMO-KQ-KHUONDIEN")};
  team.name = "Tổ bảo vệ ANTT thôn Khuôn Điển (minh họa)";
  team.decision_number = "15/QĐ-UBND";
  team.decision_on = "2024-07-01";
  team.decision_signer = "Nguyễn Văn Bình (minh họa)";
  team.founded_on = "2024-07-01";
  team.demo = true;
  auto t = ctx.teams->create(system, team).team;
  struct Person {
    const char* name;
    const char* born;
    const char* position;
  };
  std::vector<std::int64_t> members;
  for (const auto& p : {Person{"Hoàng Văn Sơn (minh họa)", "1975-03-08", "leader"},
                        Person{"Ma Thị Hoa (minh họa)", "1982-09-21", "deputy"},
                        Person{"Nông Văn Tài (minh họa)", "1990-01-15", "member"},
                        Person{"Triệu Văn Minh (minh họa)", "1988-06-30", "member"},
                        Person{"Lý Thị Dung (minh họa)", "1993-11-02", "member"},
                        Person{"Hà Văn Quý (minh họa)", "1979-04-17", "member"}}) {
    community::MemberInput m;
    m.full_name = p.name;
    m.birth_date = p.born;
    m.position = p.position;
    m.residence = "Thôn Khuôn Điển, xã Tân Trào";
    m.joined_on = "2024-07-01";
    members.push_back(ctx.teams->add_member(system, t.id, m).id);
  }
  auto today = time::local_date(ctx.clock.now());
  struct Round {
    const char* id;
    int days_ago;
    std::vector<std::int64_t> who;
    const char* findings;
  };
  for (const auto& r : {Round{"5d0c6a1e-3b7f-4c2a-9e8d-1f2a3b4c5d6e",
                              6,
                              {members[0], members[2], members[3]},
                              "Tuần tra khu chợ và nhà văn hóa thôn, không phát hiện vụ việc (minh họa)"},
                        Round{"8a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d",
                              2,
                              {members[1], members[4], members[5]},
                              "Nhắc nhở nhóm thanh niên tụ tập sau 23 giờ ở ngã ba (minh họa)"}}) {
    community::PatrolInput in;
    in.team_id = t.id;
    in.patrol_on = community::rules::add_days(today, -r.days_ago);
    in.shift = "night";
    in.member_ids = r.who;
    in.findings = r.findings;
    ctx.teams->record_patrol(system, r.id, in);
  }
}

// Two self-management model sites (all "(minh họa)"): Khuôn Điển's "2 quản, 2 tích cực"
// with its board and a team, and the linked site of Tân Trào with Kiến Thiết, which stood
// last year and hands over to Tân Trào this year, with a board, a team on the border, a
// meeting of the last month and last year's assessment.
void load_models(Context& ctx, std::int64_t tan_trao) {
  Actor system = system_actor();
  auto today = time::local_date(ctx.clock.now());
  int year = std::stoi(today.substr(0, 4));
  auto type_of = [&](const std::string& code) {
    for (const auto& t : ctx.models->types(system))
      if (t.code == code) return t.id;
    throw std::runtime_error("no model type " + code);
  };
  auto site = [&](const char* type, std::int64_t unit, const char* name, const char* launched,
                  std::vector<community::SiteUnitInput> participants) {
    community::ModelSiteInput in;
    in.type_id = type_of(type);
    in.unit_id = unit;
    in.name = name;
    in.launched_on = launched;
    in.participants = std::move(participants);
    in.demo = true;
    return ctx.models->create_site(system, in);
  };
  auto staff = [&](const community::ModelSiteDetail& s, std::vector<community::BoardMember> board, const char* team,
                   const char* founded, std::vector<const char*> members) {
    ctx.models->set_board(system, s.site.id, s.site.version, board);
    community::ModelTeamInput t{team, founded, std::nullopt, {}, 0};
    const char* roles[] = {"leader", "deputy"};
    for (std::size_t i = 0; i < members.size(); ++i) {
      t.members.push_back({0, members[i], i < 2 ? roles[i] : "member", founded, std::nullopt});
    }
    ctx.models->add_team(system, s.site.id, t);
  };
  auto village = site("2Q2TC", id_of(ctx, "DEMO-KQ-KHUONDIEN"), "Mô hình 2 quản, 2 tích cực thôn Khuôn Điển (minh họa)",
                      "2024-05-15", {});
  staff(village,
        {{0, "Hoàng Văn Sơn (minh họa)", "Trưởng thôn", "head"},
         {0, "Ma Thị Hoa (minh họa)", "Chi hội trưởng Phụ nữ", "member"},
         {0, "Lý Văn Đức (minh họa)", "Bí thư chi đoàn", "member"}},
        "Tổ tự quản xóm Đồng (minh họa)", "2024-06-01",
        {"Nông Văn Tài (minh họa)", "Triệu Thị Mai (minh họa)", "Hà Văn Khánh (minh họa)"});
  auto kien_thiet = id_of(ctx, "DEMO-KIENTHIET");
  auto linked = site("LKANTT", tan_trao, "Liên kết ANTT Tân Trào – Kiến Thiết (minh họa)", "2024-03-26",
                     {{kien_thiet, "2024-03-26"}});
  staff(linked,
        {{0, "Nguyễn Văn Bình (minh họa)", "Phó Chủ tịch UBND xã Tân Trào", "head"},
         {0, "Đặng Văn Hùng (minh họa)", "Trưởng Công an xã Kiến Thiết", "deputy"}},
        "Tổ tuần tra giáp ranh (minh họa)", "2024-04-01",
        {"Ma Văn Thắng (minh họa)", "Lương Văn Chiến (minh họa)", "Hoàng Thị Nga (minh họa)"});
  ctx.models->set_standing(system, linked.site.id, year - 1, kien_thiet);
  auto standing = ctx.models->set_standing(system, linked.site.id, year, tan_trao);
  ctx.models->assess(system, linked.site.id, year - 1, standing.site.version,
                     {year - 1, "effective", "Phối hợp giải quyết 3 vụ việc giáp ranh (minh họa)",
                      std::to_string(year - 1) + "-12-20"});
  community::ModelActivityInput meeting;
  meeting.site_id = linked.site.id;
  meeting.held_on = community::rules::add_days(today, -20);
  meeting.kind = "meeting";
  meeting.participants = 14;
  meeting.content = "Giao ban liên kết: thống nhất lịch tuần tra chung dịp cuối năm (minh họa)";
  ctx.models->record_activity(system, "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98", meeting);
}

}  // namespace

std::optional<std::string> load_demo(Context& ctx, const std::string& password) {
  Actor system = system_actor();
  units::ListFilter everything;
  everything.include_history = true;
  if (ctx.units->list(system, everything).total > 0) return std::nullopt;
  create_units(ctx, before_merge());
  // 1/7/2025: the official list of Tuyên Quang (its 124 communes and what each was formed
  // from) merges Kim Quan, Trung Yên and the old Tân Trào into the new xã Tân Trào
  // (Nghị quyết 1684/NQ-UBTVQH15); Yên Sơn district ceases to exist.
  auto report = ctx.units->import_official(system, demo_list(), units::official::ImportOptions{"08", false, {}});
  units::UnitPatch end_district;
  end_district.valid_to = "2025-06-30";
  ctx.units->update(system, id_of(ctx, "08-H-YEN-SON"), end_district);
  for (const auto& f : embedded::demo_boundaries()) {
    units::BoundaryImportOptions options;
    options.source = std::string(f.name);
    ctx.boundaries->import_geojson(system, f.content, options);
  }
  create_units(ctx, after_merge());
  units::UnitPatch remote;
  remote.remote = true;
  ctx.units->update(system, id_of(ctx, "DEMO-KIENTHIET"), remote);
  for (const auto& u : users()) {
    accounts::NewUser in{u.username, u.full_name, u.role, id_of(ctx, u.unit_code), password, "vi"};
    ctx.accounts->create(system, in);
  }
  // Tân Trào opens its mailbox; its officer signs in once (which makes his own key pair)
  // and receives the commune's key.
  auto tan_trao = id_of(ctx, "02545");
  auto recovery = ctx.keys->init(system, tan_trao);
  auto officer = ctx.accounts->login(accounts::Credentials{"officer.tantrao", password, std::nullopt, "demo"});
  ctx.accounts->logout(officer.token);
  ctx.keys->grant_with_recovery(system, tan_trao, recovery, officer.user.id);
  load_cameras(ctx, tan_trao);
  load_households(ctx, tan_trao);
  load_team(ctx);
  load_models(ctx, tan_trao);
  spdlog::info("demo data loaded: {} units of the official list, {} demo units, {} users",
               report.created + report.merged, before_merge().size() + after_merge().size(), users().size());
  return recovery;
}

std::vector<DemoAccount> demo_accounts() {
  std::vector<DemoAccount> out;
  for (const auto& u : users()) out.push_back(DemoAccount{u.username, u.role_label, u.unit_name});
  return out;
}

}  // namespace antq::app
