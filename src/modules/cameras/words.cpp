#include "modules/cameras/words.hpp"

#include <vector>

#include "platform/text/text.hpp"

namespace antq::cameras::words {
namespace {

struct Meaning {
  std::string_view code;
  std::vector<std::string_view> words;  // the first is what a sheet shows
};

const std::vector<Meaning>& meanings(Column column) {
  static const std::vector<Meaning> owner_kinds{
      {"public", {"Công cộng", "công an xã", "ubnd xã", "nhà nước"}},
      {"household", {"Hộ gia đình", "hộ dân", "cá nhân", "gia đình"}},
      {"business", {"Doanh nghiệp", "cửa hàng", "cơ sở kinh doanh", "hộ kinh doanh"}},
      {"agency", {"Cơ quan", "cơ quan, đơn vị", "đơn vị"}},
      {"school", {"Trường học", "trường"}}};
  static const std::vector<Meaning> statuses{
      {"working", {"Hoạt động", "đang hoạt động", "tốt", "bình thường"}},
      {"faulty", {"Hỏng", "hư", "hư hỏng", "hỏng hóc", "mất tín hiệu", "không hoạt động"}},
      {"removed", {"Đã tháo", "tháo dỡ", "đã tháo dỡ", "thu hồi"}}};
  static const std::vector<Meaning> sharings{{"live", {"Trực tiếp", "kết nối trực tiếp", "chia sẻ trực tiếp"}},
                                             {"on_request", {"Theo yêu cầu", "khi có yêu cầu", "có cam kết"}},
                                             {"none", {"Không chia sẻ", "không"}}};
  static const std::vector<Meaning> storages{{"nvr", {"Đầu ghi", "đầu ghi hình", "nvr", "dvr"}},
                                             {"cloud", {"Đám mây", "lưu trữ đám mây", "cloud"}},
                                             {"memory_card", {"Thẻ nhớ", "thẻ sd", "sd"}}};
  static const std::vector<Meaning> fundings{{"socialised", {"Xã hội hóa", "xhh", "dân đóng góp"}},
                                             {"commune_budget", {"Ngân sách xã", "ngân sách", "nhà nước"}},
                                             {"shared", {"Kết hợp", "ngân sách và xã hội hóa"}}};
  switch (column) {
    case Column::owner_kind:
      return owner_kinds;
    case Column::status:
      return statuses;
    case Column::sharing:
      return sharings;
    case Column::storage:
      return storages;
    case Column::funding:
      break;
  }
  return fundings;
}

}  // namespace

std::string code_for(Column column, std::string_view cell) {
  auto folded = text::fold(cell);
  if (folded.empty()) return "";
  for (const auto& m : meanings(column)) {
    if (folded == m.code) return std::string(m.code);
    for (auto w : m.words) {
      if (folded == text::fold(w)) return std::string(m.code);
    }
  }
  return std::string(cell);
}

std::string_view words_for(Column column, std::string_view code) {
  for (const auto& m : meanings(column)) {
    if (m.code == code) return m.words.front();
  }
  return code;
}

}  // namespace antq::cameras::words
