// A security team's public member list (danh sách thành viên Tổ bảo vệ ANTT), as the
// commune's People's Committee issues it with the team's founding decision: Decree 30's
// layout, the members in the team today, a phone only where the member agreed.
#include <fmt/format.h>

#include "modules/community/internal.hpp"
#include "modules/community/teams.hpp"
#include "modules/community/teams_repo.hpp"
#include "modules/units/documents.hpp"
#include "platform/office/dates.hpp"
#include "platform/text/phone.hpp"

namespace antq::community {
namespace {

std::string position_label(const std::string& position) {
  if (position == "leader") return "Tổ trưởng";
  if (position == "deputy") return "Tổ phó";
  return "Tổ viên";
}

// "(Kèm theo Quyết định số 15/QĐ-UBND ngày 01/7/2024 của Chủ tịch UBND xã Tân Trào)"
std::string annex_line(const SecurityTeam& t, const units::Unit& commune) {
  std::string decision = t.decision_number.empty() ? "số ...../QĐ-UBND" : "số " + t.decision_number;
  std::string day = t.decision_on ? " " + office::decree_date(*t.decision_on) : "";
  std::string designation = commune.designation.empty() ? "" : commune.designation + " ";
  return fmt::format("(Kèm theo Quyết định {}{} của Chủ tịch UBND {}{})", decision, day, designation, commune.name);
}

}  // namespace

std::string Teams::member_list_docx(const Actor& actor, std::int64_t team_id) const {
  std::string out;
  std::int64_t listed = 0;
  db_.read([&](db::Tx& tx) {
    auto team = load(tx, actor, team_id);
    const auto& t = team.team;
    auto commune = *units_.find(tx, t.commune_id);
    office::Document doc(units::commune_head(tx, units_, commune, units::Issuer::people_committee, "", clock_.now(),
                                             "DANH SÁCH", "Thành viên " + t.name));
    doc.paragraph(annex_line(t, commune));
    auto day = today();
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : teams_repo::members_of(tx, team_id)) {
      if (m.joined_on > day || (m.left_on && *m.left_on <= day)) continue;
      std::string phone;
      if (m.phone_public) {
        auto stored = teams_repo::member(tx, m.id);
        if (stored && stored->phone_sealed) {
          auto parsed = text::normalise_phone(personal_key_.open(*stored->phone_sealed));
          if (parsed.phone) phone = text::national_phone(*parsed.phone);
        }
      }
      rows.push_back({std::to_string(++listed), m.full_name, m.birth_date.substr(0, 4), position_label(m.position),
                      m.residence, phone, m.note});
    }
    doc.table({"STT", "Họ và tên", "Năm sinh", "Chức danh", "Nơi cư trú", "Số điện thoại", "Ghi chú"}, rows);
    doc.signatures({office::Signer{"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", t.decision_signer}});
    doc.recipients(
        {"- Công an " + commune.designation + " " + commune.name + ";", "- Các thành viên Tổ;", "- Lưu: VT."});
    out = doc.docx();
  });
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "security_team.member_list", "security_team", std::to_string(team_id),
                  boost::json::serialize(boost::json::object{{"members", listed}}));
  });
  return out;
}

}  // namespace antq::community
