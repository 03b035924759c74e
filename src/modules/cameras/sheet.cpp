// The camera sheet officers keep in Excel: its columns, the one list the import reads and
// the export writes (so that an export imports back unchanged), and the sheet's phone rule.
#include <algorithm>

#include "modules/cameras/internal.hpp"

namespace antq::cameras::internal {
namespace {

constexpr office::CellKind kText = office::CellKind::text;
constexpr office::CellKind kInteger = office::CellKind::integer;
constexpr office::CellKind kDate = office::CellKind::date;

}  // namespace

const std::vector<SheetColumn>& sheet_layout() {
  static const std::vector<SheetColumn> columns{
      {{"no", {"STT", "số thứ tự", "tt"}}, true, kInteger, 5},
      {{"code", {"Mã camera", "mã", "mã số"}}, true, kText, 16},
      {{"village", {"Thôn/Tổ dân phố", "thôn", "tổ dân phố", "thôn, tổ dân phố", "thôn/tổ"}}, true, kText, 16},
      {{"owner_kind", {"Loại chủ sở hữu", "chủ sở hữu là"}, true}, true, kText, 14},
      {{"owner_name", {"Chủ sở hữu", "tên chủ sở hữu", "họ tên chủ sở hữu", "chủ hộ"}}, true, kText, 22, true},
      {{"owner_phone", {"Số điện thoại", "điện thoại", "sđt"}}, true, kText, 14, true},
      {{"owner_address", {"Địa chỉ chủ sở hữu"}}, true, kText, 24, true},
      {{"place", {"Địa chỉ", "vị trí lắp đặt", "nơi lắp đặt", "vị trí"}}, true, kText, 28},
      {{"lat", {"Vĩ độ"}}, false},
      {{"lon", {"Kinh độ"}}, false},
      {{"point", {"Tọa độ", "toạ độ", "vị trí (tọa độ)"}}, true, kText, 24},
      {{"bearing", {"Hướng (độ)", "hướng", "hướng quay"}}, true, kInteger, 8},
      {{"fov", {"Góc nhìn (độ)", "góc nhìn"}}, true, kInteger, 8},
      {{"range_m", {"Tầm xa (m)", "tầm xa", "tầm quan sát (m)"}}, true, kInteger, 8},
      {{"camera_type", {"Loại camera", "chủng loại"}}, true, kText, 12},
      {{"resolution", {"Độ phân giải"}}, true, kText, 10},
      {{"night_vision", {"Hồng ngoại", "quay đêm"}}, true, kText, 10},
      {{"retention_days", {"Số ngày lưu", "thời gian lưu (ngày)", "lưu trữ (ngày)"}}, true, kInteger, 9},
      {{"storage", {"Thiết bị lưu", "lưu trữ"}}, true, kText, 12},
      {{"funding", {"Nguồn kinh phí", "kinh phí từ"}}, true, kText, 14},
      {{"cost_vnd", {"Kinh phí (đồng)", "kinh phí", "giá trị (đồng)"}}, true, kInteger, 12},
      {{"installed_on", {"Ngày lắp đặt", "ngày lắp"}}, true, kDate, 11},
      {{"sharing", {"Mức chia sẻ", "chia sẻ"}}, true, kText, 16},
      {{"commitment_signed_on", {"Ngày ký cam kết", "ngày cam kết"}}, true, kDate, 11},
      {{"status", {"Tình trạng", "trạng thái"}}, true, kText, 12},
      {{"note", {"Ghi chú"}}, true, kText, 30},
  };
  return columns;
}

const std::vector<importkit::ColumnSpec>& sheet_columns() {
  static const std::vector<importkit::ColumnSpec> specs = [] {
    std::vector<importkit::ColumnSpec> out;
    for (const auto& c : sheet_layout()) out.push_back(c.spec);
    return out;
  }();
  return specs;
}

std::string sheet_phone(const std::string& cell) {
  bool digits = !cell.empty() && cell.find_first_not_of("0123456789") == std::string::npos;
  if (digits && cell[0] != '0' && (cell.size() == 9 || (cell.size() == 10 && cell[0] == '2'))) return "0" + cell;
  return cell;
}

}  // namespace antq::cameras::internal
