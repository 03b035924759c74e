#pragma once
// Dates as official documents write them (Decree 30/2020/NĐ-CP, Appendix I).
#include <string>
#include <string_view>

namespace antq::office {

// "ngày 05 tháng 02 năm 2026" for '2026-02-05', "ngày 15 tháng 3 năm 2026" for
// '2026-03-15': days under 10 and the months 1 and 2 take a leading zero, other
// months none. Throws std::invalid_argument unless `date` is a real 'YYYY-MM-DD'.
std::string decree_date(std::string_view date);

}  // namespace antq::office
