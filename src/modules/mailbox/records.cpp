// The record of receiving information about a crime (biên bản tiếp nhận nguồn tin về tội
// phạm, Circular 119/2021/TT-BCA form 01) for a tip, as .docx (part of mailbox::Service).
#include <boost/json.hpp>

#include "modules/mailbox/documents.hpp"
#include "modules/mailbox/internal.hpp"
#include "modules/mailbox/repo.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/error.hpp"
#include "platform/office/docx.hpp"

namespace antq::mailbox {
namespace {

std::string channel_text(Channel c) {
  switch (c) {
    case Channel::web:
      return "hòm thư điện tử (antq)";
    case Channel::in_person:
      return "trực tiếp tại trụ sở";
    case Channel::phone:
      return "điện thoại";
    case Channel::post:
      return "đường bưu chính";
    case Channel::vneid:
      return "ứng dụng VNeID";
    case Channel::transfer:
      return "đơn vị khác chuyển đến";
    case Channel::box:
      return "hòm thư góp ý và tố giác tội phạm";
  }
  return "";
}

std::string source_text(IdentityMode mode) {
  switch (mode) {
    case IdentityMode::anonymous:
      return "Người cung cấp không nêu danh tính (ẩn danh).";
    case IdentityMode::confidential:
      return "Người cung cấp yêu cầu giữ bí mật danh tính; thông tin về người cung cấp được quản lý riêng "
             "theo Điều 484 Bộ luật Tố tụng hình sự.";
    case IdentityMode::open:
      return "Người cung cấp nêu danh tính; thông tin về người cung cấp được quản lý riêng trong hồ sơ.";
  }
  return "";
}

}  // namespace

std::string Service::receipt_record_docx(const Actor& actor, const std::string& user_secret, std::int64_t id) const {
  auto tip = get(actor, user_secret, id);
  if (!tip.readable) throw Error::forbidden("the officer holds no key of this commune");
  if (!has_receipt_record(tip.kind)) throw Error::conflict("a receipt record is made for crime information only");
  std::string out;
  db_.read([&](db::Tx& tx) {
    auto commune = units_.find(tx, tip.unit_id).value();
    auto officer = repo::user_full_name(tx, actor.user_id);
    office::Document doc(units::commune_head(tx, units_, commune, units::Issuer::police, "", clock_.now(), "BIÊN BẢN",
                                             "Tiếp nhận nguồn tin về tội phạm"));
    doc.paragraph("Hồi " + spoken_time(tip.received_at) + ", tại trụ sở Công an " + commune.designation + " " +
                  commune.name + ".");
    doc.labelled("Người tiếp nhận", officer + " - cán bộ Công an " + commune.designation + " " + commune.name);
    doc.labelled("Hình thức tiếp nhận", channel_text(tip.channel));
    doc.labelled("Loại nguồn tin", tip.kind == Kind::denunciation ? "Tố giác về tội phạm" : "Tin báo về tội phạm");
    doc.labelled("Người cung cấp", source_text(tip.identity_mode));
    doc.labelled("Số vào sổ", "Tin số " + std::to_string(tip.id));
    doc.heading("Nội dung nguồn tin:");
    doc.paragraph(tip.description);
    if (!tip.when.empty()) doc.labelled("Thời gian xảy ra", tip.when);
    if (!tip.where.empty()) doc.labelled("Địa điểm", tip.where);
    std::string files;
    for (const auto& f : tip.files) files += (files.empty() ? "" : "; ") + f.name;
    doc.labelled("Tài liệu, đồ vật kèm theo", files.empty() ? "Không có" : files);
    doc.paragraph("Biên bản được lập thành hai bản, đã đọc lại, những người có mặt nhất trí và cùng ký tên dưới đây.");
    std::vector<office::Signer> signers;
    bool present = tip.channel == Channel::in_person && tip.identity_mode != IdentityMode::anonymous;
    if (present) signers.push_back(office::Signer{"NGƯỜI CUNG CẤP THÔNG TIN", ""});
    signers.push_back(office::Signer{"NGƯỜI TIẾP NHẬN", officer});
    doc.signatures(signers);
    out = doc.docx();
  });
  db_.write([&](db::Tx& tx) { audit_.record(tx, actor, "tip.receipt_record", "tip", std::to_string(id)); });
  return out;
}

}  // namespace antq::mailbox
