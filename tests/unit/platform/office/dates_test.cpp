// Dates in official documents, as Decree 30/2020 writes them.
#include "platform/office/dates.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace antq::office {
namespace {

TEST(DecreeDate, PadsDaysUnderTenAndTheMonthsJanuaryAndFebruaryOnly) {
  struct Row {
    std::string date;
    std::string written;
  };
  const std::vector<Row> table = {
      {"2026-02-05", "ngày 05 tháng 02 năm 2026"}, {"2026-03-15", "ngày 15 tháng 3 năm 2026"},
      {"2026-01-01", "ngày 01 tháng 01 năm 2026"}, {"2026-01-31", "ngày 31 tháng 01 năm 2026"},
      {"2025-07-01", "ngày 01 tháng 7 năm 2025"},  {"2026-10-09", "ngày 09 tháng 10 năm 2026"},
      {"2026-12-10", "ngày 10 tháng 12 năm 2026"}, {"2028-02-29", "ngày 29 tháng 02 năm 2028"},
  };
  for (const auto& row : table) EXPECT_EQ(decree_date(row.date), row.written) << row.date;
}

TEST(DecreeDate, RefusesWhatIsNotARealDate) {
  for (const char* bad : {"2026-02-30", "2026-13-01", "05/02/2026", "", "2026-2-5"}) {
    EXPECT_THROW(decree_date(bad), std::invalid_argument) << bad;
  }
}

}  // namespace
}  // namespace antq::office
