#include "app/demo.hpp"

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

// Kim Quan, Trung Yên and the old Tân Trào (Yên Sơn district) before 1/7/2025. Khuôn Điển
// and Làng Hản are Kim Quan's real villages; the others are invented and flagged demo.
const std::vector<UnitSpec>& before_merge() {
  static const std::vector<UnitSpec> specs{
      {"VN", "Việt Nam", "country", "", "", "", false, ""},
      {"08", "Tuyên Quang", "province", "tỉnh", "VN", "", false, ""},
      {"DEMO-YENSON", "Yên Sơn", "district", "huyện", "08", "", false, kIllustrative},
      {"DEMO-KIMQUAN", "Kim Quan", "commune", "xã", "DEMO-YENSON", "", false, kIllustrative},
      {"DEMO-TRUNGYEN", "Trung Yên", "commune", "xã", "DEMO-YENSON", "", false, kIllustrative},
      {"DEMO-TANTRAO-CU", "Tân Trào", "commune", "xã", "DEMO-YENSON", "", false, kIllustrative},
      {"DEMO-KQ-KHUONDIEN", "Khuôn Điển", "residential_area", "thôn", "DEMO-KIMQUAN", "", false, kIllustrative},
      {"DEMO-KQ-LANGHAN", "Làng Hản", "residential_area", "thôn", "DEMO-KIMQUAN", "", false, kIllustrative},
      {"DEMO-KQ-DONGVAI", "Đồng Vải (minh họa)", "residential_area", "thôn", "DEMO-KIMQUAN", "", true, ""},
      {"DEMO-TY-BANCHAN", "Bản Chăn (minh họa)", "residential_area", "thôn", "DEMO-TRUNGYEN", "", true, ""},
      {"DEMO-TT-TANLAP", "Tân Lập (minh họa)", "residential_area", "thôn", "DEMO-TANTRAO-CU", "", true, ""},
      {"DEMO-TANTRAO", "Tân Trào", "commune", "xã", "08", "2025-07-01", false, kIllustrative},
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
  std::string role_label;
};

const std::vector<UserSpec>& users() {
  static const std::vector<UserSpec> specs{
      {"admin", "Quản trị hệ thống", "admin", "VN", "Quản trị viên"},
      {"officer.tantrao", "Nguyễn Văn Hùng (minh họa)", "officer", "DEMO-TANTRAO", "Cán bộ Công an xã"},
      {"team.khuondien", "Hoàng Thị Lan (minh họa)", "team_member", "DEMO-KQ-KHUONDIEN", "Thành viên Tổ bảo vệ ANTT"},
      {"reviewer.tuyenquang", "Đặng Minh Tuấn (minh họa)", "reviewer", "08", "Cán bộ thẩm định cấp tỉnh"},
      {"auditor", "Phạm Thu Hà (minh họa)", "auditor", "VN", "Kiểm toán viên"},
      {"officer.kienthiet", "Lê Quang Vinh (minh họa)", "officer", "DEMO-KIENTHIET", "Cán bộ Công an xã"},
  };
  return specs;
}

std::int64_t id_of(Context& ctx, const std::string& code) {
  auto unit = ctx.units->find_by_code(code);
  if (!unit) throw std::logic_error("demo unit missing: " + code);
  return unit->id;
}

}  // namespace

std::optional<std::string> load_demo(Context& ctx, const std::string& password) {
  Actor system = system_actor();
  units::ListFilter everything;
  everything.include_history = true;
  if (ctx.units->list(system, everything).total > 0) return std::nullopt;
  for (const auto& s : before_merge()) {
    units::NewUnit in{s.code, s.name, s.kind, s.designation, std::nullopt, std::nullopt, false, s.note, s.demo};
    if (!s.parent_code.empty()) in.parent_id = id_of(ctx, s.parent_code);
    if (!s.valid_from.empty()) in.valid_from = s.valid_from;
    ctx.units->create(system, in);
  }
  // 1/7/2025: Kim Quan, Trung Yên and the old Tân Trào become the new xã Tân Trào
  // (Nghị quyết 1684/NQ-UBTVQH15, item 34); Yên Sơn district ceases to exist.
  units::Merge merge{{id_of(ctx, "DEMO-KIMQUAN"), id_of(ctx, "DEMO-TRUNGYEN"), id_of(ctx, "DEMO-TANTRAO-CU")},
                     id_of(ctx, "DEMO-TANTRAO"),
                     "2025-07-01",
                     "Nghị quyết 1684/NQ-UBTVQH15 (mục 34)"};
  ctx.units->merge(system, merge);
  units::UnitPatch end_district;
  end_district.valid_to = "2025-06-30";
  ctx.units->update(system, id_of(ctx, "DEMO-YENSON"), end_district);
  units::UnitPatch remote;
  remote.remote = true;
  ctx.units->update(system, id_of(ctx, "DEMO-KIENTHIET"), remote);
  for (const auto& u : users()) {
    accounts::NewUser in{u.username, u.full_name, u.role, id_of(ctx, u.unit_code), password, "vi"};
    ctx.accounts->create(system, in);
  }
  // Tân Trào opens its mailbox; its officer signs in once (which makes his own key pair)
  // and receives the commune's key.
  auto recovery = ctx.keys->init(system, id_of(ctx, "DEMO-TANTRAO"));
  auto officer = ctx.accounts->login(accounts::Credentials{"officer.tantrao", password, std::nullopt, "demo"});
  ctx.accounts->logout(officer.token);
  ctx.keys->grant_with_recovery(system, id_of(ctx, "DEMO-TANTRAO"), recovery, officer.user.id);
  spdlog::info("demo data loaded: {} units, {} users", before_merge().size(), users().size());
  return recovery;
}

std::vector<DemoAccount> demo_accounts() {
  std::vector<DemoAccount> out;
  for (const auto& u : users()) {
    std::string unit;
    for (const auto& s : before_merge()) {
      if (s.code == u.unit_code) unit = s.name;
    }
    out.push_back(DemoAccount{u.username, u.role_label, unit});
  }
  return out;
}

}  // namespace antq::app
